/**
 * Tasks announced by e-mail (« Courrier » H2), on both databases: queued in the framework's outbox
 * in the write's transaction — to the agent who wants it, else to the service — when a task is
 * created by hand or automatically, or given to another service or agent; nothing for a refused or
 * rolled-back write, nor with `notification_courriel` off; then delivered to a local SMTP server with
 * the task's absolute link.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createMailer } from '../../../framework/src/access/mailer.ts';
import { loadConfig } from '../../../framework/src/config/index.ts';
import { writeAs } from '../../../framework/src/db/index.ts';
import { createLogger } from '../../../framework/src/logger.ts';
import { deliverQueuedMail } from '../../../framework/src/mail/index.ts';
import { startSmtpSink } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { PARAMETRES_PAR_DEFAUT } from '../src/core/parametres.ts';
import { creerTacheReponse } from '../src/taches/automatique.ts';
import { courrierFixture, courrierRuntime, organisation, refusal, service, SOURCES, type Organisation } from './support.ts';

interface Courriel {
  destinataire: string;
  sujet: string;
  texte: string;
  lien: string;
  etat: string;
}

describeEachDatabase(
  'courrier : notification des tâches par courriel',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    const courriels = () => database().ownerQuery<Courriel>(`select destinataire, sujet, texte, lien, etat from om.om_courriel order by om_courriel`);
    const taches = () => service(runtime, org.actors.urba, 'tache');
    const saisie = (courrier: number, extra: Record<string, unknown> = {}) => ({
      courrier, libelle: 'Instruire la demande', tache_categorie: org.tacheCategories.INT, tache_etat: org.tacheEtats.NT, service: org.services.URBA, ...extra,
    });

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
      sink = await startSmtpSink();
    });

    after(async () => {
      await sink.close();
    });

    beforeEach(async () => {
      await database().asOwner(`delete from om.om_courriel`);
    });

    test('a task given to an agent: to him, with the mail’s number, objet, due date and the link', async () => {
      const courrier = await courrierFixture(database(), org, { numero: '2026-17', objet: 'Permis de construire, pièces manquantes', service: org.services.URBA });
      const creee = await taches().create(saisie(courrier, { service: org.services.VOIRIE, agent: org.agents.voirie, date_butoir: '2099-03-10' }));
      assert.deepEqual(await courriels(), [{
        destinataire: 'voirie@example.org',
        sujet: 'Courrier : nouvelle tâche — Instruire la demande',
        texte: [
          'Une tâche du registre du courrier est confiée à voirie (service Voirie) :',
          '« Instruire la demande »',
          '',
          'Courrier n° 2026-17 : Permis de construire, pièces manquantes',
          'Date butoir : 10/03/2099',
          '',
          'Consulter la tâche : [lien]',
        ].join('\n'),
        lien: `/courrier/tache/${creee.tache}`,
        etat: 'a_envoyer',
      }]);
      const [notifiee] = await database().ownerQuery<{ notifiee: boolean }>(`select notifie_le is not null as notifiee from courrier.tache where tache = ${Number(creee.tache)}`);
      assert.equal(notifiee?.notifiee, true);
    });

    test('to the service when there is no agent, or when the agent does not want it; again when given to another', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const creee = await taches().create(saisie(courrier));
      await database().asOwner(`update courrier.agent set notification = false where agent = ${org.agents.voirie}`);
      try {
        await taches().update(creee.tache, { service: org.services.VOIRIE, agent: org.agents.voirie });
      } finally {
        await database().asOwner(`update courrier.agent set notification = true where agent = ${org.agents.voirie}`);
      }
      // A change that gives it to no one new says nothing; taken back from the agent, it goes to the service.
      await taches().update(creee.tache, { libelle: 'Instruire la demande (relancé)' });
      await taches().update(creee.tache, { agent: null });
      assert.deepEqual((await courriels()).map((c) => c.destinataire), ['urba@libreville.test', 'voirie@libreville.test', 'voirie@libreville.test']);
    });

    test('nothing for a refused write, a rolled-back registration, or with notification_courriel off', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      await refusal(() => taches().create(saisie(courrier, { service: org.services.ETAT })));
      await assert.rejects(
        writeAs(database().db.kysely, org.actors.agent, async (trx) => {
          await creerTacheReponse(trx, { courrier, objet: 'Objet', service: org.services.URBA, referent: org.agents.urba, categorie: null, date: '2026-03-02', collectivite: 1 }, PARAMETRES_PAR_DEFAUT);
          throw new Error('enregistrement annulé');
        }),
        /enregistrement annulé/,
      );
      assert.deepEqual(await courriels(), []);
      await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('notification_courriel', 'false', 1)`);
      try {
        await taches().create(saisie(courrier));
      } finally {
        await database().asOwner(`delete from om.om_parametre where libelle = 'notification_courriel' and om_collectivite = 1`);
      }
      assert.deepEqual(await courriels(), []);
    });

    test('the automatic task is announced to its référent, and delivered with the absolute link', async () => {
      const courrier = await courrierFixture(database(), org, { numero: '2026-18', service: org.services.URBA, referent: org.agents.urba });
      const tache = await writeAs(database().db.kysely, org.actors.agent, (trx) =>
        creerTacheReponse(trx, { courrier, objet: 'Demande de renseignements', service: org.services.URBA, referent: org.agents.urba, categorie: org.categories.REC, date: '2026-03-02', collectivite: 1 }, PARAMETRES_PAR_DEFAUT));
      assert.deepEqual((await courriels()).map((c) => [c.destinataire, c.sujet, c.lien]), [['urba@example.org', 'Courrier : nouvelle tâche — Répondre : Demande de renseignements', `/courrier/tache/${tache}`]]);
      const smtp = { host: '127.0.0.1', port: sink.port, secure: false, user: undefined, password: undefined, from: 'Courrier <courrier@libreville.test>' };
      const config = { ...loadConfig({}), baseUrl: 'https://mairie.libreville.test', smtp };
      const recu = sink.next();
      assert.deepEqual(await deliverQueuedMail({ db: runtime.db, logger: createLogger('silent'), mailer: createMailer(config, createLogger('silent')), config }), { sent: 1, retried: 0, failed: 0 });
      const mail = await recu;
      assert.deepEqual(mail.to, ['urba@example.org']);
      assert.match(mail.text, /Courrier n° 2026-18 : Demande de renseignements/);
      assert.match(mail.text, /Date butoir : 10\/03\/2026/);
      assert.ok(mail.text.includes(`Consulter la tâche : https://mairie.libreville.test/courrier/tache/${tache}`), mail.text);
      assert.deepEqual((await courriels()).map((c) => c.etat), ['envoye']);
    });
  },
  { sources: SOURCES },
);
