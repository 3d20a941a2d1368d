/**
 * A document's definition (om_etat or om_lettretype, same columns) and its sous-états, chosen as
 * openMairie does: the active one of the user's collectivité, else the niveau-2 collectivité's.
 * Read as the framework (a niveau-1 user's row-level security hides the niveau-2 rows), limited to
 * those two collectivités in the query itself.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';

export const DOCUMENT_KINDS = ['etat', 'lettretype'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const TABLE: Record<DocumentKind, string> = { etat: 'om_etat', lettretype: 'om_lettretype' };

export interface DocumentDefinition {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly libelle: string;
  /** `<app>.<table>` the document prints a record of (migration 0011); null when not attached. */
  readonly objet: string | null;
  readonly orientation: string;
  readonly format: string;
  readonly logo: string | null;
  readonly logoleft: number;
  readonly logotop: number;
  readonly titre_om_htmletat: string;
  readonly titreleft: number;
  readonly titretop: number;
  readonly titrelargeur: number;
  readonly titrehauteur: number;
  readonly titrebordure: string;
  readonly corps_om_htmletatex: string;
  readonly om_sql: number;
  readonly se_font: string | null;
  readonly se_couleurtexte: string | null;
  readonly margeleft: number;
  readonly margetop: number;
  readonly margeright: number;
  readonly margebottom: number;
  /** om_etat (migration 0018): printed for a search or a selection, always as a job. */
  readonly impression_differee?: boolean;
}

/** The om_sousetat columns the renderer reads (every one of the table, by openMairie's names). */
export type SousEtatDefinition = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly om_sql: string;
};

/** Rows of `table` for this collectivité or the niveau-2 one, active, own first. */
async function activeRows(database: Database, table: string, collectivite: number, where: ReturnType<typeof sql>) {
  return readAs(database.kysely, SYSTEM_ACTOR, async (connection) =>
    (
      await sql<Record<string, unknown>>`
        select d.* from ${sql.table(`om.${table}`)} d
          join om.om_collectivite c on c.om_collectivite = d.om_collectivite
         where d.actif and (d.om_collectivite = ${collectivite} or c.niveau = '2') and ${where}
         order by (d.om_collectivite = ${collectivite}) desc, d.${sql.ref(table)}`.execute(connection)
    ).rows,
  );
}

export async function findDocument(database: Database, actor: Actor, kind: DocumentKind, id: string): Promise<DocumentDefinition | undefined> {
  const rows = await activeRows(database, TABLE[kind], actor.workingCollectivite, sql`d.id = ${id}`);
  const row = rows[0];
  return row ? ({ ...row, kind } as unknown as DocumentDefinition) : undefined;
}

/** The documents that print a record of `objet` (`<app>.<table>`), one per `id`, by label. */
export async function documentsOf(database: Database, actor: Actor, objet: string): Promise<{ kind: DocumentKind; id: string; libelle: string }[]> {
  const found: { kind: DocumentKind; id: string; libelle: string }[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const seen = new Set<string>();
    for (const row of await activeRows(database, TABLE[kind], actor.workingCollectivite, sql`d.objet = ${objet}`)) {
      const id = String(row['id']);
      if (seen.has(id)) continue;
      seen.add(id);
      found.push({ kind, id, libelle: String(row['libelle']) });
    }
  }
  return found.sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'));
}

export async function findSousEtat(database: Database, actor: Actor, id: string): Promise<SousEtatDefinition | undefined> {
  const rows = await activeRows(database, 'om_sousetat', actor.workingCollectivite, sql`d.id = ${id}`);
  return rows[0] as SousEtatDefinition | undefined;
}
