import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/cli/run-check.ts';

describe('redactUrl', () => {
  it.each([
    ['redis://:s3cret@redis.internal:6379', 'redis://:***@redis.internal:6379'],
    ['redis://triage:s3cret@redis.internal:6379/2', 'redis://triage:***@redis.internal:6379/2'],
    ['rediss://triage:p%40ss%3Aword@redis.internal', 'rediss://triage:***@redis.internal'],
  ])('password: %s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it.each([
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://triage@redis.internal:6379', 'redis://triage@redis.internal:6379'],
    ['rediss://redis.internal:6380/1', 'rediss://redis.internal:6380/1'],
  ])('no password: %s is shown unchanged', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('query-password: ioredis reads ?password=, so it is redacted too', () => {
    expect(redactUrl('redis://h:6379?password=s3cret&db=2')).toBe('redis://h:6379?password=***&db=2');
  });

  it('no-scheme: "user:pass@host" (ioredis adds redis://) is redacted', () => {
    expect(redactUrl('default:s3cret@h:6379')).toBe('default:***@h:6379');
  });

  it('the secret never appears in the output', () => {
    expect(redactUrl('redis://user:correct-horse-battery@redis.internal:6379')).not.toContain(
      'correct-horse',
    );
  });

  it('unparseable: returned as given rather than throwing', () => {
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
