import type { BenchSection, FlagValues } from './bench-section.ts';
import { DAEMON_TITLE, daemonSettings } from './daemon/daemon-settings.ts';
import { runDaemonBench } from './daemon/run-daemon-bench.ts';

/** `npm run bench -- --only daemon`: the real daemon against a private Dovecot, Redis and an SMTP sink. */
export const daemonSection: BenchSection = {
  name: 'daemon',
  title: DAEMON_TITLE,
  flags: {
    applications: { type: 'string' },
    noise: { type: 'string' },
    'large-files': { type: 'string' },
    'large-mb-min': { type: 'string' },
    'large-mb-max': { type: 'string' },
    processes: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    'latency-count': { type: 'string' },
    'drain-timeout-seconds': { type: 'string' },
    'redis-url': { type: 'string' },
    'cpu-prof': { type: 'string' },
    compiled: { type: 'boolean' },
  },
  usage: [
    '--applications <n>          applications in the backlog, each from its own applicant (default 2000)',
    '--noise <share>             extra messages needing no reply (auto-replies, bounces, list mail, untagged),',
    '                            as a share of the applications (default 0.1)',
    '--large-files <n>           applications carrying a large figure-heavy PDF (default 3)',
    '--large-mb-min <mb>         smallest large PDF, MB of 10^6 bytes (default 20)',
    '--large-mb-max <mb>         largest large PDF (default 30; above ~30 the message passes the daemon’s',
    '                            40 MiB limit once base64-encoded and is read from its headers only)',
    '--processes <list>          daemon processes per drain, one drain each, e.g. 1,2 (default 1,2)',
    '--concurrency <n>           workers.concurrency of each daemon (default 4)',
    '--latency-count <n>         applications delivered one at a time to an idle daemon, 0 to skip (default 100)',
    '--drain-timeout-seconds <n> give a drain up to this long, then report the counts reached (default 1800)',
    '--redis-url <url>           the Redis to use, under fresh prefixes removed afterwards',
    '                            (default $REDIS_URL or redis://127.0.0.1:6379)',
    '--cpu-prof <dir>            profile the 1-process drain’s daemon with node --cpu-prof into <dir> and list',
    '                            its main thread’s top functions by self time',
    '--compiled                  build the daemon (npm run build) and run it from dist/ as the installed',
    '                            `triage` and the systemd unit do (default: from source, as `npm start`)',
  ],
  prepare(values: FlagValues) {
    const settings = daemonSettings(values);
    return () => runDaemonBench(settings);
  },
};
