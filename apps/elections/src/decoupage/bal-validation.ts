/**
 * A Base Adresse Locale file read and validated by `@etalab/bal` (profile « BAL 1.3 », the one of
 * the national base): either its errors, in French with the line and the column, or the voies it
 * names (libellé, commune, code of the voie from the interoperability key).
 *
 * `@etalab/bal` 1.8.0 is CommonJS without types: the few functions used are typed here.
 */
import { createRequire } from 'node:module';
import type { AdressePoint } from '../../../../framework/src/maps/adresses.ts';

interface BalRowError {
  readonly code: string;
  readonly schemaName?: string;
  readonly level?: 'E' | 'W' | 'I';
}

interface BalRow {
  readonly line: number;
  readonly isValid: boolean;
  readonly errors: readonly BalRowError[];
  readonly parsedValues: {
    readonly voie_nom?: string;
    readonly commune_nom?: string;
    readonly commune_insee?: string;
    readonly numero?: number;
    readonly suffixe?: string;
    readonly long?: number;
    readonly lat?: number;
    readonly cle_interop?: string;
  };
  readonly additionalValues: { readonly cle_interop?: { readonly codeCommune?: string; readonly codeVoie?: string } };
}

interface BalValidation {
  readonly parseOk: boolean;
  readonly parseErrors: readonly { readonly code: string; readonly message: string; readonly row?: number }[];
  readonly rows?: readonly BalRow[];
  readonly uniqueErrors?: readonly string[];
  readonly profilesValidation?: Readonly<Record<string, { readonly isValid: boolean }>>;
}

interface EtalabBal {
  validate(file: Buffer, options?: { profile?: string }): Promise<BalValidation>;
  getLabel(code: string): string;
}

const bal = createRequire(import.meta.url)('@etalab/bal') as EtalabBal;

export const BAL_PROFILE = '1.3-etalab';
/** The errors listed on the page; the others are counted. */
export const ERREURS_MONTREES = 50;
/** The columns whose absence refuses the file (errors of the BAL 1.3 profile). */
const REQUIRED_COLUMNS = ['cle_interop', 'voie_nom', 'numero'] as const;

export interface VoieBal {
  /** As written in the file (the first spelling met). */
  readonly libelle: string;
  /** The 4 characters of the voie in `cle_interop`, when the key has them. */
  readonly codeVoie: string | undefined;
  readonly commune: string | undefined;
  /** Lines of the file naming it. */
  readonly adresses: number;
}

export type BalResult =
  | { readonly ok: true; readonly voies: readonly VoieBal[]; readonly adresses: readonly AdressePoint[]; readonly lignes: number }
  | { readonly ok: false; readonly erreurs: readonly string[]; readonly total: number };

/** « La colonne « voie_nom » est absente. », or the library's French label followed by the column. */
export function libelleErreur(code: string): string {
  const missing = /^field\.([a-z_]+)\.missing$/.exec(code);
  if (missing) return `La colonne obligatoire « ${missing[1]} » est absente.`;
  const label = bal.getLabel(code);
  const field = code.split('.')[0];
  if (label === code) return `Valeur refusée (${code}).`;
  return field && field !== 'row' ? `${label} (colonne « ${field} »).` : `${label}.`;
}

const PARSE_ERRORS: Readonly<Record<string, string>> = {
  UndetectableDelimiter: 'le séparateur des colonnes n’a pas pu être reconnu (il doit être le point-virgule)',
  MissingQuotes: 'un guillemet ouvert n’est pas refermé',
  TooFewFields: 'une ligne a moins de colonnes que l’en-tête',
  TooManyFields: 'une ligne a plus de colonnes que l’en-tête',
};

/** The numbered addresses with a position (the voies' « 99999 » lines and unplaced ones give no point). */
function adressesOf(rows: readonly BalRow[]): AdressePoint[] {
  const adresses: AdressePoint[] = [];
  for (const { parsedValues: values } of rows) {
    const { voie_nom: voie, numero, long: longitude, lat: latitude } = values;
    if (!voie || numero === undefined || numero === 99999 || typeof longitude !== 'number' || typeof latitude !== 'number') continue;
    adresses.push({ voie, numero, suffixe: values.suffixe, longitude, latitude, cleInterop: values.cle_interop });
  }
  return adresses;
}

export async function validateBal(content: Buffer): Promise<BalResult> {
  let result: BalValidation;
  try {
    result = await bal.validate(content, { profile: BAL_PROFILE });
  } catch {
    // The library throws on an encoding it does not know (a binary file, a rare code page).
    return { ok: false, erreurs: ['Le fichier n’est pas un fichier CSV lisible : son encodage n’est pas reconnu (il doit être en UTF-8).'], total: 1 };
  }
  if (!result.parseOk) {
    const erreurs = result.parseErrors
      .filter((error) => error.code in PARSE_ERRORS)
      .map((error) => `Le fichier n’est pas un CSV valide : ${PARSE_ERRORS[error.code]}${error.row === undefined ? '' : ` (ligne ${error.row + 2})`}.`);
    if (erreurs.length === 0) erreurs.push('Le fichier n’est pas un CSV valide au format Base Adresse Locale.');
    return { ok: false, erreurs: erreurs.slice(0, ERREURS_MONTREES), total: erreurs.length };
  }
  const rows = result.rows ?? [];
  // A required column missing (an error of the profile), then the errors of each line.
  const erreurs = REQUIRED_COLUMNS.filter((column) => result.uniqueErrors?.includes(`field.${column}.missing`)).map((column) => libelleErreur(`field.${column}.missing`));
  for (const row of rows) {
    for (const error of row.errors) {
      // Line 1 is the header: the first address is on line 2.
      if (error.level === 'E') erreurs.push(`Ligne ${row.line + 1} : ${libelleErreur(error.code)}`);
    }
  }
  if (rows.length === 0 && erreurs.length === 0) erreurs.push('Le fichier ne contient aucune adresse.');
  if (erreurs.length > 0 || result.profilesValidation?.[BAL_PROFILE]?.isValid === false) {
    if (erreurs.length === 0) erreurs.push('Le fichier n’est pas conforme au format Base Adresse Locale 1.3.');
    return { ok: false, erreurs: erreurs.slice(0, ERREURS_MONTREES), total: erreurs.length };
  }
  const voies = new Map<string, { libelle: string; codeVoie: string | undefined; commune: string | undefined; adresses: number }>();
  for (const row of rows) {
    const libelle = row.parsedValues.voie_nom;
    if (!libelle) continue;
    const key = libelle.normalize('NFC');
    const known = voies.get(key);
    if (known) known.adresses++;
    else {
      voies.set(key, {
        libelle,
        codeVoie: row.additionalValues.cle_interop?.codeVoie,
        commune: row.parsedValues.commune_nom,
        adresses: 1,
      });
    }
  }
  return { ok: true, voies: [...voies.values()], adresses: adressesOf(rows), lignes: rows.length };
}
