import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import type { ScoreWeights } from '../../config/schema.ts';
import { fitScore, type FitScore } from './fit-score.ts';
import { type CandidateProfile } from '../../domain/fit-profile.ts';

/** A candidate with what ordering needs: its fit score and whether nothing required is missing. */
export interface RankedCandidate {
  candidate: CandidateRecord;
  isNew: boolean;
  /** Undefined until a document-reading stage has produced one. */
  profile: CandidateProfile | undefined;
  fit: FitScore;
  complete: boolean;
}

/** Candidates as a digest shows them: new ones, then updated ones, each in `compareRanked` order. */
export interface OrderedChanges {
  new: RankedCandidate[];
  updated: RankedCandidate[];
}

/** Scores a candidate and notes whether it is complete. */
export function rankCandidate(
  entry: { candidate: CandidateRecord; isNew?: boolean; profile?: CandidateProfile | undefined },
  weights: ScoreWeights,
): RankedCandidate {
  return {
    candidate: entry.candidate,
    isNew: entry.isNew ?? false,
    profile: entry.profile,
    fit: fitScore(entry.profile, weights),
    complete: entry.candidate.missing.length === 0,
  };
}

/** Complete before incomplete, then fit score descending, then first seen ascending (then id, for stability). */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return (
    Number(b.complete) - Number(a.complete) ||
    b.fit.score - a.fit.score ||
    compareInstants(a.candidate.firstSeen, b.candidate.firstSeen) ||
    a.candidate.id.localeCompare(b.candidate.id)
  );
}

/** Splits changed candidates into new and updated, each group ordered by `compareRanked`. */
export function orderChanges(
  changed: ReadonlyArray<{ candidate: CandidateRecord; isNew: boolean; profile?: CandidateProfile }>,
  weights: ScoreWeights,
): OrderedChanges {
  const ranked = changed.map((entry) => rankCandidate(entry, weights)).sort(compareRanked);
  return { new: ranked.filter((entry) => entry.isNew), updated: ranked.filter((entry) => !entry.isNew) };
}

/** Every candidate of a vacancy once (by id, the changed entry winning), in `compareRanked` order. */
export function orderAll(
  all: ReadonlyArray<{ candidate: CandidateRecord; profile?: CandidateProfile }>,
  changed: ReadonlyArray<{ candidate: CandidateRecord; profile?: CandidateProfile }>,
  weights: ScoreWeights,
): RankedCandidate[] {
  // `changed` is read at the same moment as `all` but may be fresher; never show a candidate twice or not at all.
  const byId = new Map<string, { candidate: CandidateRecord; profile?: CandidateProfile }>();
  for (const entry of [...all, ...changed]) byId.set(entry.candidate.id, entry);
  return [...byId.values()].map((entry) => rankCandidate(entry, weights)).sort(compareRanked);
}

// ISO strings from different sources may differ in precision or offset; compare instants, not text.
function compareInstants(a: string, b: string): number {
  const [left, right] = [Date.parse(a), Date.parse(b)];
  if (Number.isNaN(left) || Number.isNaN(right)) return a.localeCompare(b);
  return left - right;
}
