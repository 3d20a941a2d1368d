/**
 * The outbox (framework/src/mail): a message queued in a write's transaction is there only if the
 * write commits; the housekeeping's pass delivers it to a real SMTP server with its link made
 * absolute with the instance's address; a failing server means retries with a growing delay, then
 * « echec » with the error after five tries; each collectivité sees only its own messages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../src/access/actor.ts';
import { createMailer } from '../src/access/mailer.ts';
import { loadConfig } from '../src/config/index.ts';
import { readAs, writeAs } from '../src/db/index.ts';
import { maintainJobs } from '../src/jobs/index.ts';
import { createLogger } from '../src/logger.ts';
import { canDeliverMail, deliverQueuedMail, queueMail, retryDelayMinutes, textWithLink, type MailDeliveryRuntime } from '../src/mail/index.ts';
import { startSmtpSink } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime } from './support/runtime.ts';

const BASE_URL = 'https://courrier.libreville.test';

test('the link is made absolute in place of « [lien] », or after the text', () => {
  assert.equal(textWithLink('Voir : [lien]', '/courrier/tache/12', 'https://x.test/'), 'Voir : https://x.test/courrier/tache/12');
  assert.equal(textWithLink('Bonjour', '/courrier/tache/12', 'https://x.test'), 'Bonjour\n\nhttps://x.test/courrier/tache/12');
  assert.equal(textWithLink('Bonjour', null, 'https://x.test'), 'Bonjour');
  assert.deepEqual([1, 2, 3, 4].map(retryDelayMinutes), [1, 2, 4, 8]);
  assert.equal(canDeliverMail({ db: {}, config: { dataDir: '.' } }), false);
});

describeEachDatabase('The outbox of e-mails', (database) => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const silent = createLogger('silent');
  const agentOf = (collectivite: number): Actor => ({ ...SYSTEM_ACTOR, userId: 1, login: 'admin', niveau: '1', collectivite, workingCollectivite: collectivite, via: 'session' }) as Actor;
  const rows = () =>
    database().ownerQuery<{ destinataire: string; etat: string; tentatives: number; derniere_erreur: string | null; sent: boolean }>(
      `select destinataire, etat, tentatives, derniere_erreur, envoye_le is not null as sent from om.om_courriel order by om_courriel`,
    );
  const runtimeOn = (port: number): MailDeliveryRuntime => {
    const smtp = { host: '127.0.0.1', port, secure: false, user: undefined, password: undefined, from: 'Commun <commun@libreville.test>' };
    return { db: database().db, logger: silent, config: { baseUrl: BASE_URL }, mailer: createMailer({ ...loadConfig({}), baseUrl: BASE_URL, smtp }, silent) };
  };

  before(async () => {
    sink = await startSmtpSink();
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`);
  });

  after(async () => {
    await sink.close();
  });

  test('queued in the transaction: a rolled-back write queues nothing', async () => {
    await assert.rejects(
      writeAs(database().db.kysely, agentOf(1), async (trx) => {
        await queueMail(trx, { to: 'annule@libreville.test', subject: 'Annulé', text: 'Rien', collectivite: 1 });
        throw new Error('écriture annulée');
      }),
      /écriture annulée/,
    );
    assert.deepEqual(await rows(), []);
    await assert.rejects(
      writeAs(database().db.kysely, agentOf(1), (trx) => queueMail(trx, { to: 'a@b.test', subject: 'x', text: 'y', link: 'https://ailleurs.test/', collectivite: 1 })),
      /lien de courriel invalide/,
    );
  });

  test('delivered to the SMTP server by the housekeeping, the link absolute; another town sees none of it', async () => {
    const id = await writeAs(database().db.kysely, agentOf(1), (trx) =>
      queueMail(trx, { to: 'urba@libreville.test', subject: 'Courrier : nouvelle tâche — Répondre', text: 'Une tâche vous est confiée.\nConsulter la tâche : [lien]', link: '/courrier/tache/12', collectivite: 1 }));
    assert.ok(id > 0);
    const seen = (actor: Actor) => readAs(database().db.kysely, actor, async (db) => (await sql`select om_courriel from om.om_courriel`.execute(db)).rows.length);
    assert.equal(await seen(agentOf(1)), 1);
    assert.equal(await seen(agentOf(3)), 0);
    // A town cannot queue a message in another's name.
    await assert.rejects(writeAs(database().db.kysely, agentOf(3), (trx) => queueMail(trx, { to: 'x@y.test', subject: 's', text: 't', collectivite: 1 })));

    const base = await createTestRuntime(database());
    const smtp = { host: '127.0.0.1', port: sink.port, secure: false, user: undefined, password: undefined, from: 'Commun <commun@libreville.test>' };
    const config = { ...base.config, baseUrl: BASE_URL, smtp };
    const received = sink.next();
    // The server's runtime, as `commun start` hands it to the housekeeping.
    const served = { ...base, config, mailer: createMailer(config, silent) };
    await maintainJobs(served);
    const mail = await received;
    assert.deepEqual(mail.to, ['urba@libreville.test']);
    assert.match(mail.text, /Subject: Courrier : nouvelle t=C3=A2che|Subject: =\?UTF-8\?/);
    assert.match(mail.text, /Consulter la tâche : https:\/\/courrier\.libreville\.test\/courrier\/tache\/12/);
    assert.deepEqual(await rows(), [{ destinataire: 'urba@libreville.test', etat: 'envoye', tentatives: 1, derniere_erreur: null, sent: true }]);
    // Sent once: the next pass has nothing to do.
    assert.deepEqual(await deliverQueuedMail(runtimeOn(sink.port)), { sent: 0, retried: 0, failed: 0 });
  });

  test('a server that refuses: retried later with a growing delay, « echec » with the error after five tries', async () => {
    await database().asOwner(`delete from om.om_courriel`);
    await writeAs(database().db.kysely, agentOf(1), (trx) => queueMail(trx, { to: 'voirie@libreville.test', subject: 'Relance', text: 'Texte', collectivite: 1 }));
    // Port 9 (discard): nothing listens, the connection is refused.
    const down = runtimeOn(9);
    let now = new Date();
    assert.deepEqual(await deliverQueuedMail(down, { now }), { sent: 0, retried: 1, failed: 0 });
    // Not due again before its delay (1 minute after the first failure).
    assert.deepEqual(await deliverQueuedMail(down, { now: new Date(now.getTime() + 30_000) }), { sent: 0, retried: 0, failed: 0 });
    for (const attempt of [2, 3, 4]) {
      now = new Date(now.getTime() + (retryDelayMinutes(attempt - 1) * 60_000 + 1_000));
      assert.deepEqual(await deliverQueuedMail(down, { now }), { sent: 0, retried: 1, failed: 0 }, `attempt ${attempt}`);
    }
    now = new Date(now.getTime() + 9 * 60_000);
    assert.deepEqual(await deliverQueuedMail(down, { now }), { sent: 0, retried: 0, failed: 1 });
    const [row] = await rows();
    assert.equal(row?.etat, 'echec');
    assert.equal(row?.tentatives, 5);
    assert.equal(row?.sent, false);
    assert.match(row?.derniere_erreur ?? '', /ECONNREFUSED|connect/i);
    // Never tried again.
    assert.deepEqual(await deliverQueuedMail(runtimeOn(sink.port), { now: new Date(now.getTime() + 86_400_000) }), { sent: 0, retried: 0, failed: 0 });
  });
});
