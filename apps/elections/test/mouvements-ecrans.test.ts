/**
 * The movement workflow through the screens: « Refuser » asks its reason on its page (an empty one
 * is refused there, nothing changed), then the refusal letter prints from the movement's page with
 * the applicant's name, address, movement, date and reason; the fiche électeur shows its history
 * tab and its actions, « Radier l’électeur » asks the type and opens the movement it created.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { createRecord, type ReadDeps } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { FIXTURE_SQL } from './mouvements-fixture.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, electionsRuntime, loadElectionReferentials, objectOf, PASSWORD, SOURCES } from './support.ts';

const hidden = (html: string, name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? assert.fail(`no ${name}`);

describeEachDatabase(
  'élections : le circuit des mouvements à l’écran et la lettre de refus',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let app: Hono<AppEnv>;
    let actors: Record<string, Actor>;
    let foch: number;
    let zola: number;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    /** Posts the confirmation form of an action, with its CSRF token and version. */
    const postAction = async (browser: Browser, path: string, fields: Record<string, string>) => {
      const html = await (await browser.get(path)).text();
      return browser.postForm(path, { _csrf: hidden(html, '_csrf'), _version: hidden(html, '_version'), ...fields });
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await loadElectionReferentials(database());
      await database().asOwner(FIXTURE_SQL);
      const [voie] = await database().ownerQuery<{ voie: number }>(`select voie from elections.voie where code = 'V002'`);
      const [electeur] = await database().ownerQuery<{ electeur: number }>(`select electeur from elections.electeur where nom = 'Zola'`);
      foch = Number(voie?.voie);
      zola = Number(electeur?.electeur);
      runtime = await electionsRuntime(database());
      deps = depsOf(runtime);
      app = createApp(runtime);
      actors = await actorsFor(database(), [{ login: 'agent', profil: 'UTILISATEUR', collectivite: 1 }]);
    });

    test('« Refuser » asks the reason; the refusal letter prints with the applicant, the movement and the reason', async () => {
      const saved = await createRecord(deps, actors.agent ?? assert.fail('agent'), objectOf(runtime, 'mouvement'), {
        type_mouvement: 'VOL1',
        liste: 'LP',
        date_demande: '2026-10-01',
        civilite: 'Mme',
        sexe: 'F',
        nom: 'Durand',
        prenoms: 'Lucie',
        date_naissance: '1992-07-14',
        naissance_lieu: 'france',
        commune_naissance: '2A004',
        nationalite: 'FRA',
        voie: foch,
        numero: 75,
        complement_numero: 'bis',
      });
      const browser = await signIn('agent');
      const page = `/elections/mouvement/${saved.mouvement}/refuser`;
      const form = await (await browser.get(page)).text();
      assert.match(form, /<label for="action-motif_refus">Motif du refus/);
      assert.match(form, /<textarea[^>]*name="motif_refus"/);

      const empty = await postAction(browser, page, { motif_refus: '  ' });
      assert.equal(empty.status, 422);
      const emptyHtml = await empty.text();
      assert.match(emptyHtml, /Saisissez le motif du refus/);
      assert.match(emptyHtml, /aria-invalid="true"/);
      const [still] = await database().ownerQuery<{ etat: string }>(`select etat from elections.mouvement where mouvement = ${Number(saved.mouvement)}`);
      assert.equal(still?.etat, 'a_instruire');

      const done = await postAction(browser, page, { motif_refus: 'Le justificatif de domicile a plus de trois mois.' });
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), `/elections/mouvement/${saved.mouvement}`);
      const sheet = await (await browser.get(`/elections/mouvement/${saved.mouvement}`)).text();
      assert.match(sheet, /Notification du refus d’une demande/);

      const response = await browser.get(`/elections/mouvement/${saved.mouvement}/pdf/lettretype/refus_mouvement`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/pdf/);
      const text = (await pdfPages(new Uint8Array(await response.arrayBuffer()))).join('\n').replace(/\s+/g, ' ');
      assert.match(text, /Mairie de Libreville/);
      assert.match(text, /Mme Lucie Durand/);
      assert.match(text, /75 bis Avenue Foch/);
      assert.match(text, /00100 Libreville/);
      assert.match(text, /Objet : refus de votre demande \(mouvement n° \d+\)/);
      assert.match(text, /Votre demande « Inscription volontaire » sur la Liste principale, déposée le 01\/10\/2026/);
      assert.match(text, /Le justificatif de domicile a plus de trois mois\./);
      assert.match(text, /recours administratif préalable obligatoire auprès de la commission de contrôle, dans un délai de cinq jours/, 'the RAPO first (L18, III)');
      assert.match(text, /tribunal judiciaire dans un délai de sept jours/);
      assert.doesNotMatch(text, /\[[a-z_]+\]/, 'every merge field is filled');
      const [source] = await database().ownerQuery<{ merge_fields: string }>(`select merge_fields from om.om_requete where code = 'elections_mouvement'`);
      assert.match(source?.merge_fields ?? '', /^courriel: /m, 'the applicant’s e-mail, for « Envoyer par courriel »');
    });

    test('the fiche électeur shows its history and actions; « Radier l’électeur » asks the type and opens the new movement', async () => {
      const browser = await signIn('agent');
      const fiche = await (await browser.get(`/elections/electeur/${zola}`)).text();
      assert.match(fiche, /Historique des mouvements/);
      assert.match(fiche, /Modifier l’électeur/);
      assert.match(fiche, /Radier l’électeur/);
      const page = `/elections/electeur/${zola}/radier`;
      const form = await (await browser.get(page)).text();
      assert.match(form, /<select[^>]*name="type_mouvement"/);
      assert.match(form, /<option value="DC">Décès<\/option>/);
      assert.doesNotMatch(form, /<option value="VOL1">/, 'only radiation types');
      const noType = await postAction(browser, page, {});
      assert.equal(noType.status, 422);
      assert.match(await noType.text(), /Choisissez le type de mouvement/);
      const created = await postAction(browser, page, { type_mouvement: 'DP' });
      assert.equal(created.status, 303);
      const location = created.headers.get('location') ?? '';
      assert.match(location, /^\/elections\/mouvement\/\d+$/);
      const mouvement = await (await browser.get(location)).text();
      assert.match(mouvement, /Départ dans une autre commune/);
      assert.match(mouvement, /Le mouvement n° \d+ est créé/);
    });
  },
  { sources: SOURCES },
);
