import { lines, para, table, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Transcripts graded in Italian, French, German, percentage and ECTS systems, one in Chinese, one scanned. */
export const TRANSCRIPTS_B: LabelledDocument[] = [
  {
    id: 'transcript-italy-110',
    filename: 'certificato_laurea_esami.odt',
    format: 'odt',
    kind: 'transcript',
    grade: { system: 'italian-110', normalised: 82 },
    spec: {
      blocks: [
        title('Alma Mater Studiorum - Università di Bologna'),
        title('Certificato di Laurea con esami'),
        para(
          'Si certifica che ROSSI GIULIA, nata a Modena il 02/05/1999, matricola 0000912345, iscritta al corso di Laurea Magistrale in Artificial Intelligence, ha sostenuto i seguenti esami:',
        ),
        table([
          ['Attività formativa', 'CFU', 'Voto', 'Data'],
          ['Machine Learning and Deep Learning', '9', '30 e lode', '12/01/2022'],
          ['Fundamentals of Artificial Intelligence', '9', '29', '03/02/2022'],
          ['Combinatorial Decision Making and Optimization', '6', '28', '20/06/2022'],
          ['Natural Language Processing', '6', '30', '08/07/2022'],
          ['Computer Vision and Image Processing', '6', '30 e lode', '15/09/2022'],
          ['Statistical and Mathematical Methods for AI', '6', '27', '25/01/2023'],
          ['Prova finale', '21', '', '14/12/2023'],
        ]),
        para('Media ponderata: 29,1/30'),
        para('Ha conseguito la Laurea Magistrale il 14/12/2023 con voto di laurea 110/110 e lode.'),
        para("Bologna, 10/01/2024 - Il Dirigente dell'Area Servizi agli Studenti"),
      ],
    },
  },
  {
    id: 'transcript-italy-30',
    filename: 'carriera_universitaria.html',
    format: 'html',
    kind: 'transcript',
    grade: { system: 'italian-30', normalised: 69.6 },
    spec: {
      blocks: [
        title('Università degli Studi di Padova'),
        title('Carriera universitaria - esami sostenuti'),
        para('Studente: Marco Ferrari - Matricola 1187654 - Corso di laurea in Ingegneria Biomedica'),
        table([
          ['Codice', 'Insegnamento', 'CFU', 'Voto', 'Data esame'],
          ['IN01123', 'Analisi Matematica 1', '12', '27', '15/02/2021'],
          ['IN01145', 'Fisica 1', '9', '25', '10/07/2021'],
          ['IN02231', 'Fondamenti di Informatica', '9', '30', '20/01/2022'],
          ['IN02218', 'Elettronica Biomedica', '9', '28', '14/06/2022'],
          ['IN03302', 'Elaborazione di Bioimmagini', '6', '30 e lode', '22/01/2023'],
          ['IN03317', 'Bioingegneria Cellulare', '6', '26', '09/02/2023'],
        ]),
        para('Crediti acquisiti: 150 su 180'),
        para('Media ponderata: 27,85/30'),
      ],
    },
  },
  {
    id: 'transcript-france-20',
    filename: 'releve_notes_M1.pdf',
    format: 'pdf',
    kind: 'transcript',
    grade: { system: 'french-20', normalised: 74.5 },
    spec: {
      blocks: [
        title('Université Paris-Saclay'),
        title('Relevé de notes'),
        ...lines(`
          Nom : DUBOIS Camille    N° étudiant : 21904567
          Diplôme : Master 1 Mathématiques et Applications - Année universitaire 2022-2023
        `),
        table([
          ['UE', 'Intitulé', 'Crédits ECTS', 'Note /20', 'Résultat'],
          ['MA101', 'Analyse fonctionnelle', '6', '15,5', 'Admis'],
          ['MA102', 'Probabilités avancées', '6', '14,0', 'Admis'],
          ['MA103', 'Optimisation convexe', '6', '16,5', 'Admis'],
          ['MA104', 'Statistique mathématique', '6', '13,5', 'Admis'],
          ['MA105', "Traitement d'images", '3', '17,0', 'Admis'],
          ['MA106', 'Anglais scientifique', '3', '14,5', 'Admis'],
        ]),
        para('Moyenne générale : 15,12/20 - Mention Bien'),
        para('Crédits obtenus : 60 ECTS. Fait à Orsay, le 5 juillet 2023.'),
      ],
    },
  },
  {
    id: 'transcript-germany-tor',
    filename: 'Notenspiegel_MSc.docx',
    format: 'docx',
    kind: 'transcript',
    grade: { system: 'german', normalised: 74.5 },
    spec: {
      blocks: [
        title('Technische Universität München'),
        title('Transcript of Records / Leistungsübersicht'),
        para('Name: Jonas Müller · Matrikelnummer: 03712345 · Studiengang: Informatik (Master of Science)'),
        table([
          ['Modul-Nr.', 'Modulbezeichnung', 'ECTS', 'Note', 'Semester'],
          ['IN2064', 'Machine Learning', '8', '1,3', 'WiSe 2022/23'],
          ['IN2346', 'Introduction to Deep Learning', '6', '1,0', 'WiSe 2022/23'],
          ['IN2375', 'Computer Aided Medical Procedures', '6', '1,7', 'SoSe 2023'],
          ['IN2228', 'Computer Vision II', '8', '2,0', 'SoSe 2023'],
          ['IN2107', 'Seminar Medical Imaging', '5', '1,3', 'WiSe 2023/24'],
          ['IN2106', 'Practical Course Medical Robotics', '10', '1,7', 'WiSe 2023/24'],
          ['IN2981', "Master's Thesis", '30', '1,0', 'SoSe 2024'],
        ]),
        para('Summe ECTS: 120'),
        para('Gesamtnote / Overall grade: 1,4 (sehr gut)'),
      ],
    },
  },
  {
    id: 'transcript-pakistan-percent',
    filename: 'marks.txt',
    format: 'txt',
    kind: 'transcript',
    grade: { system: 'percent', normalised: 68.8 },
    spec: {
      blocks: [
        title('UNIVERSITY OF THE PUNJAB, LAHORE'),
        title('DETAILED MARKS CERTIFICATE'),
        para('Bachelor of Science in Computer Science (4 years) - Session 2018-2022'),
        para("Name: Ayesha Khan    Father's Name: Imran Khan    Roll No.: 04512"),
        table([
          ['Semester', 'Subject', 'Max. Marks', 'Marks Obtained'],
          ['1', 'Programming Fundamentals', '100', '84'],
          ['1', 'Calculus and Analytical Geometry', '100', '77'],
          ['3', 'Data Structures and Algorithms', '100', '81'],
          ['5', 'Operating Systems', '100', '73'],
          ['6', 'Artificial Intelligence', '100', '88'],
          ['7', 'Digital Image Processing', '100', '79'],
          ['8', 'Final Year Project', '200', '172'],
        ]),
        para('Grand Total: 3140 / 4000    Percentage: 78.5%    Division: First'),
      ],
    },
  },
  {
    id: 'transcript-ects-letters',
    filename: 'ToR_Vilnius.pdf',
    format: 'pdf',
    kind: 'transcript',
    grade: { system: 'ects', normalised: 65 },
    spec: {
      blocks: [
        title('Vilnius University'),
        title('Transcript of Records'),
        para('Student: Lukas Kazlauskas    Study programme: Bioinformatics (BSc)    2020 - 2024'),
        table([
          ['Course unit', 'ECTS credits', 'Local grade', 'ECTS grade'],
          ['Molecular Biology', '6', '9', 'B'],
          ['Programming in Python', '5', '10', 'A'],
          ['Probability Theory', '5', '8', 'C'],
          ['Sequence Analysis Algorithms', '5', '10', 'A'],
          ['Structural Bioinformatics', '5', '9', 'B'],
          ['Machine Learning for Genomics', '5', '10', 'A'],
          ['Bachelor Thesis', '15', '10', 'A'],
        ]),
        para('Total ECTS credits: 240'),
        para('Overall ECTS grade: B'),
      ],
    },
  },
  {
    id: 'transcript-china-chengjidan',
    filename: '本科成绩单.docx',
    format: 'docx',
    kind: 'transcript',
    spec: {
      blocks: [
        title('浙江大学本科生成绩单'),
        para('姓名：李伟　学号：3200101234　专业：计算机科学与技术　学制：四年'),
        table([
          ['学期', '课程名称', '学分', '成绩', '绩点'],
          ['2020-2021-1', '微积分（甲）I', '5.0', '93', '4.8'],
          ['2020-2021-1', '线性代数（甲）', '3.5', '90', '4.5'],
          ['2021-2022-1', '数据结构基础', '2.5', '95', '5.0'],
          ['2021-2022-2', '计算机组成', '4.5', '88', '4.2'],
          ['2022-2023-1', '人工智能', '3.0', '92', '4.8'],
          ['2022-2023-2', '计算机视觉', '3.0', '94', '5.0'],
        ]),
        para('平均学分绩点：4.52/5.0　　百分制平均成绩：91.3'),
        para('浙江大学本科生院　2024年6月'),
      ],
    },
  },
  {
    id: 'transcript-scanned-chengjidan',
    filename: '成绩单.pdf',
    format: 'pdf',
    kind: 'transcript',
    build: { scanned: true },
    spec: {
      blocks: [
        title('Transcript'),
        table([
          ['Course', 'Credits', 'Score'],
          ['Calculus I', '5', '93'],
        ]),
      ],
    },
  },
];
