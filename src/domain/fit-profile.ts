/** What a later document-reading stage learns about a candidate; every field optional. */
export interface CandidateProfile {
  /** Degree result normalised to 0..1, 1 = best. */
  degreeResult?: number;
  /** Number of publications. */
  publications?: number;
  /** Number of the vacancy's keywords found in the documents. */
  keywordMatches?: number;
  /** The profile in one line (degree and result, publications, language test, keywords), shown in the digest. */
  summary?: string;
  /** The profile's facts, one short text each, for the digest's ranked table; '' where nothing was found. */
  facts?: ProfileFacts;
}

/** What the digest's ranked table shows of a profile. */
export interface ProfileFacts {
  /** The highest degree (or the one with the best result), e.g. "MSc Artificial Intelligence". */
  degree: string;
  institution: string;
  /** The result as written and normalised, e.g. "Distinction ≈ 75 (First)". */
  grade: string;
  /** e.g. "3 (MICCAI, NeurIPS)". */
  publications: string;
  keywords: string[];
}
