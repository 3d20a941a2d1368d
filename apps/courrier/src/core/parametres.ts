/**
 * The mail registry's parameters (om_parametre of the collectivité, or of the niveau-2 one), with
 * openCourrier's defaults (autres-applications.md §3.5). Read through `courrier.parametres_lus`
 * (migration 0003): it works inside a registration's transaction, where the niveau-2 rows are hidden
 * from a town's user by row-level security.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { patternProblem } from '../../../../framework/src/registers/index.ts';

export interface ParametresCourrier {
  /** Pattern of the arrival register's numbers (`[annee]-[seq]`). */
  readonly registreArrivee: string;
  /** Pattern of the departure register's numbers (`[annee]-D-[seq]`). */
  readonly registreDepart: string;
  /** The departure register is in use. */
  readonly optionCourrierDepart: boolean;
  /** Tasks go only to the processing service's sub-services (true) or to any service (false). */
  readonly serviceTache: boolean;
  /** Copies may go to élus. */
  readonly optionElu: boolean;
  /** Élus with « copie automatique » get a copy of each arrival. */
  readonly autoinsertionDiffusion: boolean;
  /** « Réponse souhaitée » creates the reply task. */
  readonly autocreationTache: boolean;
  /** Days to answer, when the mail's category gives none. */
  readonly delaiReponse: number;
  /** An agent sees the mail of the sub-services of his service. */
  readonly vueSousService: boolean;
  /** An agent sees only the mail of his services (and copies): else every non-confidential mail. */
  readonly filtreRechercheService: boolean;
  /** A task assigned to an agent or a service is announced by e-mail. */
  readonly notificationCourriel: boolean;
  readonly maire: string;
  readonly ville: string;
}

export const PARAMETRES_PAR_DEFAUT: ParametresCourrier = {
  registreArrivee: '[annee]-[seq]',
  registreDepart: '[annee]-D-[seq]',
  optionCourrierDepart: true,
  serviceTache: true,
  optionElu: true,
  autoinsertionDiffusion: false,
  autocreationTache: true,
  delaiReponse: 15,
  vueSousService: false,
  filtreRechercheService: false,
  notificationCourriel: true,
  maire: 'Le Maire',
  ville: '',
};

const vrai = (valeur: string | undefined, defaut: boolean) =>
  valeur === undefined || valeur.trim() === '' ? defaut : ['true', '1', 'oui', 't'].includes(valeur.trim().toLowerCase());

function jours(valeur: string | undefined, defaut: number): number {
  const lu = Number(valeur?.trim());
  return Number.isInteger(lu) && lu >= 1 && lu <= 365 ? lu : defaut;
}

const modele = (valeur: string | undefined, defaut: string) => (valeur !== undefined && patternProblem(valeur) === undefined ? valeur : defaut);

export async function parametresCourrier(db: Db, collectivite: number): Promise<ParametresCourrier> {
  const { rows } = await sql<{ libelle: string; valeur: string }>`select libelle, valeur from courrier.parametres_lus(${collectivite}::integer)`.execute(db);
  const lus = new Map(rows.map((row) => [row.libelle, row.valeur]));
  const d = PARAMETRES_PAR_DEFAUT;
  return {
    registreArrivee: modele(lus.get('registre_arrivee'), d.registreArrivee),
    registreDepart: modele(lus.get('registre_depart'), d.registreDepart),
    optionCourrierDepart: vrai(lus.get('option_courrier_depart'), d.optionCourrierDepart),
    serviceTache: vrai(lus.get('service_tache'), d.serviceTache),
    optionElu: vrai(lus.get('option_elu'), d.optionElu),
    autoinsertionDiffusion: vrai(lus.get('autoinsertion_diffusion'), d.autoinsertionDiffusion),
    autocreationTache: vrai(lus.get('autocreation_tache'), d.autocreationTache),
    delaiReponse: jours(lus.get('delai_reponse'), d.delaiReponse),
    vueSousService: vrai(lus.get('vue_sous_service'), d.vueSousService),
    filtreRechercheService: vrai(lus.get('filtre_recherche_service'), d.filtreRechercheService),
    notificationCourriel: vrai(lus.get('notification_courriel'), d.notificationCourriel),
    maire: lus.get('maire')?.trim() || d.maire,
    ville: lus.get('ville')?.trim() ?? d.ville,
  };
}
