/**
 * Work marked as background (jobs: imports, long exports) gives way to interactive requests on the
 * embedded database's single connection (fair-lock.ts) and holds only part of the server's pool.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/** Runs `work` as background work: every query it makes, directly or not, waits behind interactive ones. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** Whether the caller runs inside `inBackground`. */
export function isBackground(): boolean {
  return background.getStore() === true;
}
