import { heading, lines, para, table, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Degree certificates (UK, Indian, Italian, German, Chinese), an IELTS TRF, a TOEFL report, an award. */
export const CERTIFICATES: LabelledDocument[] = [
  {
    id: 'certificate-uk-degree',
    filename: 'degree_certificate.pdf',
    format: 'pdf',
    kind: 'certificate',
    grade: { system: 'uk-class', normalised: 75 },
    spec: {
      blocks: [
        title('University of Leeds'),
        para('This is to certify that'),
        title('Eleanor Mary Hughes'),
        para('having fulfilled the requirements of the University has been awarded the degree of'),
        title('Bachelor of Science'),
        para('in Computer Science with First Class Honours'),
        para('Given under the seal of the University on 18 July 2024'),
        para('Vice-Chancellor                Registrar'),
      ],
    },
  },
  {
    id: 'certificate-ielts-trf',
    filename: 'IELTS.pdf',
    format: 'pdf',
    kind: 'certificate',
    spec: {
      blocks: [
        title('IELTS'),
        title('Test Report Form'),
        para('ACADEMIC'),
        ...lines(`
          Centre Number: IN512    Date: 14/OCT/2023    Candidate Number: 004721
          Candidate Details
          Family Name: SHARMA    First Name: RAHUL
          Date of Birth: 02/08/2002    Sex: M    Country or Region of Origin: INDIA
        `),
        heading('Test Results'),
        table([
          ['Listening', 'Reading', 'Writing', 'Speaking', 'Overall Band Score', 'CEFR Level'],
          ['8.5', '8.0', '7.0', '7.5', '8.0', 'C1'],
        ]),
        para('Administrator Comments: none. Validation stamp. Test Report Form Number: 23IN004721SHAR512A'),
      ],
    },
  },
  {
    id: 'certificate-toefl-html',
    filename: 'scores.html',
    format: 'html',
    kind: 'certificate',
    spec: {
      blocks: [
        title('TOEFL iBT® Test Taker Score Report'),
        ...lines(`
          Name: Dubois, Camille    Registration Number: 0000 0000 2345 6789
          Test Date: 18 November 2023    Date of Birth: 11 April 2000
        `),
        table([
          ['Reading', 'Listening', 'Speaking', 'Writing', 'Total Score'],
          ['29', '28', '24', '27', '108'],
        ]),
        para('Scores are valid for two years from the test date. ETS, Princeton, NJ.'),
      ],
    },
  },
  {
    id: 'certificate-india-provisional',
    filename: 'Provisional_Degree.docx',
    format: 'docx',
    kind: 'certificate',
    spec: {
      blocks: [
        title('Indian Institute of Technology Roorkee'),
        title('Provisional Certificate'),
        para('No. IITR/ACAD/2024/11873'),
        para(
          'This is to certify that Mr. Rahul Sharma, son of Mr. Vinod Sharma, Enrolment No. 20116071, has passed the Bachelor of Technology examination in Electronics and Communication Engineering held in May 2024 and has been placed in the First Division with a CGPA of 8.70 on a 10-point scale.',
        ),
        para('He will be awarded the degree at the next convocation of the Institute.'),
        para('Date: 30 June 2024    Deputy Registrar (Academic)'),
      ],
    },
  },
  {
    id: 'certificate-italy-diploma',
    filename: 'diploma_laurea.odt',
    format: 'odt',
    kind: 'certificate',
    spec: {
      blocks: [
        title('Repubblica Italiana'),
        title('Alma Mater Studiorum - Università di Bologna'),
        title('Diploma di Laurea Magistrale'),
        para(
          'Il Rettore, visti gli atti e accertato che Giulia Rossi, nata a Modena il 2 maggio 1999, ha superato la prova finale del corso di Laurea Magistrale in Artificial Intelligence il 14 dicembre 2023, le conferisce il titolo di Dottoressa Magistrale in Artificial Intelligence.',
        ),
        para('Bologna, 20 febbraio 2024    Il Rettore    Il Direttore Generale'),
      ],
    },
  },
  {
    id: 'certificate-germany-urkunde',
    filename: 'Bachelor_Urkunde.docx',
    format: 'docx',
    kind: 'certificate',
    spec: {
      blocks: [
        title('Universität Stuttgart'),
        title('Urkunde'),
        para(
          'Die Universität Stuttgart verleiht Herrn Jonas Müller, geboren am 14. März 2000 in Ulm, nach bestandener Bachelorprüfung im Studiengang Informatik den akademischen Grad Bachelor of Science (B.Sc.).',
        ),
        para('Stuttgart, den 30. September 2022    Der Rektor    Der Vorsitzende des Prüfungsausschusses'),
      ],
    },
  },
  {
    id: 'certificate-china-degree',
    filename: '学位证书.docx',
    format: 'docx',
    kind: 'certificate',
    spec: {
      blocks: [
        title('学士学位证书'),
        para(
          '李伟，男，2002年5月生。在浙江大学计算机科学与技术专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位条例》的规定，授予工学学士学位。',
        ),
        para('浙江大学校长　学位评定委员会主席　二〇二四年六月三十日　证书编号：1033542024001234'),
      ],
    },
  },
  {
    id: 'certificate-award-txt',
    filename: 'award.txt',
    format: 'txt',
    kind: 'certificate',
    spec: {
      blocks: [
        title('Certificate of Achievement'),
        para('presented to'),
        title('Adebayo Okafor'),
        para(
          'in recognition of outstanding performance as a finalist in the IEEE Signal Processing Cup 2021, Video Heart Rate Estimation challenge.',
        ),
        para('IEEE Signal Processing Society - June 2021 - Chair, Student Services Committee'),
      ],
    },
  },
];
