/**
 * Merge fields `[champ]` (the source row's values, formatted French) and variables `&aujourdhui`,
 * `&ville`, `&<paramètre>` (the collectivité's om_parametre) in a document's text. Applied to text
 * already parsed out of the template, so a value can never become markup. An unknown name is left
 * as written, so that the author sees it on paper.
 */
import { formatValue } from './format.ts';

/** One pass for both, so that a value holding `&x` or `[x]` is printed as it is. */
const NAMES = /\[([A-Za-z_][A-Za-z0-9_.]*)\]|&([A-Za-z_][A-Za-z0-9_]*)/g;

export interface Substitutions {
  /** The source's first row (merge fields). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Variable name → text (`aujourdhui`, `idx`, every om_parametre by its libellé). */
  readonly variables: ReadonlyMap<string, string>;
}

export function substitute(text: string, substitutions: Substitutions): string {
  return text.replace(NAMES, (whole, field: string | undefined, variable: string | undefined) => {
    if (field !== undefined) return Object.hasOwn(substitutions.values, field) ? formatValue(substitutions.values[field]) : whole;
    return substitutions.variables.get(variable ?? '') ?? whole;
  });
}
