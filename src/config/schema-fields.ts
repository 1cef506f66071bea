import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

// The value types the configuration schema is built of. Environment variables are strings: `port: ${SMTP_PORT}`
// must still validate as a number (and booleans alike).
export const int = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
    z.number().int().min(min).max(max),
  );
export const bool = () =>
  z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/i,
    'must be 1-64 letters, digits, "-" or "_", starting with a letter or digit',
  );
export const emailSchema = z.email('must be an e-mail address').transform((value) => value.toLowerCase());

export const cronSchema = z.string().refine((pattern) => {
  try {
    CronExpressionParser.parse(pattern);
    return true;
  } catch {
    return false;
  }
}, 'must be a cron pattern, e.g. "0 8 * * 1-5" (minute hour day-of-month month day-of-week)');

export const timezoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone, e.g. Europe/London');

export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');
