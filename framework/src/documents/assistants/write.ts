/**
 * Writes the assistants' drafts: inactive documents of one collectivité, skipped when a document
 * of that kind with that id already exists there (never overwritten: its author may have refined
 * it). One transaction, as the framework (the caller checked the `gen` permission).
 */
import { sql, type Transaction } from 'kysely';
import { SYSTEM_ACTOR } from '../../access/actor.ts';
import type { Database, Schema } from '../../db/connection.ts';
import { writeAs } from '../../db/tenant-context.ts';
import type { RegisteredObject, Registry } from '../../model/registry.ts';
import { draftsOf, type AssistantKind, type DocumentDraft, type SourceDraft } from './drafts.ts';

const TABLE: Record<AssistantKind, string> = { etat: 'om_etat', sousetat: 'om_sousetat', lettretype: 'om_lettretype' };

export interface WrittenDocument {
  readonly kind: AssistantKind;
  readonly id: string;
  readonly libelle: string;
  /** The row's key (`/om/om_etat/<key>`). */
  readonly key: number;
  /** `exists`: a document with this id was already there, left as it is. */
  readonly status: 'created' | 'exists';
}

type Trx = Transaction<Schema>;

/** The niveau-2 collectivité (the documents every collectivité without its own prints). */
export async function niveau2Collectivite(database: Database): Promise<number | undefined> {
  return writeAs(database.kysely, SYSTEM_ACTOR, async (trx) => {
    const rows = (await sql<{ id: number }>`select om_collectivite as id from om.om_collectivite where niveau = '2' order by om_collectivite limit 1`.execute(trx)).rows;
    return rows[0] === undefined ? undefined : Number(rows[0].id);
  });
}

export async function collectiviteExists(database: Database, collectivite: number): Promise<boolean> {
  return writeAs(database.kysely, SYSTEM_ACTOR, async (trx) =>
    (await sql`select 1 from om.om_collectivite where om_collectivite = ${collectivite}`.execute(trx)).rows.length > 0,
  );
}

async function sourceKey(trx: Trx, source: SourceDraft): Promise<number> {
  const found = (await sql<{ id: number }>`select om_requete as id from om.om_requete where code = ${source.code} order by om_requete limit 1`.execute(trx)).rows[0];
  if (found) return Number(found.id);
  const created = await sql<{ id: number }>`
    insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
    values (${source.code}, ${source.libelle}, ${source.description}, 'sql', ${source.requete}, ${source.merge_fields})
    returning om_requete as id`.execute(trx);
  return Number(created.rows[0]?.id);
}

async function writeDraft(trx: Trx, draft: DocumentDraft, collectivite: number): Promise<WrittenDocument> {
  const table = TABLE[draft.kind];
  const existing = (
    await sql<{ id: number }>`select ${sql.ref(table)} as id from ${sql.table(`om.${table}`)} where id = ${draft.id} and om_collectivite = ${collectivite}`.execute(trx)
  ).rows[0];
  if (existing) return { kind: draft.kind, id: draft.id, libelle: draft.libelle, key: Number(existing.id), status: 'exists' };
  const values: Record<string, unknown> = { ...draft.columns, om_collectivite: collectivite, id: draft.id, libelle: draft.libelle, actif: false };
  if (draft.source) values.om_sql = await sourceKey(trx, draft.source);
  const names = Object.keys(values);
  const created = await sql<{ id: number }>`
    insert into ${sql.table(`om.${table}`)} (${sql.join(names.map((name) => sql.ref(name)))})
    values (${sql.join(names.map((name) => values[name]))})
    returning ${sql.ref(table)} as id`.execute(trx);
  return { kind: draft.kind, id: draft.id, libelle: draft.libelle, key: Number(created.rows[0]?.id), status: 'created' };
}

/** Writes the drafts of these kinds for the object into the collectivité; what was written or found. */
export async function writeAssistantDocuments(
  database: Database,
  registry: Registry,
  object: RegisteredObject,
  kinds: readonly AssistantKind[],
  collectivite: number,
): Promise<WrittenDocument[]> {
  const drafts = kinds.flatMap((kind) => draftsOf(registry, object, kind));
  return writeAs(database.kysely, SYSTEM_ACTOR, async (trx) => {
    const written: WrittenDocument[] = [];
    for (const draft of drafts) written.push(await writeDraft(trx, draft, collectivite));
    return written;
  });
}
