import { describe, expect, it } from 'vitest';
import {
  extractPublications,
  isFirstAuthor,
  splitEntries,
} from '../../../src/profile/extract-publications.ts';
import { findArxivIds, findDois, findVenues } from '../../../src/profile/find-publication-ids.ts';
import { CHINESE_CV, UK_CV } from './fixtures/cv-texts.ts';

const NUMBERED_CV = `Jane Doe
PUBLICATIONS
Journal Articles
1. Doe J, Smith B, Lee C. Deep uncertainty for cardiac MRI segmentation. IEEE Transactions on Medical Imaging.
2024;43(2):512-524. doi: 10.1109/TMI.2023.3312345.
2. Smith B, Doe J. Calibration under shift. Journal of Machine Learning Research 24 (2023) 1–30.
3. Doe J, Patel A. Federated learning for rare diseases. PLoS ONE 18(4): e0284123, 2023. https://doi.org/10.1371/journal.pone.0284123
Conference Papers
4. J. Doe, A. Kumar. Shape priors for few-shot segmentation. In: Proceedings of MICCAI 2022, LNCS 13431, pp. 45–55.
5. A. Kumar, J. Doe. Diffusion models as anomaly detectors. NIPS 2021.
6. **J. Doe**, M. Rossi. Test-time adaptation in the wild. CVPR 2023, pp. 1234–1243.
7. M. Rossi, J. Doe. Structure-aware transformers. IEEE Transactions on Pattern Analysis and Machine Intelligence, 2024. doi:10.1016/S0140-6736(20)30183-5
Preprints
8. J. Doe. Old-school physics. arXiv:hep-th/9901001.
SKILLS
Python; reviewer for MICCAI and ICLR
`;

const APA_CV = `SELECTED PUBLICATIONS

Garcia, M., & Doe, J. (2022). Learning with noisy labels in histopathology. Medical Image Analysis, 78, 102403.

Doe, J., Garcia, M., & Chen, L. (2023). Explainable AI for radiology reports. Nature Machine Intelligence, 5(3),
201–210. https://doi.org/10.1038/s42256-023-00612-x

Doe, J. (2021). A note on kernels for medical image analysis. Workshop on Kernels.
`;

const PAPER = `Calibration-Aware Training for Brain Tumour Segmentation
Eleanor Hughes¹, Anil Patel²
¹ School of Computing, University of Leeds  ² Leeds Institute for Data Analytics
Accepted at MICCAI 2024. arXiv:2406.01234v1 [eess.IV]
Abstract
Deep networks segment brain tumours accurately but are over-confident. It is widely accepted in the community that calibration matters; results on Nature-like benchmarks follow, and ICML-style ablations.
Keywords: segmentation, calibration, MRI
1 Introduction
Automatic segmentation of gliomas supports radiotherapy planning [1, 2].
References
[1] O. Ronneberger, P. Fischer, T. Brox. U-Net. MICCAI 2015. doi:10.1007/978-3-319-24574-4_28
[2] F. Isensee et al. nnU-Net. Nature Methods 18, 2021. arXiv:1809.10486
`;

describe('extractPublications from a CV', () => {
  it('reads a numbered list across sub-headings: venues, DOIs, arXiv ids, first-authored entries', () => {
    expect(extractPublications(NUMBERED_CV, 'cv', ['Jane Doe'])).toEqual({
      count: 8,
      venues: [
        'IEEE TMI',
        'JMLR',
        'PLOS ONE',
        'MICCAI',
        'NeurIPS',
        'CVPR',
        'IEEE Transactions on Pattern Analysis and Machine Intelligence',
      ],
      dois: ['10.1109/TMI.2023.3312345', '10.1371/journal.pone.0284123', '10.1016/S0140-6736(20)30183-5'],
      arxivIds: ['hep-th/9901001'],
      firstAuthor: 5,
    });
  });

  it('reads the UK CV’s list: a journal named in words is a venue there', () => {
    expect(extractPublications(UK_CV, 'cv', ['JANE A. DOE', ''])).toEqual({
      count: 3,
      venues: ['MICCAI', 'MedIA'],
      dois: ['10.1007/978-3-031-43895-0_12', '10.1016/j.media.2023.103012'],
      arxivIds: ['2305.01234v2'],
      firstAuthor: 2,
    });
  });

  it('reads unnumbered APA paragraphs, each with a year', () => {
    expect(extractPublications(APA_CV, 'cv', ['Jane Doe'])).toEqual({
      count: 3,
      venues: ['MedIA', 'Nature Machine Intelligence'],
      dois: ['10.1038/s42256-023-00612-x'],
      arxivIds: [],
      firstAuthor: 2,
    });
  });

  it('counts first authors written family name first ("Li W" for Li Wei)', () => {
    expect(extractPublications(CHINESE_CV, 'cv', ['李伟', 'Li Wei'])?.firstAuthor).toBe(1);
    expect(extractPublications(CHINESE_CV, 'cv', ['李伟'])?.firstAuthor).toBe(0);
  });

  it('counts no first authors without the applicant’s name', () => {
    expect(extractPublications(NUMBERED_CV, 'cv', [''])?.firstAuthor).toBe(0);
  });

  it('is null for a CV without a publication section and for other kinds', () => {
    expect(
      extractPublications('EDUCATION\nMSc, 2023\nSKILLS\nReviewer for MICCAI 2023', 'cv', []),
    ).toBeNull();
    expect(extractPublications(NUMBERED_CV, 'cover-letter', ['Jane Doe'])).toBeNull();
  });
});

describe('extractPublications from a research document', () => {
  it('reads only the front matter: its arXiv id, the stated venue, one publication, first author', () => {
    expect(extractPublications(PAPER, 'research', ['Eleanor Hughes'])).toEqual({
      count: 1,
      venues: ['MICCAI'],
      dois: [],
      arxivIds: ['2406.01234v1'],
      firstAuthor: 1,
    });
  });

  it('counts no publication when the document does not say it was published', () => {
    const submitted = PAPER.replace('Accepted at MICCAI 2024. ', '');
    expect(extractPublications(submitted, 'research', ['Eleanor Hughes'])).toEqual({
      count: 0,
      venues: [],
      dois: [],
      arxivIds: ['2406.01234v1'],
      firstAuthor: 0,
    });
  });

  it('is null when the front matter names nothing', () => {
    const thesis = `Uncertainty Estimation for Brain Tumour Segmentation
Eleanor Hughes
A thesis submitted for the degree of Master of Science
Contents
References
[1] O. Ronneberger et al. U-Net. MICCAI 2015. doi:10.1007/978-3-319-24574-4_28`;
    expect(extractPublications(thesis, 'research', ['Eleanor Hughes'])).toBeNull();
  });

  it('is not first-authored when the applicant is a later author', () => {
    expect(extractPublications(PAPER, 'research', ['Anil Patel'])?.firstAuthor).toBe(0);
  });
});

describe('publication identifiers', () => {
  it('trims DOIs of sentence punctuation and unmatched brackets, keeping inner parentheses', () => {
    expect(findDois('(doi:10.1016/S0140-6736(20)30183-5), see 10.1000/xyz123. And 10.1000/XYZ123;')).toEqual([
      '10.1016/S0140-6736(20)30183-5',
      '10.1000/xyz123',
    ]);
  });

  it('finds new and old arXiv ids only with an arXiv cue', () => {
    expect(
      findArxivIds(
        'arXiv:2101.01234v2; arxiv.org/abs/1706.03762; arXiv preprint arXiv:1912.01703; arXiv:math.GT/0309136; hep-th/9901001; 2101.05678',
      ),
    ).toEqual(['2101.01234v2', '1706.03762', '1912.01703', 'math.GT/0309136']);
    expect(findArxivIds('arXiv:2113.01234')).toEqual([]);
  });

  it('normalises venue names and ignores journal names used as words', () => {
    expect(
      findVenues('NIPS 2017; Neural Information Processing Systems; IEEE Trans. Med. Imaging 39; ICLR'),
    ).toEqual(['NeurIPS', 'IEEE TMI', 'ICLR']);
    expect(
      findVenues(
        'On the nature of science in deep learning for medical image analysis; ACL tears in knee MRI',
      ),
    ).toEqual([]);
    expect(findVenues('In ACL 2023. Findings of ACL. Science, 2020. Journal of Medical Imaging and')).toEqual(
      ['ACL', 'Science', 'Journal of Medical Imaging'],
    );
  });
});

describe('splitEntries and isFirstAuthor', () => {
  it('splits bullets and joins their continuation lines', () => {
    expect(
      splitEntries(['• J. Doe. A paper title', 'continued here. MIDL 2023.', '• B. Roe. Another one. 2022.']),
    ).toEqual(['J. Doe. A paper title continued here. MIDL 2023.', 'B. Roe. Another one. 2022.']);
  });

  it.each([
    ['J. Doe, A. Smith. Title.', true],
    ['Doe, J., Smith, A. (2023). Title.', true],
    ['Jane Doe and Alan Smith. Title.', true],
    ['Doe J*, Smith A*. Equal contribution.', true],
    ['A. Smith, J. Doe. Title.', false],
    ['Smith A, Doe J. Title.', false],
  ])('%s → %s', (entry, expected) => {
    expect(isFirstAuthor(entry, ['Jane Doe'])).toBe(expected);
  });
});
