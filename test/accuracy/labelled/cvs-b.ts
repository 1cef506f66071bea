import { heading, lines, para, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** CVs: Italian Europass, American résumé, French CV under a neutral name, Nigerian plain text, a scan. */
export const CVS_B: LabelledDocument[] = [
  {
    id: 'cv-italy-europass',
    filename: 'Rossi_Giulia_Europass.odt',
    format: 'odt',
    kind: 'cv',
    spec: {
      blocks: [
        title('Europass Curriculum Vitae'),
        heading('Personal information'),
        ...lines(`
          Giulia Rossi
          Via Zamboni 33, 40126 Bologna, Italy
          giulia.rossi@example.it · +39 333 123 4567
        `),
        heading('Work experience'),
        ...lines(`
          01/2024 – present Research fellow (assegno di ricerca), Department of Computer Science, University of Bologna
          Deep learning for histopathology whole-slide images; supervision of two MSc students.
        `),
        heading('Education and training'),
        ...lines(`
          2021 – 2023 Laurea Magistrale in Artificial Intelligence, University of Bologna, 110/110 cum laude
          2018 – 2021 Laurea Triennale in Informatica, University of Padova, 108/110
        `),
        heading('Personal skills'),
        ...lines(`
          Mother tongue: Italian
          Other languages: English (C1, IELTS 7.5), Spanish (B2)
          Digital skills: Python, PyTorch, R, SQL, Linux
        `),
        heading('Publications'),
        para('G. Rossi, M. Bianchi et al., "Stain-invariant features for WSI classification", MICCAI 2023.'),
      ],
    },
  },
  {
    id: 'cv-us-resume-html',
    filename: 'resume.html',
    format: 'html',
    kind: 'cv',
    spec: {
      blocks: [
        title('Michael J. Carter'),
        para('Ann Arbor, MI · mcarter@example.edu · (734) 555-0147 · mcarter.github.io'),
        heading('Education'),
        ...lines(`
          University of Michigan, Ann Arbor — B.S.E. Biomedical Engineering, May 2024. GPA 3.81/4.00
          Relevant coursework: BIOMEDE 221, EECS 445 Machine Learning, EECS 442 Computer Vision
        `),
        heading('Research Experience'),
        ...lines(`
          Undergraduate Researcher, Computational Imaging Lab — Sep 2022 – May 2024
          Developed a self-supervised denoiser for low-dose CT; first-author abstract at SPIE Medical Imaging 2024.
        `),
        heading('Honors & Awards'),
        para("James B. Angell Scholar (2022, 2023); Tau Beta Pi; Dean's List every term."),
        heading('Skills'),
        para('Python, PyTorch, JAX, MATLAB, CUDA, Git; MRI physics; technical writing.'),
        heading('Leadership'),
        para('President, Biomedical Engineering Society student chapter, 2023 – 2024.'),
      ],
    },
  },
  {
    id: 'cv-france-rtf-misnamed',
    filename: 'documents.rtf',
    format: 'rtf',
    kind: 'cv',
    spec: {
      blocks: [
        title('Curriculum Vitae'),
        ...lines(`
          Camille Dubois
          12 rue des Écoles, 75005 Paris · camille.dubois@example.fr · +33 6 12 34 56 78
        `),
        heading('Formation'),
        ...lines(`
          2022 – 2024 Master Mathématiques, Vision, Apprentissage (MVA), ENS Paris-Saclay, mention Très bien
          2019 – 2022 Licence de Mathématiques, Sorbonne Université
        `),
        heading('Expérience professionnelle'),
        ...lines(`
          avril 2024 – septembre 2024 Stage de recherche, Inria Saclay : recalage d'images IRM
          2023 – 2024 Chargée de TD, Sorbonne Université
        `),
        heading('Compétences'),
        para('Python, PyTorch, C++, ITK ; statistiques bayésiennes ; LaTeX'),
        heading('Langues'),
        para('Français (langue maternelle), anglais (C1, TOEFL iBT 108), allemand (B1)'),
        heading("Centres d'intérêt"),
        para('Escalade, photographie'),
      ],
    },
  },
  {
    id: 'cv-nigeria-txt',
    filename: 'Adebayo Okafor.txt',
    format: 'txt',
    kind: 'cv',
    spec: {
      blocks: [
        title('ADEBAYO OKAFOR'),
        para('Lagos, Nigeria | adebayo.okafor@example.ng | +234 803 123 4567'),
        heading('PROFILE'),
        para('Biomedical engineer with two years of research experience in retinal image analysis.'),
        heading('EDUCATION'),
        ...lines(`
          2016 - 2021 B.Eng. Biomedical Engineering, University of Lagos - First Class (CGPA 4.62/5.00)
          2022 - 2023 MSc Medical Imaging, University of Cape Town - Distinction
        `),
        heading('EXPERIENCE'),
        ...lines(`
          2023 - present Graduate assistant, Department of Biomedical Engineering, University of Lagos
          2021 - 2022 National Youth Service Corps, Lagos University Teaching Hospital (radiology unit)
        `),
        heading('PUBLICATIONS'),
        para(
          'Okafor A., Mensah K. et al. Diabetic retinopathy grading on low-cost fundus images. ISBI 2023.',
        ),
        heading('SKILLS'),
        para('Python, TensorFlow, OpenCV, MATLAB; fundus and OCT imaging'),
        heading('REFEREES'),
        para('Prof. K. Mensah, University of Cape Town; Dr F. Bello, University of Lagos'),
      ],
    },
  },
  {
    id: 'cv-scanned-lebenslauf',
    filename: 'Lebenslauf_scan.pdf',
    format: 'pdf',
    kind: 'cv',
    build: { scanned: true },
    spec: {
      blocks: [
        title('Lebenslauf'),
        para('Anna Schmidt, Hauptstrasse 5, 01069 Dresden'),
        heading('Ausbildung'),
        para('2019 - 2024 Diplom Informatik, TU Dresden'),
      ],
    },
  },
];
