import { heading, lines, para, table, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Research: a PhD proposal, a German Masterarbeit and a short paper with no clue in its name. */
export const RESEARCH_B: LabelledDocument[] = [
  {
    id: 'research-proposal-docx',
    filename: 'application_part2.docx',
    format: 'docx',
    kind: 'research',
    spec: {
      blocks: [
        title('PhD Research Proposal'),
        para('Learning from Weak Labels for Histopathology Segmentation - Giulia Rossi'),
        heading('1. Background'),
        para(
          'Pixel-level annotation of whole-slide images costs pathologists hours per slide (Campanella et al., 2019). Weakly supervised methods learn from slide-level labels instead (Lu et al., 2021), but their segmentations remain coarse.',
        ),
        heading('2. Research Questions'),
        ...lines(`
          RQ1: Can slide-level labels and a few scribbles give segmentations close to full supervision?
          RQ2: How should uncertainty guide which regions a pathologist annotates next?
        `),
        heading('3. Objectives'),
        para(
          'The objectives are to build a scribble-supervised model, an active-learning loop, and a public benchmark.',
        ),
        heading('4. Methodology'),
        para(
          'The project combines multiple-instance learning (Ilse et al., 2018) with conditional random fields. Evaluation uses CAMELYON16 and an in-house cohort of 400 slides.',
        ),
        heading('5. Timeline'),
        table([
          ['Year 1', 'Literature review, baseline models, data agreements'],
          ['Year 2', 'Scribble supervision; first conference paper'],
          ['Year 3', 'Active learning study with pathologists; thesis writing'],
        ]),
        heading('6. Expected Outcomes'),
        para(
          'The proposed research will deliver open-source tools and at least three peer-reviewed publications.',
        ),
        heading('References'),
        ...lines(`
          Campanella, G. et al. (2019) Clinical-grade computational pathology using weakly supervised deep learning. Nature Medicine 25, 1301-1309.
          Ilse, M., Tomczak, J. and Welling, M. (2018) Attention-based deep multiple instance learning. ICML.
          Lu, M. Y. et al. (2021) Data-efficient and weakly supervised computational pathology. Nature Biomedical Engineering 5, 555-570.
        `),
      ],
    },
  },
  {
    id: 'research-masterarbeit-de',
    filename: 'Masterarbeit_Mueller.docx',
    format: 'docx',
    kind: 'research',
    spec: {
      blocks: [
        title('Masterarbeit'),
        para('Registrierung von CT- und MRT-Aufnahmen mit neuronalen Netzen'),
        para('vorgelegt von Jonas Müller, Technische Universität München, Fakultät für Informatik'),
        heading('Zusammenfassung'),
        para(
          'Diese Arbeit untersucht die deformierbare Registrierung multimodaler Aufnahmen mit unüberwachten Netzen. Die vorgeschlagene Methode verbessert den Dice-Koeffizienten um 4 Prozentpunkte gegenüber VoxelMorph [3].',
        ),
        heading('Kapitel 1 Einleitung'),
        para(
          'Die Registrierung ist ein Grundproblem der medizinischen Bildverarbeitung [1, 2]. Balakrishnan et al. (2019) zeigten, dass neuronale Netze sie in Sekunden lösen.',
        ),
        heading('Kapitel 2 Grundlagen'),
        para(
          'Ähnlichkeitsmaße wie die normalisierte Kreuzkorrelation und die Transinformation [4] werden eingeführt.',
        ),
        heading('Kapitel 3 Methode'),
        para(
          'Das Netz sagt ein stationäres Geschwindigkeitsfeld voraus, das durch Skalierung und Quadrierung integriert wird [5].',
        ),
        heading('Literaturverzeichnis'),
        ...lines(`
          [1] J. Maintz, M. Viergever. A survey of medical image registration. Medical Image Analysis 2(1), 1998.
          [2] A. Sotiras, C. Davatzikos, N. Paragios. Deformable medical image registration: a survey. IEEE TMI 32(7), 2013.
          [3] G. Balakrishnan, A. Zhao, M. Sabuncu et al. VoxelMorph. IEEE TMI 38(8), 2019.
        `),
      ],
    },
  },
  {
    id: 'research-short-paper-odt',
    filename: 'Okafor_ISBI2023.odt',
    format: 'odt',
    kind: 'research',
    spec: {
      blocks: [
        title('Diabetic Retinopathy Grading on Low-Cost Fundus Images'),
        para('Adebayo Okafor, Kwame Mensah - University of Cape Town'),
        heading('Abstract'),
        para(
          'Smartphone fundus cameras make screening affordable, but their images are noisy and poorly lit. We fine-tune a vision transformer on 3,200 such images and reach a quadratic kappa of 0.81, close to that on clinical cameras.',
        ),
        heading('1. Introduction'),
        para(
          'Diabetic retinopathy is a leading cause of blindness in working-age adults [1]. Deep learning grades it as well as ophthalmologists on clinical images [2], but not on low-cost devices [3].',
        ),
        heading('2. Methods'),
        para(
          'Images were graded by two ophthalmologists; disagreements were adjudicated by a third (Krause et al., 2018).',
        ),
        heading('3. Results'),
        para('Quadratic weighted kappa was 0.81 (95% CI 0.78-0.84) against 0.84 on the EyePACS test set.'),
        heading('4. Conclusion'),
        para('Low-cost fundus images suffice for referable retinopathy screening.'),
        heading('References'),
        ...lines(`
          [1] R. Lee, T. Y. Wong, C. Sabanayagam. Epidemiology of diabetic retinopathy. Eye and Vision 2, 2015.
          [2] V. Gulshan, L. Peng, M. Coram et al. Development and validation of a deep learning algorithm for detection of diabetic retinopathy. JAMA 316(22), 2016.
          [3] J. Krause, V. Gulshan, E. Rahimy et al. Grader variability and the importance of reference standards. Ophthalmology 125(8), 2018.
        `),
      ],
    },
  },
];
