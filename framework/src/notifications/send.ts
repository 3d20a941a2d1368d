/**
 * The daily e-mail of pending work: for every active agent with an address who has not opted out
 * and has not had today's e-mail yet, the applications' sources are asked as him (collect.ts) and,
 * when anything is pending, ONE e-mail is queued in the outbox in the transaction that records it in
 * om_notification_envoi: the primary key (agent, day) makes a second pass, or a second server,
 * queue nothing. Nothing pending: no e-mail, nothing recorded.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import type { Application } from '../application.ts';
import type { InstanceKeySource } from '../config/instance-key.ts';
import type { Db } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';
import type { Locale } from '../i18n/index.ts';
import { todayInParis } from '../jobs/daily.ts';
import type { Logger } from '../logger.ts';
import { queueMail } from '../mail/outbox.ts';
import { collectPendingWork, countOf } from './collect.ts';
import { composeDigest } from './compose.ts';
import { optOutToken, optOutUrl } from './opt-out.ts';

export interface DigestRuntime {
  readonly db: { readonly kysely: Db };
  readonly logger: Pick<Logger, 'info' | 'error'>;
  /** The instance key's source signs the opt-out links: the server's daily task and `commun notifications envoyer` sign alike. */
  readonly config: InstanceKeySource & { readonly baseUrl: string; readonly locale?: Locale | undefined };
  readonly applications?: readonly Application[] | undefined;
}

/** What one agent would receive (for the command's simulation and its log). */
export interface DigestLine {
  readonly login: string;
  readonly email: string;
  readonly count: number;
  /** Queued now (false in a simulation, or when another pass queued it first). */
  readonly queued: boolean;
}

export interface DigestReport {
  /** Agents examined (active, with an address, not opted out, not yet sent today). */
  readonly agents: number;
  readonly sent: number;
  /** Agents already sent today's e-mail, left alone. */
  readonly skipped: number;
  readonly lines: readonly DigestLine[];
}

interface Recipient {
  readonly om_utilisateur: number;
  readonly already: boolean;
}

async function recipients(db: Db, today: string): Promise<Recipient[]> {
  const { rows } = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ om_utilisateur: number; already: boolean }>`
      select u.om_utilisateur,
             exists (select from om.om_notification_envoi e where e.om_utilisateur = u.om_utilisateur and e.jour = ${today}::date) as already
        from om.om_utilisateur u
       where u.actif and u.notification_quotidienne and coalesce(btrim(u.email), '') <> ''
       order by u.om_utilisateur`.execute(connection));
  return rows.map((row) => ({ om_utilisateur: Number(row.om_utilisateur), already: row.already }));
}

/** Queues the e-mail and records the day, unless this day's is already recorded; whether it queued. */
async function queueOnce(db: Db, userId: number, today: string, count: number, mail: { to: string; subject: string; text: string; html: string; collectivite: number }): Promise<boolean> {
  return writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const { rows } = await sql`
      insert into om.om_notification_envoi (om_utilisateur, jour, elements) values (${userId}, ${today}::date, ${count})
      on conflict do nothing returning om_utilisateur`.execute(trx);
    if (rows.length === 0) return false;
    await queueMail(trx, mail);
    return true;
  });
}

/** One pass for `today` (Paris); `simulation` composes and counts but queues nothing. */
export async function sendDailyDigests(runtime: DigestRuntime, options: { today?: string; simulation?: boolean } = {}): Promise<DigestReport> {
  const today = options.today ?? todayInParis();
  const db = runtime.db.kysely;
  const applications = runtime.applications ?? [];
  const lines: DigestLine[] = [];
  let agents = 0;
  let skipped = 0;
  if (!applications.some((application) => application.pendingWork)) return { agents, sent: 0, skipped, lines };
  for (const recipient of await recipients(db, today)) {
    if (recipient.already) {
      skipped++;
      continue;
    }
    const actor = await loadActor(db, recipient.om_utilisateur);
    if (!actor || actor.email.trim() === '') continue;
    agents++;
    try {
      const work = await collectPendingWork(db, actor, applications, today, runtime.logger);
      const count = countOf(work);
      if (count === 0) continue;
      const mail = composeDigest(work, {
        nom: actor.nom,
        today,
        baseUrl: runtime.config.baseUrl,
        optOutUrl: optOutUrl(runtime.config.baseUrl, optOutToken(runtime.config, actor.userId)),
        locale: runtime.config.locale,
      });
      const queued = options.simulation
        ? false
        : await queueOnce(db, actor.userId, today, count, { to: actor.email, ...mail, collectivite: actor.collectivite });
      lines.push({ login: actor.login, email: actor.email.trim(), count, queued });
    } catch (error) {
      // One agent's failure (an address the outbox refuses…) does not stop the others.
      runtime.logger.error({ err: error, utilisateur: actor.userId }, 'récapitulatif quotidien en échec');
    }
  }
  return { agents, sent: lines.filter((line) => line.queued).length, skipped, lines };
}
