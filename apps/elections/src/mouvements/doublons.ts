/**
 * Duplicate detection before an inscription is saved (rules/doublons.ts): the candidate against the
 * list's electors and the inscriptions in progress, read by the name-key index
 * (duplicateSearchCriteria). Doublons refuse the save until `doublon_arbitre` is ticked; homonyms
 * are never a reason to refuse: named in that refusal, else a warning shown after the save.
 */
import { sql, type Transaction } from 'kysely';
import type { Row, Schema } from '../../../../framework/src/db/index.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { dateCourte } from '../rules/dates.ts';
import {
  duplicateSearchCriteria,
  findDuplicates,
  type CategorieMouvement,
  type DuplicateCandidate,
  type DuplicateMatch,
  type DuplicateReport,
  type EtatMouvement,
} from '../rules/doublons.ts';
import { message } from './messages.ts';

interface Found {
  readonly report: DuplicateReport;
  /** The bureau code of each row, by `electeur:<id>` or `mouvement:<id>`. */
  readonly bureaux: ReadonlyMap<string, string | null>;
  /** The sex of each row (`M`, `F`; null when a movement has none yet), by the same key. */
  readonly sexes: ReadonlyMap<string, string | null>;
}

const keyOf = (match: DuplicateMatch) => (match.row.source === 'electeur' ? `electeur:${match.row.electeur}` : `mouvement:${match.row.mouvement}`);

/** The electors and live inscriptions that may be `candidate`, by the index. */
export async function searchDuplicates(trx: Transaction<Schema>, candidate: DuplicateCandidate, ignoreMouvement: number | undefined): Promise<Found> {
  const criteria = duplicateSearchCriteria(candidate);
  // The SQL of each equality is a constant of rules/doublons.ts (unqualified: the joined tables have neither column), never user input; values are bound.
  const where = () => sql.join(criteria.equalities.map((eq) => sql`${sql.raw(eq.sql)} = ${eq.value}`), sql` and `);
  const electeurs = await sql<{
    electeur: number;
    liste: string;
    nom: string;
    nom_usage: string | null;
    prenoms: string;
    date_naissance: string;
    sexe: string | null;
    bureau_code: string | null;
  }>`
    select e.electeur, e.liste, e.nom, e.nom_usage, e.prenoms, e.date_naissance, e.sexe, b.code as bureau_code
      from elections.electeur e left join elections.bureau b on b.bureau = e.bureau
     where ${where()} order by e.electeur`.execute(trx);
  const mouvements = await sql<{
    mouvement: number;
    liste: string;
    nom: string;
    nom_usage: string | null;
    prenoms: string;
    date_naissance: string;
    etat: EtatMouvement;
    categorie: CategorieMouvement;
    electeur: number | null;
    sexe: string | null;
    bureau_code: string | null;
  }>`
    select m.mouvement, m.liste, m.nom, m.nom_usage, m.prenoms, m.date_naissance, m.etat, t.categorie, m.electeur, m.sexe, b.code as bureau_code
      from elections.mouvement m
      join elections.type_mouvement t on t.type_mouvement = m.type_mouvement
      left join elections.bureau b on b.bureau = m.bureau
     where ${where()} and t.categorie = ${criteria.categorie}
       and m.etat not in (${sql.join(criteria.etatsIgnores.map((etat) => sql`${etat}`))})
       and m.nom is not null and m.prenoms is not null and m.date_naissance is not null
     order by m.mouvement`.execute(trx);
  const bureaux = new Map<string, string | null>();
  const sexes = new Map<string, string | null>();
  for (const row of electeurs.rows) {
    bureaux.set(`electeur:${row.electeur}`, row.bureau_code);
    sexes.set(`electeur:${row.electeur}`, row.sexe);
  }
  for (const row of mouvements.rows) {
    bureaux.set(`mouvement:${row.mouvement}`, row.bureau_code);
    sexes.set(`mouvement:${row.mouvement}`, row.sexe);
  }
  const report = findDuplicates(
    candidate,
    [
      ...electeurs.rows.map((row) => ({ source: 'electeur' as const, ...row })),
      ...mouvements.rows.map((row) => ({ source: 'mouvement' as const, ...row })),
    ],
    ignoreMouvement === undefined ? {} : { ignoreMouvement },
  );
  return { report, bureaux, sexes };
}

/** One line per match: name, birth date, list, bureau and the address of its page. */
export function describeMatch(match: DuplicateMatch, bureaux: ReadonlyMap<string, string | null>, locale: Locale | undefined): string {
  const row = match.row;
  const cle = row.source === 'electeur' ? row.electeur : row.mouvement;
  return message(row.source === 'electeur' ? 'doublonElecteur' : 'doublonMouvement', {
    nom: row.nom,
    prenoms: row.prenoms,
    naissance: dateCourte(row.date_naissance),
    liste: row.liste,
    bureau: bureaux.get(keyOf(match)) ?? message('sansBureau', locale),
    cle: String(cle),
    lien: `/elections/${row.source}/${cle}`,
  }, locale);
}

const candidateOf = (row: Row): DuplicateCandidate | undefined =>
  typeof row.nom === 'string' && typeof row.prenoms === 'string' && typeof row.date_naissance === 'string' && typeof row.liste === 'string'
    ? { liste: row.liste, nom: row.nom, prenoms: row.prenoms, date_naissance: row.date_naissance }
    : undefined;

/** « Homonyme possible : DUPONT Jean, né le 12/03/1950, inscrit sur la liste LP (bureau 3) ». */
export function describeHomonym(match: DuplicateMatch, found: Found, locale: Locale | undefined): string {
  const row = match.row;
  const sexe = found.sexes.get(keyOf(match));
  const genre = sexe === 'M' || sexe === 'F' ? sexe : '';
  return message(row.source === 'electeur' ? 'homonymeElecteur' : 'homonymeMouvement', {
    nom: row.nom,
    prenoms: row.prenoms,
    ne: message(`ne${genre}`, locale),
    inscrit: message(`inscrit${genre}`, locale),
    naissance: dateCourte(row.date_naissance),
    liste: row.liste,
    bureau: found.bureaux.get(keyOf(match)) ?? message('sansBureau', locale),
    cle: String(row.source === 'electeur' ? row.electeur : row.mouvement),
  }, locale);
}

/**
 * Before an inscription is saved: doublons not yet arbitrated refuse it (the Veto lists them and
 * the homonyms); otherwise each homonym is a warning (`warn`), the save going on.
 */
export async function checkDuplicates(
  trx: Transaction<Schema>,
  row: Row,
  ignoreMouvement: number | undefined,
  locale: Locale | undefined,
  warn: (text: string) => void,
): Promise<void> {
  const candidate = candidateOf(row);
  if (!candidate) return;
  const found = await searchDuplicates(trx, candidate, ignoreMouvement);
  const { report, bureaux } = found;
  if (report.doublons.length > 0 && row.doublon_arbitre !== true) {
    const lines = [message('doublons', { liste: report.doublons.map((match) => describeMatch(match, bureaux, locale)).join(' ; ') }, locale)];
    if (report.homonymes.length > 0) lines.push(message('homonymes', { liste: report.homonymes.map((match) => describeMatch(match, bureaux, locale)).join(' ; ') }, locale));
    throw new Veto(lines.join(' '), { doublon_arbitre: message('doublonArbitre', locale) });
  }
  for (const match of report.homonymes) warn(describeHomonym(match, found, locale));
}
