import { lines, para, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Reference letters: British, Indian, German, American (with "they") and Italian referees. */
export const REFERENCES: LabelledDocument[] = [
  {
    id: 'reference-uk-to-whom',
    filename: 'Reference_letter.pdf',
    format: 'pdf',
    kind: 'reference',
    spec: {
      blocks: [
        ...lines(`
          School of Computing, University of Leeds, Leeds LS2 9JT
          a.patel@example.ac.uk
          10 February 2025
        `),
        para('To whom it may concern'),
        para(
          'I have known Eleanor Hughes for three years, first as her lecturer in Machine Learning and then as the supervisor of her final-year project. She was consistently among the best students in a class of 180, and her project mark of 76 was the highest in the cohort.',
        ),
        para(
          'Eleanor works independently and with unusual rigour. She proposed the calibration loss in her project herself, implemented it in a week, and wrote it up as a paper that was accepted at MIUA. Her presentation at the conference was clear and confident.',
        ),
        para(
          'She is also a generous colleague: as a teaching assistant she ran weekly drop-in sessions that students rated highly. I recommend her without reservation for doctoral study.',
        ),
        para('Yours faithfully,'),
        ...lines(`
          Dr Anil Patel
          Associate Professor, School of Computing
          University of Leeds
        `),
      ],
    },
  },
  {
    id: 'reference-india-lor',
    filename: 'LOR_Prof_Kumar.docx',
    format: 'docx',
    kind: 'reference',
    spec: {
      blocks: [
        title('Letter of Recommendation'),
        para(
          'Indian Institute of Technology Roorkee, Department of Electronics and Communication Engineering',
        ),
        para(
          'It gives me immense pleasure to recommend Mr. Rahul Sharma for admission to your doctoral programme. He was a student in my courses on Digital Signal Processing and Biomedical Imaging, and he completed his final-year project under my supervision.',
        ),
        para(
          'Rahul secured a CGPA of 8.7/10 and was in the top 5% of his batch. His project on lung nodule detection showed his ability to read research papers, to implement them carefully and to question their assumptions. He is punctual, sincere and works well in a team.',
        ),
        para('I am confident that he will excel in research. I strongly recommend him for your programme.'),
        ...lines(`
          Prof. S. Kumar
          Professor and Head, Department of Electronics and Communication Engineering
          IIT Roorkee
        `),
      ],
    },
  },
  {
    id: 'reference-germany-neutral-name',
    filename: 'Prof_Weber_Muenchen.pdf',
    format: 'pdf',
    kind: 'reference',
    spec: {
      blocks: [
        ...lines(`
          Technische Universität München - Lehrstuhl für Informatikanwendungen in der Medizin
          Prof. Dr. Klaus Hoffmann
        `),
        para('Dear Members of the Admissions Committee,'),
        para(
          "I am writing to recommend Mr. Jonas Müller for the doctoral position in learning-based image registration. Jonas wrote his master's thesis under my supervision in 2024, and I had taught him in two lectures before that.",
        ),
        para(
          'His thesis, graded 1.0, proposed a symmetric registration network that outperformed the methods of two of my doctoral students. He worked with great independence; when his first approach failed he analysed the failure, not just the numbers, and found a better one.',
        ),
        para(
          'In my twenty years of teaching he is among the top three students I have supervised. I recommend him most warmly.',
        ),
        para('Sincerely,'),
        ...lines(`
          Prof. Dr. Klaus Hoffmann
          Chair for Computer Aided Medical Procedures, Technical University of Munich
        `),
      ],
    },
  },
  {
    id: 'reference-us-they',
    filename: 'recommendation_for_Alex_Kim.txt',
    format: 'txt',
    kind: 'reference',
    spec: {
      blocks: [
        para('Department of Biomedical Engineering, University of Michigan'),
        para('Dear Professor Lee,'),
        para(
          "It is my pleasure to write in support of Alex Kim's application to the PhD program in Electrical Engineering. I have known Alex since fall 2021, when they enrolled in my course on medical imaging systems; they later joined my laboratory as an undergraduate researcher.",
        ),
        para(
          'Alex was one of the strongest students I have taught in a decade. Their independent project on self-supervised CT denoising led to a first-author abstract, and they mentored two younger students in the lab.',
        ),
        para('I recommend Alex enthusiastically and without reservation.'),
        para('Sincerely,'),
        para("Sarah O'Connell, PhD, Associate Professor of Biomedical Engineering"),
      ],
    },
  },
  {
    id: 'reference-italy-lettera',
    filename: 'lettera_referenze.odt',
    format: 'odt',
    kind: 'reference',
    spec: {
      blocks: [
        title('Lettera di referenze'),
        para('Università di Bologna - Dipartimento di Informatica - Scienza e Ingegneria'),
        para('Gentili membri della commissione,'),
        para(
          'ho avuto modo di conoscere la dott.ssa Giulia Rossi come studentessa del mio corso di Machine Learning e come tesista nel mio laboratorio. La sua tesi magistrale, discussa con 110/110 e lode, ha prodotto un articolo accettato a MICCAI 2023.',
        ),
        para(
          'Giulia unisce solide basi matematiche a una rara capacità di lavorare in autonomia. La raccomando senza riserve per il dottorato di ricerca.',
        ),
        para('Cordiali saluti,'),
        para('Prof. Marco Bianchi, Professore associato'),
      ],
    },
  },
];
