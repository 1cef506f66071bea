import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';
import { isTriageError, TriageError } from '../../errors/triage-error.ts';

/** How long a job waits for a mailbox that needs a new sign-in before it looks again. */
export const NEEDS_LOGIN_WAIT_MS = 5 * 60_000;

/**
 * Checks a job's payload and runs a stage on it. A bad payload or a non-retryable TriageError fails the job at
 * once (BullMQ's UnrecoverableError: no retry loop); anything else is retried with backoff. A stage answering
 * `deferMs` (it must wait, e.g. a reply to a domain that had its share) is delayed that long without spending
 * an attempt. So does a job whose mailbox needs a new OAuth2 sign-in (`oauth-needs-login`, or a token key that does
 * not open its tokens): it looks again every few minutes until a person has signed in, however long that takes.
 */
export async function runStage<S extends z.ZodType, R>(
  job: Job,
  schema: S,
  work: (payload: z.infer<S>) => Promise<R>,
  token?: string,
): Promise<R> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(
      `job-payload-invalid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  }
  let result: R;
  try {
    result = await work(parsed.data);
  } catch (error) {
    if (isTriageError(error, 'oauth-needs-login', 'oauth-key')) {
      await job.moveToDelayed(Date.now() + NEEDS_LOGIN_WAIT_MS, token);
      throw new DelayedError();
    }
    if (error instanceof TriageError && !error.retryable)
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
  const deferMs = (result as { deferMs?: unknown } | null)?.deferMs;
  if (typeof deferMs !== 'number') return result;
  await job.moveToDelayed(Date.now() + deferMs, token);
  throw new DelayedError();
}
