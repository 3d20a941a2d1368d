import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db, Row } from '../db/connection.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { VERSION_FIELD } from './select.ts';

export type AuditAction = 'create' | 'update' | 'delete' | string;

/** JSON-safe copy of a row without hidden fields (password hashes never reach the audit log). */
function redact(object: RegisteredObject, row: Row | undefined): string | null {
  if (!row) return null;
  const hidden = new Set(object.override.hiddenFields ?? []);
  const copy: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (name === VERSION_FIELD) continue;
    if (hidden.has(name)) copy[name] = '***';
    else if (value instanceof Uint8Array) copy[name] = `<${value.byteLength} octets>`;
    else copy[name] = value instanceof Date ? value.toISOString() : value;
  }
  return JSON.stringify(copy);
}

export interface AuditEntry {
  readonly actor: Actor;
  readonly object: RegisteredObject;
  readonly action: AuditAction;
  readonly key: unknown;
  readonly before: Row | undefined;
  readonly after: Row | undefined;
  readonly requestId: string | undefined;
}

/** Written in the treatment's transaction: no audit entry without the change, and the reverse. */
export async function writeAudit(trx: Db, entry: AuditEntry): Promise<void> {
  const { actor, object } = entry;
  const tenantColumn = object.meta.tenantColumn;
  const row = entry.after ?? entry.before;
  const collectivite =
    tenantColumn && row && typeof row[tenantColumn] === 'number' ? row[tenantColumn] : actor.workingCollectivite || null;
  await insertAuditRow(trx, {
    actor,
    collectivite: typeof collectivite === 'number' ? collectivite : null,
    application: object.app,
    objet: object.name,
    cle: entry.key === undefined || entry.key === null ? null : String(entry.key),
    action: entry.action,
    before: redact(object, entry.before),
    after: redact(object, entry.after),
    requestId: entry.requestId,
  });
}

/** One row of `om.om_audit`, its before and after already JSON text (or null). */
export interface AuditRow {
  readonly actor: Actor;
  readonly collectivite: number | null;
  readonly application: string;
  readonly objet: string;
  readonly cle: string | null;
  readonly action: AuditAction;
  readonly before: string | null;
  readonly after: string | null;
  readonly requestId: string | undefined;
}

export async function insertAuditRow(trx: Db, row: AuditRow): Promise<void> {
  await sql`insert into om.om_audit (om_utilisateur, login, om_collectivite, application, objet, cle, action, avant, apres, requete)
    values (${row.actor.userId || null}, ${row.actor.login}, ${row.collectivite}, ${row.application}, ${row.objet},
            ${row.cle}, ${row.action}, ${row.before}::jsonb, ${row.after}::jsonb, ${row.requestId ?? null})`.execute(trx);
}
