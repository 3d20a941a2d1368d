/**
 * « Courrier » in the daily e-mail of pending work, on both databases: the agent's open tasks —
 * his, or his service's while nobody has them — due within 7 days or late, the most urgent first,
 * linked to the task; not the tasks soldées, due later, of another service or another agent, nor
 * a confidential mail he may not see; nothing without an agent record or the right to work on tasks.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { tachesEnAttente } from '../src/notifications.ts';
import { courrierFixture, inserer, organisation, SOURCES, type Organisation } from './support.ts';

const TODAY = '2026-03-10';

describeEachDatabase(
  'courrier : travail en attente du récapitulatif quotidien',
  (database) => {
    let org: Organisation;
    const ids: Record<string, number> = {};
    const enAttente = (actor: Actor) => readAs(database().db.kysely, actor, (db) => tachesEnAttente({ db, actor, today: TODAY }));

    before(async () => {
      org = await organisation(database());
      const courrier = await courrierFixture(database(), org, { numero: '2026-42', objet: 'Demande de permis de construire, pièces manquantes' });
      const confidentiel = await courrierFixture(database(), org, { numero: '2026-43', objet: 'Dossier confidentiel', service: org.services.ETAT, confidentiel: true });
      const tache = (nom: string, extra: Record<string, string | number | boolean | null>) =>
        inserer(database(), 'tache', {
          courrier, libelle: nom, tache_categorie: org.tacheCategories.REP, tache_etat: org.tacheEtats.NT, service: org.services.URBA,
          date_creation: '2026-03-01', om_collectivite: 1, ...extra,
        }).then((id) => void (ids[nom] = id));
      await tache('Répondre au pétitionnaire', { agent: org.agents.urba, date_butoir: '2026-03-13' });
      await tache('Relancer l’architecte', { agent: null, date_butoir: '2026-03-05' });
      await tache('Visite sur place', { agent: org.agents.urba, date_butoir: '2026-03-17' });
      await tache('Dans un mois', { agent: org.agents.urba, date_butoir: '2026-04-10' });
      await tache('Sans date butoir', { agent: org.agents.urba, date_butoir: null });
      await tache('Déjà soldée', { agent: org.agents.urba, date_butoir: '2026-03-11', solde: true, date_execution: '2026-03-09' });
      await tache('Confiée à la voirie', { service: org.services.VOIRIE, agent: org.agents.voirie, date_butoir: '2026-03-11' });
      await tache('Confiée à un collègue', { agent: org.agents.chef, date_butoir: '2026-03-11' });
      await tache('Acte confidentiel', { courrier: confidentiel, service: org.services.ETAT, agent: org.agents.etat, date_butoir: '2026-03-11' });
    });

    test('the agent’s and his service’s tasks due within 7 days or late, the most urgent first, linked', async () => {
      const sections = await enAttente(org.actors.urba);
      assert.equal(sections.length, 1);
      const [section] = sections;
      assert.equal(section?.title, 'Tâches du courrier à traiter');
      assert.equal(section?.total, 3);
      assert.equal(section?.listPath, '/courrier/mon-courrier');
      assert.deepEqual(section?.items, [
        { label: 'Relancer l’architecte — courrier 2026-42 : Demande de permis de construire, pièces manquantes', path: `/courrier/tache/${ids['Relancer l’architecte']}`, due: '2026-03-05', late: true },
        { label: 'Répondre au pétitionnaire — courrier 2026-42 : Demande de permis de construire, pièces manquantes', path: `/courrier/tache/${ids['Répondre au pétitionnaire']}`, due: '2026-03-13', late: false },
        { label: 'Visite sur place — courrier 2026-42 : Demande de permis de construire, pièces manquantes', path: `/courrier/tache/${ids['Visite sur place']}`, due: '2026-03-17', late: false },
      ]);
    });

    test('another service’s agent sees his own only; nothing without an agent record, the right, or in another town', async () => {
      const voirie = await enAttente(org.actors.voirie);
      assert.deepEqual(voirie[0]?.items.map((item) => item.path), [`/courrier/tache/${ids['Confiée à la voirie']}`]);
      assert.deepEqual(await enAttente(org.actors.lecteur), [], 'CONSULTATION without agent record');
      assert.deepEqual(await enAttente(org.actors.autre), [], 'Autreville');
      // The right to work on tasks is needed, whatever the agent record says.
      const sansDroit: Actor = { ...org.actors.urba, permissions: new Set(['courrier.tache_tab', 'courrier.tache_consulter']) };
      assert.deepEqual(await enAttente(sansDroit), []);
    });
  },
  { sources: SOURCES },
);
