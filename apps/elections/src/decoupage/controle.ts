/**
 * What the control page shows (issue 11 §2): per voie the errors and gaps of its découpage
 * (rules/decoupage.checkDecoupage), the voies without any découpage, and the electors whose address
 * no range covers, counted per voie. Read as the user (the collectivité's rows only).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { bureauOf, checkDecoupage, type DecoupageIssue } from '../rules/decoupage.ts';
import type { DecoupageRow } from '../rules/redecoupage.ts';

export interface VoieRef {
  readonly voie: number;
  readonly code: string;
  readonly libelle: string;
}

export interface VoieControlee extends VoieRef {
  readonly erreurs: readonly DecoupageIssue[];
  readonly avertissements: readonly DecoupageIssue[];
}

export interface VoieHorsDecoupage extends VoieRef {
  readonly electeurs: number;
}

export interface ControleDecoupage {
  /** The voies whose découpage has an error or a gap, by libellé. */
  readonly voies: readonly VoieControlee[];
  readonly voiesControlees: number;
  readonly sansDecoupage: readonly VoieRef[];
  /** Electors whose address no range holds, per voie (by libellé), and their total. */
  readonly horsDecoupage: readonly VoieHorsDecoupage[];
  readonly electeursHorsDecoupage: number;
}

interface RangeRow extends DecoupageRow {
  readonly bureau_code: string;
}

export async function readDecoupageRows(db: Db): Promise<RangeRow[]> {
  const rows = (
    await sql<RangeRow>`select d.voie, d.bureau, b.code as bureau_code, d.premier_impair, d.dernier_impair, d.premier_pair, d.dernier_pair
      from elections.decoupage d join elections.bureau b on b.bureau = d.bureau order by d.voie, d.decoupage`.execute(db)
  ).rows;
  const n = (value: number | null) => (value === null ? null : Number(value));
  return rows.map((row) => ({
    ...row,
    voie: Number(row.voie),
    bureau: Number(row.bureau),
    premier_impair: n(row.premier_impair),
    dernier_impair: n(row.dernier_impair),
    premier_pair: n(row.premier_pair),
    dernier_pair: n(row.dernier_pair),
  }));
}

export function groupByVoie<T extends { readonly voie: number }>(rows: readonly T[]): Map<number, T[]> {
  const byVoie = new Map<number, T[]>();
  for (const row of rows) {
    const list = byVoie.get(row.voie);
    if (list) list.push(row);
    else byVoie.set(row.voie, [row]);
  }
  return byVoie;
}

export async function controleDecoupage(db: Db): Promise<ControleDecoupage> {
  const voies = (await sql<VoieRef>`select voie, code, libelle from elections.voie order by libelle, code`.execute(db)).rows.map((row) => ({ ...row, voie: Number(row.voie) }));
  const ranges = groupByVoie(await readDecoupageRows(db));
  const adresses = (
    await sql<{ voie: number; numero: number; electeurs: number }>`select voie, numero, count(*)::integer as electeurs
      from elections.electeur group by voie, numero`.execute(db)
  ).rows;

  const controlees: VoieControlee[] = [];
  for (const voie of voies) {
    const rows = ranges.get(voie.voie);
    if (!rows) continue;
    const issues = checkDecoupage(voie.libelle, rows);
    if (issues.length === 0) continue;
    controlees.push({
      ...voie,
      erreurs: issues.filter((issue) => issue.severity === 'erreur'),
      avertissements: issues.filter((issue) => issue.severity === 'avertissement'),
    });
  }

  const horsParVoie = new Map<number, number>();
  for (const adresse of adresses) {
    const voie = Number(adresse.voie);
    if (bureauOf(ranges.get(voie) ?? [], Number(adresse.numero)) !== undefined) continue;
    horsParVoie.set(voie, (horsParVoie.get(voie) ?? 0) + Number(adresse.electeurs));
  }
  const horsDecoupage = voies.flatMap((voie) => {
    const electeurs = horsParVoie.get(voie.voie);
    return electeurs ? [{ ...voie, electeurs }] : [];
  });
  return {
    voies: controlees,
    voiesControlees: ranges.size,
    sansDecoupage: voies.filter((voie) => !ranges.has(voie.voie)),
    horsDecoupage,
    electeursHorsDecoupage: horsDecoupage.reduce((total, voie) => total + voie.electeurs, 0),
  };
}
