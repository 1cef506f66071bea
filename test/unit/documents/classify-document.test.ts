import { describe, expect, it } from 'vitest';
import { classifyDocument, type KindDecision } from '../../../src/documents/classify-document.ts';

/** Classifies a plain text as read from a PDF of `pages` pages. */
function classifyText(text: string, filename: string | null = null, pages: number | null = 1): KindDecision {
  return classifyDocument({
    filename,
    contentType: 'application/pdf',
    extraction: { status: 'ok', text, pages, format: 'pdf' },
  });
}

const CV = `Priya Nair
priya.nair@example.in | +91 98450 12345 | github.com/priyanair
Education
2021 - 2025 B.E. Computer Science and Engineering, RV College of Engineering, CGPA 8.74/10
Experience
Jun 2024 - Aug 2024 Research intern, Indian Institute of Science: MRI super-resolution
Projects
Brain tumour segmentation with nnU-Net (2024)
Skills
Python, PyTorch, C++, OpenCV
Awards
KVPY Fellowship 2020`;

const TRANSCRIPT = `University of Leeds
Academic Transcript
Student: Eleanor Hughes  Programme: BSc Computer Science
Code Module title Credits Mark
COMP2211 Software Engineering 20 68
COMP2421 Numerical Computation 10 74
COMP2611 Artificial Intelligence 10 81
COMP3011 Web Services and Web Data 20 73
COMP3611 Machine Learning 20 79
COMP3931 Individual Project 40 76
Overall average mark: 72.4
Degree classification: First Class Honours`;

const PAPER = `Calibration-Aware Training for Brain Tumour Segmentation
Eleanor Hughes, Anil Patel
Abstract
Deep networks segment brain tumours accurately but are over-confident where they are wrong [1, 2].
1 Introduction
Automatic segmentation supports radiotherapy planning [3]. Mehrtash et al. [5] showed poor calibration.
2 Related Work
Temperature scaling [5], deep ensembles [4] and Bayesian approximations (Kendall and Gal, 2017) were tried.
3 Method
We train a 3D U-Net with a calibration term.
4 Results
Our method reduces the calibration error by 37%.
5 Conclusion
Calibration can be trained for directly.
References
[1] O. Ronneberger et al. U-Net. MICCAI 2015.
[2] F. Isensee et al. nnU-Net. Nature Methods 2021.`;

const COVER_LETTER = `Dear Professor Whitfield,
I am writing to apply for the PhD position in medical image analysis advertised on your website.
My research interests lie in Bayesian deep learning, and my final-year project on glioma segmentation
was published at MIUA 2024. I would be delighted to join your group, and I believe my experience with
PyTorch would let me contribute from the start. My CV and transcript are attached.
Thank you for considering my application.
Yours sincerely,
Eleanor Hughes`;

const REFERENCE = `School of Computing, University of Leeds
To whom it may concern
I have known Eleanor Hughes for three years, first as her lecturer and then as the supervisor of her
final-year project. She was among the best students in a class of 180. Her project was accepted at MIUA,
and she presented it with confidence. She is a generous colleague, and her work ethic is exemplary.
I recommend her without reservation for doctoral study.
Yours faithfully,
Dr Anil Patel
Associate Professor, School of Computing`;

const DEGREE_CERTIFICATE = `University of Leeds
This is to certify that
Eleanor Mary Hughes
having fulfilled the requirements of the University has been awarded the degree of
Bachelor of Science in Computer Science with First Class Honours
Vice-Chancellor    Registrar`;

const IELTS = `IELTS
Test Report Form
ACADEMIC
Centre Number IN512  Candidate Number 004721
Listening 8.5  Reading 8.0  Writing 7.0  Speaking 7.5
Overall Band Score 8.0  CEFR Level C1`;

describe('classifyDocument on content', () => {
  it.each([
    ['a CV', CV, 'cv'],
    ['a transcript', TRANSCRIPT, 'transcript'],
    ['a paper', PAPER, 'research'],
    ['a cover letter', COVER_LETTER, 'cover-letter'],
    ['a reference letter', REFERENCE, 'reference'],
    ['a degree certificate', DEGREE_CERTIFICATE, 'certificate'],
    ['an IELTS test report form', IELTS, 'certificate'],
  ] as const)('recognises %s from its text alone', (_what, text, kind) => {
    const decision = classifyText(text);
    expect(decision.kind).toBe(kind);
    expect(decision.source).toBe('content');
  });

  it('explains a transcript by its title, grade table and module codes, strongest first', () => {
    const decision = classifyText(TRANSCRIPT);
    expect(decision.evidence.slice(0, 2)).toEqual(["title 'Academic Transcript'", 'grade table (6 rows)']);
    expect(decision.evidence).toEqual(expect.arrayContaining(['6 module codes', 'overall result']));
  });

  it('names the clues a supervisor can check for each kind', () => {
    expect(classifyText(CV).evidence[0]).toBe('5 CV sections (education, experience, projects +2)');
    expect(classifyText(PAPER).evidence).toEqual(expect.arrayContaining(['abstract', 'bibliography']));
    expect(classifyText(COVER_LETTER).evidence).toEqual(expect.arrayContaining(['salutation', 'closing']));
    expect(classifyText(REFERENCE).evidence).toContain("'To whom it may concern'");
    expect(classifyText(DEGREE_CERTIFICATE).evidence).toContain("'This is to certify'");
  });

  it('recognises a long document without headings as research by its length and citations', () => {
    const body = 'Prior work (Smith et al., 2020) and [3] and [4] and [5] show the effect. '.repeat(40);
    const decision = classifyText(`Abstract\n${body}\nReferences\n[1] A. Author. Title. 2020.`, null, 12);
    expect(decision.kind).toBe('research');
    expect(decision.evidence).toContain('12 pages');
  });

  it('reads a statement of purpose without salutation as a cover letter', () => {
    const text = `Statement of Purpose
When my grandmother's cancer was found too late, I began to wonder whether a computer could have seen it.
I want to pursue a PhD in medical imaging because my long-term goal is trustworthy AI in hospitals.
My internship taught me that robustness is the problem I want to work on. I am confident that my
preparation makes me a strong candidate.`;
    expect(classifyText(text).kind).toBe('cover-letter');
  });

  it('reads a referee who writes "I am writing to recommend" as a reference, not a cover letter', () => {
    const text = `Dear Members of the Admissions Committee,
I am writing to recommend Mr. Jonas Müller for the doctoral position. Jonas wrote his master's thesis under
my supervision, and his thesis was graded 1.0. He is among the top three students I have supervised, and
his independence is remarkable. I recommend him most warmly.
Sincerely,
Prof. Dr. Klaus Hoffmann, Technical University of Munich`;
    expect(classifyText(text).kind).toBe('reference');
  });

  it('recognises titles in other languages', () => {
    expect(
      classifyText('Relevé de notes\nAnalyse 6 15,5\nProbabilités 6 14,0\nMoyenne générale : 15,1/20').kind,
    ).toBe('transcript');
    expect(
      classifyText('成绩单\n课程名称 学分 成绩\n高等数学 5.0 93\n线性代数 3.5 90\n平均学分绩点 3.8').kind,
    ).toBe('transcript');
    expect(
      classifyText('Lebenslauf\nAusbildung\n2019 – 2022 B.Sc. Informatik\nSprachen\nDeutsch, Englisch').kind,
    ).toBe('cv');
    expect(classifyText('个人简历\n教育背景\n2020.09 - 2024.06 浙江大学\n专业技能\nPython').kind).toBe('cv');
    expect(classifyText('Lettera di referenze\nLa raccomando senza riserve.\nCordiali saluti').kind).toBe(
      'reference',
    );
  });

  it('reads a CV with a numbered publication list as a CV, not a paper', () => {
    const publications = Array.from(
      { length: 10 },
      (_, index) =>
        `[${index + 1}] J. Doe, A. Patel et al. Study ${index}. MICCAI ${2010 + index}, pp. 1-10.`,
    );
    const text = [
      'Jane Doe',
      'jane.doe@example.com',
      'Education',
      '2016 - 2020 PhD, University of Oxford',
      'Publications',
      ...publications,
      'Talks',
      'Invited talk, MIDL 2022',
      'References',
      'Available on request',
    ].join('\n');
    expect(classifyText(text, 'publications.pdf', 3).kind).toBe('cv');
  });

  it('reads "This is to certify that the following is the record" above a grade table as a transcript', () => {
    const text = `RV College of Engineering
This is to certify that the following is the record of academic performance of Ms. Priya Nair
Semester Course Code Course Title Credits Grade
I 21MAT11 Calculus 4 A
I 21PHY12 Physics 4 A+
II 21CS22 Programming 3 O
II 21EL23 Electronics 3 A
CGPA: 8.74`;
    expect(classifyText(text, 'certificate.pdf').kind).toBe('transcript');
  });

  it('reads a bonafide certificate as a certificate', () => {
    const text = `To whom it may concern
This is to certify that Mr. Rahul Sharma was a bonafide student of this institute from 2020 to 2024.
Principal`;
    expect(classifyText(text).kind).toBe('certificate');
  });

  it('leaves a passport page as other', () => {
    const text = `PASSPORT
Type P  Code IND  Passport No. Z1234567
Surname SHARMA  Given Names RAHUL
Nationality INDIAN  Date of Birth 02/08/2002
P<INDSHARMA<<RAHUL<<<<<<<<<<<<<<<<<<<<<<<<<<`;
    expect(classifyText(text, 'passport.pdf')).toMatchObject({ kind: 'other', source: 'none' });
  });
});
