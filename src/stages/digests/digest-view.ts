import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import { decisionText } from '../../candidates/decision-text.ts';
import { mailText } from '../../output/mail-text.ts';
import { describeReferences } from '../../candidates/reference-summary.ts';
import { DOCUMENT_WORDING, subjectTag } from '../replies/render-reply.ts';
import type { DigestInput, DigestVacancy } from './digest-input.ts';
import { digestSubject } from './digest-subject.ts';
import { orderAll, orderChanges, type RankedCandidate } from './digest-order.ts';
import { displayName } from './display-name.ts';
import { tableRows, type TableRow } from './digest-table.ts';
import type { FitScore } from './fit-score.ts';
import { describeDeadline, digestClock, FLAG_WORDING, type DigestClock } from './format-digest-values.ts';
import { attentionViews, type PossibleApplicationView, type QuestionView } from './attention-view.ts';

// A file name is one line of a candidate's document list.
const FILENAME_MAX = 200;

/** One candidate as a digest shows it: every string one line without control characters (mailText), not escaped. */
export interface CandidateView {
  /** The applicant's name, or `(no name)`. */
  name: string;
  email: string;
  isNew: boolean;
  complete: boolean;
  firstSeen: string;
  lastSeen: string;
  documents: Array<{ label: string; filename: string }>;
  /** Labels of the required documents still missing. */
  missing: string[];
  fit: FitScore;
  /** `4.2 (degree 0.9 × 3 = 2.7, …)`, or `no profile yet`. */
  fitText: string;
  /** The profile in one line (degree and result, publications…); '' when nothing was read. */
  profile: string;
  flags: string[];
  /** An open call's enquirer: the topics and programmes they wrote about; empty otherwise. */
  topics: string[];
  /** Their registration on the vacancy's form (registrationText); '' when it has none. */
  registration: string;
  /** The referees whose letters are linked: `2 (Dr J. Smith, Prof. M. Rossi)`; '' when none. */
  references: string;
  messages: number;
  /** Folders the messages were filed in; empty when none is filed yet. */
  folders: string[];
  /** The supervisor's status and where it came from (decisionText); '' while there is none. */
  decision: string;
}

/** One vacancy's part of a digest. */
export interface VacancyView {
  id: string;
  title: string;
  /** The subject tag, brackets included; null for an open call. */
  tag: string | null;
  deadline: { relative: string; at: string | null };
  /** `registered`: how many registered on the vacancy's form; null when it has none. */
  totals: { all: number; complete: number; incomplete: number; registered: number | null };
  /** Every candidate, ranked; cut to the digest's size (fitDigestToSize), `omitted` saying how many are left out. */
  table: TableRow[];
  new: CandidateView[];
  updated: CandidateView[];
  /** Table rows and new and updated cards left out to keep the mail under the clipping limit: in the CSV. */
  omitted: { table: number; new: number; updated: number };
  /** Review items new since the previous digest: mail that nearly carried the tag ("possibly applications"). */
  possibly: PossibleApplicationView[];
  /** Candidates' questions still waiting for the supervisor's answer. */
  waiting: QuestionView[];
  /** Review items and questions beyond the lists' length. */
  more: { possibly: number; waiting: number };
}

/** Everything the text and HTML renderers show, ordered and formatted. */
export interface DigestView {
  subject: string;
  /** The digest's date, e.g. `Mon 23 Nov 2026`. */
  date: string;
  timezone: string;
  counts: { new: number; updated: number };
  /** Review items across the vacancies ("possibly applications"): news as well, though not candidates. */
  review: number;
  vacancies: VacancyView[];
  signature: string;
}

/** Orders and formats a digest's input for rendering (dates in the input's time zone), with its subject. Pure. */
export function buildDigestView(input: DigestInput): DigestView {
  const clock = digestClock(input.timezone, input.now);
  const vacancies = input.vacancies.map((vacancy) => vacancyView(vacancy, input, clock));
  const counts = {
    new: vacancies.reduce((sum, vacancy) => sum + vacancy.new.length, 0),
    updated: vacancies.reduce((sum, vacancy) => sum + vacancy.updated.length, 0),
  };
  const changedIds = vacancies
    .filter((vacancy) => vacancy.new.length + vacancy.updated.length > 0)
    .map((vacancy) => vacancy.id);
  return {
    subject: digestSubject(counts, changedIds),
    date: clock.day(input.now),
    timezone: input.timezone,
    counts,
    review: vacancies.reduce((sum, vacancy) => sum + vacancy.possibly.length + vacancy.more.possibly, 0),
    vacancies,
    signature: input.signature.replace(/\r\n?/g, '\n').trim(),
  };
}

/** The folders a candidate's messages were filed in, each once, in the order first used. */
export function filedFolders(candidate: CandidateRecord): string[] {
  const folders = candidate.messages.map((message) => message.filedTo).filter((folder) => folder !== null);
  return [...new Set(folders.map((folder) => mailText(folder)))];
}

/** A fit score in words: `4.2 (degree 0.9 × 3 = 2.7, publications …)`, or `no profile yet`. */
export function describeFit(fit: FitScore): string {
  if (fit.parts.length === 0) return 'no profile yet';
  const parts = fit.parts.map((part) => `${part.factor} ${part.value} × ${part.weight} = ${part.points}`);
  return `${fit.score} (${parts.join(', ')})`;
}

function vacancyView(vacancy: DigestVacancy, input: DigestInput, clock: DigestClock): VacancyView {
  const changes = orderChanges(vacancy.changed, input.weights);
  const all = orderAll(vacancy.all, vacancy.changed, input.weights);
  const complete = all.filter((entry) => entry.complete).length;
  return {
    id: vacancy.vacancy.id,
    title: mailText(vacancy.vacancy.title),
    tag: vacancy.vacancy.tag === null ? null : subjectTag(mailText(vacancy.vacancy.tag)),
    deadline: describeDeadline(vacancy.vacancy.deadline, input.now, clock),
    totals: {
      all: all.length,
      complete,
      incomplete: all.length - complete,
      registered: registeredCount(vacancy, all),
    },
    // The ranking comes with news: a vacancy with nothing new keeps its digest part short.
    table:
      changes.new.length + changes.updated.length === 0
        ? []
        : tableRows(all, {
            new: new Set(changes.new.map((entry) => entry.candidate.id)),
            updated: new Set(changes.updated.map((entry) => entry.candidate.id)),
          }),
    new: changes.new.map((entry) => candidateView(entry, clock, vacancy.registrations)),
    updated: changes.updated.map((entry) => candidateView(entry, clock, vacancy.registrations)),
    omitted: { table: 0, new: 0, updated: 0 },
    ...attentionViews(vacancy.attention, clock),
  };
}

function candidateView(
  entry: RankedCandidate,
  clock: DigestClock,
  registrations: ReadonlyMap<string, string> | undefined,
): CandidateView {
  const { candidate } = entry;
  return {
    name: displayName(candidate),
    email: mailText(candidate.email, { controls: '' }),
    isNew: entry.isNew,
    complete: entry.complete,
    firstSeen: clock.when(candidate.firstSeen),
    lastSeen: clock.when(candidate.lastSeen),
    documents: candidate.documents.map((document) => ({
      label: DOCUMENT_WORDING[document.kind].label,
      filename: mailText(document.filename, { controls: '', max: FILENAME_MAX }) || '(no file name)',
    })),
    missing: [...new Set(candidate.missing)].map((kind) => DOCUMENT_WORDING[kind].label),
    fit: entry.fit,
    fitText: describeFit(entry.fit),
    profile: mailText(entry.profile?.summary ?? '', { controls: '' }),
    flags: [...new Set(candidate.flags)].map((flag) => FLAG_WORDING[flag]),
    topics: candidateTopics(candidate).map((topic) => mailText(topic)),
    registration: registrations?.get(candidate.id) ?? '',
    references: mailText(describeReferences(candidate), { controls: '' }),
    messages: candidate.messages.length,
    folders: filedFolders(candidate),
    decision: decisionText(candidate.decision, (iso) => clock.when(iso)),
  };
}

/** The topics and programmes an open call's enquirer wrote about, across their messages, each once. Pure. */
export function candidateTopics(candidate: Pick<CandidateRecord, 'messages'>): string[] {
  const call = candidate.messages.flatMap((message) => [
    ...(message.call?.topics ?? []),
    ...(message.call?.programmes ?? []),
  ]);
  return [...new Set(call)];
}

/** How many of a vacancy's candidates registered on its form (registrationText); null when it has none. */
function registeredCount(vacancy: DigestVacancy, all: readonly RankedCandidate[]): number | null {
  const { registrations } = vacancy;
  if (registrations === undefined) return null;
  return all.filter((entry) => registrations.get(entry.candidate.id)?.startsWith('registered') === true)
    .length;
}
