/** Reading the values typed in an action's inputs or a page's form: dates, durations, numbers, keys. */
import { parseFrenchDate } from '../../../../framework/src/records/coerce.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { aujourdhuiAParis } from '../core/etat.ts';
import { estDureeType } from './duree.ts';
import type { DureeType } from './libelles.ts';
import { message } from './messages.ts';

export const texte = (valeur: unknown): string => (valeur === null || valeur === undefined ? '' : String(valeur).trim());

/** A typed date (JJ/MM/AAAA, ISO…) as `AAAA-MM-JJ`; today in Paris when empty and `parDefaut`; a `Veto` on `champ` otherwise. */
export function dateSaisie(valeur: unknown, champ: string, libelle: string, parDefaut = true): string {
  const tape = texte(valeur);
  if (tape === '') {
    if (parDefaut) return aujourdhuiAParis();
    throw new Veto(message('dateASaisir', { libelle }), { [champ]: message('dateASaisir', { libelle }) });
  }
  const lu = parseFrenchDate(tape);
  if (!lu) {
    const erreur = message('dateInvalideTapee', { valeur: tape });
    throw new Veto(erreur, { [champ]: erreur });
  }
  return lu;
}

/** A whole number, or null when empty; a `Veto` when typed wrong. */
export function entierSaisi(valeur: unknown, champ: string, libelle: string): number | null {
  const tape = texte(valeur);
  if (tape === '') return null;
  const lu = Number(tape);
  if (!Number.isSafeInteger(lu) || lu <= 0) {
    const erreur = message('pasUnEntier', { libelle, valeur: tape });
    throw new Veto(erreur, { [champ]: erreur });
  }
  return lu;
}

/** A decimal (« 2,5 » or « 2.5 »), or null when empty. */
export function decimalSaisi(valeur: unknown, champ: string, libelle: string): number | null {
  const tape = texte(valeur).replace(',', '.');
  if (tape === '') return null;
  const lu = Number(tape);
  if (!Number.isFinite(lu) || lu < 0) {
    const erreur = message('pasUnNombre', { libelle, valeur: texte(valeur) });
    throw new Veto(erreur, { [champ]: erreur });
  }
  return lu;
}

export function dureeTypeSaisi(valeur: unknown, parDefaut?: DureeType): DureeType {
  const tape = texte(valeur);
  if (tape === '' && parDefaut) return parDefaut;
  if (!estDureeType(tape)) throw new Veto(message('dureeTypeRequis'), { duree_type: message('dureeTypeRequis') });
  return tape;
}
