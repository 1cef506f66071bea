import type { InFlightBudget } from '../ports/in-flight-budget.ts';

/** What runs when work that held at least `fromBytes` gives them back (a garbage collection). */
export interface Release {
  fromBytes: number;
  run: () => void;
}

/**
 * A byte-weighted semaphore: work that holds bytes in memory (a message being fetched, parsed and read) takes its
 * size from the budget first, and waits while the budget is spent. A request larger than the whole budget takes
 * all of it, so it runs alone instead of never. Requests are served in order: a large one at the head is not
 * overtaken by smaller ones behind it for ever.
 */
export class MemoryBudget implements InFlightBudget {
  readonly capacity: number;
  #available: number;
  #waiting: { bytes: number; grant: () => void }[] = [];
  readonly #release: Release | null;

  constructor(capacity: number, release: Release | null = null) {
    if (!(capacity > 0)) throw new RangeError('a memory budget must be positive');
    this.capacity = capacity;
    this.#available = capacity;
    this.#release = release;
  }

  /** Bytes not taken now. */
  get available(): number {
    return this.#available;
  }

  /** Requests waiting for bytes. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `work` once `bytes` (at most the whole budget) are free, and gives them back when it settles. */
  async run<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    const taken = Math.min(Math.max(0, bytes), this.capacity);
    await this.#take(taken);
    try {
      return await work();
    } finally {
      this.#available += taken;
      if (this.#release !== null && taken >= this.#release.fromBytes) this.#release.run();
      this.#serve();
    }
  }

  #take(bytes: number): Promise<void> {
    if (this.#waiting.length === 0 && bytes <= this.#available) {
      this.#available -= bytes;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#waiting.push({ bytes, grant: resolve });
    });
  }

  #serve(): void {
    for (
      let next = this.#waiting[0];
      next !== undefined && next.bytes <= this.#available;
      next = this.#waiting[0]
    ) {
      this.#waiting.shift();
      this.#available -= next.bytes;
      next.grant();
    }
  }
}
