import type { CandidateStore } from '../adapters/redis/candidate-store.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { Config } from '../config/schema.ts';
import type { DocumentKind } from '../domain/document-kinds.ts';
import { TriageError } from '../errors/triage-error.ts';
import { findPersonRecords, personAddress } from './open-person-stores.ts';

/**
 * The candidate an operator command names: by id (as `candidates --json` lists it) or by the applicant's address
 * (within `--vacancy` when given). Unknown, or an address with candidates in several vacancies, is an argument error.
 */
export async function requireCandidate(
  config: Pick<Config, 'vacancies'>,
  candidates: CandidateStore,
  value: string,
  vacancy?: string,
): Promise<CandidateRecord> {
  if (value.includes('@')) {
    const address = personAddress(value);
    const ids = vacancy ? [vacancy] : config.vacancies.map((entry) => entry.id);
    const records = await findPersonRecords(candidates, ids, address);
    if (records.length === 1 && records[0]) return records[0];
    if (records.length === 0)
      throw new TriageError('input-invalid', `no candidate has the address ${address}`);
    const where = records.map((record) => record.vacancy).join(', ');
    throw new TriageError(
      'input-invalid',
      `${address} applied to several vacancies (${where}): give --vacancy or the candidate id`,
    );
  }
  const record = await candidates.get(value.trim());
  if (record === null)
    throw new TriageError('input-invalid', `no candidate ${value} (ids: triage candidates --json)`);
  return record;
}

/** The document kinds a candidate's vacancy requires (as configured now). */
export function requiredKinds(config: Pick<Config, 'vacancies'>, vacancyId: string): DocumentKind[] {
  const vacancy = config.vacancies.find((entry) => entry.id === vacancyId);
  if (vacancy === undefined)
    throw new TriageError('input-invalid', `the candidate's vacancy ${vacancyId} is no longer configured`);
  return vacancy.documents.required;
}
