import type { Block } from '../../support/documents/document-spec.ts';
import { heading, lines, para, table, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

const METHOD_PROSE = [
  'We train a 3D U-Net with residual blocks on patches of 128 x 128 x 64 voxels, using Adam with a learning rate of 1e-4 and a batch size of 2. Each scan is resampled to 1 mm isotropic spacing and intensities are clipped to the 0.5 and 99.5 percentiles.',
  'Uncertainty is estimated with Monte Carlo dropout [7] and test-time augmentation [8]; both are compared with a deep ensemble of five models [9]. Calibration is measured by the expected calibration error over 15 bins.',
  'All experiments were repeated with three random seeds and we report the mean and standard deviation. Statistical significance was assessed with a paired Wilcoxon signed-rank test at the 0.05 level.',
];

const RESULTS_TABLE = table([
  ['Method', 'Dice', 'HD95 (mm)', 'ECE'],
  ['nnU-Net', '0.861', '6.42', '0.071'],
  ['MC dropout', '0.858', '6.75', '0.049'],
  ['Deep ensemble', '0.867', '6.10', '0.038'],
  ['Ours', '0.872', '5.88', '0.024'],
]);

const NUMBERED_REFERENCES = lines(`
  [1] O. Ronneberger, P. Fischer, T. Brox. U-Net: Convolutional networks for biomedical image segmentation. MICCAI 2015.
  [2] F. Isensee, P. F. Jaeger, S. A. A. Kohl et al. nnU-Net: a self-configuring method for deep learning-based biomedical image segmentation. Nature Methods 18, 2021.
  [3] A. Kendall, Y. Gal. What uncertainties do we need in Bayesian deep learning for computer vision? NeurIPS 2017.
  [4] B. Lakshminarayanan, A. Pritzel, C. Blundell. Simple and scalable predictive uncertainty estimation using deep ensembles. NeurIPS 2017.
  [5] A. Mehrtash, W. M. Wells, C. M. Tempany et al. Confidence calibration and predictive uncertainty estimation for deep medical image segmentation. IEEE TMI 39(12), 2020.
  [6] S. Bakas, M. Reyes, A. Jakab et al. Identifying the best machine learning algorithms for brain tumor segmentation. arXiv:1811.02629, 2018.
`);

/** A conference paper of eight pages: abstract, numbered sections, citations, a results table, references. */
function paperBlocks(paperTitle: string, authors: string): Block[] {
  return [
    title(paperTitle),
    para(authors),
    heading('Abstract'),
    para(
      'Deep networks segment brain tumours accurately but are often over-confident where they are wrong. We propose a calibration-aware training objective that combines a soft Dice loss with a differentiable estimate of the expected calibration error. On the BraTS 2021 data set our method reduces the calibration error by 37% without loss of accuracy.',
    ),
    para('Keywords: segmentation, uncertainty, calibration, MRI'),
    heading('1 Introduction'),
    para(
      'Automatic segmentation of gliomas supports radiotherapy planning and longitudinal monitoring [1, 2]. Yet a segmentation is only useful clinically when its errors can be anticipated [3]. Kendall and Gal (2017) distinguish aleatoric from epistemic uncertainty; Mehrtash et al. [5] showed that networks trained with Dice loss are poorly calibrated.',
    ),
    heading('2 Related Work', { pageBreak: true }),
    para(
      'Calibration of segmentation networks has been studied with temperature scaling [5], deep ensembles [4] and Bayesian approximations [3]. Benchmarks such as BraTS [6] report Dice and Hausdorff distance but rarely calibration (Mehrtash et al., 2020).',
    ),
    heading('3 Method', { pageBreak: true }),
    ...METHOD_PROSE.map((text) => para(text)),
    heading('4 Experiments', { pageBreak: true }),
    para('Table 1 compares our method with three baselines on the BraTS 2021 validation set (n = 219).'),
    RESULTS_TABLE,
    heading('5 Discussion', { pageBreak: true }),
    para(
      'The gain in calibration is largest near the enhancing tumour boundary, where annotators disagree most. A limitation is the cost of the calibration term, which adds 14% to the training time.',
    ),
    heading('6 Conclusion', { pageBreak: true }),
    para('Calibration can be trained for directly at little cost in accuracy; code is available on GitHub.'),
    heading('References', { pageBreak: true }),
    ...NUMBERED_REFERENCES,
    para('Appendix A: additional results', { pageBreak: true }),
    para(
      'Per-region Dice scores and reliability diagrams for all folds are given in the supplementary material.',
    ),
  ];
}

/** Research: a conference paper (PDF), an arXiv paper (HTML) and a Master's thesis. */
export const RESEARCH_A: LabelledDocument[] = [
  {
    id: 'research-paper-pdf',
    filename: 'submission_1187.pdf',
    format: 'pdf',
    kind: 'research',
    spec: {
      title: 'Calibration-aware training for brain tumour segmentation',
      blocks: paperBlocks(
        'Calibration-Aware Training for Brain Tumour Segmentation',
        'Eleanor Hughes, Anil Patel - School of Computing, University of Leeds',
      ),
    },
  },
  {
    id: 'research-paper-arxiv-html',
    filename: '2403.01234v2.html',
    format: 'html',
    kind: 'research',
    spec: {
      blocks: [
        para('arXiv:2403.01234v2 [eess.IV] 14 Mar 2024'),
        ...paperBlocks(
          'Stain-Invariant Features for Whole-Slide Image Classification',
          'Giulia Rossi, Marco Bianchi, Luca Verdi - University of Bologna',
        ),
      ],
    },
  },
  {
    id: 'research-thesis-pdf',
    filename: 'MSc_Thesis_Hughes.pdf',
    format: 'pdf',
    kind: 'research',
    spec: {
      blocks: [
        title('Uncertainty Estimation for Brain Tumour Segmentation'),
        para('Eleanor Hughes'),
        para(
          'A thesis submitted in partial fulfilment of the requirements for the degree of Master of Science',
        ),
        para('School of Computing, University of Leeds - September 2024'),
        heading('Declaration of Authorship', { pageBreak: true }),
        para('I hereby declare that this thesis is my own work and that all sources have been acknowledged.'),
        heading('Abstract', { pageBreak: true }),
        para(
          'This thesis studies how uncertain a segmentation network is, and whether that uncertainty can be trusted. Three estimators are compared on two public data sets and a calibration-aware loss is proposed.',
        ),
        heading('Contents', { pageBreak: true }),
        ...lines(`
          Chapter 1 Introduction 1
          Chapter 2 Background 5
          Chapter 3 Methods 14
          Chapter 4 Results 25
          Chapter 5 Conclusion 38
          Bibliography 41
        `),
        heading('Chapter 1 Introduction', { pageBreak: true }),
        para(
          'Gliomas are the most common primary brain tumours in adults [1]. Manual delineation is slow and variable (Menze et al., 2015).',
        ),
        heading('Chapter 2 Background', { pageBreak: true }),
        para(
          'Convolutional networks for segmentation descend from the U-Net [2]; Bayesian approximations of them from Gal and Ghahramani (2016).',
        ),
        heading('Chapter 3 Methods', { pageBreak: true }),
        ...METHOD_PROSE.map((text) => para(text)),
        heading('Chapter 4 Results', { pageBreak: true }),
        RESULTS_TABLE,
        heading('Chapter 5 Conclusion', { pageBreak: true }),
        para(
          'Deep ensembles give the best calibrated uncertainty; the proposed loss closes most of the gap at a fifth of the cost.',
        ),
        heading('Bibliography', { pageBreak: true }),
        ...NUMBERED_REFERENCES,
      ],
    },
  },
];
