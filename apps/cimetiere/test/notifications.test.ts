/**
 * « Cimetière » in the daily e-mail of pending work, on both databases: the active concessions
 * whose term falls within 3 months or has passed without a renewal (« en retard »), the oldest term
 * first, linked to the act; not the renewed, the perpetual or the far ones, nor another town's;
 * nothing for an agent who may not renew (`cimetiere.concession_renouveler`).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { concessionsArrivantATerme } from '../src/notifications.ts';
import { cimetiereActors, creerEmplacement, creerLocalisation, inserer, SOURCES } from './support.ts';

const TODAY = '2026-03-10';

describeEachDatabase(
  'cimetière : travail en attente du récapitulatif quotidien',
  (database) => {
    let actors: Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
    const ids: Record<string, number> = {};
    const enAttente = (actor: Actor) => readAs(database().db.kysely, actor, (db) => concessionsArrivantATerme({ db, actor, today: TODAY }));

    before(async () => {
      actors = await cimetiereActors(database());
      const centre = await creerLocalisation(database());
      const ailleurs = await creerLocalisation(database(), 3, 'Cimetière d’Autreville');
      let numero = 0;
      const concession = async (acte: string, terme: string | null, extra: Record<string, string | number | null> = {}, voie = centre.voie, collectivite = 1) => {
        const place = await creerEmplacement(database(), voie, ++numero, { famille: `Famille ${acte}` }, collectivite);
        const duree = terme === null ? { duree_type: 'perpetuelle', duree: null } : { duree_type: 'trentenaire', duree: 30 };
        ids[acte] = await inserer(database(), 'concession', {
          emplacement: place, numero_acte: acte, date_acte: '1996-01-01', date_vente: '1996-01-01', ...duree, date_terme: terme, om_collectivite: collectivite, ...extra,
        });
      };
      await concession('1996-1', '2026-05-20');
      await concession('1996-2', '2026-02-01');
      await concession('1996-3', '2026-06-10');
      await concession('1996-4', '2026-06-11');
      await concession('1996-5', '2026-01-15', { etat: 'renouvelee' });
      await concession('1996-6', null);
      await concession('1996-7', '2026-04-01', {}, ailleurs.voie, 3);
    });

    test('active concessions reaching their term within 3 months or past it, the oldest first, linked', async () => {
      const sections = await enAttente(actors.chef);
      assert.deepEqual(sections, [{
        title: 'Concessions arrivant à terme',
        items: [
          { label: 'Concession 1996-2 — famille Famille 1996-2 (Cimetière du Centre)', path: `/cimetiere/concession/${ids['1996-2']}`, due: '2026-02-01', late: true },
          { label: 'Concession 1996-1 — famille Famille 1996-1 (Cimetière du Centre)', path: `/cimetiere/concession/${ids['1996-1']}`, due: '2026-05-20', late: false },
          { label: 'Concession 1996-3 — famille Famille 1996-3 (Cimetière du Centre)', path: `/cimetiere/concession/${ids['1996-3']}`, due: '2026-06-10', late: false },
        ],
        total: 3,
        listPath: '/cimetiere/concessions-a-terme',
      }]);
      const autreville = await enAttente(actors.autre);
      assert.deepEqual(autreville[0]?.items.map((item) => item.due), ['2026-04-01']);
    });

    test('nothing for the agents who may not renew a concession', async () => {
      assert.deepEqual(await enAttente(actors.agent), []);
      assert.deepEqual(await enAttente(actors.lecteur), []);
    });
  },
  { sources: SOURCES },
);
