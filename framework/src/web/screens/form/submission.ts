/**
 * Double submit: every rendered add form carries a one-time token (`_soumission`), stored in
 * `om.om_soumission` for its user and object. The first submit claims it; once the record is
 * created the token remembers its key, so a second submit of the same form (double click, back
 * button then submit again) is sent to that record instead of creating another one. A submit that
 * arrives while the first is still being treated waits for it. A refused save frees the token: the
 * user corrects the form and submits it again.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { randomSecret } from '../../../access/secrets.ts';
import type { Db } from '../../../db/connection.ts';
import type { RegisteredObject } from '../../../model/registry.ts';

export const SUBMISSION_FIELD = '_soumission';

const LIFETIME_HOURS = 12;
/** A claim older than this is a treatment that died: the token may be claimed again. */
const ABANDONED_AFTER_SECONDS = 120;
const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 10_000;

const objectId = (object: RegisteredObject) => `${object.app}/${object.name}`;

export type Claim =
  /** This submit may create the record. */
  | { readonly kind: 'claimed' }
  /** A previous submit of this form created this record. */
  | { readonly kind: 'done'; readonly key: string }
  /** Another submit of this form is being treated. */
  | { readonly kind: 'busy' }
  /** No such token for this user and object (expired, or never issued). */
  | { readonly kind: 'unknown' };

/** A new token for an add form of `object` rendered for `actor`. */
export async function issueSubmission(db: Db, actor: Actor, object: RegisteredObject): Promise<string> {
  const token = randomSecret(32);
  await sql`delete from om.om_soumission where expire_le < now()`.execute(db);
  await sql`insert into om.om_soumission (jeton, om_utilisateur, objet, expire_le)
    values (${token}, ${actor.userId}, ${objectId(object)}, now() + make_interval(hours => ${LIFETIME_HOURS}))`.execute(db);
  return token;
}

export async function claimSubmission(db: Db, actor: Actor, object: RegisteredObject, token: string): Promise<Claim> {
  const claimed = await sql<{ jeton: string }>`update om.om_soumission set en_cours_depuis = now()
    where jeton = ${token} and om_utilisateur = ${actor.userId} and objet = ${objectId(object)} and cle is null and expire_le > now()
      and (en_cours_depuis is null or en_cours_depuis < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS}))
    returning jeton`.execute(db);
  if (claimed.rows.length > 0) return { kind: 'claimed' };
  const found = await sql<{ cle: string | null }>`select cle from om.om_soumission
    where jeton = ${token} and om_utilisateur = ${actor.userId} and objet = ${objectId(object)} and expire_le > now()`.execute(db);
  const row = found.rows[0];
  if (!row) return { kind: 'unknown' };
  return row.cle === null ? { kind: 'busy' } : { kind: 'done', key: row.cle };
}

/** Claims the token, waiting a little while another submit of the same form is being treated. */
export async function claimOrWait(db: Db, actor: Actor, object: RegisteredObject, token: string): Promise<Claim> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const claim = await claimSubmission(db, actor, object, token);
    if (claim.kind !== 'busy' || Date.now() > deadline) return claim;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** The record was created: later submits of this form go to it. */
export async function completeSubmission(db: Db, token: string, key: unknown): Promise<void> {
  await sql`update om.om_soumission set cle = ${String(key)}, en_cours_depuis = null where jeton = ${token}`.execute(db);
}

/** The save was refused: the user may submit the corrected form with the same token. */
export async function releaseSubmission(db: Db, token: string): Promise<void> {
  await sql`update om.om_soumission set en_cours_depuis = null where jeton = ${token} and cle is null`.execute(db);
}
