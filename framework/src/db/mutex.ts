/**
 * A first-come, first-served lock. PGlite has a single connection: a Kysely transaction
 * must own it from BEGIN to COMMIT, or two requests would interleave inside one transaction.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; the returned function releases it. Throws after `timeoutMs`. */
  async acquire(timeoutMs: number): Promise<() => void> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Embedded database busy for more than ${timeoutMs} ms (nested connection use?)`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([previous, timedOut]);
    } catch (error) {
      // Give our turn away as soon as the previous holder is done, so the queue keeps moving.
      void previous.then(release);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  }
}
