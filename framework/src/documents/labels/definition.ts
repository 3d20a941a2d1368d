/**
 * A label sheet (om_etiquette) chosen as the documents are: the active one of the user's
 * collectivité, else the niveau-2 collectivité's. Read as the framework (a niveau-1 user's row-level
 * security hides the niveau-2 rows), limited to those two collectivités in the query itself.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import type { BarcodeKind } from '../template-html.ts';
import type { SheetGeometry } from './geometry.ts';

export type BarcodePosition = 'droite' | 'bas';

export interface LabelSheet extends SheetGeometry {
  readonly id: string;
  readonly libelle: string;
  readonly objet: string | null;
  readonly marge_interieure: number;
  readonly police_taille: number;
  readonly contenu: string;
  readonly code_barre: BarcodeKind | null;
  readonly code_barre_valeur: string | null;
  readonly code_barre_position: BarcodePosition;
}

const NUMBERS = ['colonnes', 'lignes', 'largeur', 'hauteur', 'marge_haut', 'marge_gauche', 'espace_horizontal', 'espace_vertical', 'marge_interieure', 'police_taille'] as const;

/** numeric columns come back as strings from pg, as numbers from PGlite: numbers here. */
function sheetOf(row: Record<string, unknown>): LabelSheet {
  const numbers = Object.fromEntries(NUMBERS.map((name) => [name, Number(row[name] ?? 0)]));
  const kind = row['code_barre'];
  return {
    id: String(row['id']),
    libelle: String(row['libelle']),
    objet: typeof row['objet'] === 'string' ? row['objet'] : null,
    format: String(row['format'] ?? 'A4'),
    orientation: String(row['orientation'] ?? 'P'),
    contenu: String(row['contenu'] ?? ''),
    code_barre: kind === 'code128' || kind === 'qrcode' || kind === 'datamatrix' ? kind : null,
    code_barre_valeur: typeof row['code_barre_valeur'] === 'string' ? row['code_barre_valeur'] : null,
    code_barre_position: row['code_barre_position'] === 'bas' ? 'bas' : 'droite',
    ...numbers,
  } as LabelSheet;
}

async function activeSheets(database: Database, actor: Actor, where: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const collectivite = actor.workingCollectivite;
  return readAs(database.kysely, SYSTEM_ACTOR, async (connection) =>
    (
      await sql<Record<string, unknown>>`
        select e.* from om.om_etiquette e
          join om.om_collectivite c on c.om_collectivite = e.om_collectivite
         where e.actif and (e.om_collectivite = ${collectivite} or c.niveau = '2') and ${where}
         order by (e.om_collectivite = ${collectivite}) desc, e.om_etiquette`.execute(connection)
    ).rows,
  );
}

export async function findLabelSheet(database: Database, actor: Actor, id: string): Promise<LabelSheet | undefined> {
  const row = (await activeSheets(database, actor, sql`e.id = ${id}`))[0];
  return row ? sheetOf(row) : undefined;
}

/** The label sheets of `objet` (`<app>.<table>`), one per `id`, by label, with their labels per sheet. */
export async function labelSheetsOf(database: Database, actor: Actor, objet: string): Promise<{ id: string; libelle: string; places: number }[]> {
  const seen = new Set<string>();
  const found: { id: string; libelle: string; places: number }[] = [];
  for (const row of await activeSheets(database, actor, sql`e.objet = ${objet}`)) {
    const id = String(row['id']);
    if (seen.has(id)) continue;
    seen.add(id);
    found.push({ id, libelle: String(row['libelle']), places: Number(row['colonnes']) * Number(row['lignes']) });
  }
  return found.sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'));
}
