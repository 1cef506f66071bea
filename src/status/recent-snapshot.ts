/**
 * A snapshot read at most once per `maxAgeMs`: callers within that time after a read get the same snapshot, and
 * callers while a read is under way wait for it instead of starting another. A failed read is not kept (the next
 * caller reads again). The daemon's status snapshot lists every candidate and scans the ingest queue, so a scraper
 * or probe calling `/metrics` or `/readyz` several times a second would otherwise repeat that work each time.
 */
export function recentSnapshot<T>(
  read: () => Promise<T>,
  maxAgeMs: number,
  now: () => number = () => performance.now(),
): () => Promise<T> {
  let last: { value: T; at: number } | null = null;
  let reading: Promise<T> | null = null;
  return () => {
    if (last !== null && now() - last.at < maxAgeMs) return Promise.resolve(last.value);
    if (reading !== null) return reading;
    const started = now();
    reading = read().then(
      (value) => {
        last = { value, at: started };
        reading = null;
        return value;
      },
      (error: unknown) => {
        reading = null;
        throw error;
      },
    );
    return reading;
  };
}
