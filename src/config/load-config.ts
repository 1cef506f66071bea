import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { TriageError } from '../errors/triage-error.ts';
import { configSchema, type Config, type VacancyConfig } from './schema.ts';
import { normaliseTag } from '../domain/normalise-tag.ts';

/** Where the configuration is looked for: `--config`, else `$TRIAGE_CONFIG`, else `config/triage.yaml`. */
export function resolveConfigPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.TRIAGE_CONFIG || 'config/triage.yaml';
}

/** Reads, substitutes `${VAR}`, and validates a configuration file (deep-frozen); errors name the offending key. */
export async function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TriageError(
      'config-missing',
      `cannot read configuration file ${path}: ${(error as Error).message}`,
    );
  }
  return parseConfig(text, env, path);
}

/** Validates configuration text and returns it deep-frozen; `source` names it in error messages. */
export function parseConfig(text: string, env: NodeJS.ProcessEnv, source = 'configuration'): Config {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const details = document.errors.map((error) => error.message.split('\n')[0]).join('; ');
    throw new TriageError('config-invalid', `${source}: not valid YAML: ${details}`);
  }
  const problems: string[] = [];
  const raw = substituteEnv(document.toJS() as unknown, env, [], problems);
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) problems.push(...result.error.issues.flatMap(formatIssue));
  if (problems.length > 0 || !result.success) {
    throw new TriageError('config-invalid', `${source}: ${problems.join('; ')}`);
  }
  const config = resolveCrossReferences(result.data, problems);
  if (problems.length > 0) throw new TriageError('config-invalid', `${source}: ${problems.join('; ')}`);
  return deepFreeze(config);
}

// Validated once, trusted everywhere: no stage can change a setting another one relies on.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, path: PathKey[], problems: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, escape: string, name: string) => {
      if (escape === '$') return whole.slice(1);
      const found = env[name];
      if (found === undefined) {
        problems.push(`${formatPath(path)}: environment variable ${name} is not set`);
        return '';
      }
      return found;
    });
  }
  if (Array.isArray(value))
    return value.map((item, index) => substituteEnv(item, env, [...path, index], problems));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, [...path, key], problems)]),
    );
  }
  return value;
}

function resolveCrossReferences(data: z.infer<typeof configSchema>, problems: string[]): Config {
  reportDuplicates(
    data.mailboxes.map((mailbox) => mailbox.id),
    'mailboxes',
    'id',
    problems,
  );
  reportDuplicates(
    data.vacancies.map((vacancy) => vacancy.id),
    'vacancies',
    'id',
    problems,
  );
  reportDuplicates(
    // An open call has no tag: a value no tag can normalise to keeps it out of the comparison, at its index.
    data.vacancies.map((vacancy, index) =>
      vacancy.tag === undefined ? `#${index}` : normaliseTag(vacancy.tag),
    ),
    'vacancies',
    'tag',
    problems,
  );
  const mailboxIds = new Set(data.mailboxes.map((mailbox) => mailbox.id));
  const vacancies: VacancyConfig[] = data.vacancies.map((vacancy, index) => {
    let mailbox = vacancy.mailbox;
    if (mailbox === undefined) {
      if (data.mailboxes.length === 1) mailbox = data.mailboxes[0]?.id;
      else problems.push(`vacancies[${index}].mailbox: required when there is more than one mailbox`);
    } else if (!mailboxIds.has(mailbox)) {
      problems.push(`vacancies[${index}].mailbox: no mailbox has id "${mailbox}"`);
    }
    return { ...vacancy, mailbox: mailbox ?? '' };
  });
  const alertMailbox = data.alerts?.mailbox;
  if (alertMailbox !== undefined && !mailboxIds.has(alertMailbox))
    problems.push(`alerts.mailbox: no mailbox has id "${alertMailbox}"`);
  return { ...data, vacancies };
}

function reportDuplicates(values: string[], list: string, key: string, problems: string[]): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const first = seen.get(value.toLowerCase());
    if (first === undefined) seen.set(value.toLowerCase(), index);
    else problems.push(`${list}[${index}].${key}: same as ${list}[${first}].${key}`);
  });
}

type PathKey = string | number | symbol;

function formatIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown key`);
  }
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    message = /received undefined$/.test(issue.message)
      ? 'required'
      : issue.message.replace(/^Invalid input: /, '');
  }
  return [`${formatPath(issue.path)}: ${message}`];
}

function formatPath(path: readonly PathKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
