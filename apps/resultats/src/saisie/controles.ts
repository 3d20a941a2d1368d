/**
 * The checks of a bureau's entry (issue 12): every figure a non-negative integer, then
 * votants = blancs + nuls + exprimés, exprimés = Σ voix, votants ≤ inscrits — each refusal naming
 * the figures. Pure: the page reads the form with them, validation re-checks the stored figures.
 */
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { entier } from './format.ts';
import type { CandidatureSaisie } from './lecture.ts';
import { message } from './messages.ts';

export interface Chiffres {
  readonly votants: number;
  readonly blancs: number;
  readonly nuls: number;
  readonly exprimes: number;
  /** Votes by candidature key. */
  readonly voix: Readonly<Record<number, number>>;
}

export const CHAMPS_GENERAUX = ['votants', 'blancs', 'nuls', 'exprimes'] as const;
export const champVoix = (candidature: number): string => `voix_${candidature}`;

/** A typed figure: spaces (« 1 204 ») allowed, nothing else. */
export function lireEntier(texte: string | undefined): { valeur: number } | { erreur: string } {
  const propre = (texte ?? '').replace(/[\s\u00a0\u202f]/g, '');
  if (propre === '') return { erreur: message('champRequis') };
  if (!/^\d{1,9}$/.test(propre)) return { erreur: message('pasUnEntier', { valeur: (texte ?? '').trim() }) };
  return { valeur: Number(propre) };
}

export type LectureSaisie = { readonly chiffres: Chiffres } | { readonly erreurs: FieldErrors };

/** The figures of the entry form, or an error per field wrong or missing. */
export function lireSaisie(form: Readonly<Record<string, string>>, candidatures: readonly CandidatureSaisie[]): LectureSaisie {
  const erreurs: FieldErrors = {};
  const valeurs: Record<string, number> = {};
  const champs = [...CHAMPS_GENERAUX, ...candidatures.map((candidature) => champVoix(candidature.candidature))];
  for (const champ of champs) {
    const lu = lireEntier(form[champ]);
    if ('erreur' in lu) erreurs[champ] = lu.erreur;
    else valeurs[champ] = lu.valeur;
  }
  if (Object.keys(erreurs).length > 0) return { erreurs };
  const voix: Record<number, number> = {};
  for (const candidature of candidatures) voix[candidature.candidature] = valeurs[champVoix(candidature.candidature)] ?? 0;
  return {
    chiffres: { votants: valeurs['votants'] ?? 0, blancs: valeurs['blancs'] ?? 0, nuls: valeurs['nuls'] ?? 0, exprimes: valeurs['exprimes'] ?? 0, voix },
  };
}

/** What does not add up, each as a French sentence naming the figures; empty when coherent. */
export function incoherences(chiffres: Chiffres, inscrits: number, candidatures: readonly CandidatureSaisie[]): string[] {
  const problemes: string[] = [];
  const somme = chiffres.blancs + chiffres.nuls + chiffres.exprimes;
  if (chiffres.votants !== somme) {
    problemes.push(
      message('votantsSomme', {
        votants: entier(chiffres.votants),
        blancs: entier(chiffres.blancs),
        nuls: entier(chiffres.nuls),
        exprimes: entier(chiffres.exprimes),
        somme: entier(somme),
      }),
    );
  }
  const totalVoix = candidatures.reduce((total, candidature) => total + (chiffres.voix[candidature.candidature] ?? 0), 0);
  if (chiffres.exprimes !== totalVoix) problemes.push(message('exprimesSomme', { exprimes: entier(chiffres.exprimes), total: entier(totalVoix) }));
  if (chiffres.votants > inscrits) problemes.push(message('votantsInscrits', { votants: entier(chiffres.votants), inscrits: entier(inscrits) }));
  return problemes;
}
