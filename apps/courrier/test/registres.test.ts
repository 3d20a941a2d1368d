/**
 * The registers' reset (part H3), on both databases: the page lists the courrier counters with
 * their patterns and explains the yearly restart; « Remettre à zéro » asks a confirmation, is refused
 * when its first number already exists in the mail or in the archives (exact message, counter
 * unchanged), else resets (exact message, counter at 0, the next number is 1); another town's
 * counters are neither shown nor reset; the page is the responsable’s.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { writeAs } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { PARAMETRES_PAR_DEFAUT } from '../src/core/parametres.ts';
import { prochainNumero } from '../src/core/registres.ts';
import { remettreAZero } from '../src/registres/compteurs.ts';
import { courrierFixture, courrierRuntime, organisation, PASSWORD, SOURCES, type Organisation } from './support.ts';

const plat = (texte: string) => texte.replace(/[\u202f\u00a0]/g, ' ').replace(/&#39;|&#x27;/g, '’').replace(/\s+/g, ' ');

describeEachDatabase(
  'courrier : remise à zéro des registres',
  (database) => {
    let runtime: TestRuntime;
    let org: Organisation;
    let app: Hono<AppEnv>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const compteur = async (registre: string, periode: number, collectivite = 1) =>
      Number((await database().ownerQuery<{ dernier: number }>(
        `select dernier from om.om_compteur where application = 'courrier' and registre = '${registre}' and periode = ${periode} and om_collectivite = ${collectivite}`,
      ))[0]?.dernier);
    const numeroter = (registre: 'arrivee' | 'depart', date: string, collectivite = 1) =>
      writeAs(database().db.kysely, SYSTEM_ACTOR, (trx) => prochainNumero(trx, registre, collectivite, PARAMETRES_PAR_DEFAUT, date));

    before(async () => {
      runtime = await courrierRuntime(database());
      org = await organisation(database());
      app = createApp(runtime);
      for (let rang = 0; rang < 3; rang += 1) await numeroter('arrivee', '2026-02-01');
      for (let rang = 0; rang < 12; rang += 1) await numeroter('arrivee', '2027-01-04');
      for (let rang = 0; rang < 2; rang += 1) await numeroter('depart', '2025-11-02');
      await numeroter('arrivee', '2027-01-04', 3);
      await courrierFixture(database(), org, { numero: '2026-1', rang: 1 });
      await database().ownerQuery(`insert into courrier.courrier_archive (courrier, registre, numero, correspondant_libelle, objet, service_libelle, donnees, archive_par, om_collectivite)
        values (999, 'depart', '2025-D-1', 'DURAND Jean', 'Ancien départ', 'Service courrier', '{}'::jsonb, 'chef', 1)`);
    });

    test('refused when the first number exists in the mail or the archives; else reset', async () => {
      const { chef, autre } = org.actors;
      const db = database().db.kysely;
      assert.deepEqual(await remettreAZero(db, chef, 'arrivee', 2026), {
        ok: false, message: 'Le registre des arrivées 2026 contient déjà le numéro 2026-1 : une remise à zéro donnerait des numéros en double.',
      });
      assert.equal(await compteur('arrivee', 2026), 3);
      assert.deepEqual(await remettreAZero(db, chef, 'depart', 2025), {
        ok: false, message: 'Le registre des départs 2025 contient déjà le numéro 2025-D-1 : une remise à zéro donnerait des numéros en double.',
      });
      assert.equal(await compteur('depart', 2025), 2);
      assert.deepEqual(await remettreAZero(db, chef, 'depart', 2019), { ok: false, message: 'Ce registre n’existe pas : choisissez-en un dans la liste.' });
      assert.deepEqual(await remettreAZero(db, chef, 'arrivee', 2027), { ok: true, message: 'Registre des arrivées 2027 remis à zéro (dernier numéro donné : 12).' });
      assert.equal(await compteur('arrivee', 2027), 0);
      assert.equal((await numeroter('arrivee', '2027-02-01')).number, '2027-1');
      // Another town's register of the same year is its own.
      assert.equal(await compteur('arrivee', 2027, 3), 1);
      assert.deepEqual(await remettreAZero(db, autre, 'arrivee', 2026), { ok: false, message: 'Ce registre n’existe pas : choisissez-en un dans la liste.' });
    });

    test('the page: counters and patterns, a confirmation, then the POST; the responsable’s only', async () => {
      const chef = await signIn('chef');
      const page = plat(await (await chef.get('/courrier/registres')).text());
      assert.match(page, /<th scope="row">Arrivée<\/th><td>2026<\/td><td>3<\/td>/);
      assert.match(page, /<th scope="row">Départ<\/th><td>2025<\/td><td>2<\/td>/);
      assert.match(page, /<code>\[annee\]-\[seq\]<\/code> : annuel, il repart de 1 de lui-même chaque année\./);
      assert.match(page, /<code>\[annee\]-D-\[seq\]<\/code> : annuel/);
      assert.match(page, /Un registre dont le modèle contient \[annee\] repart de 1 de lui-même au premier courrier de chaque année/);
      assert.doesNotMatch(page, /<td>2027<\/td><td>12<\/td>/, 'the other town’s counter is not shown');

      const confirmation = plat(await (await chef.get('/courrier/registres?remise=depart-2025')).text());
      assert.match(confirmation, /<legend>Remettre à zéro le registre des départs 2025 \?<\/legend>/);
      assert.match(confirmation, /<button type="submit" aria-describedby="registres-confirmation-aide">Confirmer la remise à zéro<\/button>/);
      const token = await chef.formToken('/courrier/registres?remise=depart-2025');
      const refus = await chef.postForm('/courrier/registres', { _csrf: token, registre: 'depart', periode: '2025' });
      assert.equal(refus.status, 303);
      assert.match(plat(await (await chef.get('/courrier/registres')).text()), /Le registre des départs 2025 contient déjà le numéro 2025-D-1 : une remise à zéro donnerait des numéros en double\./);
      await database().ownerQuery(`insert into om.om_compteur (application, registre, periode, dernier, om_collectivite) values ('courrier', 'depart', 2024, 7, 1)`);
      await chef.postForm('/courrier/registres', { _csrf: token, registre: 'depart', periode: '2024' });
      assert.match(plat(await (await chef.get('/courrier/registres')).text()), /Registre des départs 2024 remis à zéro \(dernier numéro donné : 7\)\./);
      assert.equal(await compteur('depart', 2024), 0);
      const sansJeton = await chef.postForm('/courrier/registres', { registre: 'arrivee', periode: '2026' });
      assert.equal(sansJeton.status, 403);
      assert.equal(await compteur('arrivee', 2026), 3);
      assert.match(plat(await (await chef.get('/courrier/registres?remise=arrivee-1999')).text()), /Ce registre n’existe pas : choisissez-en un dans la liste\./);
      assert.equal((await (await signIn('agent')).get('/courrier/registres')).status, 403);
    });
  },
  { sources: SOURCES },
);
