import { heading, lines, para, table, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Transcripts graded in UK marks, US and Korean GPAs, Nigerian CGPA /5 and Indian CGPA /10. */
export const TRANSCRIPTS_A: LabelledDocument[] = [
  {
    id: 'transcript-uk-percent-class',
    filename: 'Transcript.pdf',
    format: 'pdf',
    kind: 'transcript',
    // A UK mark is already on the UK scale: the average (72.4) is more precise than the class (First = 75).
    grade: { system: 'uk-class', normalised: 72.4 },
    spec: {
      blocks: [
        title('University of Leeds'),
        title('Academic Transcript'),
        ...lines(`
          Student: Eleanor Hughes    Student ID: 201534221
          Programme: BSc Computer Science (Hons)    Period of study: 2021 - 2024
        `),
        heading('Level 2 (2022/23)'),
        table([
          ['Code', 'Module title', 'Credits', 'Mark'],
          ['COMP2211', 'Software Engineering', '20', '68'],
          ['COMP2421', 'Numerical Computation', '10', '74'],
          ['COMP2611', 'Artificial Intelligence', '10', '81'],
          ['COMP2711', 'Algorithms and Data Structures II', '20', '70'],
          ['COMP2931', 'Databases', '10', '66'],
          ['MATH2715', 'Statistical Methods', '10', '72'],
        ]),
        heading('Level 3 (2023/24)'),
        table([
          ['Code', 'Module title', 'Credits', 'Mark'],
          ['COMP3011', 'Web Services and Web Data', '20', '73'],
          ['COMP3211', 'Distributed Systems', '10', '69'],
          ['COMP3611', 'Machine Learning', '20', '79'],
          ['COMP3631', 'Intelligent Systems and Robotics', '20', '71'],
          ['COMP3931', 'Individual Project', '40', '76'],
        ]),
        para('Credits awarded: 360. Overall average mark: 72.4'),
        para('Degree classification: First Class Honours'),
        para('This transcript is issued by the Student Records Office, University of Leeds, 12 July 2024.'),
      ],
    },
  },
  {
    id: 'transcript-us-gpa4-misnamed',
    filename: 'documents.pdf',
    format: 'pdf',
    kind: 'transcript',
    grade: { system: 'gpa-4', normalised: 70.7 },
    spec: {
      blocks: [
        title('University of Wisconsin-Madison'),
        title('Official Transcript'),
        ...lines(`
          Name: Carter, Michael J.    Campus ID: 9081234567
          Degree: Bachelor of Science - Computer Sciences
        `),
        heading('Fall 2022'),
        table([
          ['Course', 'Title', 'Credits', 'Grade'],
          ['COMP SCI 400', 'Programming III', '3', 'A'],
          ['COMP SCI 540', 'Introduction to Artificial Intelligence', '3', 'A'],
          ['MATH 340', 'Elementary Matrix and Linear Algebra', '3', 'AB'],
          ['STAT 340', 'Data Science Modeling II', '4', 'B'],
        ]),
        para('Term GPA: 3.62   Term credits: 13'),
        heading('Spring 2023'),
        table([
          ['Course', 'Title', 'Credits', 'Grade'],
          ['COMP SCI 577', 'Introduction to Algorithms', '4', 'A'],
          ['COMP SCI 532', 'Matrix Methods in Machine Learning', '3', 'A'],
          ['ECE 533', 'Image Processing', '3', 'AB'],
          ['PHYSICS 202', 'General Physics', '5', 'A'],
        ]),
        para('Term GPA: 3.85   Term credits: 15'),
        para('Cumulative credits: 121   Cumulative GPA: 3.72'),
        para(
          'Issued to student. Grading scale: A = 4.0, AB = 3.5, B = 3.0, BC = 2.5, C = 2.0, D = 1.0, F = 0.0',
        ),
      ],
    },
  },
  {
    id: 'transcript-korea-gpa43',
    filename: 'grade_report_kaist.docx',
    format: 'docx',
    kind: 'transcript',
    grade: { system: 'gpa-4.3', normalised: 69.2 },
    spec: {
      blocks: [
        title('Korea Advanced Institute of Science and Technology'),
        title('Grade Report'),
        ...lines(`
          Name: Kim Min-jun    Student No.: 20190417
          Department: School of Computing    Degree: Bachelor of Science
        `),
        table([
          ['Year/Term', 'Course No.', 'Course Title', 'Credit', 'Grade'],
          ['2021 Spring', 'CS320', 'Programming Language', '3', 'A0'],
          ['2021 Spring', 'CS330', 'Operating Systems and Lab', '4', 'A+'],
          ['2021 Fall', 'CS376', 'Machine Learning', '3', 'A+'],
          ['2021 Fall', 'CS484', 'Introduction to Computer Vision', '3', 'A-'],
          ['2022 Spring', 'MAS250', 'Probability and Statistics', '3', 'A0'],
          ['2022 Spring', 'CS470', 'Introduction to Artificial Intelligence', '3', 'B+'],
          ['2022 Fall', 'BiS438', 'Medical Image Processing', '3', 'A+'],
        ]),
        para('Total credits earned: 136    Cumulative GPA: 3.91 / 4.3'),
        para('Grade points: A+ = 4.3, A0 = 4.0, A- = 3.7, B+ = 3.3, B0 = 3.0, B- = 2.7'),
      ],
    },
  },
  {
    id: 'transcript-nigeria-gpa5-misnamed',
    filename: 'certificates.rtf',
    format: 'rtf',
    kind: 'transcript',
    grade: { system: 'gpa-5', normalised: 70 },
    spec: {
      blocks: [
        title('UNIVERSITY OF LAGOS'),
        title('STUDENT ACADEMIC TRANSCRIPT'),
        ...lines(`
          Name: OKAFOR, Adebayo    Matric No.: 160407023
          Faculty: Engineering    Department: Biomedical Engineering
        `),
        heading('400 Level - First Semester 2019/2020'),
        table([
          ['Course Code', 'Course Title', 'Units', 'Score', 'Grade'],
          ['BME 401', 'Biomedical Instrumentation', '3', '78', 'A'],
          ['BME 403', 'Medical Imaging Systems', '3', '82', 'A'],
          ['BME 405', 'Biomechanics II', '3', '66', 'B'],
          ['GEG 401', 'Engineering Management', '2', '71', 'A'],
          ['EEG 409', 'Digital Signal Processing', '3', '74', 'A'],
        ]),
        heading('500 Level - Second Semester 2020/2021'),
        table([
          ['Course Code', 'Course Title', 'Units', 'Score', 'Grade'],
          ['BME 502', 'Rehabilitation Engineering', '3', '72', 'A'],
          ['BME 504', 'Final Year Project', '6', '80', 'A'],
          ['BME 506', 'Clinical Engineering', '2', '69', 'B'],
        ]),
        para('Cumulative Grade Point Average (CGPA): 4.62 / 5.00'),
      ],
    },
  },
  {
    id: 'transcript-india-cgpa10',
    filename: 'Grade_Card_Sem1-8.pdf',
    format: 'pdf',
    kind: 'transcript',
    grade: { system: 'cgpa-10', normalised: 72.4 },
    spec: {
      blocks: [
        title('Visvesvaraya Technological University, Belagavi'),
        title('Consolidated Grade Card'),
        ...lines(`
          Name of the Student: PRIYA NAIR    USN: 1RV21CS118
          Programme: Bachelor of Engineering - Computer Science and Engineering
        `),
        table([
          ['Sem', 'Course Code', 'Course Title', 'Credits', 'Grade', 'Grade Points'],
          ['III', '21CS32', 'Data Structures and Applications', '4', 'A+', '9'],
          ['III', '21CS33', 'Analog and Digital Electronics', '3', 'A', '8'],
          ['IV', '21CS42', 'Design and Analysis of Algorithms', '4', 'O', '10'],
          ['IV', '21CS43', 'Microcontroller and Embedded Systems', '4', 'A+', '9'],
          ['V', '21CS51', 'Automata Theory and Computability', '3', 'A', '8'],
          ['V', '21CS54', 'Artificial Intelligence and Machine Learning', '4', 'O', '10'],
          ['VI', '21CS61', 'Software Engineering and Project Management', '3', 'A+', '9'],
          ['VI', '21CS63', 'Computer Graphics and Image Processing', '4', 'A+', '9'],
          ['VII', '21CS71', 'Big Data Analytics', '3', 'A', '8'],
          ['VIII', '21CS81', 'Project Work', '10', 'O', '10'],
        ]),
        para('Total Credits Earned: 160    CGPA: 8.74'),
        para('Result: First Class with Distinction'),
        para('Controller of Examinations'),
      ],
    },
  },
];
