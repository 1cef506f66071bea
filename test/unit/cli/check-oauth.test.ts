import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requireTokenKey } from '../../../src/adapters/oauth/open-mailbox-logins.ts';
import { isTriageError } from '../../../src/errors/triage-error.ts';
import { refreshDue } from '../../../src/adapters/oauth/access-tokens.ts';
import type { OAuthState } from '../../../src/adapters/redis/oauth-token-store.ts';
import { authLine } from '../../../src/cli/check-oauth.ts';
import { parseConfig } from '../../../src/config/load-config.ts';

/** One Microsoft 365 mailbox signing in with OAuth2. */
const oauthConfig = (extra: Record<string, unknown> = {}) =>
  parseConfig(
    JSON.stringify({
      mailboxes: [
        {
          id: 'chen',
          address: 'chen@uni.example',
          from: 'chen@uni.example',
          auth: { type: 'oauth2', provider: 'microsoft365', clientId: 'app' },
        },
      ],
      vacancies: [{ id: 'v', tag: 'PHD-x', title: 'PhD', supervisors: ['chen@uni.example'] }],
      ...extra,
    }),
    {},
  );

const [mailbox] = oauthConfig().mailboxes;
if (mailbox === undefined) throw new Error('no mailbox');

const state = (fields: Partial<OAuthState>): OAuthState => ({
  state: 'ok',
  reason: null,
  since: null,
  account: null,
  signedInAt: null,
  refreshedAt: null,
  accessExpiresAt: null,
  lastError: null,
  lastErrorAt: null,
  version: 1,
  ...fields,
});

describe('authLine (check)', () => {
  it('a signed-in mailbox: method, account and token expiry', () => {
    const line = authLine(
      mailbox,
      state({
        account: 'chen@uni.example',
        signedInAt: '2026-12-01T10:00:00.000Z',
        accessExpiresAt: '2026-12-07T11:00:00.000Z',
      }),
    );
    expect(line).toEqual({
      ok: true,
      name: 'auth chen',
      detail:
        'oauth2 microsoft365 (delegated) as chen@uni.example, signed in as chen@uni.example at 2026-12-01T10:00:00.000Z, access token valid until 2026-12-07T11:00:00.000Z',
    });
  });

  it('never signed in, or refused: fails with the command to run', () => {
    expect(authLine(mailbox, null)).toMatchObject({
      ok: false,
      detail: 'oauth2 microsoft365 (delegated) as chen@uni.example: never signed in; run: triage login chen',
    });
    expect(
      authLine(
        mailbox,
        state({ state: 'needs-login', reason: 'invalid_grant: AADSTS700082', since: '2026-12-06T00:00:00Z' }),
      ),
    ).toMatchObject({
      ok: false,
      detail:
        'oauth2 microsoft365 (delegated) as chen@uni.example: needs a new sign-in since 2026-12-06T00:00:00Z (invalid_grant: AADSTS700082); run: triage login chen',
    });
  });
});

describe('refreshDue', () => {
  const hour = { token: 't', obtainedAt: 0, expiresAt: 3_600_000 };
  it('an hour-long token is refreshed in its last 5 minutes, not before', () => {
    expect(refreshDue(hour, 3_600_000 - 5 * 60_000 - 1)).toBe(false);
    expect(refreshDue(hour, 3_600_000 - 5 * 60_000)).toBe(true);
  });
  it('a short-lived token in the second half of its life', () => {
    const short = { token: 't', obtainedAt: 0, expiresAt: 10_000 };
    expect(refreshDue(short, 4_999)).toBe(false);
    expect(refreshDue(short, 5_000)).toBe(true);
  });
});

describe('requireTokenKey', () => {
  const config = oauthConfig({ security: { tokenKeyEnv: 'LAB_TOKEN_KEY' } });

  it('names the variable when the key is missing or weak: a configuration error (exit 2, no restart loop)', () => {
    for (const env of [{}, { LAB_TOKEN_KEY: 'password123' }]) {
      let error: unknown;
      try {
        requireTokenKey(config, env);
      } catch (caught) {
        error = caught;
      }
      expect(isTriageError(error, 'config-invalid')).toBe(true);
      expect((error as Error).message).toMatch(/^security\.tokenKeyEnv: LAB_TOKEN_KEY /);
    }
    expect(requireTokenKey(config, { LAB_TOKEN_KEY: randomBytes(32).toString('hex') })?.key).toHaveLength(32);
  });
});
