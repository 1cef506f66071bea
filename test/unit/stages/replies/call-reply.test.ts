import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import type { VacancyConfig } from '../../../../src/config/schema.ts';
import { buildCallView, buildRegistrationView } from '../../../../src/stages/replies/call-context.ts';
import { planReply } from '../../../../src/stages/replies/plan-reply.ts';
import { DOCUMENT_WORDING, type ReplyTemplates } from '../../../../src/stages/replies/render-reply.ts';
import { loadReplyTemplates } from '../../../../src/stages/replies/reply-templates.ts';

const DEFAULTS = fileURLToPath(new URL('../../../../config/templates', import.meta.url));
// The shipped example: robust-ai (tagged, with next steps) and medical-ai (an open call with two programmes).
const CONFIG = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const call = (id: string): VacancyConfig => {
  const vacancy = CONFIG.vacancies.find((entry) => entry.id === id);
  if (!vacancy) throw new Error(`no vacancy ${id}`);
  return vacancy;
};
const label = (kind: keyof typeof DOCUMENT_WORDING) => DOCUMENT_WORDING[kind].label;
const MAILBOX = CONFIG.mailboxes[0]!;

let templates: ReplyTemplates;
beforeAll(async () => {
  templates = await loadReplyTemplates([DEFAULTS]);
});

function information(now: Date, registered: boolean | null = null) {
  return planReply(
    {
      kind: 'information',
      candidate: { name: 'Amara Nwosu', email: 'amara@example.ng', documents: [], missing: ['cv'] },
      message: {
        messageId: '<a@example.ng>',
        subject: 'Prospective DPhil student',
        references: [],
        replyTo: null,
      },
      vacancy: call('medical-ai'),
      mailbox: MAILBOX,
      openVacancies: CONFIG.vacancies,
      call: { topics: ['agentic workflows for medical image analysis'], registered, now },
    },
    templates,
  );
}

describe('buildCallView', () => {
  it('renders each programme deadline in the call time zone, split into open and passed at `now`', () => {
    // 2030-01-20 is three days before the CDT's deadline (23 January, 12:00 UK time).
    const view = buildCallView(
      call('medical-ai'),
      { topics: [], registered: null, now: new Date('2030-01-20T09:00:00Z') },
      label,
    );
    expect(
      view.openProgrammes.map((programme) => [programme.name, programme.deadline, programme.relative]),
    ).toEqual([
      ['DPhil in Engineering Science', '12:00 midday UK time, Monday 2 December 2030', 'in 316 days'],
      ['EPSRC CDT in Health Data Science', '12:00 midday UK time, Wednesday 23 January 2030', 'in 3 days'],
    ]);
    expect(view.closedProgrammes).toEqual([]);
    expect(view.wanted).toEqual([
      { label: 'CV', required: true },
      { label: 'academic transcript', required: false },
      { label: 'research paper, thesis or proposal', required: false },
    ]);
    const later = buildCallView(
      call('medical-ai'),
      { topics: [], registered: null, now: new Date('2030-01-26T09:00:00Z') },
      label,
    );
    expect(later.closedProgrammes.map((programme) => [programme.name, programme.relative])).toEqual([
      ['EPSRC CDT in Health Data Science', 'passed 3 days ago'],
    ]);
  });

  it('a registration is only asked about when the vacancy has a form that could be read', () => {
    const form = { registrations: { file: 'x.csv' } };
    expect(buildRegistrationView(form, false)).toEqual({ asked: true, registered: false, link: '' });
    expect(buildRegistrationView(form, null)).toEqual({ asked: false, registered: false, link: '' });
    expect(buildRegistrationView({}, false)).toMatchObject({ asked: false });
  });
});

describe('the information reply', () => {
  it('gives the programmes with deadlines, the documents wanted and the supervisor paragraph', () => {
    const reply = information(new Date('2030-01-20T09:00:00Z'));
    expect(reply.kind).toBe('information');
    expect(reply.to).toEqual({ name: 'Amara Nwosu', address: 'amara@example.ng' });
    expect(reply.text).toContain('in particular in "agentic workflows for medical image analysis"');
    expect(reply.text).toContain(
      '- EPSRC CDT in Health Data Science: deadline 12:00 midday UK time, Wednesday 23 January 2030 (in 3 days)',
    );
    expect(reply.text).toContain("  The CDT's scholarships need their own application.");
    expect(reply.text).toContain('- academic transcript (if you have one)');
    expect(reply.text).toContain('A lack of reply is not a reflection of your qualifications or potential.');
    expect(reply.text).not.toContain('have passed');
    expect(reply.html).toContain('<strong>12:00 midday UK time, Wednesday 23 January 2030</strong>');
  });

  it('after a deadline says so, and what is still open', () => {
    const text = information(new Date('2030-01-26T09:00:00Z')).text;
    expect(text).toContain('You can apply through these programmes:\n- DPhil in Engineering Science');
    expect(text).toContain(
      'These deadlines have passed:\n- EPSRC CDT in Health Data Science: deadline was 12:00 midday UK time, Wednesday 23 January 2030 (passed 3 days ago)',
    );
    const closed = information(new Date('2031-01-01T09:00:00Z')).text;
    expect(closed).not.toContain('You can apply through');
    expect(closed).toContain(
      'The deadlines of these programmes have passed, and none is open at the moment:',
    );
  });
});

describe('the acknowledgement of a tagged call', () => {
  const acknowledgement = (registered: boolean | null) =>
    planReply(
      {
        kind: 'acknowledgement',
        candidate: { name: 'Jane Doe', email: 'jane@example.org', documents: [], missing: ['cv'] },
        message: {
          messageId: '<j@example.org>',
          subject: '[PHD-robustAI] Application',
          references: [],
          replyTo: null,
        },
        vacancy: { ...call('robust-ai'), registrations: { file: 'x.csv', link: 'https://forms.example/r' } },
        mailbox: MAILBOX,
        openVacancies: CONFIG.vacancies,
        call: { topics: [], registered, now: new Date('2026-11-20T09:00:00Z') },
      },
      templates,
    ).text;

  it('reminds an applicant not found on the form, never one who is or when the form could not be read', () => {
    const reminder =
      'I could not find you among those who registered their interest on the form (https://forms.example/r).';
    expect(acknowledgement(false)).toContain(reminder);
    expect(acknowledgement(true)).not.toContain('I could not find you');
    expect(acknowledgement(null)).not.toContain('I could not find you');
  });

  it('gives the next steps', () => {
    expect(acknowledgement(true)).toContain(
      "Next steps: Submit the full application on the University's Postgraduate Online Application Portal and name Dr Chen as your supervisor.",
    );
  });

  it("gives the vacancy's closing date in its own time zone when it has one, else in UTC as before", () => {
    const closingDate = (timezone: Partial<VacancyConfig>) =>
      planReply(
        {
          kind: 'acknowledgement',
          candidate: { name: 'Jane Doe', email: 'jane@example.org', documents: [], missing: [] },
          message: {
            messageId: '<j@example.org>',
            subject: '[PHD-robustAI] Application',
            references: [],
            replyTo: null,
          },
          vacancy: { ...call('robust-ai'), deadline: '2030-06-02T11:00:00Z', ...timezone },
          mailbox: MAILBOX,
          openVacancies: CONFIG.vacancies,
          call: { topics: [], registered: null, now: new Date('2030-05-01T09:00:00Z') },
        },
        templates,
      ).text;
    expect(closingDate({})).toContain('The closing date for applications is 2 June 2030, 11:00 UTC.');
    expect(closingDate({ timezone: 'Europe/London', timezoneName: 'UK time' })).toContain(
      'The closing date for applications is 12:00 midday UK time, Sunday 2 June 2030.',
    );
  });
});
