/** The daily e-mail of pending work (issue 16 §5): the applications' contract, the pass, the opt-out. */
export type { PendingItem, PendingWorkContext, PendingWorkSection, PendingWorkSource } from './pending-work.ts';
export { collectPendingWork, countOf, type ApplicationWork, type CollectedWork } from './collect.ts';
export { absolute, composeDigest, dateFr, escapeHtml, type DigestContext, type DigestMail } from './compose.ts';
export { notificationMessage } from './messages.ts';
export {
  OPT_OUT_PATH,
  OPT_OUT_VALIDITY_DAYS,
  optOutToken,
  optOutUrl,
  optOutWithToken,
  ownPreference,
  setOwnPreference,
  verifyOptOutToken,
  type OptOutCheck,
  type OwnPreference,
} from './opt-out.ts';
export { sendDailyDigests, type DigestLine, type DigestReport, type DigestRuntime } from './send.ts';
export { DIGEST_TASK_ID, dailyDigestTask } from './task.ts';
