/**
 * The applications' daily tasks (`Registry.addDailyTask`): run by the server's housekeeping at
 * start-up, then at the first pass after the day changes in Paris. One task failing is logged and
 * does not stop the others; it runs again the next day (or at the next start).
 */
import type { Db } from '../db/connection.ts';
import type { Logger } from '../logger.ts';
import type { DailyTask } from '../model/extensions.ts';
import { todayInParis } from '../config/time-zone.ts';

export { todayInParis };

export interface DailyRuntime {
  readonly db: { readonly kysely: Db };
  readonly logger: Pick<Logger, 'info' | 'error'>;
  readonly registry: { dailyTasks(): readonly DailyTask[] };
}

const lastDays = new WeakMap<DailyRuntime, string>();

/** Runs the tasks when `today` is not the day they last ran in this process; returns whether they ran. */
export async function runDailyTasks(runtime: DailyRuntime, today = todayInParis()): Promise<boolean> {
  if (lastDays.get(runtime) === today) return false;
  lastDays.set(runtime, today);
  for (const task of runtime.registry.dailyTasks()) {
    try {
      const done = await task.run(runtime.db.kysely);
      runtime.logger.info({ task: task.id, done }, 'tâche quotidienne faite');
    } catch (error) {
      runtime.logger.error({ err: error, task: task.id }, 'tâche quotidienne en échec');
    }
  }
  return true;
}
