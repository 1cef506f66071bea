const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/gu;
const ARXIV_NEW =
  /(?:\barXiv\s*:?\s*(?:preprint\s+(?:arXiv\s*:?\s*)?)?|arxiv\.org\/(?:abs|pdf)\/|10\.48550\/arXiv\.)(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?)(?![\d.]\d)/giu;
const ARXIV_OLD =
  /(?:\barXiv\s*:\s*|arxiv\.org\/(?:abs|pdf)\/)([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3}(?:v\d+)?)(?!\d)/giu;

// Journals named as words are only venues where a reference names its venue ("…. Nature 596, 583 (2021)"),
// not in a title ("On the nature of …", "… for medical image analysis").
const AT_VENUE = String.raw`(?<=^|[.,;:]\s*|\bIn:?\s+)`;
const AFTER_VENUE = String.raw`(?=\s*[,.;(]|\s+\d|\s*$)`;
const TITLE_WORDS = String.raw`(?:\s+(?:\p{Lu}[\p{L}-]*|and|of|in|for|on|the|&))+`;

/** Venue patterns and their canonical names, the specific before the generic. */
const VENUES: readonly (readonly [RegExp, string | ((match: RegExpExecArray) => string)])[] = [
  [
    /\bIEEE\s+Trans(?:actions|\.)\s+(?:on\s+)?Med(?:ical|\.)\s*Imag(?:ing|\.)?|\b(?:IEEE\s+)?TMI\b/gu,
    'IEEE TMI',
  ],
  [new RegExp(String.raw`${AT_VENUE}Medical\s+Image\s+Analysis${AFTER_VENUE}|\bMedIA\b`, 'gmu'), 'MedIA'],
  [/\bMICCAI\b|Medical\s+Image\s+Computing\s+and\s+Computer[-\s]Assisted\s+Intervention/giu, 'MICCAI'],
  [/\bMIDL\b|Medical\s+Imaging\s+with\s+Deep\s+Learning/gu, 'MIDL'],
  [/\bIPMI\b|Information\s+Processing\s+in\s+Medical\s+Imaging/gu, 'IPMI'],
  [/\bISBI\b|International\s+Symposium\s+on\s+Biomedical\s+Imaging/gu, 'ISBI'],
  [/\bMIUA\b|Medical\s+Image\s+Understanding\s+and\s+Analysis/gu, 'MIUA'],
  [/\bSPIE\s+Medical\s+Imaging\b/gu, 'SPIE Medical Imaging'],
  [/\b(?:NeurIPS|NIPS)\b|Neural\s+Information\s+Processing\s+Systems/gu, 'NeurIPS'],
  [/\bICML\b|International\s+Conference\s+on\s+Machine\s+Learning/gu, 'ICML'],
  [/\bICLR\b|International\s+Conference\s+on\s+Learning\s+Representations/gu, 'ICLR'],
  [/\bCVPR\b|Computer\s+Vision\s+and\s+Pattern\s+Recognition/gu, 'CVPR'],
  [/\bICCV\b|International\s+Conference\s+on\s+Computer\s+Vision/gu, 'ICCV'],
  [/\bECCV\b|European\s+Conference\s+on\s+Computer\s+Vision/gu, 'ECCV'],
  [/\bWACV\b/gu, 'WACV'],
  [/\bBMVC\b|British\s+Machine\s+Vision\s+Conference/gu, 'BMVC'],
  [/\bAAAI\b/gu, 'AAAI'],
  [/\bIJCAI\b/gu, 'IJCAI'],
  [/\bEMNLP\b/gu, 'EMNLP'],
  [/\bNAACL\b/gu, 'NAACL'],
  // "ACL" is also the knee's anterior cruciate ligament: only with a year or as "In ACL" / "Findings of ACL".
  [
    /\bACL(?=\s*'?\d{2,4}\b|\s+(?:Findings|Workshop))|(?<=\b(?:In|Proceedings\s+of(?:\s+the)?|Findings\s+of)\s+)ACL\b/gu,
    'ACL',
  ],
  [/\b(?:SIG)?KDD\b/gu, 'KDD'],
  [/\bCHI\b/gu, 'CHI'],
  [/\bUAI\b/gu, 'UAI'],
  [/\bAISTATS\b/gu, 'AISTATS'],
  [/\bTMLR\b|Transactions\s+on\s+Machine\s+Learning\s+Research/gu, 'TMLR'],
  [/\bJMLR\b|Journal\s+of\s+Machine\s+Learning\s+Research/gu, 'JMLR'],
  [/\bPLo?S\s+ONE\b/giu, 'PLOS ONE'],
  [
    new RegExp(
      String.raw`${AT_VENUE}Nature(?:\s+(Communications|Methods|Medicine|Machine\s+Intelligence|Biomedical\s+Engineering|Biotechnology|Neuroscience|Physics|Digital\s+Medicine))?${AFTER_VENUE}`,
      'gmu',
    ),
    (match) => (match[1] === undefined ? 'Nature' : `Nature ${match[1].replace(/\s+/g, ' ')}`),
  ],
  [
    new RegExp(
      String.raw`${AT_VENUE}Science(?:\s+(Advances|Translational\s+Medicine|Robotics))?${AFTER_VENUE}`,
      'gmu',
    ),
    (match) => (match[1] === undefined ? 'Science' : `Science ${match[1].replace(/\s+/g, ' ')}`),
  ],
  [new RegExp(String.raw`\bIEEE\s+Transactions\s+on${TITLE_WORDS}`, 'gu'), (match) => tidyName(match[0])],
  [new RegExp(String.raw`\bJournal\s+of${TITLE_WORDS}`, 'gu'), (match) => tidyName(match[0])],
];

/** "Journal of Medical Imaging and " → "Journal of Medical Imaging". */
function tidyName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(?:\s+(?:and|of|in|for|on|the|&))+$/u, '')
    .trim();
}

/** A DOI without the punctuation that ends its sentence or an unmatched closing bracket. */
function trimDoi(doi: string): string {
  let trimmed = doi.replace(/[.,;:'"]+$/u, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (trimmed.endsWith(close) && trimmed.split(open).length < trimmed.split(close).length) {
      trimmed = trimmed.slice(0, -1).replace(/[.,;:]+$/u, '');
    }
  }
  return trimmed;
}

const unique = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(value.toLowerCase()) && seen.add(value.toLowerCase()));
};

/** DOIs ("10.1109/TMI.2023.3245678"), trimmed of trailing punctuation, each once (case-insensitively). */
export function findDois(text: string): string[] {
  return unique([...text.matchAll(DOI)].map((match) => trimDoi(match[0])));
}

/** arXiv ids: new style with a version when written ("2101.01234v2"), and old style ("hep-th/9901001"). */
export function findArxivIds(text: string): string[] {
  const ids = [...text.matchAll(ARXIV_NEW), ...text.matchAll(ARXIV_OLD)]
    .sort((a, b) => a.index - b.index)
    .map((match) => match[1] ?? '');
  return unique(ids.filter((id) => id !== ''));
}

/** Recognised venues in order of first mention, each once (NIPS → NeurIPS, "IEEE Trans. Med. Imaging" → IEEE TMI). */
export function findVenues(text: string): string[] {
  let rest = text;
  const found: { name: string; index: number }[] = [];
  for (const [pattern, name] of VENUES) {
    for (const match of rest.matchAll(pattern)) {
      found.push({ name: typeof name === 'string' ? name : name(match), index: match.index });
      // Masked so that a generic pattern does not find the same words again.
      rest =
        rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
    }
  }
  return unique(found.sort((a, b) => a.index - b.index).map((venue) => venue.name));
}
