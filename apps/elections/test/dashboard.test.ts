/**
 * The dashboard of « Élections » (issue 11 §7, §9): « Tâches en cours », each counter equal to the
 * number of movements its link lists (the listing's URL filters); electors per list and per bureau;
 * electors per commune for a niveau-2 user (each commune it manages), a niveau-1 user its own only;
 * the working list, kept for the browser, that the electeur and mouvement listings start filtered on.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/tenant-context.ts';
import type { ChartContent, ListContent, ServerWidget } from '../../../framework/src/model/extensions.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { parBureauWidget, parCommuneWidget, parListeWidget } from '../src/tableau-de-bord/electeurs.ts';
import { TACHES, tachesWidget } from '../src/tableau-de-bord/taches.ts';
import { DOCUMENTS_DATA_SQL } from './documents-data.ts';
import { actorsFor, AUTREVILLE_SQL, electionsRuntime, PASSWORD, SOURCES } from './support.ts';

/** Movements waiting in every counter, and one of Autreville's that no Libreville counter sees. */
const TACHES_SQL = `
insert into elections.mouvement (type_mouvement, liste, etat, provenance, nom, prenoms, om_collectivite) values
  ('IO', 'LP', 'a_instruire', 'insee', 'OFFICE', 'Un', 1),
  ('IO', 'LP', 'a_instruire', 'insee', 'OFFICE', 'Deux', 1),
  ('DN', 'LP', 'a_instruire', 'insee', 'DECEDE', 'Un', 1),
  ('CB', 'LP', 'a_instruire', 'mairie', 'DEMENAGE', 'Un', 1),
  ('VOL1', 'LCE', 'en_attente', 'en_ligne', 'ATTENTE', 'Une', 1),
  ('VOL1', 'LP', 'accepte', 'mairie', 'VISER', 'Un', 1),
  ('IO', 'LP', 'a_instruire', 'insee', 'AUTRE', 'Office', 3);
update elections.mouvement set date_transmission = null where nom = 'VISER';
`;

async function render(runtime: TestRuntime, actor: Actor, widget: ServerWidget) {
  return widget.render({ actor, locale: 'fr', read: (work) => readAs(runtime.db.kysely, actor, work) });
}

describeEachDatabase(
  'élections : tableau de bord',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<string, Actor>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await electionsRuntime(database());
      await database().asOwner(DOCUMENTS_DATA_SQL);
      await database().asOwner(TACHES_SQL);
      app = createApp(runtime);
      actors = await actorsFor(database(), [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'agent3', profil: 'UTILISATEUR', collectivite: 3 },
        { login: 'syndicat', profil: 'UTILISATEUR', collectivite: 2 },
      ]);
    });

    test('the categorie of a movement is kept by the database from its type', async () => {
      const rows = await database().ownerQuery<{ type_mouvement: string; categorie: string }>(
        `select distinct type_mouvement, categorie from elections.mouvement where type_mouvement in ('IO', 'DN', 'CB') order by 1`,
      );
      assert.deepEqual(rows.map((row) => [row.type_mouvement, row.categorie]), [['CB', 'modification'], ['DN', 'radiation'], ['IO', 'inscription']]);
      await database().asOwner(`update elections.mouvement set categorie = 'radiation' where nom = 'DEMENAGE'`);
      const [kept] = await database().ownerQuery<{ categorie: string }>(`select categorie from elections.mouvement where nom = 'DEMENAGE'`);
      assert.equal(kept?.categorie, 'modification', 'not writable by hand');
    });

    test('« Tâches en cours »: each counter is the number of movements its link lists', async () => {
      const content = (await render(runtime, actors.agent as Actor, tachesWidget)) as ListContent;
      assert.equal(content.kind, 'list');
      const expected = { ioAValider: 2, aInstruire: 5, enAttente: 1, aViser: 3, radiationsOffice: 1, modifications: 1 };
      const browser = await signIn('agent');
      for (const [index, tache] of TACHES.entries()) {
        const item = content.items[index];
        assert.ok(item?.href);
        assert.equal(item.detail, String(expected[tache.key]), `${tache.key} counted`);
        const api = item.href.replace(/^\/elections\/mouvement/, '/api/v1/elections/mouvement');
        const response = await browser.get(api, { Accept: 'application/json' });
        assert.equal(response.status, 200, `${tache.key}: ${api}`);
        const json = (await response.json()) as { meta: { total: number } };
        assert.equal(json.meta.total, expected[tache.key], `${tache.key}: the link lists what the counter counts`);
        // The listing page itself accepts the link (its filters shown, no error).
        assert.equal((await browser.get(item.href, { Accept: 'text/html' })).status, 200, item.href);
      }
    });

    test('electors per list and per bureau: charts with their figures', async () => {
      const liste = (await render(runtime, actors.agent as Actor, parListeWidget)) as ChartContent;
      assert.deepEqual(liste.labels, ['LP', 'LCE', 'LCM']);
      assert.deepEqual(liste.series[0]?.values, [4, 1, 0]);
      const bureau = (await render(runtime, actors.agent as Actor, parBureauWidget)) as ChartContent;
      assert.deepEqual(bureau.labels, ['B01 École Jules Ferry', 'B02 Mairie']);
      assert.deepEqual(bureau.series.map((serie) => [serie.label, serie.values]), [['LP', [3, 1]], ['LCE', [1, 0]]]);
    });

    test('electors per commune: every commune for the niveau-2 user, its own for a niveau-1 user', async () => {
      const syndicat = (await render(runtime, actors.syndicat as Actor, parCommuneWidget)) as ChartContent;
      assert.deepEqual(syndicat.labels, ['Autreville', 'Libreville']);
      assert.deepEqual(syndicat.series.map((serie) => [serie.label, serie.values]), [['LP', [1, 4]], ['LCE', [0, 1]]]);
      const agent = (await render(runtime, actors.agent as Actor, parCommuneWidget)) as ChartContent;
      assert.deepEqual(agent.labels, ['Libreville']);
      const agent3 = (await render(runtime, actors.agent3 as Actor, parCommuneWidget)) as ChartContent;
      assert.deepEqual(agent3.labels, ['Autreville']);
      assert.deepEqual(agent3.series.map((serie) => [serie.label, serie.values]), [['LP', [1]]]);
    });

    test('the dashboard page shows the widgets, their links and the charts’ tables', async () => {
      const response = await (await signIn('agent')).get('/', { Accept: 'text/html' });
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /Élections : tâches en cours/);
      assert.match(html, /Inscriptions d’office à valider/);
      assert.match(html, /href="\/elections\/mouvement\?filter%5Btype_mouvement%5D=IO&amp;filter%5Bprovenance%5D=insee&amp;filter%5Betat%5D=a_instruire"/);
      assert.match(html, /Élections : électeurs par liste/);
      assert.match(html, /Élections : électeurs par bureau/);
      assert.match(html, /Élections : électeurs par commune/);
      assert.match(html, /<form method="get" action="\/elections\/electeur" class="widget-recherche" role="search"><label for="widget-recherche-\d+">Nom, prénoms ou INE<\/label>/);
    });

    test('the working list: chosen on its page, the listings open filtered on it, the filter can be removed', async () => {
      const browser = await signIn('agent');
      const page = await browser.get('/elections/liste-de-travail', { Accept: 'text/html' });
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Aucune liste de travail/);
      assert.match(html, /<input type="radio" id="liste-travail-toutes" name="liste" value="" checked/);
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

      const refused = await browser.postForm('/elections/liste-de-travail', { _csrf: token, liste: 'XX' }, { Accept: 'text/html' });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /Choisissez LP, LCE, LCM ou toutes les listes\./);
      assert.equal((await browser.get('/elections/electeur', { Accept: 'text/html' })).status, 200, 'nothing kept');

      const chosen = await browser.postForm('/elections/liste-de-travail', { _csrf: token, liste: 'LCE' }, { Accept: 'text/html' });
      assert.equal(chosen.status, 303);
      assert.equal(chosen.headers.get('location'), '/elections/electeur');
      for (const table of ['electeur', 'mouvement']) {
        const bare = await browser.get(`/elections/${table}`, { Accept: 'text/html' });
        assert.equal(bare.status, 302, table);
        assert.equal(bare.headers.get('location'), `/elections/${table}?filter%5Bliste%5D=LCE`);
      }
      const filtered = await (await browser.get('/elections/electeur?filter%5Bliste%5D=LCE', { Accept: 'text/html' })).text();
      assert.match(filtered, /GARCIA/);
      assert.doesNotMatch(filtered, /DUPONT/);
      // « Effacer » keeps a parameter (adv=1): the whole listing, no redirect.
      const cleared = await browser.get('/elections/electeur?adv=1', { Accept: 'text/html' });
      assert.equal(cleared.status, 200);
      assert.match(await cleared.text(), /DUPONT/);
      assert.match(await (await browser.get('/elections/liste-de-travail', { Accept: 'text/html' })).text(), /Liste de travail actuelle : LCE\./);
      assert.equal((await (await signIn('agent')).get('/elections/electeur', { Accept: 'text/html' })).status, 200, 'another browser: its own choice');

      const none = await browser.postForm('/elections/liste-de-travail', { _csrf: token, liste: '' }, { Accept: 'text/html' });
      assert.equal(none.status, 303);
      assert.equal((await browser.get('/elections/electeur', { Accept: 'text/html' })).status, 200, 'forgotten');
    });
  },
  { sources: SOURCES },
);
