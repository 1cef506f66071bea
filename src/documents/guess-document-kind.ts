import type { DocumentKind } from '../domain/document-kinds.ts';

/** Clues for one kind: `words` must sit on token boundaries (an `s` plural is allowed); `fragments` may appear anywhere. */
interface Clue {
  kind: DocumentKind;
  words: readonly string[];
  fragments: readonly string[];
}

/** The folded file name: letters and digits only, and the offsets where a token starts or ends. */
interface Scan {
  compact: string;
  boundaries: ReadonlySet<number>;
}

// Earlier kinds win when a name carries clues for several ("CV_with_publications.pdf" is a CV).
const RAW_CLUES: readonly Clue[] = [
  {
    kind: 'cv',
    words: ['cv', 'resume', 'vitae', 'curriculum vitae'],
    fragments: ['lebenslauf', 'curriculumvitae', '简历', '履历', '履歷', '履歴'],
  },
  {
    kind: 'reference',
    words: ['reference', 'referee', 'lor', 'letter of reference'],
    fragments: ['recommendation', 'recomendac', 'referenceletter', 'empfehlung', '推荐信', '推薦'],
  },
  {
    kind: 'cover-letter',
    words: ['cover letter', 'sop', 'statement of purpose', 'personal statement'],
    fragments: [
      'coverletter',
      'motivation',
      'motivacion',
      'motivazione',
      'anschreiben',
      'statementofpurpose',
      'personalstatement',
      '个人陈述',
      '自荐信',
      '求职信',
    ],
  },
  {
    kind: 'transcript',
    words: ['grade', 'marks', 'notas', 'academic record', 'tor', 'gpa'],
    fragments: [
      'transcript',
      'marksheet',
      'notenspiegel',
      'notenubersicht',
      'notenuebersicht',
      'zeugnis',
      'relevedenotes',
      '成绩',
      '成績',
    ],
  },
  {
    kind: 'certificate',
    words: ['diploma', 'degree certificate'],
    fragments: [
      'certificat',
      'certificado',
      'zertifikat',
      'urkunde',
      'ielts',
      'toefl',
      '证书',
      '毕业证',
      '学位证',
      '証明書',
    ],
  },
  {
    kind: 'research',
    words: ['paper', 'thesis', 'theses', 'memoire', 'preprint', 'poster'],
    fragments: [
      'dissertation',
      'proposal',
      'publication',
      'manuscript',
      'arxiv',
      'masterarbeit',
      'bachelorarbeit',
      'diplomarbeit',
      '论文',
      '論文',
      '研究计划',
    ],
  },
];
const CLUES: readonly Clue[] = RAW_CLUES.map((clue) => ({
  kind: clue.kind,
  words: clue.words.map(foldKeyword),
  fragments: clue.fragments.map(foldKeyword),
}));

// Parts that travel with a message but are never an applicant's document, whatever they are called.
const NEVER_A_DOCUMENT =
  /^(?:message\/|text\/calendar|text\/(?:x-)?vcard|application\/(?:pgp|pkcs7|x-pkcs7)-signature|application\/pgp-keys)/;
const EXTENSION = /\.[\p{L}\p{N}]{1,8}$/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** Guesses what an attachment is from its file name alone (multilingual, token-aware); 'other' when nothing fits. */
export function guessDocumentKind(filename: string | null, contentType: string): DocumentKind {
  if (filename === null || NEVER_A_DOCUMENT.test(contentType.toLowerCase())) return 'other';
  const scan = scanName(filename.replace(EXTENSION, ''));
  for (const clue of CLUES) {
    if (clue.fragments.some((fragment) => scan.compact.includes(fragment))) return clue.kind;
    if (clue.words.some((word) => hasWord(scan, word))) return clue.kind;
  }
  return 'other';
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

function foldKeyword(keyword: string): string {
  return fold(keyword)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Folds the name (compatibility forms, accents, case) and records token boundaries, camel humps and letter/digit changes included. */
function scanName(name: string): Scan {
  const chars = [...fold(name)];
  const boundaries = new Set<number>([0]);
  let compact = '';
  let previous: string | undefined;
  let gap = false;
  chars.forEach((char, index) => {
    if (!ALNUM.test(char)) {
      gap = true;
      return;
    }
    if (previous !== undefined && (gap || isHump(previous, char, chars[index + 1])))
      boundaries.add(compact.length);
    compact += char.toLowerCase().replace(/\p{M}/gu, '');
    previous = char;
    gap = false;
  });
  boundaries.add(compact.length);
  return { compact, boundaries };
}

function isHump(previous: string, char: string, next: string | undefined): boolean {
  if (isDigit(previous) !== isDigit(char)) return true;
  if (isLower(previous) && isUpper(char)) return true;
  return isUpper(previous) && isUpper(char) && next !== undefined && isLower(next);
}

function hasWord(scan: Scan, word: string): boolean {
  for (let at = scan.compact.indexOf(word); at >= 0; at = scan.compact.indexOf(word, at + 1)) {
    const end = at + word.length;
    const plural = scan.compact[end] === 's' && scan.boundaries.has(end + 1);
    if (scan.boundaries.has(at) && (scan.boundaries.has(end) || plural)) return true;
  }
  return false;
}

function isDigit(char: string): boolean {
  return /\p{N}/u.test(char);
}

function isUpper(char: string): boolean {
  return /\p{Lu}/u.test(char);
}

function isLower(char: string): boolean {
  return /\p{Ll}/u.test(char);
}
