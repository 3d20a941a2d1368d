/**
 * What the composer shows: the profiles and widgets to choose from (their labels, as a form shows
 * a foreign key's choices) and the chosen profile's placements, listed through the record service
 * (`om_dashboard_tab`, which the composer requires).
 */
import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { readAs } from '../../../db/tenant-context.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { listRecords, MAX_PER_PAGE, type ReadDeps } from '../../../records/index.ts';
import { sortPlacements } from '../placements.ts';

export interface Choice {
  readonly id: number;
  readonly libelle: string;
}

export interface WidgetChoice extends Choice {
  readonly type: string;
}

export interface ComposerPlacement {
  readonly id: number;
  readonly bloc: string;
  readonly position: number | null;
  readonly widgetId: number;
}

export async function profileChoices(deps: ReadDeps, actor: Actor): Promise<Choice[]> {
  return readAs(deps.db.kysely, actor, async (db) =>
    (await sql<{ id: number; libelle: string }>`select om_profil as id, libelle from om.om_profil order by hierarchie desc, libelle`.execute(db)).rows.map(
      (row) => ({ id: Number(row.id), libelle: row.libelle }),
    ),
  );
}

export async function widgetChoices(deps: ReadDeps, actor: Actor): Promise<WidgetChoice[]> {
  return readAs(deps.db.kysely, actor, async (db) =>
    (await sql<{ id: number; libelle: string; type: string }>`select om_widget as id, libelle, type from om.om_widget order by libelle, om_widget`.execute(db)).rows.map(
      (row) => ({ id: Number(row.id), libelle: row.libelle, type: row.type }),
    ),
  );
}

export async function profilePlacements(deps: ReadDeps, actor: Actor, dashboard: RegisteredObject, profileId: number): Promise<ComposerPlacement[]> {
  const page = await listRecords(deps, actor, dashboard, { filters: { om_profil: String(profileId) }, perPage: MAX_PER_PAGE, count: 'none' });
  return sortPlacements(
    page.rows.map((row) => ({
      id: Number(row['om_dashboard']),
      bloc: String(row['bloc']),
      position: row['position'] === null || row['position'] === undefined ? null : Number(row['position']),
      widgetId: Number(row['om_widget']),
    })),
  );
}

/** The placement a composer form names, with its profile (read through the record service). */
export async function placementById(deps: ReadDeps, actor: Actor, dashboard: RegisteredObject, id: number): Promise<(ComposerPlacement & { profileId: number }) | undefined> {
  const page = await listRecords(deps, actor, dashboard, { filters: { om_dashboard: String(id) }, perPage: 1, count: 'none' });
  const row = page.rows[0];
  if (!row) return undefined;
  return {
    id,
    bloc: String(row['bloc']),
    position: row['position'] === null || row['position'] === undefined ? null : Number(row['position']),
    widgetId: Number(row['om_widget']),
    profileId: Number(row['om_profil']),
  };
}
