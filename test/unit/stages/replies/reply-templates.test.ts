import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTriageError } from '../../../../src/errors/triage-error.ts';
import { buildReplyContext, renderReply } from '../../../../src/stages/replies/render-reply.ts';
import { REPLY_KINDS } from '../../../../src/domain/reply-kinds.ts';
import {
  compileReplyTemplate,
  formatDeadline,
  loadReplyTemplates,
} from '../../../../src/stages/replies/reply-templates.ts';

const DEFAULTS = fileURLToPath(new URL('../../../../config/templates', import.meta.url));

const CONTEXT = buildReplyContext({
  applicantName: 'Jane Doe',
  applicantEmail: 'jane@example.org',
  vacancy: { id: 'robust-ai', title: 'PhD in Robust AI', tag: 'PHD-robustAI', deadline: null },
  received: [{ kind: 'cv', filename: 'cv.pdf' }],
  missing: ['transcript'],
  openVacancies: [],
  signature: 'Dr Chen',
});

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'reply-templates-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh directory holding the given template files. */
async function directoryWith(files: Record<string, string>): Promise<string> {
  const directory = path.join(root, `dir-${++count}`);
  await mkdir(directory);
  for (const [name, source] of Object.entries(files)) await writeFile(path.join(directory, name), source);
  return directory;
}

/** A complete copy of the defaults with some files replaced. */
async function defaultsWith(files: Record<string, string>): Promise<string> {
  const directory = await directoryWith({});
  for (const name of await readdir(DEFAULTS))
    await copyFile(path.join(DEFAULTS, name), path.join(directory, name));
  for (const [name, source] of Object.entries(files)) await writeFile(path.join(directory, name), source);
  return directory;
}

async function loadError(directories: string[], decisions: string[] = []): Promise<Error> {
  const error = await loadReplyTemplates(directories, decisions).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isTriageError(error, 'config-invalid')).toBe(true);
  return error as Error;
}

describe('loadReplyTemplates', () => {
  it('finds a text and an HTML template for every kind in the defaults', async () => {
    const templates = await loadReplyTemplates([DEFAULTS]);
    for (const kind of REPLY_KINDS) {
      if (kind === 'decision') continue;
      expect(templates[kind].text.file).toBe(path.join(DEFAULTS, `${kind}.txt.hbs`));
      expect(templates[kind].html.file).toBe(path.join(DEFAULTS, `${kind}.html.hbs`));
    }
    expect(templates.decisions?.size).toBe(0);
  });

  it('loads a decision-<status> template for each status that sends one, the shipped ones for the defaults', async () => {
    const templates = await loadReplyTemplates([DEFAULTS], ['shortlisted', 'interview', 'declined']);
    for (const status of ['shortlisted', 'interview', 'declined']) {
      expect(templates.decisions?.get(status)?.text.file).toBe(
        path.join(DEFAULTS, `decision-${status}.txt.hbs`),
      );
    }
    const { text } = renderReply(templates, 'decision', CONTEXT, 'declined');
    expect(text).toContain('has not been shortlisted');
    expect(text).toContain('Dear Jane Doe,');
  });

  it('stops the start naming the file when a status that sends a decision has no template', async () => {
    const error = await loadError([DEFAULTS], ['on-hold']);
    expect(error.message).toContain('decision-on-hold.txt.hbs');
  });

  it('takes each file from the first directory that has it (a vacancy overriding only the text, tidied)', async () => {
    const vacancy = await directoryWith({
      'acknowledgement.txt.hbs':
        'Hello {{applicant.firstName}}, about {{vacancy.tag}}.  \r\n\r\n\r\n\r\n{{signature}}',
    });
    const templates = await loadReplyTemplates([vacancy, DEFAULTS]);
    const { text, html } = renderReply(templates, 'acknowledgement', CONTEXT);
    expect(text).toBe('Hello Jane, about [PHD-robustAI].\n\nDr Chen\n');
    expect(html).toContain('Dear Jane Doe,');
    expect(templates.acknowledgement.html.file).toBe(path.join(DEFAULTS, 'acknowledgement.html.hbs'));
    expect(templates.closed.text.file).toBe(path.join(DEFAULTS, 'closed.txt.hbs'));
  });

  it('names the kind, format and directories when a template is missing everywhere', async () => {
    const empty = await directoryWith({});
    const partial = await directoryWith({ 'closed.txt.hbs': 'x' });
    const error = await loadError([empty, partial]);
    expect(error.message).toMatch(/"acknowledgement"/);
    expect(error.message).toMatch(/text/);
    expect(error.message).toContain('acknowledgement.txt.hbs');
    expect(error.message).toContain(empty);
    expect(error.message).toContain(partial);
  });

  it('names the file and Handlebars’ message for a syntax error', async () => {
    const directory = await defaultsWith({ 'receipt.html.hbs': '<p>{{#if complete}}done{{/each}}</p>' });
    const error = await loadError([directory]);
    expect(error.message).toContain(path.join(directory, 'receipt.html.hbs'));
    expect(error.message).toMatch(/syntax error: if doesn't match each/);
    const unclosed = await defaultsWith({ 'enquiry.txt.hbs': 'Dear {{applicant.name' });
    expect((await loadError([unclosed])).message).toMatch(
      /enquiry\.txt\.hbs has a syntax error: Parse error/,
    );
  });

  it('unreadable-template: a template that exists but cannot be read is a configuration error naming it', async () => {
    const directory = await directoryWith({});
    await mkdir(path.join(directory, 'acknowledgement.txt.hbs'));
    const error = await loadError([directory, DEFAULTS]);
    expect(error.message).toContain(
      `cannot read reply template ${path.join(directory, 'acknowledgement.txt.hbs')}`,
    );
  });

  it('rejects an unknown placeholder at load, naming it and the file', async () => {
    const directory = await defaultsWith({ 'closed.txt.hbs': 'Closed on {{vacancy.deadlin}}.\n' });
    const error = await loadError([directory]);
    expect(error.message).toContain(path.join(directory, 'closed.txt.hbs'));
    expect(error.message).toContain('unknown placeholder {{vacancy.deadlin}} (line 1)');
  });
});

describe('compileReplyTemplate', () => {
  const compile = (source: string) => compileReplyTemplate(source, 'custom.txt.hbs', 'text');
  const failure = (source: string): string => {
    try {
      compile(source);
    } catch (error) {
      expect(isTriageError(error, 'config-invalid')).toBe(true);
      return (error as Error).message;
    }
    throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
  };

  it.each([
    ['a top-level typo', 'Dear {{applicant.nmae}}', '{{applicant.nmae}}'],
    [
      'a typo in a condition that strict mode would let through',
      '{{#if vacancy.dedline}}x{{/if}}',
      '{{vacancy.dedline}}',
    ],
    ['a typo in an else branch', '{{#if complete}}a{{else}}{{missng}}{{/if}}', '{{missng}}'],
    ['an item field that does not exist', '{{#each received}}{{name}}{{/each}}', '{{name}}'],
    ['a context field used inside a loop', '{{#each missing}}{{signature}}{{/each}}', '{{signature}}'],
    ['a helper argument', '{{date vacancy.closing}}', '{{vacancy.closing}}'],
    ['a chained else if', '{{#if complete}}a{{else if nope}}b{{/if}}', '{{nope}}'],
    ['the old top-level deadline', 'closed on {{deadline}}', '{{deadline}}'],
  ])('rejects %s', (_case, source, placeholder) => {
    expect(failure(source)).toBe(
      `reply template custom.txt.hbs: unknown placeholder ${placeholder} (line 1)`,
    );
  });

  it('sample-failure: a path that only some replies have (the first missing document) fails on a sample', () => {
    expect(failure('{{missing.0.label}}')).toMatch(
      /^reply template custom\.txt\.hbs fails on a sample reply: "label" not defined/,
    );
  });

  it('rejects unknown helpers and partials', () => {
    expect(failure('{{upper applicant.name}}')).toMatch(/unknown helper "upper"/);
    expect(failure('{{#repeat 2}}x{{/repeat}}')).toMatch(/unknown helper "repeat"/);
    expect(failure('{{#received}}{{filename}}{{/received}}')).toMatch(
      /unsupported block \{\{#received\}\} \(line 1\): use if, unless, each or with/,
    );
    expect(failure('{{> footer}}')).toMatch(/PartialStatement is not supported/);
  });

  it('accepts the ways a template author reaches the context', () => {
    const template = compile(
      [
        '{{#each received as |document index|}}{{index}}.{{document.filename}} {{../signature}} {{@root.vacancy.tag}}{{#if @first}}!{{/if}}{{/each}}',
        '{{#with vacancy}}{{title}}{{/with}} {{received.length}} {{#each missing}}{{this.label}}{{/each}}',
        '{{#unless complete}}incomplete{{else if applicant.name}}{{applicant.name}}{{/unless}}',
        '{{date vacancy.deadline}}',
      ].join('\n'),
    );
    expect(template.render(CONTEXT)).toBe(
      '0.cv.pdf Dr Chen [PHD-robustAI]!\nPhD in Robust AI 1 academic transcript\nincomplete\n',
    );
  });

  it('escapes HTML templates and leaves text alone', () => {
    const context = { ...CONTEXT, applicant: { ...CONTEXT.applicant, name: '<b>Bob & "Al"</b>' } };
    const source = 'Dear {{applicant.name}}';
    expect(compileReplyTemplate(source, 'a.txt.hbs', 'text').render(context)).toBe('Dear <b>Bob & "Al"</b>');
    expect(compileReplyTemplate(source, 'a.html.hbs', 'html').render(context)).toBe(
      'Dear &lt;b&gt;Bob &amp; &quot;Al&quot;&lt;/b&gt;',
    );
  });
});

describe('formatDeadline', () => {
  it.each([
    ['2026-12-02T12:00:00Z', '2 December 2026, 12:00 UTC'],
    ['2026-12-02T12:00:00+01:00', '2 December 2026, 11:00 UTC'],
    ['2027-01-01T00:30:00.000Z', '1 January 2027, 00:30 UTC'],
    [null, ''],
    ['', ''],
    ['soon', 'soon'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDeadline(iso)).toBe(expected);
  });
});
