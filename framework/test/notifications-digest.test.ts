/**
 * The daily e-mail of pending work (issue 16 §5), on both databases: one e-mail per agent with
 * something pending (absolute links, due dates, « en retard », « et N autres », escaped HTML, the
 * opt-out link), none for an agent who opted out, who has nothing pending or whose account is
 * disabled; one a day even when two passes run at once; another collectivité's rows never in it
 * (row-level security: the sources run as the agent); a failing source left out, the others sent;
 * the opt-out link (good, altered, old-style and expired tokens; signed with the instance key, never
 * a key of the database) and the page « Mes notifications ».
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import type { Application } from '../src/application.ts';
import { createLogger } from '../src/logger.ts';
import { deliverQueuedMail } from '../src/mail/index.ts';
import { composeDigest, optOutToken, sendDailyDigests, verifyOptOutToken, type PendingWorkSource } from '../src/notifications/index.ts';
import { createApp } from '../src/web/app.tsx';
import { Browser, createUser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, type TestRuntime } from './support/runtime.ts';

const BASE_URL = 'https://commun.libreville.test';
const TODAY = '2026-03-10';
const PASSWORD = 'Mot-de-passe-42';
/** COMMUN_CLE_INSTANCE of these tests. */
const INSTANCE_SECRET = 'cle-d-instance-des-tests-du-recapitulatif';
const DAY_MS = 86_400_000;

/** A source over a test table that does not filter by collectivité: only row-level security does. */
const travaux: PendingWorkSource = async ({ db, actor, today }) => {
  const { rows } = await sql<{ id: number; libelle: string; echeance: string; total: number | string }>`
    select id, libelle, to_char(echeance, 'YYYY-MM-DD') as echeance, count(*) over () as total
      from essai_notif.travail where destinataire = ${actor.login} order by echeance, id limit 2`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  if (total === 0) return [];
  return [{
    title: 'Travaux à faire',
    items: rows.map((row) => ({ label: row.libelle, path: `/travaux/${row.id}`, due: row.echeance, late: row.echeance < today })),
    total,
    listPath: '/travaux',
  }];
};

const application = (name: string, title: string, pendingWork: PendingWorkSource): Application => ({
  name,
  title,
  migrations: { scope: name, schema: name, directory: '.' },
  register: () => undefined,
  pendingWork,
});

const APPLICATIONS = [
  application('panne', 'Application en panne', async () => {
    throw new Error('source en panne');
  }),
  application('travaux', 'Travaux', travaux),
];

interface Courriel {
  destinataire: string;
  sujet: string;
  texte: string;
  html: string | null;
  om_collectivite: number;
}

describeEachDatabase('Récapitulatif quotidien du travail en attente', (database) => {
  let runtime: TestRuntime;
  const logged: string[] = [];
  const ids: Record<string, number> = {};
  const courriels = () => database().ownerQuery<Courriel>(`select destinataire, sujet, texte, html, om_collectivite from om.om_courriel order by om_courriel`);
  const flag = async (login: string) =>
    (await database().ownerQuery<{ on: boolean }>(`select notification_quotidienne as on from om.om_utilisateur where login = '${login}'`))[0]?.on;
  const pass = (today = TODAY) => {
    const logger = createLogger('error', new Writable({ write: (chunk, _encoding, done) => { logged.push(String(chunk)); done(); } }));
    return sendDailyDigests({ ...runtime, logger }, { today });
  };

  before(async () => {
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`);
    await database().asOwner(`create schema essai_notif;
      create table essai_notif.travail (id integer primary key, destinataire text not null, libelle text not null, echeance date not null,
        om_collectivite integer not null references om.om_collectivite);`, 'essai_notif');
    for (const [login, collectivite] of [['alice', 1], ['bruno', 1], ['claire', 1], ['ex', 1], ['autre', 3]] as const) {
      ids[login] = await createUser(database(), { login, nom: login.toUpperCase(), collectivite, email: `${login}@libreville.test` });
    }
    await database().asOwner(`update om.om_utilisateur set notification_quotidienne = false where login = 'bruno';
      update om.om_utilisateur set actif = false where login = 'ex';
      insert into essai_notif.travail values
        (1, 'alice', 'Répondre au courrier 2026-42', '2026-03-09', 1),
        (2, 'alice', '<b>Urgent & "vite"</b>', '2026-03-12', 1),
        (3, 'alice', 'Relancer le notaire', '2026-03-20', 1),
        (4, 'alice', 'Secret d’Autreville', '2026-03-01', 3),
        (5, 'bruno', 'Travail de Bruno', '2026-03-11', 1),
        (6, 'ex', 'Travail d’un ancien agent', '2026-03-11', 1),
        (7, 'autre', 'Travail d’Autreville', '2026-03-15', 3);`);
    const base = await createTestRuntime(database(), { config: { baseUrl: BASE_URL, instanceSecret: INSTANCE_SECRET } });
    runtime = { ...base, applications: APPLICATIONS, sentMail: base.sentMail };
  });

  test('one e-mail per agent with pending work; none opted out, with nothing, or disabled; a failing source left out', async () => {
    const report = await pass();
    assert.equal(report.sent, 2);
    const mails = await courriels();
    assert.deepEqual(mails.map((mail) => [mail.destinataire, mail.om_collectivite]), [['alice@libreville.test', 1], ['autre@libreville.test', 3]]);
    const [alice, autre] = mails as [Courriel, Courriel];
    assert.equal(alice.sujet, 'Votre travail en attente — 10/03/2026');
    assert.match(alice.texte, /^Bonjour ALICE,/);
    assert.match(alice.texte, /== Travaux ==\n\nTravaux à faire \(3\)\n- Répondre au courrier 2026-42 — échéance le 09\/03\/2026, en retard\n {2}https:\/\/commun\.libreville\.test\/travaux\/1\n/);
    assert.match(alice.texte, /- <b>Urgent & "vite"<\/b> — échéance le 12\/03\/2026\n {2}https:\/\/commun\.libreville\.test\/travaux\/2\n {2}et 1 autre : https:\/\/commun\.libreville\.test\/travaux\n/);
    assert.match(alice.texte, /Ne plus le recevoir : https:\/\/commun\.libreville\.test\/notifications\/desabonnement\?jeton=\d+\.\d+\.[\w-]{43}/);
    // Row-level security: the source runs as Alice, in her collectivité.
    assert.doesNotMatch(alice.texte, /Secret/);
    assert.doesNotMatch(alice.html ?? '', /Secret/);
    assert.match(autre.texte, /Travail d’Autreville/);
    assert.doesNotMatch(autre.texte, /Répondre au courrier/);
    // The failing application is left out, logged; the other one went.
    assert.doesNotMatch(alice.texte, /panne/);
    assert.ok(logged.some((line) => line.includes('travail en attente illisible') && line.includes('source en panne')));
    // HTML: every value escaped, links absolute.
    const html = alice.html ?? '';
    assert.match(html, /<a href="https:\/\/commun\.libreville\.test\/travaux\/2">&lt;b&gt;Urgent &amp; &quot;vite&quot;&lt;\/b&gt;<\/a> — échéance le 12\/03\/2026<\/li>/);
    assert.match(html, /<a href="https:\/\/commun\.libreville\.test\/travaux\/1">Répondre au courrier 2026-42<\/a> — échéance le 09\/03\/2026, <strong>en retard<\/strong>/);
    assert.match(html, /<a href="https:\/\/commun\.libreville\.test\/travaux">et 1 autre<\/a>/);
    assert.doesNotMatch(html, /<b>Urgent/);
    const sent = await database().ownerQuery<{ om_utilisateur: number; elements: number }>(`select om_utilisateur, elements from om.om_notification_envoi order by om_utilisateur`);
    assert.deepEqual(sent.map((row) => [Number(row.om_utilisateur), Number(row.elements)]), [[ids.alice, 3], [ids.autre, 1]]);
  });

  test('one a day: a second pass, or two passes at once, queue nothing more', async () => {
    const again = await pass();
    assert.equal(again.sent, 0);
    assert.equal(again.skipped, 2);
    assert.equal((await courriels()).length, 2);
    const [first, second] = await Promise.all([pass('2026-03-11'), pass('2026-03-11')]);
    assert.equal(first.sent + second.sent, 2, 'the next day, one e-mail each, whichever pass queued it');
    assert.equal((await courriels()).length, 4);
  });

  test('delivered with its HTML version beside the text', async () => {
    await deliverQueuedMail(runtime);
    const alice = runtime.sentMail.find((mail) => mail.to === 'alice@libreville.test');
    assert.ok(alice);
    assert.match(alice.text, /https:\/\/commun\.libreville\.test\/travaux\/1/);
    assert.match(alice.html ?? '', /<strong>en retard<\/strong>/);
  });

  test('the opt-out link: a good token switches that agent off (after one button), a bad one is refused in French', async () => {
    const app = createApp(runtime);
    const [alice] = await courriels();
    const link = /https:\/\/commun\.libreville\.test(\/notifications\/desabonnement\?jeton=([\w.-]+))/.exec(alice?.texte ?? '');
    assert.ok(link);
    const [, path = '', token = ''] = link;
    assert.deepEqual(verifyOptOutToken(runtime.config, token), { status: 'valid', userId: ids.alice });
    // Issued today (days since 1970-01-01 UTC), whatever day the digest was for.
    assert.equal(token.split('.')[1], String(Math.floor(Date.now() / DAY_MS)));
    const visitor = new Browser(app);
    const page = await visitor.get(path);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Ne plus recevoir le récapitulatif/);
    assert.equal(await flag('alice'), true, 'opening the link changes nothing by itself');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await visitor.postForm('/notifications/desabonnement', { _csrf: csrf, jeton: token });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /vous ne recevrez plus le récapitulatif quotidien/);
    assert.equal(await flag('alice'), false);
    assert.equal(await flag('claire'), true);

    // Altered signature, another agent's id or another day with Alice's signature, the old form
    // without a day, garbage: refused, nothing changed.
    const [, day = '', signature = ''] = token.split('.');
    const forged = [
      `${ids.claire}.${day}.${signature}`,
      `${ids.alice}.${day}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${ids.alice}.${Number(day) + 1}.${signature}`,
      `${ids.alice}.${signature}`,
      'nimporte-quoi',
      '',
    ];
    for (const bad of forged) {
      const refused = await visitor.get(`/notifications/desabonnement?jeton=${encodeURIComponent(bad)}`);
      assert.equal(refused.status, 400, bad);
      assert.match(await refused.text(), /Ce lien de désabonnement n’est pas valable/);
      const posted = await visitor.postForm('/notifications/desabonnement', { _csrf: csrf, jeton: bad });
      assert.equal(posted.status, 400);
    }
    assert.equal(await flag('claire'), true);
    // Without the CSRF token, refused too.
    assert.equal((await new Browser(app).postForm('/notifications/desabonnement', { jeton: token })).status, 403);
  });

  test('the opt-out link expires after 60 days: its own page (410), nothing changed; 59 days still works', async () => {
    const app = createApp(runtime);
    const visitor = new Browser(app);
    await database().asOwner(`update om.om_utilisateur set notification_quotidienne = true where login = 'alice'`);
    const recent = optOutToken(runtime.config, ids.alice ?? 0, Date.now() - 59 * DAY_MS);
    const confirm = await visitor.get(`/notifications/desabonnement?jeton=${encodeURIComponent(recent)}`);
    assert.equal(confirm.status, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await confirm.text())?.[1] ?? '';

    const old = optOutToken(runtime.config, ids.alice ?? 0, Date.now() - 61 * DAY_MS);
    const expired = await visitor.get(`/notifications/desabonnement?jeton=${encodeURIComponent(old)}`);
    assert.equal(expired.status, 410);
    const page = await expired.text();
    assert.match(page, /Ce lien de désabonnement a expiré\. Connectez-vous pour désactiver le récapitulatif depuis la page Notifications\./);
    assert.match(page, /<a href="\/notifications">/);
    assert.doesNotMatch(page, /Ne plus recevoir le récapitulatif/);
    assert.equal((await visitor.postForm('/notifications/desabonnement', { _csrf: csrf, jeton: old })).status, 410);
    assert.equal(await flag('alice'), true);
    // An expired token altered is simply invalid.
    const altered = old.replace(/.$/, old.endsWith('A') ? 'B' : 'A');
    const refused = await visitor.get(`/notifications/desabonnement?jeton=${encodeURIComponent(altered)}`);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Ce lien de désabonnement n’est pas valable/);

    assert.equal((await visitor.postForm('/notifications/desabonnement', { _csrf: csrf, jeton: recent })).status, 200);
    assert.equal(await flag('alice'), false);

    // The boundary, by the day the token names: 60 days old is valid, 61 expired.
    const issued = Date.UTC(2026, 0, 1, 12);
    const issuedToken = optOutToken(runtime.config, ids.alice ?? 0, issued);
    assert.deepEqual(verifyOptOutToken(runtime.config, issuedToken, issued + 60 * DAY_MS), { status: 'valid', userId: ids.alice });
    assert.deepEqual(verifyOptOutToken(runtime.config, issuedToken, issued + 61 * DAY_MS), { status: 'expired' });
  });

  test('the signing key is the instance key, never one of the database', async () => {
    assert.deepEqual(await database().ownerQuery(`select to_regclass('om.om_notification_cle') as cle`), [{ cle: null }]);
    const userId = ids.alice ?? 0;
    const now = Date.now();
    const other = { instanceSecret: 'une-tout-autre-cle-d-instance-de-32-caracteres', dataDir: runtime.config.dataDir };
    const token = optOutToken(runtime.config, userId, now);
    assert.notEqual(optOutToken(other, userId, now), token, 'another COMMUN_CLE_INSTANCE, another signature');
    assert.deepEqual(verifyOptOutToken(other, token), { status: 'invalid' });
    // Without COMMUN_CLE_INSTANCE: the file <dataDir>/cle-instance, one per data folder.
    const first = { instanceSecret: undefined, dataDir: mkdtempSync(join(tmpdir(), 'commun-notif-')) };
    const second = { instanceSecret: undefined, dataDir: mkdtempSync(join(tmpdir(), 'commun-notif-')) };
    try {
      const fromFirst = optOutToken(first, userId, now);
      assert.notEqual(optOutToken(second, userId, now), fromFirst);
      assert.deepEqual(verifyOptOutToken(first, fromFirst), { status: 'valid', userId });
      assert.deepEqual(verifyOptOutToken(second, fromFirst), { status: 'invalid' });
    } finally {
      for (const { dataDir } of [first, second]) rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('« Mes notifications »: the agent’s own choice and a preview of today', async () => {
    const app = createApp(runtime);
    const claire = new Browser(app);
    assert.equal((await claire.login('claire', PASSWORD)).status, 303);
    const page = await (await claire.get('/notifications')).text();
    assert.match(page, /<input type="checkbox" id="notification_quotidienne" name="notification_quotidienne" value="oui" checked=""\/>/);
    assert.match(page, /Rien ne vous attend aujourd’hui/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    assert.equal((await claire.postForm('/notifications', { _csrf: csrf })).status, 303);
    assert.equal(await flag('claire'), false);
    assert.match(await (await claire.get('/notifications')).text(), /vous ne recevrez plus le récapitulatif quotidien/);
    assert.equal((await claire.postForm('/notifications', { _csrf: csrf, notification_quotidienne: 'oui' })).status, 303);
    assert.equal(await flag('claire'), true);
    assert.equal((await claire.postForm('/notifications', { notification_quotidienne: 'oui' })).status, 403, 'CSRF');

    const alice = new Browser(app);
    assert.equal((await alice.login('alice', PASSWORD)).status, 303);
    const preview = await (await alice.get('/notifications')).text();
    assert.match(preview, /<a href="\/travaux\/1">Répondre au courrier 2026-42<\/a>/);
    assert.match(preview, /&lt;b&gt;Urgent/);
    assert.match(preview, /n’a pas pu être lu/);
    assert.doesNotMatch(preview, /Secret/);
    assert.doesNotMatch(preview, / checked=""/, 'Alice opted out by the link');
    assert.equal((await new Browser(app).get('/notifications')).status, 303, 'signed-in agents only');
  });

  test('an application the agent’s collectivité does not use is left out', async () => {
    await database().asOwner(`update om.om_utilisateur set notification_quotidienne = true where login = 'alice';
      insert into om.om_application_collectivite (application, om_collectivite, active) values ('travaux', 3, false);`);
    const report = await pass('2026-03-12');
    assert.deepEqual(report.lines.map((line) => line.login), ['alice']);
  });

  test('the e-mail body refuses a path that is not this site’s', () => {
    const work = { applications: [{ application: 'x', title: 'X', sections: [{ title: 'S', items: [{ label: 'L', path: '//ailleurs.test/x' }], total: 1 }] }], failed: [] };
    assert.throws(() => composeDigest(work, { nom: 'N', today: TODAY, baseUrl: BASE_URL, optOutUrl: `${BASE_URL}/x` }), /chemin de travail en attente invalide/);
  });
});
