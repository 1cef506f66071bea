import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchTable } from '../bench-table.ts';

/** The daemon's own account of its memory at one moment, from its /metrics (prom-client's process metrics). */
export interface MemorySample {
  rssBytes: number;
  heapTotalBytes: number;
  heapUsedBytes: number;
  /** Memory of Buffers and other objects held outside V8's heap. */
  externalBytes: number;
}

// Each scrape costs the daemon CPU (prom-client reads its memory, CPU time, open files and event-loop histogram:
// about 1.3 of its 31 main-thread CPU seconds in a 100-application drain scraped every 200 ms).
const SAMPLE_MS = 500;
const FIELDS: Record<string, keyof MemorySample> = {
  process_resident_memory_bytes: 'rssBytes',
  nodejs_heap_size_total_bytes: 'heapTotalBytes',
  nodejs_heap_size_used_bytes: 'heapUsedBytes',
  nodejs_external_memory_bytes: 'externalBytes',
};

/** Polls the daemon's /metrics until stopped; keeps the sample with the highest RSS. */
export function sampleMetricsMemory(port: number): { stop(): Promise<MemorySample | null> } {
  let peak: MemorySample | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const sample = await readSample(port).catch(() => null);
      if (sample !== null && (peak === null || sample.rssBytes > peak.rssBytes)) peak = sample;
      await sleep(SAMPLE_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

async function readSample(port: number): Promise<MemorySample | null> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) });
  const text = await response.text();
  const sample: MemorySample = { rssBytes: 0, heapTotalBytes: 0, heapUsedBytes: 0, externalBytes: 0 };
  for (const line of text.split('\n')) {
    const [name = '', value = ''] = line.split(' ');
    const field = FIELDS[name];
    if (field !== undefined) sample[field] = Number(value);
  }
  return sample.rssBytes > 0 ? sample : null;
}

/** Where the 1-process drain's daemon memory was at its highest sampled RSS. */
export function memoryBreakdownTable(sample: MemorySample): BenchTable {
  const other = sample.rssBytes - sample.heapTotalBytes - sample.externalBytes;
  return {
    id: 'daemonMemoryBreakdown',
    title: `Daemon memory at its peak (1-process drain, sampled from its /metrics every ${SAMPLE_MS} ms)`,
    columns: [
      { key: 'rssBytes', label: 'RSS', format: 'bytes' },
      { key: 'heapTotalBytes', label: 'V8 heap (reserved)', format: 'bytes' },
      { key: 'heapUsedBytes', label: 'V8 heap (used)', format: 'bytes' },
      { key: 'externalBytes', label: 'Buffers outside the heap', format: 'bytes' },
      { key: 'otherBytes', label: 'Rest (code, stacks, native)', format: 'bytes' },
    ],
    rows: [
      {
        rssBytes: sample.rssBytes,
        heapTotalBytes: sample.heapTotalBytes,
        heapUsedBytes: sample.heapUsedBytes,
        externalBytes: sample.externalBytes,
        otherBytes: Math.max(0, other),
      },
    ],
    notes: [
      'Buffers: message sources, attachments and what is being sent to the reading processes. Rest: compiled code, ' +
        'thread stacks, native allocations of the libraries and memory the allocator keeps.',
    ],
  };
}
