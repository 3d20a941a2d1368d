/**
 * An election (one round): its type, seats and hours, with its candidatures, its bureaux' results
 * and its participation hours as tabs. Created, it gets one result row per bureau and the hours
 * 12:00 and 17:00; « Créer le second tour » prepares its tour 2.
 */
import { sql } from 'kysely';
import type { Row } from '../../../../framework/src/db/index.ts';
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { electionCree, preparerElection } from '../election/bureaux.ts';
import { secondTour } from '../election/second-tour.ts';
import { ETATS_ELECTION, isMunicipales, TYPES_ELECTION, typeLabel } from './choices.ts';
import { LIENS_ELECTION } from './election-liens.ts';
import { applicationMenu } from './menu.ts';
import { message } from './messages.ts';

const heure = (value: unknown): string => String(value ?? '').slice(0, 5).padStart(5, '0');

const dateFr = (value: string): string => value.split('-').reverse().join('/');

async function premierTourErrors(context: WriteContext, merged: Row): Promise<FieldErrors> {
  const { locale, trx } = context;
  const tour = Number(merged.tour ?? 1);
  const premierTour = merged.premier_tour;
  if (tour !== 2) return premierTour === null || premierTour === undefined ? {} : { premier_tour: message('premierTourInterdit', locale) };
  if (premierTour === null || premierTour === undefined) return { premier_tour: message('premierTourRequis', locale) };
  const found = await sql<{ tour: number; type: string; date_scrutin: string }>`
    select tour, type, date_scrutin from resultats.election where election = ${premierTour}`.execute(trx);
  const first = found.rows[0];
  if (!first) return { premier_tour: message('premierTourIntrouvable', locale) };
  if (Number(first.tour) !== 1) return { premier_tour: message('premierTourPasTour1', locale) };
  if (first.type !== merged.type) return { premier_tour: message('premierTourAutreType', { type: typeLabel(first.type) }, locale) };
  if (typeof merged.date_scrutin === 'string' && merged.date_scrutin <= String(first.date_scrutin)) {
    return { date_scrutin: message('premierTourApres', { date: dateFr(String(first.date_scrutin)) }, locale) };
  }
  return {};
}

async function validateElection(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  const merged: Row = { ...context.previous, ...context.values };
  const errors: FieldErrors = { ...(await premierTourErrors(context, merged)) };
  if (isMunicipales(merged.type) && (merged.sieges === null || merged.sieges === undefined)) errors.sieges = message('siegesRequis', context.locale);
  if (merged.heure_ouverture && merged.heure_fermeture && heure(merged.heure_fermeture) <= heure(merged.heure_ouverture)) {
    errors.heure_fermeture = message('heures', context.locale);
  }
  return errors;
}

export const election: ObjectOverride = {
  defaultSort: ['-date_scrutin', 'tour'],
  searchColumns: ['libelle'],
  validate: validateElection,
  afterWrite: async ({ action, result, trx }) => {
    if (action === 'create' && result) await preparerElection(trx, electionCree(result));
  },
  actions: { second_tour: secondTour },
  links: LIENS_ELECTION,
  screens: {
    menu: applicationMenu(10, 'Élections'),
    choices: { type: TYPES_ELECTION, etat: ETATS_ELECTION },
    subForms: { order: ['candidature', 'election_bureau', 'tranche'], titles: { candidature: 'Candidatures', election_bureau: 'Bureaux', tranche: 'Tranches horaires' } },
    formLayout: [
      { legend: 'Scrutin', fields: ['libelle', 'type', 'date_scrutin', 'tour', 'premier_tour', 'code_commune'], columns: 2 },
      { legend: 'Sièges', fields: ['sieges', 'sieges_communautaires'], columns: 2 },
      { legend: 'Déroulement', fields: ['heure_ouverture', 'heure_fermeture', 'etat', 'commentaire'], columns: 2 },
    ],
    help: {
      premier_tour: 'Pour un second tour seulement : l’élection du premier tour (l’action « Créer le second tour » le remplit).',
      sieges: 'Obligatoire pour les municipales : le nombre de conseillers municipaux à élire.',
    },
  },
};
