/**
 * The legal delays of the procédure de reprise of an abandoned concession (CGCT L2223-17,
 * R2223-12 to R2223-23), checked on the dated steps, in their order; each later step needs the
 * one before:
 * - premier constat: the concession is more than 30 years old (from its act) and its last
 *   inhumation more than 10 years old (L2223-17);
 * - notification to the families: sent after the constat, within 8 days (R2223-13: later is a warning);
 * - fin de l’affichage: one month at least after the first constat (R2223-13);
 * - second constat: three years at least after the first (L2223-17, R2223-18);
 * - délibération: one month at least after the second constat (L2223-17);
 * - arrêté: on or after the délibération (R2223-19);
 * - reprise effective: thirty days at least after the arrêté (R2223-21).
 */
import { ajouterAnnees, ajouterJours, ajouterMois, dateFr, joursEntre } from '../concessions/dates.ts';
import { message } from './messages.ts';

export interface Etapes {
  readonly date_premier_constat: string | null;
  readonly date_notification: string | null;
  readonly date_fin_affichage: string | null;
  readonly date_second_constat: string | null;
  readonly date_deliberation: string | null;
  readonly date_arrete: string | null;
  readonly date_reprise: string | null;
}

export type Etape = keyof Etapes;

export const ORDRE: readonly Etape[] = [
  'date_premier_constat',
  'date_notification',
  'date_fin_affichage',
  'date_second_constat',
  'date_deliberation',
  'date_arrete',
  'date_reprise',
];

export const NOMS: Readonly<Record<Etape, string>> = {
  date_premier_constat: 'le premier constat d’abandon',
  date_notification: 'la notification aux familles',
  date_fin_affichage: 'la fin de l’affichage',
  date_second_constat: 'le second constat',
  date_deliberation: 'la délibération du conseil municipal',
  date_arrete: 'l’arrêté de reprise',
  date_reprise: 'la reprise effective',
};

/** What the first constat needs to know of the concession. */
export interface Contexte {
  /** The act's date (undefined: no concession named). */
  readonly dateActe: string | undefined;
  /** The last inhumation in the emplacement, if any. */
  readonly derniereInhumation: string | undefined;
}

export interface Controle {
  readonly erreurs: Partial<Record<Etape, string>>;
  readonly avertissements: readonly string[];
}

const majuscule = (texte: string) => texte.charAt(0).toUpperCase() + texte.slice(1);

export function controlerEtapes(etapes: Etapes, contexte: Contexte): Controle {
  const erreurs: Partial<Record<Etape, string>> = {};
  const avertissements: string[] = [];
  const premier = etapes.date_premier_constat;
  if (premier) {
    if (contexte.dateActe !== undefined && ajouterAnnees(contexte.dateActe, 30) >= premier) {
      erreurs.date_premier_constat = message('trenteAns', { date: dateFr(contexte.dateActe), limite: dateFr(ajouterAnnees(contexte.dateActe, 30)) });
    } else if (contexte.derniereInhumation !== undefined && ajouterAnnees(contexte.derniereInhumation, 10) >= premier) {
      erreurs.date_premier_constat = message('dixAns', { date: dateFr(contexte.derniereInhumation), limite: dateFr(ajouterAnnees(contexte.derniereInhumation, 10)) });
    }
  }
  // Each step: the one before is there, and the legal delay from it is respected.
  const regles: Readonly<Record<Exclude<Etape, 'date_premier_constat'>, { depuis: Etape; minimum: (date: string) => string; delai: string; texte: string }>> = {
    date_notification: { depuis: 'date_premier_constat', minimum: (d) => d, delai: '', texte: 'R2223-13' },
    date_fin_affichage: { depuis: 'date_notification', minimum: () => ajouterMois(premier ?? '', 1), delai: 'un mois au moins après le premier constat', texte: 'R2223-13' },
    date_second_constat: { depuis: 'date_fin_affichage', minimum: () => ajouterAnnees(premier ?? '', 3), delai: 'trois ans au moins après le premier constat', texte: 'L2223-17, R2223-18' },
    date_deliberation: { depuis: 'date_second_constat', minimum: (d) => ajouterMois(d, 1), delai: 'un mois au moins après le second constat', texte: 'L2223-17' },
    date_arrete: { depuis: 'date_deliberation', minimum: (d) => d, delai: '', texte: 'R2223-19' },
    date_reprise: { depuis: 'date_arrete', minimum: (d) => ajouterJours(d, 30), delai: 'trente jours au moins après l’arrêté', texte: 'R2223-21' },
  };
  for (const etape of ORDRE.slice(1) as Exclude<Etape, 'date_premier_constat'>[]) {
    const date = etapes[etape];
    if (!date) continue;
    const regle = regles[etape];
    const avant = etapes[regle.depuis];
    if (!avant) {
      erreurs[etape] = message('etapeManquante', { etape: majuscule(NOMS[etape]), avant: NOMS[regle.depuis] });
      continue;
    }
    const minimum = regle.minimum(avant);
    if (date < minimum) {
      erreurs[etape] =
        regle.delai === ''
          ? message('etapeAvant', { etape: majuscule(NOMS[etape]), date: dateFr(date), avant: NOMS[regle.depuis], dateAvant: dateFr(avant) })
          : message('etapeTropTot', { etape: majuscule(NOMS[etape]), date: dateFr(date), delai: regle.delai, minimum: dateFr(minimum), texte: regle.texte });
    }
  }
  if (premier && etapes.date_notification && !erreurs.date_notification && joursEntre(premier, etapes.date_notification) > 8) {
    avertissements.push(message('notificationTardive', { date: dateFr(etapes.date_notification), constat: dateFr(premier) }));
  }
  return { erreurs, avertissements };
}
