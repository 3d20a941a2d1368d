/**
 * Which applications each collectivité uses (`om.om_application_collectivite`, migration 0029):
 * read as the actor (a niveau-1 user sees only their collectivité, by row-level security), changed
 * only by an administrator of the collectivités of the niveau-2 collectivité, each change journalled
 * in `om_audit` in the same transaction. No row means enabled.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { readAs, writeAs } from '../../db/tenant-context.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Actor } from '../actor.ts';
import { actorCache } from '../actor-cache.ts';
import { can, frameworkSubject } from '../permissions.ts';
import { applicationsPage } from './messages.ts';
import { writeSettingAudit } from '../../records/setting-audit.ts';

const COLLECTIVITES = frameworkSubject('om_collectivite');
/** The audit entry's object: the table, under the framework's name. */
const AUDIT_OBJECT = 'om_application_collectivite';

export interface CollectiviteEntry {
  readonly id: number;
  readonly libelle: string;
  readonly niveau: '1' | '2';
}

export interface ApplicationStates {
  /** The collectivités the actor sees, by name. */
  readonly collectivites: readonly CollectiviteEntry[];
  /** `cellOf(application, collectivite)` of every disabled pair. */
  readonly disabled: ReadonlySet<string>;
}

/** One pair application × collectivité, as the page's checkboxes name it. */
export const cellOf = (application: string, collectivite: number) => `${application}:${collectivite}`;

export function parseCell(value: string): { application: string; collectivite: number } | undefined {
  const match = /^([a-z][a-z0-9_]{0,39}):([1-9][0-9]{0,9})$/.exec(value);
  if (!match) return undefined;
  const collectivite = Number(match[2]);
  return Number.isSafeInteger(collectivite) && collectivite <= 2_147_483_647 ? { application: match[1] as string, collectivite } : undefined;
}

/** Who may see the page: the readers of the collectivités. */
export const mayViewApplications = (actor: Actor) => can(actor, COLLECTIVITES, 'tab') || can(actor, COLLECTIVITES, 'consulter');

/** Who may change them: an administrator of the collectivités of the niveau-2 collectivité. */
export const mayManageApplications = (actor: Actor) => actor.niveau === '2' && can(actor, COLLECTIVITES, 'modifier');

export async function readApplicationStates(db: Db, actor: Actor): Promise<ApplicationStates> {
  return readAs(db, actor, async (connection) => {
    const collectivites = await sql<{ om_collectivite: number; libelle: string; niveau: string }>`
      select om_collectivite, libelle, niveau from om.om_collectivite order by libelle collate "und-x-icu", om_collectivite`.execute(connection);
    const disabled = await sql<{ application: string; om_collectivite: number }>`
      select application, om_collectivite from om.om_application_collectivite where not active`.execute(connection);
    return {
      collectivites: collectivites.rows.map((row) => ({ id: Number(row.om_collectivite), libelle: row.libelle, niveau: row.niveau === '2' ? '2' : '1' })),
      disabled: new Set(disabled.rows.map((row) => cellOf(row.application, Number(row.om_collectivite)))),
    };
  });
}

/** A change refused before anything was written; its message is French and says why. */
export class ApplicationChangeRefused extends Error {
  override readonly name = 'ApplicationChangeRefused';
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message);
  }
}

export interface ApplicationChange {
  readonly application: string;
  readonly collectivite: number;
  readonly active: boolean;
}

export interface ChangeRequest {
  /** Every pair the form showed (`application:collectivite`). */
  readonly shown: readonly string[];
  /** The pairs ticked « Activée ». */
  readonly enabled: ReadonlySet<string>;
}

/**
 * Applies what the form asked: each shown pair becomes enabled when ticked, disabled otherwise.
 * Refused as a whole (nothing written) without the right, for an application the instance does
 * not serve or a collectivité that does not exist. Returns the pairs actually changed.
 */
export async function changeApplicationStates(
  db: Db,
  actor: Actor,
  applications: ReadonlySet<string>,
  request: ChangeRequest,
  options: { readonly requestId?: string | undefined; readonly locale?: Locale | undefined } = {},
): Promise<ApplicationChange[]> {
  const { locale } = options;
  if (!mayManageApplications(actor)) throw new ApplicationChangeRefused(403, applicationsPage('forbidden', undefined, locale));
  const pairs = new Map<string, { application: string; collectivite: number }>();
  for (const cell of [...request.shown, ...request.enabled]) {
    const pair = parseCell(cell);
    if (!pair) throw new ApplicationChangeRefused(400, applicationsPage('badCell', undefined, locale));
    if (!applications.has(pair.application)) {
      throw new ApplicationChangeRefused(400, applicationsPage('unknownApplication', { name: pair.application }, locale));
    }
    pairs.set(cellOf(pair.application, pair.collectivite), pair);
  }
  const shown = new Set(request.shown);
  // A ticked box the form did not show is a forged request: refused, not ignored.
  for (const cell of request.enabled) if (!shown.has(cell)) throw new ApplicationChangeRefused(400, applicationsPage('badCell', undefined, locale));

  const changes = await writeAs(db, actor, async (trx) => {
    const wanted = [...new Set([...pairs.values()].map((pair) => pair.collectivite))];
    if (wanted.length > 0) {
      const found = await sql<{ om_collectivite: number }>`
        select om_collectivite from om.om_collectivite where om_collectivite = any(${wanted}::integer[])`.execute(trx);
      const existing = new Set(found.rows.map((row) => Number(row.om_collectivite)));
      const missing = wanted.find((id) => !existing.has(id));
      if (missing !== undefined) throw new ApplicationChangeRefused(400, applicationsPage('unknownCollectivite', { id: missing }, locale));
    }
    const current = await sql<{ application: string; om_collectivite: number; active: boolean }>`
      select application, om_collectivite, active from om.om_application_collectivite for update`.execute(trx);
    const stored = new Map(current.rows.map((row) => [cellOf(row.application, Number(row.om_collectivite)), row.active]));
    const applied: ApplicationChange[] = [];
    for (const [cell, pair] of pairs) {
      const before = stored.get(cell) ?? true;
      const after = request.enabled.has(cell);
      if (before === after) continue;
      await sql`insert into om.om_application_collectivite (application, om_collectivite, active, modifiee_par, modifiee_le)
        values (${pair.application}, ${pair.collectivite}, ${after}, ${actor.login.slice(0, 30)}, now())
        on conflict (application, om_collectivite)
        do update set active = excluded.active, modifiee_par = excluded.modifiee_par, modifiee_le = excluded.modifiee_le`.execute(trx);
      await writeSettingAudit(trx, {
        actor,
        objet: AUDIT_OBJECT,
        cle: cell,
        action: 'update',
        before: { application: pair.application, om_collectivite: pair.collectivite, active: before },
        after: { application: pair.application, om_collectivite: pair.collectivite, active: after },
        collectivite: pair.collectivite,
        requestId: options.requestId,
      });
      applied.push({ application: pair.application, collectivite: pair.collectivite, active: after });
    }
    return applied;
  });
  // The agents of these collectivités see their menus change at their next request.
  if (changes.length > 0) actorCache.clear();
  return changes;
}
