import type { Queue } from 'bullmq';
import type { DigestSchedule } from '../../stages/digests/plan-digest-schedules.ts';
import type { DigestJob } from '../../stages/digests/digest-job.ts';

/**
 * Makes the queue's job schedulers exactly these digests: upserts each (the same id from every daemon process, so
 * each slot produces one job) and removes digest schedulers no longer configured.
 */
export async function scheduleDigests(queue: Queue, schedules: readonly DigestSchedule[]): Promise<void> {
  for (const schedule of schedules) {
    const data: DigestJob = {
      supervisor: schedule.supervisor,
      vacancies: schedule.vacancies,
      timezone: schedule.timezone,
    };
    await queue.upsertJobScheduler(
      schedule.id,
      { pattern: schedule.pattern, tz: schedule.timezone },
      { name: 'digest', data },
    );
  }
  const wanted = new Set(schedules.map((schedule) => schedule.id));
  for (const existing of await queue.getJobSchedulers()) {
    const id = existing.id ?? existing.key;
    if (id.startsWith('digest.') && !wanted.has(id)) await queue.removeJobScheduler(id);
  }
}
