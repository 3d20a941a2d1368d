/**
 * The criteria of a period typed in an edition's form: « du » and « au » (JJ/MM/AAAA, JJMMAAAA or
 * ISO), both required, in order, at most 366 days apart; the register (arrivée or départ) for the
 * register of a period. Every problem is a French message on its field; nothing is read before
 * they are all right.
 */
import { parseFrenchDate } from '../../../../framework/src/records/coerce.ts';
import type { Registre } from '../core/registres.ts';
import { dateFr } from '../core/dates.ts';

export interface Periode {
  /** YYYY-MM-DD. */
  readonly du: string;
  readonly au: string;
}

export type ErreursPeriode = Readonly<Record<string, string>>;

export type Lecture<T> = { readonly ok: true; readonly valeur: T } | { readonly ok: false; readonly erreurs: ErreursPeriode };

/** The longest period an edition covers (a leap year). */
export const JOURS_MAX = 366;

const jours = (du: string, au: string) => Math.round((Date.parse(`${au}T00:00:00Z`) - Date.parse(`${du}T00:00:00Z`)) / 86_400_000) + 1;

export function lirePeriode(saisie: { readonly du?: string | null | undefined; readonly au?: string | null | undefined }): Lecture<Periode> {
  const erreurs: Record<string, string> = {};
  const lire = (champ: 'du' | 'au', libelle: string): string | undefined => {
    const tape = (saisie[champ] ?? '').trim();
    if (tape === '') {
      erreurs[champ] = `Le champ « ${libelle} » est obligatoire.`;
      return undefined;
    }
    const lu = parseFrenchDate(tape);
    if (!lu) erreurs[champ] = `« ${tape} » n’est pas une date valide (JJ/MM/AAAA).`;
    return lu ?? undefined;
  };
  const du = lire('du', 'Du');
  const au = lire('au', 'Au');
  if (du !== undefined && au !== undefined) {
    if (au < du) erreurs.au = 'La date de fin précède la date de début.';
    else if (jours(du, au) > JOURS_MAX) erreurs.au = `La période ne peut dépasser ${JOURS_MAX} jours : choisissez des dates plus proches.`;
  }
  if (du === undefined || au === undefined || Object.keys(erreurs).length > 0) return { ok: false, erreurs };
  return { ok: true, valeur: { du, au } };
}

export interface CriteresRegistre extends Periode {
  readonly registre: Registre;
}

export function lireCriteresRegistre(saisie: { readonly registre?: string | null | undefined; readonly du?: string | null | undefined; readonly au?: string | null | undefined }): Lecture<CriteresRegistre> {
  const periode = lirePeriode(saisie);
  const registre = (saisie.registre ?? '').trim();
  const registreValide = registre === 'arrivee' || registre === 'depart';
  if (periode.ok && registreValide) return { ok: true, valeur: { ...periode.valeur, registre } };
  return {
    ok: false,
    erreurs: {
      ...(registreValide ? {} : { registre: 'Choisissez le registre : arrivées ou départs.' }),
      ...(periode.ok ? {} : periode.erreurs),
    },
  };
}

/** JJ/MM/AAAA of a YYYY-MM-DD date. */
export { dateFr };

/** The key (`&idx`) of the état « Registre du courrier »: `registre|du|au` (migration 0005). */
export const cleRegistre = (criteres: CriteresRegistre) => `${criteres.registre}|${criteres.du}|${criteres.au}`;

/** The key (`&idx`) of the état « Statistiques du courrier »: `du|au`. */
export const cleStatistiques = (periode: Periode) => `${periode.du}|${periode.au}`;

export const titreRegistre = (criteres: CriteresRegistre) =>
  `Registre des ${criteres.registre === 'arrivee' ? 'arrivées' : 'départs'} du ${dateFr(criteres.du)} au ${dateFr(criteres.au)}`;
