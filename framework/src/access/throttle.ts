import { sql } from 'kysely';
import type { RuntimeConfig } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';

/**
 * Login throttling, from `om.om_login_attempt`: a login is blocked after too many failures within
 * the window, counted since its last success; an address is blocked after too many failures within
 * the window, whatever the login (a success does not clear an address). The address is the one the
 * server saw, never a value the client sends.
 */
export type ThrottlePolicy = RuntimeConfig['login'];

export type ThrottleDecision =
  | { readonly blocked: false }
  | { readonly blocked: true; readonly retryAfterMinutes: number; readonly message: string };

/** Logins are counted case-insensitively, so that « Admin » and « admin » share their counter. */
export const throttleKey = (login: string) => login.trim().toLowerCase().slice(0, 100);
const addressKey = (address: string) => address.slice(0, 64);

/**
 * Seconds until the `max`-th most recent failure leaves the window (the count then falls below
 * `max`), or undefined when there are fewer than `max` failures.
 */
async function secondsBlocked(db: Db, column: 'login' | 'adresse', value: string, max: number, windowMinutes: number, sinceSuccess: boolean) {
  const since = sinceSuccess
    ? sql`and tente_le > coalesce((select max(s.tente_le) from om.om_login_attempt s where s.login = ${value} and s.reussi), '-infinity'::timestamptz)`
    : sql``;
  const result = await sql<{ seconds: number }>`
    select ceil(extract(epoch from (tente_le + make_interval(mins => ${windowMinutes}) - now())))::integer as seconds
      from om.om_login_attempt
     where ${sql.ref(column)} = ${value}
       and not reussi
       and tente_le > now() - make_interval(mins => ${windowMinutes})
       ${since}
     order by tente_le desc
     offset ${Math.max(max, 1) - 1}
     limit 1`.execute(db);
  const seconds = result.rows[0]?.seconds;
  return seconds === undefined ? undefined : Math.max(Number(seconds), 1);
}

/** Whether a login attempt may go on. A blocked attempt is refused before any password check. */
export async function checkThrottle(db: Db, policy: ThrottlePolicy, login: string, address: string, locale?: Locale): Promise<ThrottleDecision> {
  const byLogin = await secondsBlocked(db, 'login', throttleKey(login), policy.maxFailuresPerLogin, policy.windowMinutes, true);
  const byAddress = await secondsBlocked(db, 'adresse', addressKey(address), policy.maxFailuresPerAddress, policy.windowMinutes, false);
  const seconds = Math.max(byLogin ?? 0, byAddress ?? 0);
  if (seconds === 0) return { blocked: false };
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return { blocked: true, retryAfterMinutes: minutes, message: t('access.throttled', { minutes }, locale) };
}

/**
 * Records the outcome of a checked attempt. Rows older than the window (and than a day) are of no
 * more use: those of this login go at once, everyone's at each success.
 */
export async function recordAttempt(db: Db, policy: ThrottlePolicy, login: string, address: string, success: boolean): Promise<void> {
  const key = throttleKey(login);
  await sql`insert into om.om_login_attempt (login, adresse, reussi) values (${key}, ${addressKey(address)}, ${success})`.execute(db);
  const old = sql`now() - greatest(interval '1 day', make_interval(mins => ${policy.windowMinutes}))`;
  const whose = success ? sql`` : sql`login = ${key} and`;
  await sql`delete from om.om_login_attempt where ${whose} tente_le < ${old}`.execute(db);
}
