/**
 * The electoral calendar of a scrutin, Code électoral as in force in 2026 (since the REU, loi
 * n° 2016-1048): pure functions of the rounds' dates, no database.
 *
 * - art. L17: a registration request is filed at the latest the sixth Friday before the scrutin
 *   (municipales of Sunday 15 March 2026: Friday 6 February 2026). The Friday is counted back
 *   from the round's own day, so a round held on a Saturday (overseas) gives the same Friday.
 * - art. L30: by exception, the persons of its cases (1° … 5°) may ask between that Friday and the
 *   tenth day before the scrutin, that day included (the former R17-2 rule).
 * - art. L19 II–III: the commission de contrôle meets between the 24th and the 21st day before
 *   the scrutin; art. L20 I and R13: the tableau des inscriptions et radiations is made public the
 *   day after its meeting, and at the latest the 20th day before the scrutin, for seven days.
 * - A second round is held a week after the first unless its date is given; every deadline is
 *   the first round's (the scrutin's).
 *
 * A deadline decreed for an exceptional scrutin (législatives after a dissolution) is not
 * computed here.
 */
import { addDays, compareDates, DateInvalide, dateEnLettres, isoDate, weekday, type DateInput } from './dates.ts';

export { DateInvalide } from './dates.ts';

const FRIDAY = 5;

/** A case of art. L30 (late registration), as the mouvement's `cas_l30` column stores it. */
export interface CasL30 {
  readonly code: string;
  readonly libelle: string;
  readonly article: string;
}

export const CAS_L30: readonly CasL30[] = [
  {
    code: 'L30_1',
    libelle:
      'Fonctionnaire ou agent des administrations publiques muté ou admis à la retraite après la clôture des inscriptions, ' +
      'ou membre de sa famille domicilié avec lui à la date de la mutation ou de la mise à la retraite',
    article: 'art. L30 1°',
  },
  {
    code: 'L30_2',
    libelle:
      'Militaire renvoyé dans ses foyers, libéré d’un rappel de classe ou démobilisé après la clôture des inscriptions, ' +
      'ou ayant changé de domicile lors de son retour à la vie civile',
    article: 'art. L30 2°',
  },
  {
    code: 'L30_2BIS',
    libelle:
      'Personne ayant établi son domicile dans une autre commune pour un motif professionnel après la clôture des inscriptions, ' +
      'ou membre de sa famille domicilié avec elle à la date du changement de domicile',
    article: 'art. L30 2° bis',
  },
  {
    code: 'L30_3',
    libelle: 'Français ou Française ayant atteint l’âge d’être électeur après la clôture des inscriptions',
    article: 'art. L30 3°',
  },
  {
    code: 'L30_4',
    libelle: 'Français ou Française ayant acquis la nationalité française après la clôture des inscriptions',
    article: 'art. L30 4°',
  },
  {
    code: 'L30_5',
    libelle: 'Français ou Française ayant recouvré l’exercice du droit de vote après une décision de justice',
    article: 'art. L30 5°',
  },
];

export const casL30 = (code: string): CasL30 | undefined => CAS_L30.find((cas) => cas.code === code);

/** Art. L17: the sixth Friday before the scrutin (`AAAA-MM-JJ`). */
export function dateLimiteInscription(premierTour: DateInput): string {
  // The last Friday strictly before the round, then five weeks earlier.
  const back = ((weekday(premierTour) - FRIDAY + 7) % 7) || 7;
  return addDays(premierTour, -back - 5 * 7);
}

/** Art. L19: the days on which the commission de contrôle meets, the 24th to the 21st before the scrutin. */
export function commissionDeControle(premierTour: DateInput): { readonly debut: string; readonly fin: string } {
  return { debut: addDays(premierTour, -24), fin: addDays(premierTour, -21) };
}

/** Art. L20 I, R13: the tableau des inscriptions et radiations, public the day after the commission, at the latest the 20th day before. */
export function publicationTableau(premierTour: DateInput): { readonly au_plus_tot: string; readonly au_plus_tard: string } {
  return { au_plus_tot: addDays(premierTour, -23), au_plus_tard: addDays(premierTour, -20) };
}

/** Art. L30: the last day of a request made under one of its cases, the tenth day before the scrutin (included). */
export const dateLimiteL30 = (premierTour: DateInput): string => addDays(premierTour, -10);

/** The second round: the date given (after the first round), else a week after the first. */
export function secondTour(premierTour: DateInput, date?: DateInput): string {
  if (date === undefined) return addDays(premierTour, 7);
  if (compareDates(date, premierTour) <= 0) {
    throw new DateInvalide(`Le second tour (${dateEnLettres(date)}) doit avoir lieu après le premier tour (${dateEnLettres(premierTour)}).`);
  }
  return isoDate(date);
}

/** What the calendar says of a scrutin, in the words of the API (`GET /api/v1/elections/calendrier`). */
export interface CalendrierScrutin {
  readonly premier_tour: string;
  readonly second_tour: string;
  readonly date_limite_inscription: string;
  readonly commission_controle: { readonly debut: string; readonly fin: string };
  readonly tableau_inscriptions_radiations: { readonly au_plus_tot: string; readonly au_plus_tard: string };
  readonly date_limite_l30: string;
  readonly cas_l30: readonly CasL30[];
}

/** The whole calendar; `DateInvalide` (a French message) for a date that is malformed or does not exist. */
export function calendrierScrutin(premierTour: DateInput, tour2?: DateInput): CalendrierScrutin {
  return {
    premier_tour: isoDate(premierTour),
    second_tour: secondTour(premierTour, tour2),
    date_limite_inscription: dateLimiteInscription(premierTour),
    commission_controle: commissionDeControle(premierTour),
    tableau_inscriptions_radiations: publicationTableau(premierTour),
    date_limite_l30: dateLimiteL30(premierTour),
    cas_l30: CAS_L30,
  };
}

export type Recevabilite =
  | { readonly ok: true; readonly fondement: 'L17' | 'L30' }
  | { readonly ok: false; readonly message: string };

/**
 * Whether a registration request filed on `dateDemande` may count for the scrutin: until the L17
 * deadline; after it, only under an L30 case and until the tenth day before. A refusal says why,
 * naming the dates.
 */
export function acceptsMovement(demande: { premierTour: DateInput; dateDemande: DateInput; casL30?: string | null | undefined }): Recevabilite {
  const { premierTour, dateDemande } = demande;
  const limite = dateLimiteInscription(premierTour);
  if (compareDates(dateDemande, limite) <= 0) return { ok: true, fondement: 'L17' };
  const scrutin = dateEnLettres(premierTour);
  const code = demande.casL30?.trim() ?? '';
  if (code === '') {
    return {
      ok: false,
      message:
        `La date limite d’inscription pour le scrutin du ${scrutin} était le ${dateEnLettres(limite)} ; ` +
        'une demande après cette date n’est recevable que dans un des cas de l’article L30.',
    };
  }
  const cas = casL30(code);
  if (!cas) {
    return { ok: false, message: `« ${code} » n’est pas un des cas de l’article L30 : choisissez-en un parmi ${CAS_L30.map((known) => known.code).join(', ')}.` };
  }
  const limiteL30 = dateLimiteL30(premierTour);
  if (compareDates(dateDemande, limiteL30) <= 0) return { ok: true, fondement: 'L30' };
  return {
    ok: false,
    message:
      `Au titre de l’${cas.article}, une demande pour le scrutin du ${scrutin} ` +
      `devait être déposée au plus tard le ${dateEnLettres(limiteL30)}.`,
  };
}
