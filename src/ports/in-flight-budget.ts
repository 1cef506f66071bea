/**
 * How much mail a process works on at once: work on a message waits until its size fits the budget (a message
 * larger than the whole budget waits until it can run alone). See src/runtime/memory-budget.ts.
 */
export interface InFlightBudget {
  run<T>(bytes: number, work: () => Promise<T>): Promise<T>;
}
