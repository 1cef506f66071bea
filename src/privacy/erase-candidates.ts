import { rm, stat } from 'node:fs/promises';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import { resolveInside } from '../domain/sanitize-filename.ts';
import { faultPoint } from '../errors/fault-point.ts';
import type { CandidateErasure, ErasureMode, ErasurePorts, MailRemoval } from '../ports/erasure-ports.ts';

/** What an erasure removed (counts only: this is what logs and the audit trail keep). */
export interface ErasureCounts {
  candidates: number;
  messages: number;
  documents: number;
  jobs: number;
  deadLetters: number;
  exportedFolders: number;
  mail: number;
}

/** No erasure yet. */
export function noErasure(): ErasureCounts {
  return { candidates: 0, messages: 0, documents: 0, jobs: 0, deadLetters: 0, exportedFolders: 0, mail: 0 };
}

/**
 * Erases these candidates everywhere: each atomically in the store first (from that moment no reader sees any
 * of them), then their jobs, exported documents, seen-index links and their filed messages (kept, deleted or
 * moved, as `removal` says); each candidate's journal entry goes last, so an erasure killed midway is finished by
 * `finishErasures` on the next run. Erasures a killed run left are finished first.
 */
export async function eraseCandidates(
  ports: ErasurePorts,
  records: readonly CandidateRecord[],
  mode: ErasureMode,
  removal: MailRemoval,
): Promise<ErasureCounts> {
  const counts = await finishErasures(ports);
  const plans: CandidateErasure[] = [];
  for (const record of records) {
    const plan = await ports.erasures.erase(record, mode, removal);
    if (!plan.existed) continue;
    plans.push(plan);
    counts.candidates += 1;
    counts.messages += record.messages.length;
    counts.documents += record.documents.length;
    faultPoint('erasure-after-erase');
  }
  add(counts, await finish(ports, plans));
  return counts;
}

/** Finishes the erasures a killed run left in the journal (their records are gone already). */
export async function finishErasures(ports: ErasurePorts): Promise<ErasureCounts> {
  return finish(ports, await ports.erasures.pending());
}

async function finish(ports: ErasurePorts, plans: readonly CandidateErasure[]): Promise<ErasureCounts> {
  const counts = noErasure();
  if (plans.length === 0) return counts;
  const jobs = await ports.removeJobs(new Set(plans.map((plan) => plan.candidateId)));
  counts.jobs = jobs.jobs;
  counts.deadLetters = jobs.deadLetters;
  for (const plan of plans) {
    if (ports.exportDir !== null) {
      const folder = resolveInside(ports.exportDir, plan.candidateId);
      if (await stat(folder).catch(() => null)) counts.exportedFolders += 1;
      await rm(folder, { recursive: true, force: true });
    }
    counts.mail += await removeMail(ports, plan);
    await ports.erasures.unlinkSeen(plan);
    await ports.erasures.finish(plan.candidateId);
  }
  return counts;
}

async function removeMail(ports: ErasurePorts, plan: CandidateErasure): Promise<number> {
  const { removal } = plan;
  if (removal.action === 'keep') return 0;
  const byFolder = new Map<string, { mailbox: string; folder: string; ids: string[] }>();
  for (const { mailbox, folder, messageId } of plan.mail) {
    const entry = byFolder.get(`${mailbox}\n${folder}`) ?? { mailbox, folder, ids: [] };
    entry.ids.push(messageId);
    byFolder.set(`${mailbox}\n${folder}`, entry);
  }
  let removed = 0;
  for (const { mailbox, folder, ids } of byFolder.values())
    removed += await ports.removeMail(mailbox, folder, ids, removal);
  return removed;
}

/** Adds `more` into `counts`. */
export function add(counts: ErasureCounts, more: ErasureCounts): void {
  for (const field of Object.keys(counts) as Array<keyof ErasureCounts>) counts[field] += more[field];
}
