/**
 * A counting semaphore: the local runner's bound on container tasks running at once, and on
 * the iterations of a ParallelFor loop.
 */

/** A counting semaphore for the parallelism bound. */
export class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];
  constructor(count: number) {
    this.#free = Math.max(1, count);
  }
  async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
