import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildReplyContext,
  renderReply,
  tidyText,
  type ReplyContextInput,
} from '../../../../src/stages/replies/render-reply.ts';
import { REPLY_KINDS } from '../../../../src/domain/reply-kinds.ts';
import { isTriageError } from '../../../../src/errors/triage-error.ts';
import { loadReplyTemplates } from '../../../../src/stages/replies/reply-templates.ts';
import { type ReplyTemplates } from '../../../../src/stages/replies/render-reply.ts';

const DEFAULTS = fileURLToPath(new URL('../../../../config/templates', import.meta.url));

const INPUT: ReplyContextInput = {
  applicantName: 'Jane Doe',
  applicantEmail: 'jane.doe@example.org',
  vacancy: {
    id: 'robust-ai',
    title: 'PhD in Robust and Adaptive AI for Medical Imaging',
    tag: 'PHD-robustAI',
    deadline: '2026-12-02T12:00:00Z',
  },
  received: [
    { kind: 'cv', filename: 'Jane_Doe_CV.pdf' },
    { kind: 'research', filename: 'msc-thesis.pdf' },
  ],
  missing: ['transcript', 'reference'],
  openVacancies: [
    { title: 'PhD in Robust and Adaptive AI for Medical Imaging', tag: 'PHD-robustAI', deadline: null },
    { title: 'PhD in Federated Learning', tag: '[PHD-fedLearn]', deadline: '2027-01-15T17:00:00Z' },
  ],
  signature: 'Dr Chen',
};
const COMPLETE: ReplyContextInput = { ...INPUT, missing: [] };

let templates: ReplyTemplates;
beforeAll(async () => {
  templates = await loadReplyTemplates([DEFAULTS], ['shortlisted', 'interview', 'declined']);
});

// Every shipped template: each reply kind, a decision once per shipped status (`decision-declined`).
const SHIPPED = [
  ...REPLY_KINDS.filter((kind) => kind !== 'decision'),
  'decision-shortlisted',
  'decision-interview',
  'decision-declined',
] as const;

const render = (kind: (typeof SHIPPED)[number], input: ReplyContextInput) =>
  kind.startsWith('decision-')
    ? renderReply(templates, 'decision', buildReplyContext(input), kind.slice('decision-'.length))
    : renderReply(templates, kind as Exclude<typeof kind, `decision-${string}`>, buildReplyContext(input));

describe('buildReplyContext', () => {
  it('labels documents, gives an instruction per missing kind and brackets the tags', () => {
    const context = buildReplyContext(INPUT);
    expect(context.applicant).toEqual({ name: 'Jane Doe', firstName: 'Jane', email: 'jane.doe@example.org' });
    expect(context.vacancy.tag).toBe('[PHD-robustAI]');
    expect(context.openVacancies.map((open) => open.tag)).toEqual(['[PHD-robustAI]', '[PHD-fedLearn]']);
    expect(context.received).toEqual([
      { kind: 'cv', label: 'CV', filename: 'Jane_Doe_CV.pdf' },
      { kind: 'research', label: 'research paper, thesis or proposal', filename: 'msc-thesis.pdf' },
    ]);
    expect(context.missing.map((entry) => entry.label)).toEqual(['academic transcript', 'reference letter']);
    expect(context.missing[0]?.instruction).toMatch(/^please reply to this email with .*transcript attached/);
    expect(context.complete).toBe(false);
    expect(buildReplyContext(COMPLETE).complete).toBe(true);
  });

  it('has an instruction for every document kind, CV first', () => {
    const kinds = [
      'cv',
      'transcript',
      'research',
      'cover-letter',
      'reference',
      'certificate',
      'other',
    ] as const;
    const context = buildReplyContext({ ...INPUT, missing: [...kinds] });
    expect(context.missing[0]).toEqual({
      kind: 'cv',
      label: 'CV',
      instruction: 'please reply to this email with your CV attached (PDF preferred)',
    });
    expect(context.missing.find((entry) => entry.kind === 'certificate')?.label).toBe(
      'certificate (e.g. degree or language certificate)',
    );
    for (const entry of context.missing) expect(entry.instruction).toMatch(/^please reply to this email/);
  });

  it('gives no name, and no first name, when the sender had none or only an address', () => {
    expect(buildReplyContext({ ...INPUT, applicantName: '' }).applicant).toMatchObject({
      name: '',
      firstName: '',
    });
    expect(buildReplyContext({ ...INPUT, applicantName: '  \r\n ' }).applicant.name).toBe('');
    expect(buildReplyContext({ ...INPUT, applicantName: 'jane@example.org' }).applicant.name).toBe('');
    expect(buildReplyContext({ ...INPUT, applicantName: 'Jane (jane@example.org)' }).applicant.name).toBe('');
  });

  it('strips control and bidi characters from everything taken from mail', () => {
    const context = buildReplyContext({
      ...INPUT,
      applicantName: 'Jane\r\n\u202E\u0085 Doe',
      received: [
        { kind: 'cv', filename: 'cv\u202Efdp.exe' },
        { kind: 'transcript', filename: '\u2066transcript\u2069\r\n.pdf\u0000' },
        { kind: 'other', filename: '\u200F\u0007' },
      ],
    });
    expect(context.applicant).toMatchObject({ name: 'Jane Doe', firstName: 'Jane' });
    const strings = [context.applicant.name, ...context.received.map((entry) => entry.filename)];
    for (const text of strings) expect(text).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069\u200F]/u);
    expect(context.received.map((entry) => entry.filename)).toEqual([
      'cvfdp.exe',
      'transcript.pdf',
      '(no file name)',
    ]);
  });
});

describe('renderReply with the default templates', () => {
  it.each(SHIPPED)('%s greets the applicant, names the vacancy and ends with the signature', (kind) => {
    const { text, html } = render(kind, INPUT);
    expect(text).toMatch(/^Dear Jane Doe,\n/);
    expect(text).toMatch(/\nDr Chen\n$/);
    expect(text).toMatch(/automatic/);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Dear Jane Doe,');
    expect(html).toMatch(/Dr Chen<\/p>\s*<\/div>\s*<\/body>\s*<\/html>\n$/);
    if (kind !== 'enquiry') {
      expect(text).toContain(INPUT.vacancy.title);
      expect(html).toContain(INPUT.vacancy.title);
    }
  });

  it.each(SHIPPED.filter((kind) => kind !== 'reference-receipt'))(
    '%s reads "Dear applicant" without a name',
    (kind) => {
      const { text, html } = render(kind, { ...INPUT, applicantName: '' });
      expect(text).toMatch(/^Dear applicant,\n/);
      expect(html).toContain('Dear applicant,');
    },
  );

  it('reference-receipt: to the referee ("Dear colleague" without a name), naming nothing of the applicant\'s', () => {
    const { text, html } = render('reference-receipt', { ...INPUT, applicantName: '' });
    expect(text).toMatch(/^Dear colleague,\n/);
    expect(html).toContain('Dear colleague,');
    expect(text).toContain(`your letter about an applicant for the position "${INPUT.vacancy.title}"`);
    for (const document of INPUT.received) expect(text).not.toContain(document.filename);
  });

  it.each(SHIPPED)('%s text is tidy and its HTML references nothing external', (kind) => {
    for (const input of [INPUT, COMPLETE, { ...INPUT, applicantName: '', openVacancies: [] }]) {
      const { text, html } = render(kind, input);
      expect(text).not.toMatch(/\r|[ \t]\n|\n\n\n/);
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      expect(html).not.toMatch(/https?:\/\/|\bsrc\s*=|<link|<script|<style|@import|url\(/i);
      expect(html).not.toContain('{{');
    }
  });

  it('acknowledgement lists what was received, what is missing with instructions, and the deadline', () => {
    const context = buildReplyContext(INPUT);
    const { text, html } = renderReply(templates, 'acknowledgement', context);
    for (const document of context.received) {
      expect(text).toContain(`- ${document.label}: ${document.filename}\n`);
      expect(html).toContain(document.filename);
    }
    for (const document of context.missing) {
      expect(text).toContain(`- ${document.label}: ${document.instruction}\n`);
      expect(html).toContain(document.instruction);
    }
    expect(text).toContain('not yet complete');
    expect(text).not.toMatch(/your application is complete/i);
    expect(text).toContain('2 December 2026, 12:00 UTC');
    expect(html).toContain('2 December 2026, 12:00 UTC');
    expect(text).toContain('[PHD-robustAI]');
  });

  it('acknowledgement says the application is complete when nothing is missing, and omits an absent deadline', () => {
    const { text, html } = render('acknowledgement', {
      ...COMPLETE,
      vacancy: { ...COMPLETE.vacancy, deadline: null },
    });
    expect(text).toMatch(/Your application is complete/);
    expect(html).toMatch(/Your application is complete/);
    expect(text).not.toMatch(/missing|closing date/i);
  });

  it('closed gives the closing date and says the late application may not be considered', () => {
    const { text, html } = render('closed', INPUT);
    expect(text).toContain('closed on 2 December 2026, 12:00 UTC');
    expect(text).toMatch(/recorded.*may not be considered/);
    expect(html).toContain('closed on 2 December 2026, 12:00 UTC');
    const undated = render('closed', { ...INPUT, vacancy: { ...INPUT.vacancy, deadline: null } });
    expect(undated.text).toMatch(/has closed/);
  });

  it('complete confirms everything is in', () => {
    const { text } = render('complete', COMPLETE);
    expect(text).toMatch(/everything I asked for/);
    expect(text).toContain('- CV: Jane_Doe_CV.pdf');
  });

  it('receipt thanks for the follow-up and repeats what is still missing', () => {
    expect(render('receipt', COMPLETE).text).not.toMatch(/missing/);
    const { text } = render('receipt', INPUT);
    expect(text).toMatch(/follow-up .* received/);
    expect(text).toContain(buildReplyContext(INPUT).missing[0]?.instruction);
  });

  it('enquiry lists every open vacancy with the exact tag to use', () => {
    const { text, html } = render('enquiry', INPUT);
    expect(text).toContain('- PhD in Robust and Adaptive AI for Medical Imaging: [PHD-robustAI]\n');
    expect(text).toContain(
      '- PhD in Federated Learning: [PHD-fedLearn] (closing date 15 January 2027, 17:00 UTC)\n',
    );
    expect(text).toMatch(/send your application again with the tag in the subject line/);
    expect(html).toContain('[PHD-fedLearn]');
    expect(render('enquiry', { ...INPUT, openVacancies: [] }).text).toMatch(/no open positions/);
  });
});

describe('escaping', () => {
  it.each(['<script>alert(1)</script>', 'Bob & "Alice"'])(
    'a name like %s is not echoed at all: the greeting is "Dear applicant,"',
    (name) => {
      const { text, html } = render('acknowledgement', { ...INPUT, applicantName: name });
      expect(text).toMatch(/^Dear applicant,\n/);
      expect(html).not.toContain('<script');
    },
  );

  it("a name like O'Brien is escaped in HTML only", () => {
    const { text, html } = render('acknowledgement', { ...INPUT, applicantName: "Siobhán O'Brien" });
    expect(text).toContain("Dear Siobhán O'Brien,");
    expect(html).toContain('Dear Siobhán O&#x27;Brien,');
  });

  it('escapes the exact HTML entities', () => {
    const { html } = render('acknowledgement', {
      ...INPUT,
      received: [{ kind: 'cv', filename: 'Bob & "Alice" <img src=x onerror=alert(1)>.pdf' }],
    });
    expect(html).toContain('Bob &amp; &quot;Alice&quot; ');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;.pdf');
    expect(html).not.toMatch(/<img/);
  });

  it('a filename with CR/LF and bidi overrides reaches neither body', () => {
    const { text, html } = render('acknowledgement', {
      ...INPUT,
      received: [{ kind: 'cv', filename: 'cv\r\nX-Injected: 1\u202Efdp.exe' }],
    });
    expect(text).toContain('- CV: cvX-Injected: 1fdp.exe\n');
    for (const body of [text, html]) expect(body).not.toMatch(/[\r\u202A-\u202E\u2066-\u2069]|\nX-Injected/);
  });
});

describe('renderReply with a template that throws', () => {
  it('render-failure: a template failing on a real reply is a configuration error naming its file', () => {
    const failing = {
      file: '/srv/templates/acknowledgement.txt.hbs',
      render: () => {
        throw new Error('"label" not defined in undefined - 1:2');
      },
    };
    const broken: ReplyTemplates = {
      ...templates,
      acknowledgement: { ...templates.acknowledgement, text: failing },
    };
    expect(() => renderReply(broken, 'acknowledgement', buildReplyContext(INPUT))).toThrow(
      expect.toSatisfy(
        (error: unknown) =>
          isTriageError(error, 'config-invalid') &&
          !error.retryable &&
          error.message ===
            'reply template /srv/templates/acknowledgement.txt.hbs: "label" not defined in undefined - 1:2',
      ),
    );
  });
});

describe('tidyText', () => {
  it('normalises line ends, trims trailing spaces, folds blank runs and ends with one newline', () => {
    expect(tidyText('\n\nDear A,  \r\n\r\n\r\n\r\nText\t\rMore\n\n\n')).toBe('Dear A,\n\nText\nMore\n');
  });
});
