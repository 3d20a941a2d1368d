/**
 * The outbox: a message is written in the transaction that decides it (a rolled-back write sends
 * nothing), then delivered after commit by the housekeeping (delivery.ts). An application calls
 * `queueMail` inside its `writeAs` transaction; the row falls under the collectivité's row-level
 * security like any other.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** Where « [lien] » stands in a text, the link's absolute address goes at delivery. */
export const LINK_PLACEHOLDER = '[lien]';

export interface QueuedMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** A path of this site (`/courrier/tache/12`), made absolute with the instance's public address when sent. */
  readonly link?: string | undefined;
  /** An HTML version beside the text (already escaped by the caller); the text stays the reference. */
  readonly html?: string | undefined;
  readonly collectivite: number;
}

const SUBJECT_MAX = 250;

/** Queues one message in the caller's transaction; returns its id. */
export async function queueMail(trx: Db, message: QueuedMail): Promise<number> {
  if (message.link !== undefined && !/^\/[^/]/.test(message.link)) throw new Error(`lien de courriel invalide : ${message.link}`);
  const { rows } = await sql<{ om_courriel: number }>`
    insert into om.om_courriel (destinataire, sujet, texte, lien, html, om_collectivite)
    values (${message.to.trim()}, ${message.subject.slice(0, SUBJECT_MAX)}, ${message.text}, ${message.link ?? null}, ${message.html ?? null}, ${message.collectivite})
    returning om_courriel`.execute(trx);
  return Number(rows[0]?.om_courriel);
}

/** The text as sent: the link's absolute address in place of « [lien] », or after the text. */
export function textWithLink(text: string, link: string | null, baseUrl: string): string {
  if (!link) return text;
  const absolute = `${baseUrl.replace(/\/+$/, '')}${link}`;
  return text.includes(LINK_PLACEHOLDER) ? text.replaceAll(LINK_PLACEHOLDER, absolute) : `${text}\n\n${absolute}`;
}
