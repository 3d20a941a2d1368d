/** The process a job runs in: its host and pid, and whether a process of this host is still alive. */
import { hostname } from 'node:os';

export interface JobProcess {
  readonly host: string;
  readonly pid: number;
}

export const currentProcess = (): JobProcess => ({ host: hostname(), pid: process.pid });

/** Signal 0 tests a process without touching it: ESRCH means it is gone; EPERM, alive but another user's. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
