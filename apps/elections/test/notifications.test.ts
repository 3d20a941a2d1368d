/**
 * « Élections » in the daily e-mail of pending work, on both databases: the movements « à
 * instruire », then those « en attente », the oldest request first, each linked to its movement
 * (the elector's name for a radiation), the list filtered by state; not the decided ones, nor
 * another town's; nothing for an agent who may not decide (`elections.mouvement_accepter`).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { mouvementsEnAttente } from '../src/notifications.ts';
import { actorsFor, AUTREVILLE_SQL, SOURCES } from './support.ts';

const MOUVEMENTS_SQL = `
insert into elections.voie (code, libelle, code_postal, ville, om_collectivite) values ('V001', 'Rue de la République', '00100', 'Libreville', 1);
insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, libelle_lieu_naissance, nationalite, voie, numero, om_collectivite)
  select 'LP', 'M.', 'M', 'ZOLA', 'Émile', '1940-04-02', 'etranger', '99134', 'Madrid', 'FRA', voie, 10, 1 from elections.voie where code = 'V001';
insert into elections.mouvement (type_mouvement, liste, etat, provenance, date_demande, nom, prenoms, electeur, om_collectivite) values
  ('PI', 'LP', 'a_instruire', 'mairie', '2026-03-04', 'MARTIN', 'Léa', null, 1),
  ('DN', 'LP', 'a_instruire', 'insee', '2026-03-02', null, null, (select electeur from elections.electeur where nom = 'ZOLA'), 1),
  ('VOL1', 'LCE', 'en_attente', 'en_ligne', '2026-02-20', 'DUPONT', 'Jean', null, 1),
  ('VOL1', 'LP', 'accepte', 'mairie', '2026-02-01', 'ACCEPTE', 'Déjà', null, 1),
  ('IO', 'LP', 'a_instruire', 'insee', '2026-01-01', 'AUTRE', 'Ville', null, 3);
`;

describeEachDatabase(
  'élections : travail en attente du récapitulatif quotidien',
  (database) => {
    let actors: Record<string, Actor>;
    const enAttente = (actor: Actor) => readAs(database().db.kysely, actor, (db) => mouvementsEnAttente({ db, actor, today: '2026-03-10' }));
    const id = async (nom: string) => Number((await database().ownerQuery<{ mouvement: number }>(`select m.mouvement from elections.mouvement m
      left join elections.electeur e on e.electeur = m.electeur where coalesce(m.nom, e.nom) = '${nom}'`))[0]?.mouvement);

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await database().asOwner(MOUVEMENTS_SQL);
      actors = await actorsFor(database(), [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
      ]);
    });

    test('movements to instruct, then waiting, oldest first, linked; the decided and another town’s left out', async () => {
      const sections = await enAttente(actors.agent as Actor);
      assert.deepEqual(sections, [
        {
          title: 'Mouvements à instruire',
          items: [
            { label: 'Décès (INSEE) — ZOLA Émile (liste LP), demande du 02/03/2026', path: `/elections/mouvement/${await id('ZOLA')}` },
            { label: 'Première inscription — MARTIN Léa (liste LP), demande du 04/03/2026', path: `/elections/mouvement/${await id('MARTIN')}` },
          ],
          total: 2,
          listPath: '/elections/mouvement?filter%5Betat%5D=a_instruire',
        },
        {
          title: 'Mouvements en attente',
          items: [{ label: 'Inscription volontaire — DUPONT Jean (liste LCE), demande du 20/02/2026', path: `/elections/mouvement/${await id('DUPONT')}` }],
          total: 1,
          listPath: '/elections/mouvement?filter%5Betat%5D=en_attente',
        },
      ]);
    });

    test('nothing for an agent who may not decide a movement', async () => {
      assert.deepEqual(await enAttente(actors.lecteur as Actor), []);
    });
  },
  { sources: SOURCES },
);
