/**
 * The lock of the embedded database's single connection, held for one statement (or one
 * transaction). Interactive waiters are served first; background waiters get the connection when
 * no interactive one waits, and once per `starvationMs` anyway (so a job still progresses under
 * constant load, and a busy machine's slow batches cannot all jump ahead of requests).
 */
export interface FairLockOptions {
  /** Background work gets the lock at least once per this delay, even while requests wait. */
  starvationMs?: number;
}

interface Waiter {
  readonly since: number;
  readonly grant: () => void;
}

export class FairLock {
  readonly #starvationMs: number;
  readonly #interactive: Waiter[] = [];
  readonly #background: Waiter[] = [];
  #held = false;
  #granting = false;
  /** When background work last got the lock: it may jump the queue once per `starvationMs`. */
  #lastBackgroundGrant = Number.NEGATIVE_INFINITY;

  constructor(options: FairLockOptions = {}) {
    this.#starvationMs = options.starvationMs ?? 250;
  }

  /** Waits for the lock; the returned function releases it. Throws after `timeoutMs`. */
  acquire(background: boolean, timeoutMs: number): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const queue = background ? this.#background : this.#interactive;
      const timer = setTimeout(() => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(new Error(`Embedded database busy for more than ${timeoutMs} ms (nested connection use?)`));
      }, timeoutMs);
      const waiter: Waiter = {
        since: performance.now(),
        grant: () => {
          clearTimeout(timer);
          resolve(this.#releaser());
        },
      };
      queue.push(waiter);
      this.#schedule();
    });
  }

  /** How many wait, for tests and diagnostics. */
  get waiting(): { interactive: number; background: number } {
    return { interactive: this.#interactive.length, background: this.#background.length };
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#held = false;
      this.#schedule();
    };
  }

  #schedule(): void {
    if (this.#held || this.#granting) return;
    if (this.#interactive.length > 0 && !this.#backgroundStarving()) {
      this.#grant(this.#interactive.shift() as Waiter, false);
      return;
    }
    if (this.#background.length === 0) return;
    // A request runs several statements with a little JavaScript between them: wait one turn of
    // the event loop, so that its next statement (already on its way) goes before the job's.
    this.#granting = true;
    setImmediate(() => {
      this.#granting = false;
      if (this.#held) return;
      if (this.#interactive.length > 0 && !this.#backgroundStarving()) this.#grant(this.#interactive.shift() as Waiter, false);
      else if (this.#background.length > 0) this.#grant(this.#background.shift() as Waiter, true);
    });
  }

  #backgroundStarving(): boolean {
    const oldest = this.#background[0];
    return oldest !== undefined && performance.now() - Math.max(oldest.since, this.#lastBackgroundGrant) >= this.#starvationMs;
  }

  #grant(waiter: Waiter, background: boolean): void {
    this.#held = true;
    if (background) this.#lastBackgroundGrant = performance.now();
    waiter.grant();
  }
}
