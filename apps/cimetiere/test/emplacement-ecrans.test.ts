/**
 * The screens of part A's objects, on both databases: every form opens (its fieldsets as the
 * reference lays them out), the choices read in French, the listing per nature filters, the
 * read-only fields are not inputs, and a défunt's refusal comes back on the form in French.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { cimetiereActors, cimetiereRuntime, creerDefunt, creerEmplacement, creerLocalisation, PASSWORD, SOURCES } from './support.ts';

const HTML = { Accept: 'text/html' };
const TABLES = ['cimetiere', 'zone', 'voie', 'plan', 'emplacement', 'defunt', 'autorisation', 'travaux', 'dossier', 'titre', 'entreprise', 'sepulture_type', 'travaux_nature', 'zone_type', 'voie_type'];

describeEachDatabase(
  'cimetiere : écrans des emplacements, des défunts et de la localisation',
  (database) => {
    let app: Hono<AppEnv>;
    let chef: TestClient;
    let emplacement: number;

    before(async () => {
      const runtime = await cimetiereRuntime(database());
      app = createApp(runtime);
      await cimetiereActors(database());
      const { voie } = await creerLocalisation(database());
      emplacement = await creerEmplacement(database(), voie, 12, { famille: 'DURAND', nombre_places: 1 });
      await creerEmplacement(database(), voie, 13, { nature: 'colombarium' });
      await creerDefunt(database(), emplacement, 'DURAND');
      await database().ownerQuery(`update cimetiere.emplacement set place_occupee = 1, etat = 'occupe' where emplacement = ${emplacement}`);
      chef = new TestClient(app);
      assert.equal((await chef.login('chef', PASSWORD)).status, 200);
    });

    test('every form of part A opens', async () => {
      for (const table of TABLES) {
        const reponse = await chef.request('GET', `/cimetiere/${table}/new`, { headers: HTML });
        assert.equal(reponse.status, 200, `${table} : ${reponse.text.slice(0, 200)}`);
      }
    });

    test('the emplacement’s form: its fieldsets, French choices, computed fields not typed', async () => {
      const formulaire = (await chef.request('GET', `/cimetiere/emplacement/${emplacement}/edit`, { headers: HTML })).text;
      for (const legende of ['Adresse', 'Localisation', 'Bâti', 'Gestion de la place', 'Abandon', 'Observations']) assert.match(formulaire, new RegExp(`<legend>${legende}</legend>|<summary>${legende}</summary>`), legende);
      assert.match(formulaire, />Terrain communal</);
      assert.match(formulaire, />Dépositoire</);
      assert.doesNotMatch(formulaire, /name="place_occupee"/);
      assert.doesNotMatch(formulaire, /name="etat"/);
      const defunt = (await chef.request('GET', `/cimetiere/defunt/new`, { headers: HTML })).text;
      assert.match(defunt, />Réduction \(boîte à ossements\)</);
      assert.doesNotMatch(defunt, /name="taille"/);
      assert.doesNotMatch(defunt, /name="verrou"/);
      // Choices name a place the way agents do.
      assert.match(defunt, />Allée 1 n° 12 — DURAND</);
      assert.match(formulaire, />Allée 1 \(Carré A\)</);
    });

    test('the listing of one nature; the emplacement named by its voie, number and family', async () => {
      const colombariums = await chef.request('GET', '/cimetiere/emplacement?filter%5Bnature%5D=colombarium', { headers: HTML });
      assert.equal(colombariums.status, 200);
      assert.match(colombariums.text, /Colombarium/);
      assert.doesNotMatch(colombariums.text, /DURAND/);
      const defunts = await chef.request('GET', '/cimetiere/defunt', { headers: HTML });
      assert.match(defunts.text, /DURAND/);
    });

    test('a refusal through the API: the French message on its field, nothing written', async () => {
      const reponse = await chef.request('POST', '/api/v1/cimetiere/defunt', { json: { emplacement, nom: 'MARTIN', nature: 'cercueil' } });
      assert.ok([400, 409, 422].includes(reponse.status), String(reponse.status));
      assert.match(JSON.stringify(reponse.body), /L’emplacement n’a plus de place : 1 place occupée sur 1\./);
      assert.equal((await database().ownerQuery(`select 1 from cimetiere.defunt where nom = 'MARTIN'`)).length, 0);
    });
  },
  { sources: SOURCES },
);
