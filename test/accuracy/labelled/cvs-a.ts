import { heading, lines, para, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** CVs: a British and an Indian (two-column) CV, a German Lebenslauf and a Chinese 简历. */
export const CVS_A: LabelledDocument[] = [
  {
    id: 'cv-uk-one-column',
    filename: 'CV.pdf',
    format: 'pdf',
    kind: 'cv',
    spec: {
      title: 'Curriculum Vitae - Eleanor Hughes',
      blocks: [
        title('Eleanor Hughes'),
        ...lines(`
          14 Clarendon Road, Leeds LS2 9JT, United Kingdom
          eleanor.hughes@example.ac.uk | +44 7700 900123 | github.com/ehughes
        `),
        heading('Education'),
        ...lines(`
          2021 - 2024 BSc (Hons) Computer Science, University of Leeds - First Class Honours (78%)
          Dissertation: Uncertainty estimation for brain tumour segmentation (supervisor: Dr A. Patel)
          2019 - 2021 A-levels: Mathematics (A*), Physics (A*), Computer Science (A)
        `),
        heading('Research Experience'),
        ...lines(`
          Jun 2023 - Sep 2023 Summer research intern, Leeds Institute for Data Analytics
          Built a PyTorch pipeline for registration of cardiac MRI; 12% lower target registration error.
        `),
        heading('Work Experience'),
        para(
          'Sep 2022 - Jun 2023 Teaching assistant, School of Computing (Programming for the Web, 120 students)',
        ),
        heading('Publications'),
        para(
          'E. Hughes, A. Patel. Calibrated uncertainty for glioma segmentation. MIUA 2024, Manchester, pp. 101-112.',
        ),
        heading('Skills'),
        para('Python, PyTorch, MONAI, C++, Git, Docker, LaTeX; statistics; image registration.'),
        heading('Awards'),
        para("2023 Best Undergraduate Project Prize, School of Computing; 2021 Dean's Scholarship."),
        heading('Referees'),
        para('Dr Anil Patel, Associate Professor, University of Leeds, a.patel@example.ac.uk'),
      ],
    },
  },
  {
    id: 'cv-india-two-column',
    filename: 'Resume_Rahul_Sharma.pdf',
    format: 'pdf',
    kind: 'cv',
    spec: {
      columns: 2,
      blocks: [
        title('RAHUL SHARMA'),
        para('rahul.sharma@example.in'),
        para('+91 98765 43210'),
        para('linkedin.com/in/rahulsharma'),
        heading('SKILLS'),
        para('Python, C, MATLAB, TensorFlow, OpenCV, SQL'),
        heading('LANGUAGES'),
        para('English (fluent), Hindi (native), Marathi'),
        heading('INTERESTS'),
        para('Medical imaging, chess, long-distance running'),
        heading('EDUCATION', { column: 2 }),
        para('2020 - 2024 B.Tech. Electronics and Communication, IIT Roorkee, CGPA 8.7/10', { column: 2 }),
        para('2018 - 2020 Class XII (CBSE), Delhi Public School, 94.2%', { column: 2 }),
        heading('PROJECTS', { column: 2 }),
        para('Lung nodule detection in CT with 3D U-Net (final-year project, 2023 - 2024)', { column: 2 }),
        para('Low-cost ECG monitor with an ESP32 and on-device arrhythmia detection (2022)', { column: 2 }),
        heading('INTERNSHIPS', { column: 2 }),
        para('May 2023 - Jul 2023 Research intern, Indian Institute of Science, Bengaluru', { column: 2 }),
        para('May 2022 - Jul 2022 Software intern, Tata Elxsi, Pune', { column: 2 }),
        heading('ACHIEVEMENTS', { column: 2 }),
        para('JEE Advanced 2020: All India Rank 2,341. Smart India Hackathon 2022 winner.', { column: 2 }),
      ],
    },
  },
  {
    id: 'cv-germany-lebenslauf',
    filename: 'Lebenslauf_Mueller.docx',
    format: 'docx',
    kind: 'cv',
    spec: {
      blocks: [
        title('Lebenslauf'),
        heading('Persönliche Daten'),
        ...lines(`
          Name: Jonas Müller
          Anschrift: Leopoldstraße 12, 80802 München
          E-Mail: jonas.mueller@example.de · Telefon: +49 151 23456789
          Geburtsdatum: 14.03.2000 · Staatsangehörigkeit: deutsch
        `),
        heading('Ausbildung'),
        ...lines(`
          10/2022 – 09/2024 M.Sc. Informatik, Technische Universität München (Note 1,4)
          10/2019 – 09/2022 B.Sc. Informatik, Universität Stuttgart (Note 1,8)
        `),
        heading('Berufserfahrung'),
        ...lines(`
          04/2023 – 03/2024 Werkstudent, Siemens Healthineers, Erlangen: Segmentierung von CT-Aufnahmen
          10/2021 – 03/2022 Tutor für Lineare Algebra, Universität Stuttgart
        `),
        heading('Kenntnisse'),
        para('Python, PyTorch, C++, CUDA, Docker; Bildverarbeitung, maschinelles Lernen'),
        heading('Sprachen'),
        para('Deutsch (Muttersprache), Englisch (C1), Französisch (B1)'),
        heading('Interessen'),
        para('Bergsteigen, Klavier'),
      ],
    },
  },
  {
    id: 'cv-china-jianli',
    filename: '简历-李伟.docx',
    format: 'docx',
    kind: 'cv',
    spec: {
      blocks: [
        title('个人简历'),
        ...lines(`
          姓名：李伟\u3000\u3000电话：+86 138 0013 8000\u3000\u3000邮箱：liwei@example.cn
          求职意向：医学图像处理方向博士研究生
        `),
        heading('教育背景'),
        ...lines(`
          2020.09 - 2024.06\u3000浙江大学\u3000计算机科学与技术\u3000本科\u3000GPA 3.85/4.0（专业前5%）
        `),
        heading('科研经历'),
        ...lines(`
          2022.07 - 2023.12\u3000浙江大学医学影像实验室\u3000研究助理：基于深度学习的肝脏肿瘤分割
          2023.03 - 2023.08\u3000参与国家自然科学基金项目：多模态MRI配准
        `),
        heading('发表论文'),
        para('Li W, Zhang Y, et al. Liver tumour segmentation with boundary-aware attention. ISBI 2024.'),
        heading('获奖情况'),
        para('2022 全国大学生数学建模竞赛一等奖；2021 国家奖学金'),
        heading('专业技能'),
        para('Python、PyTorch、C++、MATLAB；英语：IELTS 7.5'),
      ],
    },
  },
];
