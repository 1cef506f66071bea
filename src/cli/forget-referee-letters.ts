import type { Config } from '../config/schema.ts';
import type { ErasurePorts } from '../ports/erasure-ports.ts';
import { withoutReferee, type RefereeErasure } from '../privacy/erase-referee.ts';
import type { PersonStores } from './open-person-stores.ts';

/** What `forget` of a referee took from applicants' records (or, on a dry run, would take). */
export interface RefereeLetterCounts {
  /** The referee's letters linked to applicants' records. */
  letters: number;
  /** The documents those letters brought. */
  documents: number;
  /** The applicants' records that held them. */
  candidates: number;
  /** Filed letters deleted from the mailbox (`--mail`; on a dry run, to delete). */
  mail: number;
}

/** The applicants' records in these vacancies that hold letters the referee at `address` wrote. Read only. */
export async function refereeLettersOf(
  config: Config,
  stores: PersonStores,
  vacancyIds: readonly string[],
  address: string,
): Promise<RefereeErasure[]> {
  const at = new Date().toISOString();
  const records = await stores.candidates.list(vacancyIds);
  return records.flatMap((record) => {
    const erasure = withoutReferee(record, address, requiredOf(config, record.vacancy), at);
    return erasure === null ? [] : [erasure];
  });
}

/** What erasing `planned` would take, with the filed letters `--mail` would delete. Pure. */
export function countRefereeLetters(planned: readonly RefereeErasure[], mail: boolean): RefereeLetterCounts {
  return {
    letters: planned.reduce((sum, erasure) => sum + erasure.letters.length, 0),
    documents: planned.reduce((sum, erasure) => sum + erasure.documents, 0),
    candidates: planned.length,
    mail: mail ? planned.flatMap((erasure) => filedLetters(erasure)).length : 0,
  };
}

/**
 * Takes the referee's letters off the applicants' records found by `refereeLettersOf`. With `--mail` the filed
 * letters are deleted first and each record is changed after (atomically, compare-and-set), so a `forget` killed
 * between the two finds the letters on the record again and finishes; a record changed since is read afresh.
 */
export async function eraseRefereeLetters(
  config: Config,
  stores: PersonStores,
  planned: readonly RefereeErasure[],
  address: string,
  removeMail: ErasurePorts['removeMail'] | null,
): Promise<RefereeLetterCounts> {
  const counts: RefereeLetterCounts = { letters: 0, documents: 0, candidates: 0, mail: 0 };
  const at = new Date().toISOString();
  for (const erasure of planned) {
    if (removeMail !== null) {
      for (const letter of filedLetters(erasure))
        counts.mail += await removeMail(letter.mailbox, letter.folder, [letter.messageId], {
          action: 'delete',
        });
    }
    let taken: RefereeErasure | null = null;
    await stores.candidates.update(erasure.record.id, (record) => {
      taken = withoutReferee(record, address, requiredOf(config, record.vacancy), at);
      return taken?.record ?? record;
    });
    const done = taken as RefereeErasure | null;
    if (done === null) continue;
    counts.letters += done.letters.length;
    counts.documents += done.documents;
    counts.candidates += 1;
  }
  return counts;
}

function filedLetters(erasure: RefereeErasure): { mailbox: string; folder: string; messageId: string }[] {
  return erasure.letters.flatMap((letter) =>
    letter.filedTo !== null && letter.messageId !== null && letter.mailbox !== ''
      ? [{ mailbox: letter.mailbox, folder: letter.filedTo, messageId: letter.messageId }]
      : [],
  );
}

function requiredOf(config: Config, vacancyId: string) {
  return config.vacancies.find((vacancy) => vacancy.id === vacancyId)?.documents.required ?? [];
}
