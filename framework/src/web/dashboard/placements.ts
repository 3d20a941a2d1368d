/**
 * Where the widgets of a profile's dashboard are: `om_dashboard` rows (bloc `C1`…`C3`, position)
 * joined to their `om_widget`. Read as the actor rather than through the record service: every
 * user sees their profile's dashboard, without holding `om_dashboard_tab` (openMairie does the same).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';

/** The three columns of a dashboard (openMairie's `dashboard_nb_column`). */
export const COLUMNS = ['C1', 'C2', 'C3'] as const;
export type Column = (typeof COLUMNS)[number];

export const isColumn = (value: unknown): value is Column => typeof value === 'string' && (COLUMNS as readonly string[]).includes(value);

/** `C2` → 2 (for « Colonne 2 »). */
export const columnNumber = (column: Column) => COLUMNS.indexOf(column) + 1;

export interface WidgetRow {
  readonly id: number;
  readonly libelle: string;
  /** `web`: the link under the text; `file`: the server widget's id (`<app>.<name>`). */
  readonly lien: string;
  readonly texte: string;
  readonly type: string;
}

export interface Placement {
  readonly id: number;
  readonly bloc: string;
  readonly position: number | null;
  readonly widget: WidgetRow;
}

interface PlacementRecord {
  om_dashboard: number;
  bloc: string;
  position: number | null;
  om_widget: number;
  libelle: string;
  lien: string;
  texte: string;
  type: string;
}

export async function placementsOf(db: Db, actor: Actor, profileId: number): Promise<Placement[]> {
  const rows = await readAs(db, actor, async (connection) =>
    (
      await sql<PlacementRecord>`select d.om_dashboard, d.bloc, d.position, w.om_widget, w.libelle, w.lien, w.texte, w.type
        from om.om_dashboard d join om.om_widget w on w.om_widget = d.om_widget
        where d.om_profil = ${profileId}`.execute(connection)
    ).rows,
  );
  return sortPlacements(
    rows.map((row) => ({
      id: Number(row.om_dashboard),
      bloc: row.bloc,
      position: row.position === null ? null : Number(row.position),
      widget: { id: Number(row.om_widget), libelle: row.libelle, lien: row.lien, texte: row.texte, type: row.type },
    })),
  );
}

/** By column, then position (empty last), then creation order. */
export function sortPlacements<T extends { readonly id: number; readonly bloc: string; readonly position: number | null }>(placements: readonly T[]): T[] {
  const position = (placement: T) => placement.position ?? Number.MAX_SAFE_INTEGER;
  return [...placements].sort((a, b) => a.bloc.localeCompare(b.bloc) || position(a) - position(b) || a.id - b.id);
}

/** The placements of each column, in order; rows of another bloc are left out. */
export function byColumn<T extends { readonly id: number; readonly bloc: string; readonly position: number | null }>(placements: readonly T[]): Record<Column, T[]> {
  const sorted = sortPlacements(placements);
  return { C1: sorted.filter((p) => p.bloc === 'C1'), C2: sorted.filter((p) => p.bloc === 'C2'), C3: sorted.filter((p) => p.bloc === 'C3') };
}
