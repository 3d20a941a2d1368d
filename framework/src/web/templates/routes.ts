/**
 * The template editor's helpers, as JSON: the merge fields of a data source
 * (`GET /gabarits/champs?requete=<om_requete>`: its columns, run without rows by the sources
 * engine, else the fields its help declares when it cannot run) and the sous-états one may insert
 * (`GET /gabarits/sous-etats`). For a user who may add or change an état or a lettre type; read
 * as the user (their collectivité's sous-états, under row-level security).
 */
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import { readAs } from '../../db/tenant-context.ts';
import { SourceError, sourceFields } from '../../documents/sources/index.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { actorOf } from '../screens/shared/index.ts';
import { parseMergeFieldsHelp } from './merge-fields.ts';
import { TEMPLATE_FIELDS_URL, TEMPLATE_SOUSETATS_URL } from './urls.ts';

const TEMPLATE_TABLES = ['om_etat', 'om_lettretype'] as const;

/** May write at least one kind of template (états or lettres types). */
function mayWriteTemplates(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  const registry = c.get('runtime').registry;
  const allowed = TEMPLATE_TABLES.some((name) => {
    const object = registry.bySchemaTable('om', name);
    return object !== undefined && (can(actor, object, 'ajouter') || can(actor, object, 'modifier'));
  });
  if (!allowed) throw HttpError.forbidden();
  return actor;
}

async function mergeFields(c: Context<AppEnv>): Promise<Response> {
  const actor = mayWriteTemplates(c);
  c.header('Cache-Control', 'no-store');
  const requete = Number(c.req.query('requete'));
  if (!Number.isSafeInteger(requete) || requete <= 0) return c.json({ fields: [] });
  const runtime = c.get('runtime');
  try {
    return c.json({ fields: await sourceFields(runtime.db, runtime.registry, requete, { actor, locale: localeOf(c) }) });
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
  }
  // A source that cannot run yet (being written, or refused): the fields its help declares.
  const rows = await readAs(runtime.db.kysely, actor, async (connection) =>
    (await sql<{ merge_fields: string | null }>`select merge_fields from om.om_requete where om_requete = ${requete}`.execute(connection)).rows,
  );
  return c.json({ fields: parseMergeFieldsHelp(rows[0]?.merge_fields) });
}

async function sousetats(c: Context<AppEnv>): Promise<Response> {
  const actor = mayWriteTemplates(c);
  c.header('Cache-Control', 'no-store');
  const rows = await readAs(c.get('runtime').db.kysely, actor, async (connection) =>
    (
      await sql<{ id: string; libelle: string }>`select distinct on (id) id, libelle from om.om_sousetat
        order by id, actif desc nulls last, libelle`.execute(connection)
    ).rows,
  );
  return c.json({ sousetats: rows.map((row) => ({ value: row.id, label: `${row.libelle} (${row.id})` })) });
}

export function templateRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(TEMPLATE_FIELDS_URL, requireActor(), mergeFields);
  routes.get(TEMPLATE_SOUSETATS_URL, requireActor(), sousetats);
  return routes;
}
