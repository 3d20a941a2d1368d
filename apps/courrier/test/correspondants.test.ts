/**
 * Correspondents, on both databases: the same name, first name, address and postal code (accents
 * and case ignored) is refused on create and on update with the existing one named; another town's
 * homonym does not count; only frequent ones are offered when registering; the correspondent's page
 * links to its history, which lists its mails of both registers and its archives with their tasks,
 * never a confidential mail of another service.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { courrierFixture, courrierRuntime, inserer, organisation, PASSWORD, refusal, service, SOURCES, type Organisation } from './support.ts';

const DOUBLON = 'Ce correspondant existe déjà : DURAND Jean, 3 rue des Lilas, 97100 Libreville. Choisissez-le dans la liste.';

describeEachDatabase(
  'courrier : correspondants',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const correspondants = () => service(runtime, org.actors.agent, 'correspondant');
    const page = async (login: string, path: string) => {
      const navigateur = new TestClient(app);
      assert.equal((await navigateur.login(login, PASSWORD)).status, 200);
      return navigateur.request('GET', path, { headers: { Accept: 'text/html' } });
    };

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
      app = createApp(runtime);
    });

    test('the same correspondent, accents and case aside, is refused on create and on update, with the existing one named', async () => {
      const creation = await refusal(() => correspondants().create({ nom: 'Durand', prenom: 'jean', adresse1: '3 RUE DES LILAS', cp: '97100', ville: 'LIBREVILLE' }));
      assert.equal(creation.code, 'validation');
      assert.deepEqual(creation.fields, { nom: DOUBLON });
      assert.equal((await refusal(() => correspondants().create({ nom: 'DÙRAND', prenom: 'Jéan', adresse1: '3 rue des lilas', cp: '97100' }))).fields['nom'], DOUBLON);
      // Another address is another correspondent; changing it into DURAND's is refused.
      const autre = await correspondants().create({ nom: 'Durand', prenom: 'Jean', adresse1: '8 rue des Lilas', cp: '97100', ville: 'Libreville' });
      const modification = await refusal(() => correspondants().update(autre['correspondant'], { adresse1: '3 Rue des Lilas' }));
      assert.deepEqual(modification.fields, { nom: DOUBLON });
      // Its own other fields change freely.
      assert.equal((await correspondants().update(autre['correspondant'], { telephone: '0601020304' }))['telephone'], '0601020304');
      // A homonym in Autreville does not count for Libreville, nor the reverse.
      await inserer(database(), 'correspondant', { nom: 'MARTIN', prenom: 'Luc', adresse1: '1 place du Marché', cp: '97200', om_collectivite: 3 });
      const martin = await correspondants().create({ nom: 'Martin', prenom: 'Luc', adresse1: '1 place du marché', cp: '97200' });
      assert.equal(martin['om_collectivite'], 1);
    });

    test('only frequent correspondents are offered when registering: in the form and in the autocomplete', async () => {
      const rare = await correspondants().create({ nom: 'ZOGHO', prenom: 'Anne', frequent: false });
      await inserer(database(), 'correspondant', { nom: 'ZOGHO', prenom: 'Paul', adresse1: '2 rue Haute', cp: '97200', om_collectivite: 3 });
      const formulaire = await page('agent', '/courrier/courrier/new?registre=arrivee');
      assert.equal(formulaire.status, 200);
      const html = formulaire.text;
      assert.match(html, new RegExp(`<option value="${org.correspondant}">DURAND Jean, 3 rue des Lilas, 97100 Libreville</option>`));
      assert.doesNotMatch(html, /ZOGHO/);
      const suggestions = JSON.parse((await page('agent', '/choix/courrier/courrier/correspondant?q=zogho')).text) as { options: unknown[] };
      assert.deepEqual(suggestions.options, []);
      const durand = JSON.parse((await page('agent', '/choix/courrier/courrier/correspondant?q=durand')).text) as { options: { value: string; label: string }[] };
      assert.deepEqual(durand.options.map((option) => option.label).sort(), ['DURAND Jean, 3 rue des Lilas, 97100 Libreville', 'Durand Jean, 8 rue des Lilas, 97100 Libreville']);
      // A mail already holding a correspondent that is not frequent keeps it, with its label.
      const courrierRare = await courrierFixture(database(), org, { correspondant: Number(rare['correspondant']) });
      const edition = (await page('agent', `/courrier/courrier/${courrierRare}/edit`)).text;
      assert.match(edition, new RegExp(`<option value="${String(rare['correspondant'])}" selected="">ZOGHO Anne</option>`));
    });

    test('the history: both registers and the archives, with their tasks, by date; never a confidential mail of another service', async () => {
      const arrive = await courrierFixture(database(), org, { numero: '2026-7', objet: 'Trottoir abîmé', date_arrivee: '2026-02-10', date_courrier: '2026-02-08' });
      await inserer(database(), 'tache', {
        courrier: arrive, libelle: 'Répondre', tache_categorie: org.tacheCategories.REP, tache_etat: org.tacheEtats.NT, service: org.services.URBA,
        date_creation: '2026-02-10', date_butoir: '2026-02-18', om_collectivite: 1,
      });
      await courrierFixture(database(), org, {
        registre: 'depart', etat: 'parti', numero: '2026-D-2', objet: 'Réponse : trottoir', date_arrivee: null, date_courrier: null, date_depart: '2026-02-20', reponse_a: arrive,
      });
      await courrierFixture(database(), org, { numero: '2026-9', objet: 'Affaire confidentielle', service: org.services.ETAT, confidentiel: true, date_arrivee: '2026-02-15' });
      await inserer(database(), 'courrier_archive', {
        courrier: 9999, registre: 'arrivee', numero: '2019-12', date_arrivee: '2019-05-04', correspondant: org.correspondant, correspondant_libelle: 'DURAND Jean',
        objet: 'Ancienne demande', service_libelle: 'Urbanisme', service: org.services.URBA, donnees: '{"taches": [{"solde": true}]}', archive_par: 'chef', om_collectivite: 1,
      });
      const fiche = await page('urba', `/courrier/correspondant/${org.correspondant}`);
      assert.equal(fiche.status, 200);
      assert.match(fiche.text, new RegExp(`href="/courrier/historique-correspondant/${org.correspondant}"[^>]*>Historique du correspondant`));
      const historique = await page('urba', `/courrier/historique-correspondant/${org.correspondant}`);
      assert.equal(historique.status, 200);
      const lignes = [...historique.text.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><th scope="row"><a href="([^"]*)">([^<]*)<\/a><\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
        (ligne) => ligne.slice(1).join(' | '),
      );
      assert.deepEqual(lignes, [
        `20/02/2026 | Départ | /courrier/courrier/${lignes[0]?.split(' | ')[2]?.split('/').pop()} | 2026-D-2 | Réponse : trottoir | Urbanisme | aucune`,
        `10/02/2026 | Arrivée | /courrier/courrier/${arrive} | 2026-7 | Trottoir abîmé | Urbanisme | 0 soldée sur 1, 1 en retard`,
        `04/05/2019 | Arrivée (archivé) | ${lignes[2]?.split(' | ')[2]} | 2019-12 | Ancienne demande | Urbanisme | 1 soldée sur 1`,
      ]);
      assert.match(lignes[2] ?? '', /\/courrier\/courrier_archive\/\d+/);
      assert.doesNotMatch(historique.text, /Affaire confidentielle/);
      // ÉTAT CIVIL sees its confidential mail in the history.
      assert.match((await page('etat', `/courrier/historique-correspondant/${org.correspondant}`)).text, /Affaire confidentielle/);
      assert.equal((await page('urba', '/courrier/historique-correspondant/999999')).status, 404);
    });
  },
  { sources: SOURCES },
);
