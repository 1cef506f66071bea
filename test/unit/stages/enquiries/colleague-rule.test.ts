import { describe, expect, it } from 'vitest';
import { enquirersSchema, type EnquirersConfig } from '../../../../src/config/call-schema.ts';
import { colleagueRule, type ColleagueContext } from '../../../../src/stages/enquiries/colleague-rule.ts';

const MAILBOX = { address: 'triage@eng.ox.ac.uk', aliases: ['Chen@Robots.Ox.Ac.Uk', 'chen@lab.example'] };

function context(enquirers: Record<string, unknown> = {}, inSent = false): ColleagueContext {
  const parsed: EnquirersConfig = enquirersSchema.parse(enquirers);
  return { mailbox: MAILBOX, enquirers: parsed, inSent };
}

describe('colleagueRule', () => {
  it('takes a stranger at another organisation for a possible enquirer', () => {
    expect(colleagueRule('student@uni.example', context())).toBeNull();
  });

  it("takes the mailbox's organisation for colleagues, from a sibling department", () => {
    expect(colleagueRule('a@cs.ox.ac.uk', context())).toEqual({
      rule: 'own-domain',
      detail: 'same organisation as the mailbox (ox.ac.uk)',
    });
  });

  it("takes an alias's organisation for colleagues too", () => {
    expect(colleagueRule('Someone@Other.Lab.Example', context())?.rule).toBe('own-domain');
  });

  it('leaves the own-domain rule off when excludeOwnDomain is false', () => {
    expect(colleagueRule('a@cs.ox.ac.uk', context({ excludeOwnDomain: false }))).toBeNull();
  });

  it('does not take a shared registrable suffix for one organisation (cam.ac.uk is not ox.ac.uk)', () => {
    expect(colleagueRule('a@cam.ac.uk', context())).toBeNull();
  });

  it('does not make a whole public mail service colleagues of a mailbox on it', () => {
    const onGmail = {
      mailbox: { address: 'prof.chen@gmail.com', aliases: [] },
      enquirers: enquirersSchema.parse({}),
      inSent: false,
    };
    expect(colleagueRule('student@gmail.com', onGmail)).toBeNull();
    expect(colleagueRule('student@gmail.com', { ...onGmail, inSent: true })?.rule).toBe('sent-folder');
  });

  it('takes an address the mailbox wrote to for a colleague', () => {
    expect(colleagueRule('coauthor@uni.example', context({}, true))).toEqual({
      rule: 'sent-folder',
      detail: 'the mailbox has written to this address (Sent folder)',
    });
  });

  it('ignores the Sent folder when excludeSent is false', () => {
    expect(colleagueRule('coauthor@uni.example', context({ excludeSent: false }, true))).toBeNull();
  });

  it('puts the Sent folder before the own domain', () => {
    expect(colleagueRule('a@cs.ox.ac.uk', context({}, true))?.rule).toBe('sent-folder');
  });

  it('denies a listed address whatever its case and +detail', () => {
    const verdict = colleagueRule('Editor+PhD@Journal.ORG', context({ deny: ['editor@journal.org'] }));
    expect(verdict).toEqual({ rule: 'deny-list', detail: 'deny-list entry editor@journal.org' });
  });

  it('denies a listed @domain and its subdomains, not a look-alike', () => {
    const denied = context({ deny: ['@journal.org'] });
    expect(colleagueRule('x@journal.org', denied)).toEqual({
      rule: 'deny-list',
      detail: 'deny-list entry @journal.org',
    });
    expect(colleagueRule('x@mail.journal.org', denied)?.rule).toBe('deny-list');
    expect(colleagueRule('x@notjournal.org', denied)).toBeNull();
  });

  it('puts the deny list before the Sent folder and the own domain', () => {
    expect(colleagueRule('a@cs.ox.ac.uk', context({ deny: ['@cs.ox.ac.uk'] }, true))?.rule).toBe('deny-list');
  });

  it('lets an allowed @domain over the own domain (students of the same university)', () => {
    const allowed = context({ allow: ['@students.ox.ac.uk'] });
    expect(colleagueRule('applicant@students.ox.ac.uk', allowed)).toBeNull();
    expect(colleagueRule('a@cs.ox.ac.uk', allowed)?.rule).toBe('own-domain');
  });

  it('lets an allowed address over the deny list and the Sent folder', () => {
    const allowed = context({ allow: ['Former.Student@uni.example'], deny: ['@uni.example'] }, true);
    expect(colleagueRule('former.student+phd@uni.example', allowed)).toBeNull();
    expect(colleagueRule('other@uni.example', allowed)?.rule).toBe('deny-list');
  });

  it('finds no organisation in an address without a domain', () => {
    expect(colleagueRule('not-an-address', context())).toBeNull();
  });

  it("keeps the sender's address out of its detail (only the rule's evidence)", () => {
    const verdict = colleagueRule('a@cs.ox.ac.uk', context());
    expect(verdict?.detail).not.toContain('a@cs.ox.ac.uk');
  });
});
