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
}
