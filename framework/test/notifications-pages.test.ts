/**
 * The pages of the daily e-mail in Chromium, axe-core on each: « Mes notifications » (the preview
 * of today's work, the choice saved), the e-mail's opt-out link (confirmation, done, bad token, expired),
 * and the administrator's user form with the setting.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import type { Application } from '../src/application.ts';
import { optOutToken, type PendingWorkSource } from '../src/notifications/index.ts';
import { browserSuite, checkAccessibility, login, pageProblems, submit } from '../../e2e/support/index.ts';

const PASSWORD = 'Mot-de-passe-42';
const DAY_MS = 86_400_000;

const travaux: PendingWorkSource = async ({ db, actor, today }) => {
  const { rows } = await sql<{ id: number; libelle: string; echeance: string; total: number | string }>`
    select id, libelle, to_char(echeance, 'YYYY-MM-DD') as echeance, count(*) over () as total
      from essai_notif.travail where destinataire = ${actor.login} order by echeance, id limit 2`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  return total === 0 ? [] : [{
    title: 'Travaux à faire',
    items: rows.map((row) => ({ label: row.libelle, path: `/travaux/${row.id}`, due: row.echeance, late: row.echeance < today })),
    total,
    listPath: '/travaux',
  }];
};

const TRAVAUX: Application = { name: 'travaux', title: 'Travaux', migrations: { scope: 'travaux', schema: 'travaux', directory: '.' }, register: () => undefined, pendingWork: travaux };

const flag = async (query: (text: string) => Promise<{ on: boolean }[]>, login: string) =>
  (await query(`select notification_quotidienne as on from om.om_utilisateur where login = '${login}'`))[0]?.on;

browserSuite(
  'pages du récapitulatif quotidien',
  (suite) => {
    before(() => {
      // The runtime serves one application with pending work (startApp builds it without any).
      Object.assign(suite().app.runtime, { applications: [TRAVAUX] });
    });

    test('« Mes notifications »: the preview of today, then the choice saved', async () => {
      const page = await suite().openPage();
      await login(page, 'alice', PASSWORD);
      await page.goto('/notifications');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Mes notifications' }).waitFor());
      const main = await page.locator('main').innerText();
      assert.match(main, /Travaux à faire \(3\)/);
      assert.match(main, /Répondre au courrier 2026-42 — échéance le 01\/01\/2020, en retard/);
      assert.match(main, /et 1 autre/);
      await checkAccessibility(page, 'mes notifications');
      const box = page.getByLabel('Recevoir chaque jour le récapitulatif de mon travail en attente');
      assert.equal(await box.isChecked(), true);
      await box.uncheck();
      await submit(page, page.getByRole('button', { name: 'Enregistrer' }));
      assert.match(await page.getByRole('status').first().innerText(), /vous ne recevrez plus le récapitulatif quotidien/);
      assert.equal(await flag((text) => suite().app.database.ownerQuery(text), 'alice'), false);
      await checkAccessibility(page, 'mes notifications, enregistré');
      assert.deepEqual(pageProblems(page), []);
    });

    test('the e-mail’s opt-out link: a confirmation, done, a bad token refused, an expired one on its own page', async () => {
      const { database, runtime } = suite().app;
      await database.asOwner(`update om.om_utilisateur set notification_quotidienne = true where login = 'alice'`);
      const [alice] = await database.ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = 'alice'`);
      const token = optOutToken(runtime.config, Number(alice?.om_utilisateur));
      const page = await suite().openPage();
      await page.goto(`/notifications/desabonnement?jeton=${encodeURIComponent(token)}`);
      await checkAccessibility(page, 'désabonnement, confirmation');
      await submit(page, page.getByRole('button', { name: 'Ne plus recevoir le récapitulatif' }));
      assert.match(await page.getByRole('status').first().innerText(), /C’est fait/);
      assert.equal(await flag((text) => database.ownerQuery(text), 'alice'), false);
      await checkAccessibility(page, 'désabonnement, fait');
      assert.equal((await page.goto('/notifications/desabonnement?jeton=1.faux'))?.status(), 400);
      assert.match(await page.getByRole('alert').innerText(), /Ce lien de désabonnement n’est pas valable/);
      await checkAccessibility(page, 'désabonnement, lien invalide');
      const expired = optOutToken(runtime.config, Number(alice?.om_utilisateur), Date.now() - 61 * DAY_MS);
      assert.equal((await page.goto(`/notifications/desabonnement?jeton=${encodeURIComponent(expired)}`))?.status(), 410);
      assert.match(await page.getByRole('alert').innerText(), /Ce lien de désabonnement a expiré/);
      assert.equal(await page.getByRole('link', { name: 'Aller à « Mes notifications »' }).getAttribute('href'), '/notifications');
      await checkAccessibility(page, 'désabonnement, lien expiré');
      assert.deepEqual(pageProblems(page), []);
    });

    test('an administrator sees and changes the setting on the user’s form', async () => {
      const { database } = suite().app;
      const [alice] = await database.ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = 'alice'`);
      const page = await suite().openPage();
      await login(page, 'chef', PASSWORD);
      await page.goto(`/om/om_utilisateur/${Number(alice?.om_utilisateur)}/edit`);
      const box = page.getByLabel('Récapitulatif quotidien');
      assert.equal(await box.isChecked(), false);
      await checkAccessibility(page, 'fiche utilisateur, récapitulatif quotidien');
      await box.check();
      await submit(page, page.getByRole('button', { name: 'Enregistrer' }));
      assert.equal(await flag((text) => database.ownerQuery(text), 'alice'), true);
      assert.deepEqual(pageProblems(page), []);
    });
  },
  {
    config: { instanceSecret: 'cle-d-instance-des-pages-du-recapitulatif' },
    users: [
      { login: 'alice', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'chef', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 1 },
    ],
    setup: (database) =>
      database.asOwner(`create schema essai_notif;
        create table essai_notif.travail (id integer primary key, destinataire text not null, libelle text not null, echeance date not null,
          om_collectivite integer not null references om.om_collectivite);
        insert into essai_notif.travail values
          (1, 'alice', 'Répondre au courrier 2026-42', '2020-01-01', 1),
          (2, 'alice', 'Relancer le notaire', '2099-01-01', 1),
          (3, 'alice', 'Classer le dossier', '2099-02-01', 1);`, 'essai_notif'),
  },
);
