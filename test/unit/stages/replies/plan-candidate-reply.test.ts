import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { planCandidateReply, replyRecipient } from '../../../../src/stages/replies/plan-candidate-reply.ts';
import { readdressReply } from '../../../../src/stages/replies/plan-reply.ts';
import { loadVacancyTemplates } from '../../../../src/stages/replies/load-vacancy-templates.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../../support/records.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const TEMPLATES = (await loadVacancyTemplates(CONFIG)).get('robust-ai')!;
const VACANCY = CONFIG.vacancies[0]!;
const MAILBOX = CONFIG.mailboxes[0]!;

const own = messageRecord('<1>', '2026-11-01T10:00:00Z', {
  sender: 'jane@example.org',
  replyTo: { name: 'Jane', address: 'jane.private@example.org' },
});
const referee = messageRecord('<2>', '2026-11-02T10:00:00Z', {
  sender: 'prof.smith@uni.example',
  replyTo: { name: 'Prof Smith', address: 'prof.smith@uni.example' },
});

describe('replyRecipient', () => {
  it('own-mail: the applicant’s Reply-To', () => {
    expect(replyRecipient(candidateRecord([own], [], []), own)).toBe('jane.private@example.org');
  });
  it('third-party-in-thread: the applicant, never the third party', () => {
    expect(replyRecipient(candidateRecord([own, referee], [], []), referee)).toBe('jane@example.org');
  });
});

describe('planCandidateReply', () => {
  it('as-of-the-message: the acknowledgement lists what had arrived by then, not what came later', () => {
    const candidate = candidateRecord(
      [own, { ...referee, sender: 'jane@example.org', replyTo: null }],
      [documentRecord('cv', '<1>'), documentRecord('transcript', '<2>')],
      [],
    );
    const scene = { candidate, message: own, vacancy: VACANCY, mailbox: MAILBOX, openVacancies: [VACANCY] };
    const acknowledgement = planCandidateReply({ ...scene, kind: 'acknowledgement' }, TEMPLATES);
    expect(acknowledgement.to.address).toBe('jane.private@example.org');
    expect(acknowledgement.text).toContain('cv.pdf');
    expect(acknowledgement.text).not.toContain('transcript.pdf');
    const complete = planCandidateReply({ ...scene, kind: 'complete' }, TEMPLATES);
    expect(complete.text).toContain('transcript.pdf');
  });

  it('readdress: the reply goes to the checked recipient, with a name only when it is theirs', () => {
    const candidate = candidateRecord([own], [documentRecord('cv', '<1>')], ['transcript']);
    const planned = planCandidateReply(
      {
        kind: 'acknowledgement',
        candidate,
        message: own,
        vacancy: VACANCY,
        mailbox: MAILBOX,
        openVacancies: [],
      },
      TEMPLATES,
    );
    expect(readdressReply(planned, 'jane.private@example.org').to).toEqual({
      name: 'Jane',
      address: 'jane.private@example.org',
    });
    expect(readdressReply(planned, 'jane@example.org').to).toEqual({ name: '', address: 'jane@example.org' });
  });
});
