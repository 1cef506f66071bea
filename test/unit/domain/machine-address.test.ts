import { describe, expect, it } from 'vitest';
import { baseAddress, listRoleAddress, machineAddress } from '../../../src/domain/machine-address.ts';

describe('machineAddress', () => {
  it.each([
    'mailer_daemon@x.example',
    'mailer-daemon@x.example',
    'MAILER-DAEMON@x.example',
    'mailer.daemon@x.example',
    'postmaster@x.example',
    'post_master@x.example',
    'Post.Master+x@x.example',
  ])('%s is a bounce sender', (address) => expect(machineAddress(address)).toBe('bounce'));

  it.each([
    'no_reply@x.example',
    'no.reply@x.example',
    'NoReply-Admissions@x.example',
    'do_not_reply@x.example',
    'bounces+123@esp.example',
    'bounce@esp.example',
    'owner-phd-l@lists.example',
    'phd-l-request@lists.example',
    'abuse@x.example',
    // a no-reply word after a separator (Gmail's `gmail-noreply@google.com` notices)
    'gmail-noreply@google.example',
    'alerts.no-reply@x.example',
    'team_donotreply@x.example',
  ])('%s is a system address', (address) => expect(machineAddress(address)).toBe('system'));

  it.each([
    'bouncer.lab@example.org',
    'jane.doe@example.org',
    'ownerton@example.org',
    'rootes@example.org',
    'anoreply@example.org',
  ])('%s is a person', (address) => expect(machineAddress(address)).toBeNull());

  it('baseAddress drops +detail and case', () => {
    expect(baseAddress('Chen+Loop@Uni.Example')).toBe('chen@uni.example');
  });
});

describe('machineAddress: web-server accounts and BATV-signed envelope senders', () => {
  it.each([
    'www-data@x.example',
    'wwwrun@x.example',
    'apache@x.example',
    'nobody@x.example',
    'prvs=701fd58e1=www-data@x.example',
  ])('%s is a system address', (address) => expect(machineAddress(address)).toBe('system'));

  it.each([
    'prvs=0123abcd=jane.doe@x.example',
    'www@x.example',
    'apachecon@x.example',
    'nobody.else@x.example',
  ])('%s is a person', (address) => expect(machineAddress(address)).toBeNull());

  it('baseAddress drops a BATV signature', () => {
    expect(baseAddress('prvs=0123abcd=Chen@Uni.Example')).toBe('chen@uni.example');
  });
});

describe('listRoleAddress', () => {
  it.each([
    'owner-pc800@hpc.example',
    'pc800-request@hpc.example',
    'vm-dev-bounces@lists.example',
    'vm-dev-bounces+chen=uni.example@lists.example',
    'golang-nuts-owner@groups.example',
    'LISTSERV@lists.example',
    'majordomo@lists.example',
  ])('%s is a list role address', (address) => expect(listRoleAddress(address)).toBe(true));

  it.each(['noreply@github.example', 'root@x.example', 'jane.doe@x.example', 'bouncer.lab@x.example'])(
    '%s is not',
    (address) => expect(listRoleAddress(address)).toBe(false),
  );
});
