import type { DocumentKind } from '../domain/document-kinds.ts';

/** Grading systems a degree or transcript result can be written in. */
export const GRADING_SYSTEMS = [
  'uk-class', // First, 2:1 (Upper Second), 2:2, Third
  'gpa-4', // US-style GPA out of 4.0
  'gpa-4.3',
  'gpa-5',
  'cgpa-10', // Indian CGPA / CPI out of 10
  'italian-110', // voto di laurea, 66–110 (e lode)
  'italian-30', // Italian exam average, 18–30 (e lode)
  'french-20', // note sur 20
  'german', // 1.0 (best) – 5.0 (fail), 4.0 pass
  'percent',
  'ects', // A–F
  'spanish-10', // nota media, 0–10
  'dutch-10', // cijfer, 1–10
  'brazilian-10', // média / coeficiente de rendimento, 0–10
  'iranian-20', // معدل, 0–20
  'turkish-4', // GNO / AGNO out of 4.00
  'turkish-100',
  'pakistani-4', // CGPA out of 4.0
  'nigerian-5', // CGPA out of 5.0
  'korean-4.5',
  'chinese-percent', // 均分, 0–100
] as const;
export type GradingSystem = (typeof GRADING_SYSTEMS)[number];

/** UK-equivalent bands of a normalised result. */
export type GradeBand = 'first' | 'upper-second' | 'lower-second' | 'third' | 'fail';

/** A result as written, and normalised to one comparable scale. */
export interface GradeResult {
  system: GradingSystem;
  /** Exactly as found in the document, e.g. "110/110 cum laude", "CGPA 8.7/10", "2:1". */
  written: string;
  /**
   * On a 0–100 UK-equivalent mark scale (First ≥ 70, 2:1 60–69, 2:2 50–59, Third 40–49, fail < 40), via the
   * conversion tables in src/profile/normalise-grade.ts (documented in the README).
   */
  normalised: number;
  band: GradeBand;
}

export type DegreeLevel = 'bachelor' | 'master' | 'doctorate' | 'other';

export interface Degree {
  level: DegreeLevel;
  /** The degree as written: "BSc", "MRes", "Laurea Magistrale", "B.Tech"… */
  title: string;
  subject: string | null;
  institution: string | null;
  startYear: number | null;
  endYear: number | null;
  result: GradeResult | null;
}

export interface TranscriptSummary {
  /** The overall mark / GPA / classification, when the transcript states one. */
  overall: GradeResult | null;
  /** Rows that look like a module with a mark. */
  modulesWithMarks: number;
}

export interface PublicationSummary {
  count: number;
  /** Recognised venues (MICCAI, NeurIPS, CVPR, IEEE TMI…) and journals, each once. */
  venues: string[];
  dois: string[];
  arxivIds: string[];
  /** Publications whose first author is the candidate (needs the candidate's surname). */
  firstAuthor: number;
}

export type LinkKind = 'orcid' | 'scholar' | 'github' | 'linkedin' | 'homepage';
export interface ProfileLink {
  kind: LinkKind;
  /** Normalised URL, e.g. https://orcid.org/0000-0002-1825-0097. */
  url: string;
}

export type LanguageTestName = 'IELTS' | 'TOEFL' | 'PTE' | 'Duolingo';
export interface LanguageTest {
  test: LanguageTestName;
  /** Overall score: IELTS 0–9, TOEFL iBT 0–120, PTE Academic 10–90, Duolingo 10–160. */
  score: number;
  written: string;
}

/** What one document (or one mail body) says about the applicant; every list may be empty. */
export interface DocumentProfile {
  /** The applicant's name as a CV heading gives it (CVs only), else null. */
  name: string | null;
  emails: string[];
  phones: string[];
  links: ProfileLink[];
  degrees: Degree[];
  /** For transcripts: the overall result and module count; else null. */
  transcript: TranscriptSummary | null;
  /** From a CV's publication list or a research document's own references to the applicant; null when none. */
  publications: PublicationSummary | null;
  languageTests: LanguageTest[];
  /** The vacancy keywords found in this text (as configured). */
  keywords: string[];
  /**
   * The applicants' names a reference letter introduces ("I recommend Ms Priya Raman"), when its reading was asked
   * for them (a referee's mail, see refereeLetterToRead); absent otherwise.
   */
  applicantsNamed?: string[];
}

/** What extracting a profile from one text needs besides the text. */
export interface ProfileContext {
  /** The document's kind decides what is looked for (a transcript's table, a CV's heading…). */
  kind: DocumentKind;
  /** The vacancy's `keywords`. */
  keywords: readonly string[];
  /** The sender's display name, to spot the applicant among authors (first-author count); may be ''. */
  applicantName: string;
}
