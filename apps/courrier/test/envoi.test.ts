/**
 * « Envoyer par courriel » a departure mail (part H3), on both databases, to a local SMTP server:
 * the latest « réponse » document attached byte for byte, the correspondent's address by default,
 * the mail then sent and parti; each refusal's exact message (no letter, a wrong address, under
 * visa, no file store, a mailer that fails) leaves the mail as it was.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { createMailer } from '../../../framework/src/access/mailer.ts';
import { loadConfig } from '../../../framework/src/config/index.ts';
import { fileStoreOf } from '../../../framework/src/files/index.ts';
import type { ActionServices } from '../../../framework/src/model/override.ts';
import { runAction, type ServiceDeps } from '../../../framework/src/records/index.ts';
import { startSmtpSink } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { courrierFixture, courrierObject, courrierRuntime, depsOf, inserer, organisation, refusal, SOURCES, type Organisation } from './support.ts';

/** The attachments of a raw MIME message: content type, file name and decoded bytes. */
function piecesJointes(raw: string): { type: string; nom: string; octets: Buffer }[] {
  const boundary = /boundary="?([^"\r\n;]+)"?/i.exec(raw)?.[1];
  if (!boundary) return [];
  return raw
    .split(`--${boundary}`)
    .filter((part) => /content-disposition:\s*attachment/i.test(part))
    .map((part) => {
      const [entete = '', ...corps] = part.split(/\r?\n\r?\n/);
      const nom = /filename="?([^"\r\n;]+)"?/i.exec(entete)?.[1] ?? '';
      const type = /content-type:\s*([^;\r\n]+)/i.exec(entete)?.[1]?.trim() ?? '';
      return { type, nom, octets: Buffer.from(corps.join('\n').replace(/\s+/g, ''), 'base64') };
    });
}

// A small PDF with bytes that do not survive a text transfer: only base64 keeps them.
const LETTRE = Buffer.concat([Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1'), Buffer.from([0, 1, 2, 254, 255, 13, 10]), Buffer.from('\n%%EOF\n')]);

const sink = await startSmtpSink();
after(() => sink.close());

describeEachDatabase(
  'courrier : envoi par courriel',
  (database) => {
    let runtime: TestRuntime;
    let org: Organisation;
    let services: ActionServices;
    let deps: ServiceDeps;
    const action = (actor: Actor, courrier: number, input: Record<string, string> = {}, avec: ServiceDeps = deps) =>
      runAction(avec, actor, courrierObject(runtime, 'courrier'), String(courrier), 'envoyer_courriel', input);
    const lire = async (courrier: number) =>
      (await database().ownerQuery<{ etat: string; envoye_a: string | null; envoye: boolean; parti_aujourdhui: boolean | null }>(
        `select etat, envoye_a, envoye_le is not null as envoye, date_depart = current_date as parti_aujourdhui from courrier.courrier where courrier = ${courrier}`,
      )).map((row) => ({ ...row }))[0];
    const depart = (numero: string, extra: Record<string, string | number | boolean | null> = {}) =>
      courrierFixture(database(), org, { registre: 'depart', etat: 'projet', numero, date_arrivee: null, date_courrier: null, service: org.services.COURRIER, objet: 'Votre demande de stationnement', cree_par: 'agent', ...extra });
    /** A kept file in the store and a document of the mail's dossier holding it. */
    const joindre = async (courrier: number, type: string, nom: string, octets: Buffer, date = '2026-03-05') => {
      const store = fileStoreOf(runtime);
      const fichier = await store.stage(org.actors.agent, { name: nom, type: 'application/pdf', bytes: new Uint8Array(octets) }, 1);
      await store.commit(org.actors.agent, fichier.id, 1);
      await inserer(database(), 'document', { courrier, libelle: nom, type_document: type, date_document: date, fichier: fichier.id, om_collectivite: 1 });
      return fichier.id;
    };

    before(async () => {
      runtime = await courrierRuntime(database());
      org = await organisation(database());
      const config = loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_FROM: 'Mairie de Libreville <courrier@libreville.test>' });
      services = { mailer: createMailer(config, runtime.logger), logger: runtime.logger, baseUrl: 'http://commun.test', locale: 'fr' };
      deps = { ...depsOf(runtime), services };
    });

    test('the latest « réponse » letter leaves to the correspondent, attached byte for byte; the mail is parti', async () => {
      const mail = await depart('2026-D-10');
      await joindre(mail, 'annexe', 'plan.pdf', Buffer.from('%PDF-1.4 annexe'));
      await joindre(mail, 'reponse', 'brouillon.pdf', Buffer.from('%PDF-1.4 ancien brouillon'), '2026-03-01');
      await joindre(mail, 'reponse', 'lettre-2026-D-10.pdf', LETTRE, '2026-03-05');
      sink.mails.length = 0;
      const fait = await action(org.actors.agent, mail, { message: 'Madame, Monsieur,\nVoici notre réponse.' });
      assert.equal(fait.message, 'Courrier 2026-D-10 envoyé par courriel à jean.durand@exemple.test ; il est marqué parti.');
      const recu = await sink.next();
      assert.deepEqual(recu.to, ['jean.durand@exemple.test']);
      assert.match(recu.text, /Subject: =\?UTF-8\?Q\?Courrier_n°_2026-D-10_—_Vot\?/);
      assert.match(recu.text, /Voici notre réponse\./);
      const pieces = piecesJointes(recu.raw);
      assert.equal(pieces.length, 1);
      assert.equal(pieces[0]?.nom, 'lettre-2026-D-10.pdf');
      assert.equal(pieces[0]?.type, 'application/pdf');
      assert.deepEqual(pieces[0]?.octets, LETTRE);
      assert.deepEqual(await lire(mail), { etat: 'parti', envoye_a: 'jean.durand@exemple.test', envoye: true, parti_aujourdhui: true });
      assert.equal((await refusal(() => action(org.actors.agent, mail))).message, 'Le courrier est déjà parti.');
    });

    test('a typed address wins; a visé mail leaves too', async () => {
      const mail = await depart('2026-D-11', { etat: 'vise' });
      await joindre(mail, 'reponse', 'lettre.pdf', LETTRE);
      sink.mails.length = 0;
      assert.equal((await action(org.actors.urba, mail, { destinataire: ' service.juridique@exemple.test ' })).message, 'Courrier 2026-D-11 envoyé par courriel à service.juridique@exemple.test ; il est marqué parti.');
      assert.deepEqual((await sink.next()).to, ['service.juridique@exemple.test']);
    });

    test('refusals change nothing: no letter, a wrong address, under visa, no file store, a failing mailer, no right', async () => {
      const { agent, lecteur } = org.actors;
      const mail = await depart('2026-D-12');
      assert.equal((await refusal(() => action(agent, mail))).message, 'Joignez d’abord la lettre à envoyer au dossier (document de type réponse).');
      await joindre(mail, 'reponse', 'lettre.pdf', LETTRE);
      const adresse = await refusal(() => action(agent, mail, { destinataire: 'jean.durand' }));
      assert.equal(adresse.message, 'Indiquez l’adresse électronique du destinataire (par exemple prenom.nom@exemple.fr).');
      assert.deepEqual(adresse.fields, { destinataire: 'Indiquez l’adresse électronique du destinataire (par exemple prenom.nom@exemple.fr).' });
      const sansFichiers: ServiceDeps = { ...deps, files: undefined };
      assert.equal((await refusal(() => action(agent, mail, {}, sansFichiers))).message, 'La lettre ne peut pas être lue ici : l’envoi par courriel n’est pas disponible.');
      const muet = createMailer(loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '1' }), runtime.logger);
      const enPanne: ServiceDeps = { ...deps, services: Object.assign({ ...services }, { mailer: muet }) };
      assert.equal((await refusal(() => action(agent, mail, {}, enPanne))).message, 'Le courriel n’a pas pu être envoyé : réessayez plus tard ou contactez l’administrateur. Rien n’a été modifié.');
      await assert.rejects(() => action(lecteur, mail), { code: 'forbidden' });
      assert.deepEqual(await lire(mail), { etat: 'projet', envoye_a: null, envoye: false, parti_aujourdhui: null });

      const enVisa = await depart('2026-D-13', { etat: 'en_visa' });
      const refus = await refusal(() => action(agent, enVisa));
      assert.equal(refus.code, 'unavailable_action');
      assert.equal(refus.message, 'Le courrier est en visa : il ne peut partir qu’une fois visé.');
      const avecCircuit = await depart('2026-D-14');
      await inserer(database(), 'visa', { courrier: avecCircuit, rang: 1, agent: org.agents.urba, om_collectivite: 1 });
      await joindre(avecCircuit, 'reponse', 'lettre.pdf', LETTRE);
      assert.equal((await refusal(() => action(agent, avecCircuit))).message, 'Le courrier a un circuit de visa : soumettez-le au visa, il partira une fois visé.');
      const arrivee = await courrierFixture(database(), org);
      assert.equal((await refusal(() => action(agent, arrivee))).message, 'Cette action ne concerne qu’un courrier de départ.');
    });
  },
  { sources: SOURCES },
);
