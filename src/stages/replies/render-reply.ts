import type { DocumentKind } from '../../domain/document-kinds.ts';
import { TriageError } from '../../errors/triage-error.ts';
import { echoName } from '../../output/echo-name.ts';
import { mailText } from '../../output/mail-text.ts';
import type { ReplyKind } from '../../domain/reply-kinds.ts';
import type { CallView, RegistrationView } from './call-context.ts';

/**
 * Everything a reply template can use; strings taken from mail are already one line each, cleaned of control and
 * invisible characters (mailText), and the name is there only when it looks like one (echoName).
 */
export interface ReplyContext {
  /** `name` and `firstName` are '' when the sender gave no usable name. */
  applicant: { name: string; firstName: string; email: string };
  /**
   * `tag` is the exact subject tag, brackets included (`[PHD-robustAI]`), '' for an open call; `deadline` is ISO
   * 8601 or null; `deadlineText` the deadline in the vacancy's `timezone` ("12:00 midday UK time, Wednesday 2
   * December 2026"), '' when it has no deadline or no time zone.
   */
  vacancy: { id: string; title: string; tag: string; deadline: string | null; deadlineText: string };
  received: Array<{ kind: DocumentKind; label: string; filename: string }>;
  missing: Array<{ kind: DocumentKind; label: string; instruction: string }>;
  /** True when nothing required is missing. */
  complete: boolean;
  openVacancies: Array<{ title: string; tag: string; deadline: string | null; deadlineText: string }>;
  /** The call's programmes, documents wanted and the supervisor's texts (see call-context.ts). */
  call: CallView;
  registration: RegistrationView;
  signature: string;
}

/** The two bodies of one reply. */
export interface RenderedReply {
  text: string;
  html: string;
}

/** The two bodies of every reply: `<kind>.txt.hbs` and `<kind>.html.hbs`. */
export type ReplyFormat = 'text' | 'html';

/** One compiled template and the file it came from. */
export interface ReplyTemplate {
  file: string;
  render: (context: ReplyContext) => string;
}

/** The text and HTML template of one reply. */
export type ReplyTemplatePair = Readonly<Record<ReplyFormat, ReplyTemplate>>;

/**
 * A compiled template per reply kind and format; a `decision` has one per status that sends it
 * (`decision-<status>`), loaded only for those.
 */
export type ReplyTemplates = Readonly<Record<Exclude<ReplyKind, 'decision'>, ReplyTemplatePair>> & {
  readonly decisions?: ReadonlyMap<string, ReplyTemplatePair>;
};

/** The plain inputs `buildReplyContext` turns into a template context. */
export interface ReplyContextInput {
  applicantName: string;
  applicantEmail: string;
  vacancy: { id: string; title: string; tag: string | null; deadline: string | null; deadlineText?: string };
  received: ReadonlyArray<{ kind: DocumentKind; filename: string }>;
  missing: readonly DocumentKind[];
  openVacancies: ReadonlyArray<{
    title: string;
    tag: string;
    deadline: string | null;
    deadlineText?: string;
  }>;
  call?: CallView;
  registration?: RegistrationView;
  signature: string;
}

const NO_CALL: CallView = {
  topics: [],
  programmes: [],
  openProgrammes: [],
  closedProgrammes: [],
  wanted: [],
  note: '',
  nextSteps: '',
};
const NO_REGISTRATION: RegistrationView = { asked: false, registered: false, link: '' };

/** How each document kind is named to applicants, and what to do when it is missing. */
export const DOCUMENT_WORDING: Readonly<Record<DocumentKind, { label: string; instruction: string }>> = {
  cv: { label: 'CV', instruction: 'please reply to this email with your CV attached (PDF preferred)' },
  transcript: {
    label: 'academic transcript',
    instruction: 'please reply to this email with your academic transcript attached (PDF preferred)',
  },
  research: {
    label: 'research paper, thesis or proposal',
    instruction:
      'please reply to this email with a research paper, thesis or research proposal attached (PDF preferred)',
  },
  'cover-letter': {
    label: 'cover letter',
    instruction: 'please reply to this email with your cover letter attached (PDF preferred)',
  },
  reference: {
    label: 'reference letter',
    instruction: 'please reply to this email with your reference letter attached (PDF preferred)',
  },
  certificate: {
    label: 'certificate (e.g. degree or language certificate)',
    instruction:
      'please reply to this email with your degree or language certificate attached (PDF preferred)',
  },
  other: { label: 'other document', instruction: 'please reply to this email with the document attached' },
};

// A file name is cut shorter than other mail text: one line of the "received" list.
const FILENAME_MAX = 200;

/** Builds the template context from plain inputs (labels and instructions for each document kind). Pure. */
export function buildReplyContext(input: ReplyContextInput): ReplyContext {
  // Only what looks like a person's name is echoed ("Dear Win a prize at http://…," never is).
  const name = echoName(input.applicantName);
  return {
    applicant: {
      name,
      firstName: name.split(' ')[0] ?? '',
      email: mailText(input.applicantEmail, { controls: '' }),
    },
    vacancy: {
      ...input.vacancy,
      tag: input.vacancy.tag === null ? '' : subjectTag(input.vacancy.tag),
      deadlineText: input.vacancy.deadlineText ?? '',
    },
    received: input.received.map((document) => ({
      kind: document.kind,
      label: DOCUMENT_WORDING[document.kind].label,
      filename: mailText(document.filename, { controls: '', max: FILENAME_MAX }) || '(no file name)',
    })),
    missing: [...new Set(input.missing)].map((kind) => ({ kind, ...DOCUMENT_WORDING[kind] })),
    complete: input.missing.length === 0,
    openVacancies: input.openVacancies.map((open) => ({
      ...open,
      tag: subjectTag(open.tag),
      deadlineText: open.deadlineText ?? '',
    })),
    call: input.call ?? NO_CALL,
    registration: input.registration ?? NO_REGISTRATION,
    signature: input.signature,
  };
}

/** The tag exactly as applicants must write it in the subject (`PHD-robustAI` → `[PHD-robustAI]`), as matching expects. */
export function subjectTag(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed : `[${trimmed}]`;
}

/** Renders both bodies of a reply; the text is tidied (LF line ends, no trailing spaces, no runs of blank lines). Pure. */
export function renderReply(
  templates: ReplyTemplates,
  kind: ReplyKind,
  context: ReplyContext,
  status?: string,
): RenderedReply {
  const pair = kind === 'decision' ? templates.decisions?.get(status ?? '') : templates[kind];
  if (pair === undefined)
    throw new TriageError('config-invalid', `no template loaded for the "decision-${status ?? ''}" reply`);
  return {
    text: tidyText(renderOne(pair, 'text', context)),
    html: tidyHtml(renderOne(pair, 'html', context)),
  };
}

function renderOne(pair: ReplyTemplatePair, format: ReplyFormat, context: ReplyContext): string {
  const template = pair[format];
  try {
    return template.render(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TriageError('config-invalid', `reply template ${template.file}: ${reason}`, { cause: error });
  }
}

/** LF line ends, no trailing spaces, at most one blank line in a row, no leading blank lines, one final newline. */
export function tidyText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}

function tidyHtml(html: string): string {
  return `${html.replace(/\r\n?/g, '\n').trim()}\n`;
}
