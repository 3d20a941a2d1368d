/**
 * Linked mail and copies, on both databases: the rules of a link (not itself, once in either
 * direction) and of a copy (a service with diffusion, not the processing one, once; an élu only
 * with option_elu); the thread of a mail (links both ways and replies both ways, by date) read as
 * the user, over HTTP with the current mail marked, a confidential mail of another service never in it.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { readAs } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { filDuCourrier } from '../src/fil/fil.ts';
import { MESSAGES_COPIE } from '../src/objects/copie.ts';
import { MESSAGES_LIEN } from '../src/objects/courrier_lien.ts';
import { courrierFixture, courrierRuntime, inserer, organisation, PASSWORD, refusal, service, SOURCES, type Organisation } from './support.ts';

describeEachDatabase(
  'courrier : fil et copies',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let a: number;
    let b: number;
    let c: number;
    let d: number;
    let e: number;
    const page = async (login: string, path: string) => {
      const navigateur = new TestClient(app);
      assert.equal((await navigateur.login(login, PASSWORD)).status, 200);
      return navigateur.request('GET', path, { headers: { Accept: 'text/html' } });
    };

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
      app = createApp(runtime);
      a = await courrierFixture(database(), org, { numero: '2026-1', objet: 'Demande de branchement', date_arrivee: '2026-01-05', date_courrier: '2026-01-02' });
      b = await courrierFixture(database(), org, {
        registre: 'depart', etat: 'parti', numero: '2026-D-1', objet: 'Réponse branchement', date_arrivee: null, date_courrier: null, date_depart: '2026-01-20', reponse_a: a,
      });
      c = await courrierFixture(database(), org, { numero: '2026-5', objet: 'Relance branchement', date_arrivee: '2026-02-01', date_courrier: '2026-01-30' });
      d = await courrierFixture(database(), org, { numero: '2026-3', objet: 'Signalement confidentiel', date_arrivee: '2026-01-10', service: org.services.ETAT, confidentiel: true });
      e = await courrierFixture(database(), org, { numero: '2026-9', objet: 'Sans rapport', date_arrivee: '2026-03-01' });
    });

    test('a link: to another visible mail, once whichever the direction', async () => {
      const liens = service(runtime, org.actors.agent, 'courrier_lien');
      await liens.create({ courrier: c, courrier_lie: b });
      assert.deepEqual((await refusal(() => liens.create({ courrier: c, courrier_lie: b }))).fields, { courrier_lie: MESSAGES_LIEN.deja });
      assert.deepEqual((await refusal(() => liens.create({ courrier: b, courrier_lie: c }))).fields, { courrier_lie: MESSAGES_LIEN.deja });
      assert.equal((await refusal(() => liens.create({ courrier: e, courrier_lie: e }))).fields['courrier_lie'], MESSAGES_LIEN.luiMeme);
      // URBA cannot link to ÉTAT CIVIL's confidential mail: it does not see it.
      const invisible = await refusal(() => service(runtime, org.actors.urba, 'courrier_lien').create({ courrier: a, courrier_lie: d }));
      assert.equal(invisible.code, 'validation');
      assert.deepEqual(Object.keys(invisible.fields), ['courrier_lie']);
      await service(runtime, org.actors.etat, 'courrier_lien').create({ courrier: d, courrier_lie: a });
    });

    test('a copy: a service with diffusion, not the processing one, once; an élu only with option_elu', async () => {
      const copies = service(runtime, org.actors.agent, 'copie');
      await copies.create({ courrier: a, service: org.services.ETAT });
      assert.deepEqual((await refusal(() => copies.create({ courrier: a, service: org.services.ETAT }))).fields, { service: MESSAGES_COPIE.dejaService });
      assert.deepEqual((await refusal(() => copies.create({ courrier: a, service: org.services.URBA }))).fields, { service: MESSAGES_COPIE.serviceDeTraitement });
      await database().ownerQuery(`update courrier.service set diffusion = false where service = ${org.services.DG}`);
      assert.deepEqual((await refusal(() => copies.create({ courrier: a, service: org.services.DG }))).fields, { service: MESSAGES_COPIE.sansDiffusion('Direction générale') });
      assert.deepEqual((await refusal(() => copies.create({ courrier: a }))).fields, { service: MESSAGES_COPIE.serviceOuElu });
      const elu = await inserer(database(), 'elu', { nom: 'OBAME', om_collectivite: 1 });
      await copies.create({ courrier: a, elu });
      assert.deepEqual((await refusal(() => copies.create({ courrier: a, elu }))).fields, { elu: MESSAGES_COPIE.dejaElu });
      await database().ownerQuery(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('option_elu', 'false', 1)`);
      try {
        assert.deepEqual((await refusal(() => copies.create({ courrier: c, elu }))).fields, { elu: MESSAGES_COPIE.eluNonUtilise });
      } finally {
        await database().ownerQuery(`delete from om.om_parametre where libelle = 'option_elu' and om_collectivite = 1`);
      }
    });

    test('the thread: links and replies both ways, by date, as the user sees them', async () => {
      const numeros = async (login: 'urba' | 'etat', depuis: number) =>
        (await readAs(runtime.db.kysely, org.actors[login], (db) => filDuCourrier(db, depuis)))?.map((courrier) => courrier.numero);
      assert.deepEqual(await numeros('urba', a), ['2026-1', '2026-D-1', '2026-5']);
      assert.deepEqual(await numeros('urba', c), ['2026-1', '2026-D-1', '2026-5']);
      assert.deepEqual(await numeros('etat', c), ['2026-1', '2026-3', '2026-D-1', '2026-5']);
      assert.deepEqual(await numeros('urba', e), ['2026-9']);
      assert.equal(await numeros('urba', d), undefined);
    });

    test('the thread page: a link from the mail, each mail linked, the current one marked; another service’s confidential mail never shown', async () => {
      const fiche = await page('urba', `/courrier/courrier/${b}`);
      assert.match(fiche.text, new RegExp(`href="/courrier/fil/${b}"[^>]*>Fil du courrier`));
      const fil = await page('urba', `/courrier/fil/${b}`);
      assert.equal(fil.status, 200);
      assert.match(fil.text, new RegExp(`<a href="/courrier/courrier/${b}" aria-current="page">2026-D-1</a>`));
      assert.match(fil.text, new RegExp(`<a href="/courrier/courrier/${a}">2026-1</a>`));
      assert.match(fil.text, new RegExp(`<a href="/courrier/courrier/${c}">2026-5</a>`));
      assert.equal((fil.text.match(/aria-current="page"/g) ?? []).filter(Boolean).length >= 1, true);
      assert.doesNotMatch(fil.text, /Signalement confidentiel|2026-3/);
      assert.equal((await page('urba', `/courrier/fil/${d}`)).status, 404);
      assert.match((await page('etat', `/courrier/fil/${a}`)).text, /Signalement confidentiel/);
      assert.match((await page('urba', `/courrier/fil/${e}`)).text, /Ce courrier n’est lié à aucun autre courrier\./);
    });
  },
  { sources: SOURCES },
);
