/**
 * The « recherche globale », on both databases: accent- and case-blind, by prefix or anywhere
 * (« élargie »), birth names, a typed date of death, concessionnaires and ayants droit, archives of
 * ended concessions, one cemetery only; read as the user (Autreville finds nothing of
 * Libreville); the page (GET form, grouped tables with captions), the dashboard widgets and the
 * « Calcul de la place occupée » treatment (its right, its report).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { dateSaisie, rechercher, type CriteresRecherche } from '../src/recherche/recherche.ts';
import { cimetiereActors, cimetiereRuntime, creerDefunt, creerEmplacement, creerLocalisation, inserer, PASSWORD, SOURCES } from './support.ts';

const HTML = { Accept: 'text/html' };

test('a typed date of death is read as such', () => {
  assert.equal(dateSaisie('21/06/2013'), '2013-06-21');
  assert.equal(dateSaisie('1/6/2013'), '2013-06-01');
  assert.equal(dateSaisie('2013-06-21'), '2013-06-21');
  assert.equal(dateSaisie('31/02/2013'), undefined);
  assert.equal(dateSaisie('Durand'), undefined);
});

describeEachDatabase(
  'cimetiere : recherche globale',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
    let centre: number;
    let tilleuls: number;
    let emplacementDurand: number;
    let archive: number;

    const chercher = (actor: Actor, terme: string, options: Partial<CriteresRecherche> = {}) =>
      readAs(database().db.kysely, actor, (db) => rechercher(db, { terme, elargie: false, cimetiere: undefined, ...options }));
    const trouves = async (actor: Actor, terme: string, options: Partial<CriteresRecherche> = {}) =>
      Object.fromEntries((await chercher(actor, terme, options)).map((groupe) => [groupe.code, groupe.resultats.map((resultat) => resultat.texte)]));
    const page = async (login: string, path: string) => {
      const browser = new TestClient(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 200);
      return browser.request('GET', path, { headers: HTML });
    };

    before(async () => {
      runtime = await cimetiereRuntime(database());
      app = createApp(runtime);
      actors = await cimetiereActors(database());
      const premier = await creerLocalisation(database(), 1, 'Cimetière du Centre');
      const second = await creerLocalisation(database(), 1, 'Cimetière des Tilleuls');
      centre = premier.cimetiere;
      tilleuls = second.cimetiere;
      emplacementDurand = await creerEmplacement(database(), premier.voie, 12, { famille: 'DURAND-LEFÈVRE', etat: 'occupe' });
      await creerDefunt(database(), emplacementDurand, 'Durand', { prenom: 'Émile', date_deces: '2013-06-21' });
      await creerDefunt(database(), emplacementDurand, 'Durand', { prenom: 'Hélène', nom_naissance: 'Bérénger', date_deces: '2019-02-02' });
      await inserer(database(), 'autorisation', { emplacement: emplacementDurand, nature: 'concessionnaire', nom: 'Lefèvre', prenom: 'Sophie', nom_naissance: 'Durand', om_collectivite: 1 });
      await inserer(database(), 'autorisation', { emplacement: emplacementDurand, nature: 'ayant_droit', nom: 'Œuvray', prenom: 'Luc', parente: 'petit-fils', om_collectivite: 1 });
      await inserer(database(), 'concession', {
        emplacement: emplacementDurand, numero_acte: '1998-42', date_acte: '1998-05-04', date_vente: '1998-05-04', duree_type: 'perpetuelle', om_collectivite: 1,
      });
      const autre = await creerEmplacement(database(), second.voie, 3, { famille: 'MARTIN' });
      await creerDefunt(database(), autre, 'Martin-Durand', { prenom: 'Paul' });
      archive = await inserer(database(), 'fin_concession', { emplacement: autre, date_fin: '2024-10-01', donnees: '{}', fait_par: 'chef', om_collectivite: 1 });
      await inserer(database(), 'defunt_archive', { fin_concession: archive, defunt: 999, nature: 'cercueil', nom: 'Ancelin', nom_naissance: 'Duranton', destination: 'Ossuaire', om_collectivite: 1 });
      await inserer(database(), 'autorisation_archive', { fin_concession: archive, autorisation: 998, nature: 'concessionnaire', nom: 'Ancelin', prenom: 'Marc', om_collectivite: 1 });
      // Autreville has a Durand too, never shown to Libreville.
      const ailleurs = await creerLocalisation(database(), 3, 'Cimetière d’Autreville');
      const chezAutre = await creerEmplacement(database(), ailleurs.voie, 1, { famille: 'DURAND' }, 3);
      await creerDefunt(database(), chezAutre, 'Durand', { prenom: 'Jules' }, 3);
    });

    test('by prefix, accent- and case-blind, in every group: défunts, birth names, family, concessionnaires, archives', async () => {
      const resultats = await trouves(actors.lecteur, 'DURAN');
      assert.deepEqual(resultats.defunt, ['Durand Émile', 'Durand Hélène (né(e) Bérénger)']);
      assert.deepEqual(resultats.famille, ['DURAND-LEFÈVRE']);
      assert.deepEqual(resultats.concessionnaire_naissance, ['Lefèvre Sophie (né(e) Durand)']);
      assert.deepEqual(resultats.defunt_archive, ['Ancelin (né(e) Duranton) → Ossuaire']);
      assert.equal(resultats.defunt_naissance, undefined);
      assert.deepEqual(await trouves(actors.lecteur, 'berenger'), { defunt_naissance: ['Durand Hélène (né(e) Bérénger)'] });
      assert.deepEqual((await trouves(actors.lecteur, 'lefevre')).concessionnaire, ['Lefèvre Sophie (né(e) Durand)']);
      assert.deepEqual((await trouves(actors.lecteur, 'oeuvray')).ayant_droit ?? (await trouves(actors.lecteur, 'œuvray')).ayant_droit, ['Œuvray Luc, petit-fils']);
      assert.deepEqual((await trouves(actors.lecteur, 'ancel')).autorisation_archive, ['Ancelin Marc (concessionnaire)']);
    });

    test('« recherche élargie » finds the term inside names; a cemetery restricts; a date finds the deaths of that day; an acte its number', async () => {
      assert.equal((await trouves(actors.lecteur, 'durand')).defunt?.length, 2);
      assert.deepEqual((await trouves(actors.lecteur, 'durand', { elargie: true })).defunt, ['Durand Émile', 'Durand Hélène (né(e) Bérénger)', 'Martin-Durand Paul']);
      assert.deepEqual((await trouves(actors.lecteur, 'durand', { elargie: true, cimetiere: tilleuls })).defunt, ['Martin-Durand Paul']);
      assert.equal((await trouves(actors.lecteur, 'durand', { cimetiere: centre })).defunt_archive, undefined);
      assert.deepEqual(await trouves(actors.lecteur, '21/06/2013'), { date_deces: ['Durand Émile, décédé(e) le 21/06/2013'] });
      assert.deepEqual((await trouves(actors.lecteur, '1998-4')).acte, ['Acte n° 1998-42 (perpetuelle)']);
      // The LIKE wildcards typed are literal.
      assert.deepEqual(await trouves(actors.lecteur, '%%'), {});
    });

    test('results link to the emplacement, or to the fin de concession of an archive; Autreville finds only its own', async () => {
      const groupes = await chercher(actors.lecteur, 'durand');
      const defunt = groupes.find((groupe) => groupe.code === 'defunt')?.resultats[0];
      assert.equal(defunt?.href, `/cimetiere/emplacement/${emplacementDurand}`);
      assert.equal(defunt?.emplacement, 'Allée 1 n° 12 — DURAND-LEFÈVRE');
      assert.equal(defunt?.cimetiere, 'Cimetière du Centre');
      const archiveTrouvee = (await chercher(actors.lecteur, 'duranton')).find((groupe) => groupe.code === 'defunt_archive')?.resultats[0];
      assert.equal(archiveTrouvee?.href, `/cimetiere/fin_concession/${archive}`);
      const autre = await trouves(actors.autre, 'durand', { elargie: true });
      assert.deepEqual(autre, { famille: ['DURAND'], defunt: ['Durand Jules'] });
    });

    test('the page: a GET form with its labels, the results in tables with captions; the menu and the dashboard', async () => {
      const reponse = await page('lecteur', '/cimetiere/recherche?q=Duran&cimetiere=' + centre);
      assert.equal(reponse.status, 200);
      assert.match(reponse.text, /<label for="recherche-q">Terme recherché<\/label>/);
      assert.match(reponse.text, /<caption>Nom du défunt<\/caption>/);
      assert.match(reponse.text, new RegExp(`href="/cimetiere/emplacement/${emplacementDurand}"`));
      assert.match(reponse.text, /4 résultats pour « Duran »/);
      assert.doesNotMatch(reponse.text, /Martin-Durand/);
      assert.match(reponse.text, /href="\/cimetiere\/emplacement\?filter%5Bnature%5D=colombarium"/, 'a menu entry per nature');
      const accueil = await page('agent', '/');
      assert.match(accueil.text, /action="\/cimetiere\/recherche"/);
      assert.match(accueil.text, /Emplacements par nature et par cimetière \(2 au total\)/);
    });

    test('« Calcul de la place occupée »: SUPER UTILISATEUR only, with its report', async () => {
      await database().ownerQuery(`update cimetiere.emplacement set place_occupee = 0, etat = 'libre' where emplacement = ${emplacementDurand}`);
      const agent = new TestClient(app);
      await agent.login('agent', PASSWORD);
      assert.equal((await agent.request('POST', '/cimetiere/calcul-place', { form: {}, headers: HTML })).status, 403);
      const chef = new TestClient(app);
      await chef.login('chef', PASSWORD);
      const formulaire = await chef.request('GET', '/cimetiere/calcul-place', { headers: HTML });
      assert.equal(formulaire.status, 200);
      const lance = await chef.request('POST', '/cimetiere/calcul-place', { form: {}, headers: HTML });
      assert.equal(lance.status, 303);
      const bilan = await chef.request('GET', '/cimetiere/calcul-place', { headers: HTML });
      assert.match(bilan.text, /2 emplacements relus, 2 corrigés\./);
      const [row] = await database().ownerQuery<{ place_occupee: string; etat: string }>(`select place_occupee::text, etat from cimetiere.emplacement where emplacement = ${emplacementDurand}`);
      assert.deepEqual(row, { place_occupee: '2.00', etat: 'occupe' });
    });
  },
  { sources: SOURCES },
);
