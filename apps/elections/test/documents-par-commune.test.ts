/**
 * Migration 0008: the commune's liste électorale and the préfecture's statistics (états on
 * `liste`) print for the user's working collectivité. A niveau-2 agent (a syndicat's), who sees
 * every commune, gets the commune they chose, each on its own; a niveau-1 agent is unchanged.
 * Read back from the PDF's text.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, electionsRuntime, PASSWORD, SOURCES } from './support.ts';
import { DOCUMENTS_DATA_SQL } from './documents-data.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const LIBREVILLE = /ZOLA|DUPONT|MARTIN|BERNARD/;

describeEachDatabase(
  'élections : la liste de la commune et ses statistiques, pour la collectivité de travail',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const choose = async (browser: Browser, collectivite: number) => {
      const token = await browser.formToken('/');
      assert.equal((await browser.postForm('/collectivite', { _csrf: token, collectivite: String(collectivite) })).status, 303);
    };
    const pdfText = async (browser: Browser, path: string): Promise<string> => {
      const response = await browser.get(path, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.equal(response.status, 200, new TextDecoder().decode(bytes).slice(0, 400));
      assert.match(response.headers.get('content-type') ?? '', /^application\/pdf/);
      return flat((await pdfPages(bytes.slice())).join('\n'));
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await electionsRuntime(database());
      await database().asOwner(DOCUMENTS_DATA_SQL);
      app = createApp(runtime);
      await actorsFor(database(), [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'syndic', profil: 'UTILISATEUR', collectivite: 2 },
      ]);
    });

    test('the migration bound the états on liste to &collectivite, and only those', async () => {
      const sousEtats = await database().ownerQuery<{ id: string }>(`select distinct id from om.om_sousetat where om_sql like '%&collectivite%' order by id`);
      assert.deepEqual(sousEtats.map((row) => row.id), [
        'elections_liste_commune', 'elections_stat_age', 'elections_stat_bureau', 'elections_stat_naissance', 'elections_stat_nationalite', 'elections_stat_sexe', 'elections_stat_voie',
      ]);
      const [source] = await database().ownerQuery<{ requete: string; merge_fields: string }>(`select requete, merge_fields from om.om_requete where code = 'elections_liste'`);
      assert.match(source?.requete ?? '', /e\.om_collectivite = &collectivite\) as electeurs/);
      assert.match(source?.merge_fields ?? '', /collectivite: Commune/);
    });

    test('a niveau-2 agent prints the liste électorale of the commune they chose, each commune on its own', async () => {
      const syndic = await signIn('syndic');
      await choose(syndic, 3);
      const autreville = await pdfText(syndic, '/elections/liste/LP/pdf/etat/liste_electorale');
      assert.match(autreville, /Liste électorale de Autreville/);
      assert.match(autreville, /Électeurs inscrits : 1/);
      assert.match(autreville, /AUTRE Albert/);
      assert.doesNotMatch(autreville, LIBREVILLE);

      await choose(syndic, 1);
      const libreville = await pdfText(syndic, '/elections/liste/LP/pdf/etat/liste_electorale');
      assert.match(libreville, /Liste électorale de Libreville/);
      assert.match(libreville, /Électeurs inscrits : 4/);
      assert.match(libreville, /BERNARD Luc .* B02/);
      assert.doesNotMatch(libreville, /AUTRE/);
      assert.doesNotMatch(libreville, /\[[a-z_]+\]|&collectivite/);
    });

    test('a niveau-2 agent prints the préfecture statistics of the chosen commune only', async () => {
      const syndic = await signIn('syndic');
      await choose(syndic, 3);
      const autreville = await pdfText(syndic, '/elections/liste/LP/pdf/etat/statistiques');
      assert.match(autreville, /Statistiques de la liste électorale/);
      assert.match(autreville, /Autreville/);
      assert.match(autreville, /Électeurs par bureau de vote Bureau Hommes Femmes Total A01 Salle Autreville 1 0 1 Total 1 0 1/);
      assert.match(autreville, /Électeurs par voie Voie Hommes Femmes Total .*RUE AUTRE 1 0 1/);
      assert.doesNotMatch(autreville, /RUE DES LILAS|B01|B02/);
    });

    test('a niveau-1 agent: their commune, as before', async () => {
      const agent = await signIn('agent');
      const liste = await pdfText(agent, '/elections/liste/LP/pdf/etat/liste_electorale');
      assert.match(liste, /Liste électorale de Libreville/);
      assert.match(liste, /Électeurs inscrits : 4/);
      assert.doesNotMatch(liste, /AUTRE/);
      const stats = await pdfText(agent, '/elections/liste/LP/pdf/etat/statistiques');
      assert.match(stats, /B01 École Jules Ferry 2 1 3 B02 Mairie 1 0 1 Total 3 1 4/);
      assert.doesNotMatch(stats, /AUTRE/);
    });
  },
  { sources: SOURCES },
);
