import { heading, lines, para, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Cover letters, statements of purpose and motivation letters, in four languages, two of them misnamed. */
export const COVER_LETTERS: LabelledDocument[] = [
  {
    id: 'cover-letter-named-cv',
    filename: 'CV.pdf',
    format: 'pdf',
    kind: 'cover-letter',
    spec: {
      blocks: [
        ...lines(`
          Eleanor Hughes
          14 Clarendon Road, Leeds LS2 9JT
          eleanor.hughes@example.ac.uk
          3 March 2025
        `),
        para('Dear Professor Whitfield,'),
        para(
          'I am writing to apply for the fully funded PhD position in uncertainty-aware medical image analysis advertised on FindAPhD. I recently graduated from the University of Leeds with a First Class BSc in Computer Science, and my final-year project on calibrated glioma segmentation was published at MIUA 2024.',
        ),
        para(
          "My research interests lie at the intersection of Bayesian deep learning and clinical imaging. During my summer internship I built a registration pipeline for cardiac MRI, which taught me how much clinical usefulness depends on knowing when a model is wrong. Your group's work on probabilistic segmentation is the reason I want to pursue a PhD in Edinburgh.",
        ),
        para(
          'I believe my experience with PyTorch and MONAI, and my training in statistics, would let me contribute from the first month. I would be delighted to join your group and to discuss the project with you. My CV and transcript are attached.',
        ),
        para('Thank you for considering my application.'),
        para('Yours sincerely,'),
        para('Eleanor Hughes'),
      ],
    },
  },
  {
    id: 'cover-letter-sop-named-resume',
    filename: 'Resume.docx',
    format: 'docx',
    kind: 'cover-letter',
    spec: {
      blocks: [
        title('Statement of Purpose'),
        para('Rahul Sharma - Applicant, PhD in Biomedical Engineering'),
        para(
          "When my grandmother's lung cancer was found too late on a routine X-ray, I began to wonder whether a computer could have seen it earlier. That question has shaped my studies ever since. At IIT Roorkee I chose every elective I could in signal and image processing, and my final-year project on lung nodule detection in CT taught me both the promise and the fragility of deep learning in medicine.",
        ),
        para(
          "During my internship at the Indian Institute of Science I worked on domain shift between scanners. I found that a model trained on one hospital's data lost 11 points of sensitivity on another's, and I became convinced that robustness, not accuracy, is the problem worth a doctorate.",
        ),
        para(
          'I want to pursue a PhD in your department because of its close collaboration with the radiology department and its work on federated learning. In the long term my goal is to lead a research group that brings trustworthy imaging AI to district hospitals in India.',
        ),
        para(
          'I am confident that my preparation and my motivation make me a strong candidate for your programme.',
        ),
      ],
    },
  },
  {
    id: 'cover-letter-personal-statement-txt',
    filename: 'personal_statement.txt',
    format: 'txt',
    kind: 'cover-letter',
    spec: {
      blocks: [
        title('Personal Statement'),
        para(
          'I have always been drawn to problems where mathematics meets people. As an undergraduate in Biomedical Engineering at the University of Michigan I discovered computational imaging, and I spent two years in the Computational Imaging Lab developing a self-supervised denoiser for low-dose CT.',
        ),
        para(
          'That project taught me to read the literature critically, to design careful experiments, and to present my work: my first-author abstract was accepted at SPIE Medical Imaging 2024. It also showed me the limits of my training, and I now want the depth that only doctoral study gives.',
        ),
        para(
          'I am applying to the PhD programme in Medical Physics because its faculty combine MR physics with machine learning. I hope to work on accelerated MRI reconstruction, and I would be glad to contribute to teaching as I did as a tutor for three semesters.',
        ),
      ],
    },
  },
  {
    id: 'cover-letter-motivation-de',
    filename: 'Motivationsschreiben.odt',
    format: 'odt',
    kind: 'cover-letter',
    spec: {
      blocks: [
        ...lines(`
          Jonas Müller · Leopoldstraße 12 · 80802 München
          Technische Universität Berlin, Fachgebiet Medizinische Bildverarbeitung, Prof. Dr. Weber
          München, 2. März 2025
        `),
        para('Bewerbung um die Promotionsstelle „Lernbasierte Bildregistrierung“ (Kennziffer IV-123/25)'),
        para('Sehr geehrte Frau Professorin Weber,'),
        para(
          'hiermit bewerbe ich mich um die ausgeschriebene Promotionsstelle in Ihrem Fachgebiet. Im September habe ich mein Masterstudium der Informatik an der TU München mit der Note 1,4 abgeschlossen; meine Masterarbeit behandelte die Registrierung von CT- und MRT-Aufnahmen mit neuronalen Netzen.',
        ),
        para(
          'Ihre Arbeiten zur diffeomorphen Registrierung haben mich während meines Studiums begleitet. Als Werkstudent bei Siemens Healthineers habe ich gelernt, Methoden so zu entwickeln, dass sie im klinischen Alltag bestehen. Diese Erfahrung möchte ich in Ihre Gruppe einbringen.',
        ),
        para('Über eine Einladung zu einem persönlichen Gespräch freue ich mich sehr.'),
        para('Mit freundlichen Grüßen'),
        para('Jonas Müller'),
      ],
    },
  },
  {
    id: 'cover-letter-lettre-fr',
    filename: 'lettre_de_motivation.rtf',
    format: 'rtf',
    kind: 'cover-letter',
    spec: {
      blocks: [
        para('Camille Dubois - 12 rue des Écoles, 75005 Paris'),
        para("Objet : candidature au contrat doctoral « Apprentissage pour le recalage d'images IRM »"),
        para('Madame, Monsieur,'),
        para(
          "Titulaire du Master MVA de l'ENS Paris-Saclay, je souhaite postuler au contrat doctoral proposé par votre équipe. Mon stage de recherche à Inria Saclay sur le recalage d'images IRM m'a convaincue de poursuivre en thèse dans ce domaine.",
        ),
        para(
          "Ma formation en optimisation et en statistique bayésienne, ainsi que mon expérience de la programmation en Python et C++, me permettront de contribuer rapidement à vos travaux. Je serais heureuse de vous présenter mon projet lors d'un entretien.",
        ),
        para("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
        para('Camille Dubois'),
      ],
    },
  },
  {
    id: 'cover-letter-zijianxin-zh',
    filename: '自荐信.docx',
    format: 'docx',
    kind: 'cover-letter',
    spec: {
      blocks: [
        title('自荐信'),
        para('尊敬的王教授：'),
        para(
          '您好！我是浙江大学计算机科学与技术专业的应届本科毕业生李伟，希望申请您课题组2025年的博士研究生名额。',
        ),
        para(
          '本科期间我的平均学分绩点为4.52/5.0，专业排名前5%。我在医学影像实验室从事了一年半的肝脏肿瘤分割研究，并以第一作者身份在ISBI 2024发表论文。',
        ),
        para(
          '我对您在多模态医学图像配准方面的工作非常感兴趣，希望能在您的指导下继续深入研究。随信附上我的简历和成绩单，恳请您考虑我的申请。',
        ),
        para('此致'),
        para('敬礼！'),
        para('李伟　2025年3月1日'),
      ],
    },
  },
  {
    id: 'cover-letter-email-style-html',
    filename: 'letter.html',
    format: 'html',
    kind: 'cover-letter',
    spec: {
      blocks: [
        heading('Application: PhD studentship in computational pathology (ref. CP-2025-07)'),
        para('Dear Dr Okonkwo,'),
        para(
          'I would like to apply for the PhD studentship in computational pathology. I hold a Laurea Magistrale in Artificial Intelligence from the University of Bologna (110/110 cum laude) and currently work as a research fellow on whole-slide image classification.',
        ),
        para(
          'My MICCAI 2023 paper on stain-invariant features addressed exactly the domain-shift problem your project describes, and I am eager to extend it to segmentation with weak labels. I have attached a short research proposal, my CV and my transcripts.',
        ),
        para('I look forward to hearing from you.'),
        para('Kind regards,'),
        para('Giulia Rossi'),
      ],
    },
  },
];
