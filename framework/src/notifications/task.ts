/**
 * The daily e-mail of pending work as a framework daily task (jobs/daily.ts): registered by
 * `bootstrap` once the runtime exists, since it needs the applications and the public address.
 */
import type { DailyTask } from '../model/extensions.ts';
import { sendDailyDigests, type DigestRuntime } from './send.ts';

export const DIGEST_TASK_ID = 'framework.notifications';

export const dailyDigestTask = (runtime: DigestRuntime): DailyTask => ({
  id: DIGEST_TASK_ID,
  run: async () => {
    const report = await sendDailyDigests(runtime);
    return `${report.sent} récapitulatif(s) mis en file d’attente, ${report.agents} agent(s) examiné(s)`;
  },
});
