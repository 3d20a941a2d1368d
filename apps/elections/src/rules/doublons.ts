/**
 * Duplicate detection before an inscription (reference §4.1 step 2, §8.1): the candidate against
 * the electors of the list and the inscriptions in progress.
 *
 * - « doublon »: same birth name and same birth date;
 * - « homonyme » (weaker, for the agent to arbitrate): same birth name and same first first name,
 *   another birth date.
 *
 * Names are compared by their key: the search form (`nomRecherche`: no accents, no case) with its
 * spaces removed, so that particles and compound names written apart or together match:
 * « DE LA FONTAINE », « de La Fontaine », « Delafontaine » and « DE-LA-FONTAINE » are one name,
 * « D'ARTAGNAN » and « DARTAGNAN » too. Civil registers and agents write particles both ways; a
 * false warning costs one click, a missed duplicate a double inscription.
 * The nom d'usage is never compared: a married name says nothing about the birth name.
 * The first first name is the first word of the prénoms once hyphens are spaces (« Jean-Pierre »
 * and « Jean Luc » share « JEAN »): the homonym list is a prompt to look, wide on purpose.
 */
import { nomRecherche } from './normalisation.ts';

export type EtatMouvement = 'a_instruire' | 'en_attente' | 'accepte' | 'refuse' | 'transmis' | 'archive';
export type CategorieMouvement = 'inscription' | 'modification' | 'radiation';

/** Movements in these states are never duplicates (a refused or archived request registers no one). */
export const ETATS_IGNORES: readonly EtatMouvement[] = ['refuse', 'archive'];

export const REASON_DOUBLON = 'même nom de naissance et même date de naissance';
export const REASON_HOMONYME = 'même nom de naissance et même premier prénom, date de naissance différente';

/** The person about to be registered. Dates are ISO `AAAA-MM-JJ`. */
export interface DuplicateCandidate {
  readonly liste: string;
  /** Nom de naissance. */
  readonly nom: string;
  readonly prenoms: string;
  readonly date_naissance: string;
}

interface PersonFields {
  readonly liste: string;
  readonly nom: string;
  /** Shown to the agent, never compared. */
  readonly nom_usage?: string | null;
  readonly prenoms: string;
  readonly date_naissance: string;
}

export interface ElecteurDuplicateRow extends PersonFields {
  readonly source: 'electeur';
  readonly electeur: number;
}

export interface MouvementDuplicateRow extends PersonFields {
  readonly source: 'mouvement';
  readonly mouvement: number;
  readonly categorie: CategorieMouvement;
  readonly etat: EtatMouvement;
  /** Set once the inscription is accepted. */
  readonly electeur?: number | null;
}

export type DuplicateRow = ElecteurDuplicateRow | MouvementDuplicateRow;

export type DuplicateKind = 'doublon' | 'homonyme';

export interface DuplicateMatch {
  readonly kind: DuplicateKind;
  readonly row: DuplicateRow;
  /** Why it matched, in French, for the agent. */
  readonly reason: string;
}

export interface DuplicateReport {
  readonly doublons: readonly DuplicateMatch[];
  readonly homonymes: readonly DuplicateMatch[];
}

export interface FindDuplicatesOptions {
  /** The movement being checked again from its own form: not its own duplicate. */
  readonly ignoreMouvement?: number;
}

/** The birth-name key: the search form without spaces. */
export function nameKey(nom: string | null | undefined): string {
  return nomRecherche(nom).replaceAll(' ', '');
}

/** The first first name, in search form ('' when none). */
export function firstPrenom(prenoms: string | null | undefined): string {
  return nomRecherche(prenoms?.replaceAll(',', ' ')).split(' ')[0] ?? '';
}

function isoDay(date: string): string {
  return date.trim().slice(0, 10);
}

/** A movement that can hold a duplicate: an inscription still alive. */
function movementCounts(row: MouvementDuplicateRow, electeurs: ReadonlySet<number>, options: FindDuplicatesOptions): boolean {
  if (row.categorie !== 'inscription' || ETATS_IGNORES.includes(row.etat)) return false;
  if (options.ignoreMouvement !== undefined && row.mouvement === options.ignoreMouvement) return false;
  // An accepted inscription whose elector is in the rows is reported once, as the elector.
  return row.electeur === null || row.electeur === undefined || !electeurs.has(row.electeur);
}

/**
 * The rows that may be the candidate: doublons then homonymes, electors before movements, each in
 * the order given. Rows of another list are ignored; a candidate whose name has no letter matches
 * nothing.
 */
export function findDuplicates(
  candidate: DuplicateCandidate,
  rows: readonly DuplicateRow[],
  options: FindDuplicatesOptions = {},
): DuplicateReport {
  const key = nameKey(candidate.nom);
  if (key === '') return { doublons: [], homonymes: [] };
  const day = isoDay(candidate.date_naissance);
  const prenom = firstPrenom(candidate.prenoms);
  const electeurs = new Set(rows.flatMap((row) => (row.source === 'electeur' ? [row.electeur] : [])));
  const ordered = [...rows.filter((row) => row.source === 'electeur'), ...rows.filter((row) => row.source === 'mouvement')];
  const doublons: DuplicateMatch[] = [];
  const homonymes: DuplicateMatch[] = [];
  for (const row of ordered) {
    if (row.liste !== candidate.liste || nameKey(row.nom) !== key) continue;
    if (row.source === 'mouvement' && !movementCounts(row, electeurs, options)) continue;
    if (isoDay(row.date_naissance) === day) doublons.push({ kind: 'doublon', row, reason: REASON_DOUBLON });
    else if (prenom !== '' && firstPrenom(row.prenoms) === prenom) homonymes.push({ kind: 'homonyme', row, reason: REASON_HOMONYME });
  }
  return { doublons, homonymes };
}

/** `column = value` with `column` an SQL expression written here (never user input) and `value` to bind. */
export interface SqlEquality {
  readonly sql: string;
  readonly value: string;
}

/**
 * What the workflow queries, so that only candidate rows are read (by index): on
 * elections.electeur and on elections.mouvement, rows where every equality holds; on mouvement,
 * also `etat` not in `etatsIgnores` and a type_mouvement of category `categorie`. The rows read
 * are then given to `findDuplicates`, which tells doublons from homonymes. (The collectivité is
 * scoped by the record service and RLS, as for every read.)
 *
 * Both tables have the generated column `nom_recherche`; the criterion compares it without its
 * spaces, which the index (om_collectivite, liste, nom_recherche, …) does not serve: it needs
 *   create index electeur_doublon on elections.electeur (om_collectivite, liste, (replace(nom_recherche, ' ', '')));
 * (and the same on mouvement if its inscriptions grow large).
 */
export interface DuplicateSearchCriteria {
  readonly equalities: readonly SqlEquality[];
  readonly etatsIgnores: readonly EtatMouvement[];
  readonly categorie: 'inscription';
}

/** The birth-name key in SQL, on electeur and mouvement: `nameKey(nom)` equals it when `nom_recherche` is `nomRechercheSql('nom')`. */
export const NAME_KEY_SQL = "replace(nom_recherche, ' ', '')";

export function duplicateSearchCriteria(candidate: DuplicateCandidate): DuplicateSearchCriteria {
  return {
    equalities: [
      { sql: 'liste', value: candidate.liste },
      { sql: NAME_KEY_SQL, value: nameKey(candidate.nom) },
    ],
    etatsIgnores: ETATS_IGNORES,
    categorie: 'inscription',
  };
}
