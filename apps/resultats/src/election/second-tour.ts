/**
 * « Créer le second tour »: the tour-2 election of a tour-1 one, a week later, with the same
 * bureaux, inscrits and hours. Its candidatures are not copied: lists may merge between the rounds.
 */
import { sql } from 'kysely';
import type { Db, Row } from '../../../../framework/src/db/index.ts';
import { Veto, type CustomAction } from '../../../../framework/src/model/override.ts';
import { reprendrePremierTour } from './bureaux.ts';
import { bureaux, message } from './messages.ts';

const LIBELLE_MAX = 150;

/** The date a week after `date` (AAAA-MM-JJ). */
export function uneSemaineApres(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

/** Creates the second round of `premierTour` (a row of resultats.election, tour 1); returns its key. */
export async function creerSecondTour(trx: Db, premierTour: Row, libelle: string, date = uneSemaineApres(String(premierTour.date_scrutin))): Promise<number> {
  const inserted = await sql<{ election: number }>`
    insert into resultats.election (libelle, type, date_scrutin, tour, premier_tour, code_commune, sieges, sieges_communautaires,
                                    heure_ouverture, heure_fermeture, etat, om_collectivite)
    select ${libelle.slice(0, LIBELLE_MAX)}, type, ${date}::date, 2, election, code_commune, sieges, sieges_communautaires,
           heure_ouverture, heure_fermeture, 'preparation', om_collectivite
      from resultats.election where election = ${premierTour.election}
    returning election`.execute(trx);
  const election = Number(inserted.rows[0]?.election);
  await reprendrePremierTour(trx, { election, om_collectivite: Number(premierTour.om_collectivite), premier_tour: Number(premierTour.election) }, Number(premierTour.election));
  return election;
}

export const secondTour: CustomAction = {
  label: message('creerSecondTour', 'fr'),
  permissionSuffix: 'modifier',
  order: 10,
  condition: (record) => Number(record.tour) === 1,
  unavailableMessage: (_record, locale) => message('secondTourSeulementTour1', locale),
  run: async ({ trx, record, locale }) => {
    const existing = await sql<{ libelle: string }>`select libelle from resultats.election where premier_tour = ${record.election}`.execute(trx);
    if (existing.rows[0]) throw new Veto(message('secondTourExiste', { libelle: existing.rows[0].libelle }, locale));
    const election = await creerSecondTour(trx, record, message('libelleSecondTour', { libelle: String(record.libelle) }, locale));
    const count = await sql<{ n: number }>`select count(*)::int as n from resultats.election_bureau where election = ${election}`.execute(trx);
    return {
      message: message('secondTourCree', { bureaux: bureaux(Number(count.rows[0]?.n ?? 0)) }, locale),
      redirect: `/resultats/election/${election}`,
    };
  },
};
