/** Time shared by the documents of one message: a document holds it (start…stop) while it is being read. */
export interface ReadingClock {
  /** Aborts, with the reason in words, when the time is spent. */
  readonly signal: AbortSignal;
  start(): void;
  stop(): void;
  /** Adds time (OCR of a document started). */
  extend(seconds: number): void;
}

/**
 * The time one message's documents may be read for, together: it runs while at least one of them is being read
 * (not while they wait for a reading process), and when it is spent its `signal` aborts with `reason`, which stops
 * the documents being read and leaves the rest unread. `dispose` when the message is done.
 */
export class MessageClock implements ReadingClock {
  readonly #controller = new AbortController();
  readonly #reason: string;
  #remainingMs: number;
  #reading = 0;
  #since = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(seconds: number, reason: string) {
    this.#remainingMs = seconds * 1000;
    this.#reason = reason;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  start(): void {
    this.#reading += 1;
    if (this.#reading > 1 || this.signal.aborted) return;
    this.#since = performance.now();
    this.#timer = setTimeout(() => this.#controller.abort(this.#reason), Math.max(0, this.#remainingMs));
  }

  stop(): void {
    this.#reading -= 1;
    if (this.#reading > 0 || this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#remainingMs -= performance.now() - this.#since;
  }

  extend(seconds: number): void {
    if (this.signal.aborted) return;
    this.#remainingMs += seconds * 1000;
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    const left = this.#remainingMs - (performance.now() - this.#since);
    this.#timer = setTimeout(() => this.#controller.abort(this.#reason), Math.max(0, left));
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
