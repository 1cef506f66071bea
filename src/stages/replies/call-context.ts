import type { VacancyConfig } from '../../config/schema.ts';
import { describeDeadline } from '../../calls/deadline-text.ts';
import type { DocumentKind } from '../../domain/document-kinds.ts';

/** A programme as a reply shows it: the deadline in the call's time zone, and how far off it is. */
export interface ProgrammeView {
  name: string;
  /** '' when none is configured (here and below). */
  link: string;
  note: string;
  /** e.g. `12:00 midday UK time, Tuesday 2 December 2025`. */
  deadline: string;
  /** e.g. `in 6 days`, `passed 3 days ago`. */
  relative: string;
}

/** The call's own information a reply can give: programmes, documents wanted, the supervisor's texts. */
export interface CallView {
  /** The topics of the call the enquirer wrote about (as configured). */
  topics: string[];
  /** Every programme, in configured order. */
  programmes: ProgrammeView[];
  /** Those whose deadline has not passed (or that have none). */
  openProgrammes: ProgrammeView[];
  /** Those whose deadline has passed. */
  closedProgrammes: ProgrammeView[];
  /** The documents the supervisor asks for (required, then optional), as applicants read them. */
  wanted: Array<{ label: string; required: boolean }>;
  note: string;
  nextSteps: string;
}

/** Whether the vacancy asks applicants to register on a form first, and whether this one did. */
export interface RegistrationView {
  asked: boolean;
  registered: boolean;
  /** The form's address, '' when not configured. */
  link: string;
}

/** What the call's part of a reply is built from, besides the vacancy's configuration. */
export interface CallInput {
  topics: readonly string[];
  /** The candidate's registration (null: the vacancy has no form, or it could not be read). */
  registered: boolean | null;
  now: Date;
}

/** The call's part of a reply: programmes with deadlines rendered in the call's time zone at `now`. Pure. */
export function buildCallView(
  vacancy: Pick<
    VacancyConfig,
    'programmes' | 'timezone' | 'timezoneName' | 'replyNote' | 'nextSteps' | 'documents'
  >,
  input: CallInput,
  label: (kind: DocumentKind) => string,
): CallView {
  const timeZone = vacancy.timezone ?? 'UTC';
  const dated = vacancy.programmes.map((programme) => {
    const deadline =
      programme.deadline === undefined
        ? null
        : describeDeadline(programme.deadline, { timeZone, zoneName: vacancy.timezoneName, now: input.now });
    const view: ProgrammeView = {
      name: programme.name,
      link: programme.link ?? '',
      note: programme.note ?? '',
      deadline: deadline?.when ?? '',
      relative: deadline?.relative ?? '',
    };
    return { view, passed: deadline?.passed ?? false };
  });
  const { required, optional } = vacancy.documents;
  return {
    topics: [...input.topics],
    programmes: dated.map((entry) => entry.view),
    openProgrammes: dated.filter((entry) => !entry.passed).map((entry) => entry.view),
    closedProgrammes: dated.filter((entry) => entry.passed).map((entry) => entry.view),
    wanted: [
      ...required.map((kind) => ({ label: label(kind), required: true })),
      ...optional
        .filter((kind) => !required.includes(kind))
        .map((kind) => ({ label: label(kind), required: false })),
    ],
    note: vacancy.replyNote ?? '',
    nextSteps: vacancy.nextSteps ?? '',
  };
}

/** The registration part of a reply. Pure. */
export function buildRegistrationView(
  vacancy: Pick<VacancyConfig, 'registrations'>,
  registered: boolean | null,
): RegistrationView {
  return {
    asked: vacancy.registrations !== undefined && registered !== null,
    registered: registered === true,
    link: vacancy.registrations?.link ?? '',
  };
}
