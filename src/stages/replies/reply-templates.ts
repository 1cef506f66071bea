import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TriageError } from '../../errors/triage-error.ts';
import {
  buildReplyContext,
  type ReplyContext,
  type ReplyFormat,
  type ReplyTemplate,
  type ReplyTemplatePair,
  type ReplyTemplates,
} from './render-reply.ts';
import { REPLY_KINDS, type ReplyKind } from '../../domain/reply-kinds.ts';

const EXTENSIONS: Readonly<Record<ReplyFormat, string>> = { text: '.txt.hbs', html: '.html.hbs' };
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

/** `2026-12-02T12:00:00Z` → `2 December 2026, 12:00 UTC`; '' for null or a non-string, the input itself when it is not a date. */
export function formatDeadline(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${DATE.format(date)}, ${TIME.format(date)} UTC`;
}

const handlebars = Handlebars.create();
handlebars.registerHelper('date', (iso: unknown) => formatDeadline(iso));
const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'date']);

const SAMPLE_PROGRAMME = {
  name: 'DPhil in Sampling',
  link: 'https://example.org/dphil',
  note: 'Automatic scholarship consideration.',
  deadline: '12:00 midday UK time, Tuesday 2 December 2025',
  relative: 'in 6 days',
};

// Two contexts between them take every branch a template can have: one full, one with everything empty.
const SAMPLES: readonly ReplyContext[] = [
  buildReplyContext({
    applicantName: 'Ada Lovelace',
    applicantEmail: 'ada@example.org',
    vacancy: {
      id: 'sample',
      title: 'PhD in Sampling',
      tag: 'PHD-sample',
      deadline: '2026-12-02T12:00:00Z',
      deadlineText: '12:00 midday UK time, Wednesday 2 December 2026',
    },
    received: [{ kind: 'cv', filename: 'cv.pdf' }],
    missing: ['transcript'],
    openVacancies: [
      {
        title: 'PhD in Sampling',
        tag: 'PHD-sample',
        deadline: '2026-12-02T12:00:00Z',
        deadlineText: '12:00 midday UK time, Wednesday 2 December 2026',
      },
      { title: 'PhD in Testing', tag: 'PHD-test', deadline: null },
    ],
    call: {
      topics: ['sampling', 'testing'],
      programmes: [SAMPLE_PROGRAMME, { ...SAMPLE_PROGRAMME, name: 'MSc by Research' }],
      openProgrammes: [SAMPLE_PROGRAMME],
      closedProgrammes: [{ ...SAMPLE_PROGRAMME, name: 'MSc by Research', relative: 'passed 3 days ago' }],
      wanted: [
        { label: 'CV', required: true },
        { label: 'research proposal', required: false },
      ],
      note: 'A lack of reply is not a reflection of your qualifications.',
      nextSteps: 'Apply through the university portal and name me as your supervisor.',
    },
    registration: { asked: true, registered: false, link: 'https://forms.example.org/register' },
    signature: 'Dr Sample',
  }),
  buildReplyContext({
    applicantName: '',
    applicantEmail: 'someone@example.org',
    vacancy: { id: 'sample', title: 'PhD in Sampling', tag: 'PHD-sample', deadline: null },
    received: [],
    missing: [],
    openVacancies: [],
    signature: 'Dr Sample',
  }),
];

/**
 * Loads and compiles every reply template, and `decision-<status>` for each of `decisionStatuses` (the statuses
 * that send one); for each file the first directory that has it wins, so `[vacancyDir, defaultDir]` overrides file
 * by file. Throws a `config-invalid` TriageError naming the file for a template that is missing everywhere, does
 * not parse, or uses a placeholder or helper the context does not have.
 */
export async function loadReplyTemplates(
  directories: readonly string[],
  decisionStatuses: readonly string[] = [],
): Promise<ReplyTemplates> {
  // One file after another, in a fixed order, so that the first problem reported is always the same one.
  const entries: Array<readonly [string, ReplyTemplatePair]> = [];
  for (const kind of REPLY_KINDS) {
    if (kind === 'decision') continue;
    entries.push([kind, await loadPair(directories, kind)] as const);
  }
  const decisions = new Map<string, ReplyTemplatePair>();
  for (const status of decisionStatuses)
    decisions.set(status, await loadPair(directories, `decision-${status}`));
  return {
    ...(Object.fromEntries(entries) as Record<Exclude<ReplyKind, 'decision'>, ReplyTemplatePair>),
    decisions,
  };
}

async function loadPair(directories: readonly string[], kind: string): Promise<ReplyTemplatePair> {
  const text = await loadTemplate(directories, kind, 'text');
  const html = await loadTemplate(directories, kind, 'html');
  return { text, html };
}

async function loadTemplate(
  directories: readonly string[],
  kind: string,
  format: ReplyFormat,
): Promise<ReplyTemplate> {
  const name = `${kind}${EXTENSIONS[format]}`;
  for (const directory of directories) {
    const file = path.join(directory, name);
    const source = await readOptional(file);
    if (source !== null) return compileReplyTemplate(source, file, format);
  }
  throw invalid(
    `no ${format} template for the "${kind}" reply: ${name} is in none of ${directories.join(', ') || '(no directories)'}`,
  );
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw invalid(`cannot read reply template ${file}: ${(error as Error).message}`, error);
  }
}

/** Compiles one template (strict; HTML-escaped unless `format` is text) and proves it against the sample contexts. */
export function compileReplyTemplate(source: string, file: string, format: ReplyFormat): ReplyTemplate {
  let program: hbs.AST.Program;
  try {
    program = handlebars.parse(source);
  } catch (error) {
    throw invalid(`reply template ${file} has a syntax error: ${(error as Error).message}`, error);
  }
  const problem = checkProgram(program, [{ value: SAMPLES[0], params: new Map() }]);
  if (problem) throw invalid(`reply template ${file}: ${problem}`);
  const compiled = handlebars.compile<ReplyContext>(program, { strict: true, noEscape: format === 'text' });
  const render = (context: ReplyContext): string => compiled(context);
  for (const sample of SAMPLES) {
    try {
      render(sample);
    } catch (error) {
      throw invalid(`reply template ${file} fails on a sample reply: ${(error as Error).message}`, error);
    }
  }
  return { file, render };
}

function invalid(message: string, cause?: unknown): TriageError {
  return new TriageError('config-invalid', message, { cause });
}

/** One level of context: the sample value `this` refers to, and the block parameters (`as |item|`) in scope. */
interface Scope {
  value: unknown;
  params: ReadonlyMap<string, unknown>;
}

type Node = hbs.AST.Statement | hbs.AST.Expression;

/**
 * Walks the template and resolves every path against the sample context, in every branch: Handlebars' strict mode
 * only checks paths it renders, and never the arguments of `if`/`each`, where a typo would silently be false.
 * Returns the first problem, or null.
 */
function checkProgram(program: hbs.AST.Program | undefined, scopes: readonly Scope[]): string | null {
  for (const node of program?.body ?? []) {
    const problem = checkNode(node, scopes);
    if (problem) return problem;
  }
  return null;
}

function checkNode(node: Node, scopes: readonly Scope[]): string | null {
  switch (node.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return null;
    case 'MustacheStatement':
    case 'SubExpression':
      return checkCall(node as hbs.AST.MustacheStatement, scopes);
    case 'BlockStatement':
      return checkBlock(node as hbs.AST.BlockStatement, scopes);
    case 'PathExpression':
      return resolvePath(node as hbs.AST.PathExpression, scopes).problem;
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
    case 'UndefinedLiteral':
    case 'NullLiteral':
      return null;
    default:
      return `${node.type} is not supported (line ${node.loc.start.line})`;
  }
}

function checkCall(
  call: Pick<hbs.AST.MustacheStatement, 'path' | 'params' | 'hash'>,
  scopes: readonly Scope[],
): string | null {
  const args = [...call.params, ...(call.hash?.pairs.map((pair) => pair.value) ?? [])];
  if (call.path.type === 'PathExpression') {
    const path = call.path as hbs.AST.PathExpression;
    const helper = BUILT_IN_HELPERS.has(path.original);
    if (!helper && args.length > 0) return `unknown helper "${path.original}" (line ${path.loc.start.line})`;
    if (!helper) return checkNode(path, scopes);
  }
  for (const argument of args) {
    const problem = checkNode(argument, scopes);
    if (problem) return problem;
  }
  return null;
}

function checkBlock(block: hbs.AST.BlockStatement, scopes: readonly Scope[]): string | null {
  const problem = checkCall(block, scopes);
  if (problem) return problem;
  const name = block.path.original;
  let inner = scopes;
  const [first] = block.params;
  if ((name === 'each' || name === 'with') && first?.type === 'PathExpression') {
    const target = resolvePath(first as hbs.AST.PathExpression, scopes).value;
    const value = name === 'each' ? (Array.isArray(target) ? (target as unknown[])[0] : undefined) : target;
    const names = block.program.blockParams ?? [];
    const params = new Map<string, unknown>(names.map((param, index) => [param, index === 0 ? value : 0]));
    inner = [{ value, params }, ...scopes];
  } else if (name !== 'if' && name !== 'unless') {
    return `unsupported block {{#${name}}} (line ${block.loc.start.line}): use if, unless, each or with`;
  }
  return checkProgram(block.program, inner) ?? checkProgram(block.inverse, scopes);
}

function resolvePath(
  path: hbs.AST.PathExpression,
  scopes: readonly Scope[],
): { value: unknown; problem: string | null } {
  const where = `{{${path.original}}} (line ${path.loc.start.line})`;
  const [head, ...rest] = path.parts;
  let value: unknown;
  let parts = path.parts;
  if (path.data) {
    if (head !== 'root') return { value: 0, problem: null }; // @index, @first, @last, @key
    value = scopes[scopes.length - 1]?.value;
    parts = rest;
  } else if (path.depth === 0 && head !== undefined && scopes.some((scope) => scope.params.has(head))) {
    value = scopes.find((scope) => scope.params.has(head))?.params.get(head);
    parts = rest;
  } else {
    value = scopes[path.depth]?.value;
  }
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) {
      return { value: undefined, problem: `unknown placeholder ${where}` };
    }
    value = (value as Record<string, unknown>)[part];
  }
  return { value, problem: null };
}
