/**
 * Delivering the outbox (outbox.ts): at most `limit` messages per pass, each claimed first in a short
 * transaction (its attempt counted, its next try pushed back), so that two processes never send the
 * same one and a process that dies while sending leaves it to be tried again later; then sent
 * outside any transaction through the runtime's mailer. A failure waits 1, 2, 4, 8 minutes before
 * the next try; the fifth failure marks the message « echec » with its error.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../runtime.ts';
import { textWithLink } from './outbox.ts';

export const MAX_ATTEMPTS = 5;
export const DELIVERY_BATCH = 20;
/** A claimed message not marked sent after this long is tried again (its process died). */
const CLAIM_MINUTES = 15;

export interface MailDeliveryRuntime {
  readonly db: { readonly kysely: Db };
  readonly mailer: Mailer;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  readonly config: { readonly baseUrl: string };
}

export interface DeliveryReport {
  readonly sent: number;
  /** Failed this time, to be tried again. */
  readonly retried: number;
  /** Failed for the last time: « echec ». */
  readonly failed: number;
}

/** Whether this runtime can send (the housekeeping also runs with partial runtimes in tests and commands). */
export function canDeliverMail<T extends object>(runtime: T): runtime is T & MailDeliveryRuntime {
  const config = (runtime as { config?: { baseUrl?: unknown } }).config;
  return 'mailer' in runtime && typeof config?.baseUrl === 'string';
}

interface Claimed {
  readonly om_courriel: number;
  readonly destinataire: string;
  readonly sujet: string;
  readonly texte: string;
  readonly lien: string | null;
  readonly html: string | null;
  readonly tentatives: number;
}

/** Minutes to wait after the `attempts`-th failure: 1, 2, 4, 8. */
export const retryDelayMinutes = (attempts: number): number => 2 ** Math.max(0, attempts - 1);

async function claim(db: Db, limit: number, now: Date): Promise<Claimed[]> {
  return writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const { rows } = await sql<Claimed>`
      update om.om_courriel set tentatives = tentatives + 1, essai_apres = ${now}::timestamptz + make_interval(mins => ${CLAIM_MINUTES})
       where om_courriel in (
         select om_courriel from om.om_courriel
          where etat = 'a_envoyer' and essai_apres <= ${now}::timestamptz
          order by essai_apres, om_courriel
          limit ${limit}
            for update skip locked)
      returning om_courriel, destinataire, sujet, texte, lien, html, tentatives`.execute(trx);
    return rows.map((row) => ({ ...row, om_courriel: Number(row.om_courriel), tentatives: Number(row.tentatives) }));
  });
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

async function markSent(db: Db, id: number): Promise<void> {
  await writeAs(db, SYSTEM_ACTOR, (trx) =>
    sql`update om.om_courriel set etat = 'envoye', envoye_le = now(), derniere_erreur = null where om_courriel = ${id}`.execute(trx));
}

async function markFailed(db: Db, message: Claimed, error: unknown, now: Date): Promise<boolean> {
  const last = message.tentatives >= MAX_ATTEMPTS;
  await writeAs(db, SYSTEM_ACTOR, (trx) =>
    last
      ? sql`update om.om_courriel set etat = 'echec', derniere_erreur = ${errorText(error)} where om_courriel = ${message.om_courriel}`.execute(trx)
      : sql`update om.om_courriel set derniere_erreur = ${errorText(error)},
              essai_apres = ${now}::timestamptz + make_interval(mins => ${retryDelayMinutes(message.tentatives)})
             where om_courriel = ${message.om_courriel}`.execute(trx));
  return last;
}

/** One pass over the messages due at `now`; a failure is recorded on its message, never thrown. */
export async function deliverQueuedMail(runtime: MailDeliveryRuntime, options: { limit?: number; now?: Date } = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const db = runtime.db.kysely;
  const due = await claim(db, options.limit ?? DELIVERY_BATCH, now);
  let sent = 0;
  let retried = 0;
  let failed = 0;
  for (const message of due) {
    try {
      const text = textWithLink(message.texte, message.lien, runtime.config.baseUrl);
      await runtime.mailer.send({ to: message.destinataire, subject: message.sujet, text, ...(message.html ? { html: message.html } : {}) });
    } catch (error) {
      const last = await markFailed(db, message, error, now);
      if (last) failed++;
      else retried++;
      runtime.logger.warn({ err: error, courriel: message.om_courriel, tentatives: message.tentatives }, last ? 'courriel en échec' : 'courriel à réessayer');
      continue;
    }
    await markSent(db, message.om_courriel);
    sent++;
  }
  if (sent + retried + failed > 0) runtime.logger.info({ sent, retried, failed }, 'file d’attente des courriels');
  return { sent, retried, failed };
}
