/**
 * Tasks (« Courrier » H2), on both databases: given by hand through the records service as a form
 * does, each rule refused with its exact French message (the hierarchy rule with service_tache on
 * and off, the agent of another service, the butoir and the exécution before the creation, a reply
 * that is an arrival, a soldée task closed and reopened only by the responsable), a soldée task
 * executed today, and the reply task created with the mail (due on the category's delay, else the
 * parameter's).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { writeAs } from '../../../framework/src/db/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { parametresCourrier } from '../src/core/parametres.ts';
import { creerTacheReponse } from '../src/taches/automatique.ts';
import { MESSAGES_TACHE } from '../src/taches/regles.ts';
import { courrierFixture, courrierRuntime, organisation, refusal, service, SOURCES, type Organisation } from './support.ts';

test('the messages name the service and the date', () => {
  assert.equal(MESSAGES_TACHE.hierarchie('Urbanisme'), 'Une tâche de ce courrier ne peut être confiée qu’au service Urbanisme ou à l’un de ses sous-services.');
  assert.equal(MESSAGES_TACHE.butoir('02/03/2026'), 'La date butoir ne peut pas précéder la date de création de la tâche (02/03/2026).');
});

describeEachDatabase(
  'courrier : tâches',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let aujourdhui: string;
    const jjmmaaaa = (iso: string) => iso.split('-').reverse().join('/');
    const taches = (actor: Actor) => service(runtime, actor, 'tache');
    const ligne = async (tache: unknown) =>
      (await database().ownerQuery<{ date_creation: string; date_execution: string | null; solde: boolean; service: number; agent: number | null }>(
        `select to_char(date_creation, 'YYYY-MM-DD') as date_creation, to_char(date_execution, 'YYYY-MM-DD') as date_execution, solde, service, agent
           from courrier.tache where tache = ${Number(tache)}`,
      ))[0];
    const saisie = (courrier: number, extra: Record<string, unknown> = {}) => ({
      courrier,
      libelle: 'Instruire la demande',
      tache_categorie: org.tacheCategories.INT,
      tache_etat: org.tacheEtats.NT,
      service: org.services.URBA,
      ...extra,
    });

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
      aujourdhui = (await database().ownerQuery<{ jour: string }>(`select to_char(current_date, 'YYYY-MM-DD') as jour`))[0]?.jour ?? '';
    });

    test('by hand: created today for the processing service or a sub-service, with an agent of that service', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const creee = await taches(org.actors.urba).create(saisie(courrier, { service: org.services.VOIRIE, agent: org.agents.voirie, date_butoir: '2099-12-31' }));
      assert.deepEqual(await ligne(creee.tache), { date_creation: aujourdhui, date_execution: null, solde: false, service: org.services.VOIRIE, agent: org.agents.voirie });
      const propre = await taches(org.actors.urba).create(saisie(courrier));
      assert.equal((await ligne(propre.tache))?.service, org.services.URBA);
    });

    test('the hierarchy rule: another branch or the parent is refused; with service_tache off any service', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const message = 'Une tâche de ce courrier ne peut être confiée qu’au service Urbanisme ou à l’un de ses sous-services.';
      for (const ailleurs of [org.services.ETAT, org.services.DG]) {
        const refus = await refusal(() => taches(org.actors.urba).create(saisie(courrier, { service: ailleurs })));
        assert.deepEqual(refus.fields, { service: message });
      }
      // Given later to another branch: refused too.
      const creee = await taches(org.actors.urba).create(saisie(courrier));
      assert.deepEqual((await refusal(() => taches(org.actors.urba).update(creee.tache, { service: org.services.ETAT }))).fields, { service: message });

      await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('service_tache', '0', 1)`);
      try {
        const libre = await taches(org.actors.urba).create(saisie(courrier, { service: org.services.ETAT }));
        assert.equal((await ligne(libre.tache))?.service, org.services.ETAT);
      } finally {
        await database().asOwner(`delete from om.om_parametre where libelle = 'service_tache' and om_collectivite = 1`);
      }
    });

    test('the agent must belong to the task’s service', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const refus = await refusal(() => taches(org.actors.urba).create(saisie(courrier, { service: org.services.VOIRIE, agent: org.agents.urba })));
      assert.deepEqual(refus.fields, { agent: 'L’agent choisi n’appartient pas au service Voirie : choisissez un agent de ce service ou aucun.' });
    });

    test('dates: the butoir and the exécution not before the creation; soldée without a date is executed today', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const refus = await refusal(() => taches(org.actors.urba).create(saisie(courrier, { date_butoir: '2001-01-01' })));
      assert.deepEqual(refus.fields, { date_butoir: `La date butoir ne peut pas précéder la date de création de la tâche (${jjmmaaaa(aujourdhui)}).` });
      const creee = await taches(org.actors.urba).create(saisie(courrier));
      const execution = await refusal(() => taches(org.actors.urba).update(creee.tache, { solde: true, date_execution: '2001-01-01' }));
      assert.deepEqual(execution.fields, { date_execution: `La date d’exécution ne peut pas précéder la date de création de la tâche (${jjmmaaaa(aujourdhui)}).` });
      assert.equal((await ligne(creee.tache))?.solde, false, 'nothing written');
      await taches(org.actors.urba).update(creee.tache, { solde: true, chronoreponse: 'Répondu par téléphone le jour même.' });
      assert.deepEqual(await ligne(creee.tache), { date_creation: aujourdhui, date_execution: aujourdhui, solde: true, service: org.services.URBA, agent: null });
    });

    test('the reply is a departure mail, never an arrival', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const autreArrivee = await courrierFixture(database(), org, { service: org.services.URBA });
      const depart = await courrierFixture(database(), org, {
        registre: 'depart', etat: 'parti', date_arrivee: null, date_courrier: null, date_signature: '2026-03-05', date_depart: '2026-03-05', service: org.services.URBA, reponse_a: courrier,
      });
      const creee = await taches(org.actors.urba).create(saisie(courrier));
      const refus = await refusal(() => taches(org.actors.urba).update(creee.tache, { reponse: autreArrivee }));
      assert.deepEqual(refus.fields, { reponse: 'La réponse doit être un courrier de départ.' });
      const soldee = await taches(org.actors.urba).update(creee.tache, { reponse: depart, solde: true });
      assert.equal(soldee.reponse, depart);
    });

    test('a soldée task is closed; only the responsable reopens it', async () => {
      const courrier = await courrierFixture(database(), org, { service: org.services.URBA });
      const creee = await taches(org.actors.urba).create(saisie(courrier));
      await taches(org.actors.urba).update(creee.tache, { solde: true });
      const change = await refusal(() => taches(org.actors.urba).update(creee.tache, { libelle: 'Autre chose' }));
      assert.equal(change.message, 'Cette tâche est soldée : elle ne se modifie plus. Un responsable du courrier peut la rouvrir en décochant « Soldée ».');
      const rouvre = await refusal(() => taches(org.actors.urba).update(creee.tache, { solde: false }));
      assert.equal(rouvre.message, 'Seul un responsable du courrier peut rouvrir une tâche soldée.');
      assert.deepEqual(rouvre.fields, { solde: 'Seul un responsable du courrier peut rouvrir une tâche soldée.' });
      await taches(org.actors.chef).update(creee.tache, { solde: false, date_execution: null });
      assert.deepEqual(await ligne(creee.tache), { date_creation: aujourdhui, date_execution: null, solde: false, service: org.services.URBA, agent: null });
    });

    test('the reply task: due on the category’s delay, else the parameter’s; REP, NT, automatique', async () => {
      const reclamation = await courrierFixture(database(), org, { service: org.services.URBA, referent: org.agents.urba, categorie: org.categories.REC, objet: 'Bruit de chantier' });
      const information = await courrierFixture(database(), org, { service: org.services.URBA, categorie: org.categories.INF });
      const sansCategorie = await courrierFixture(database(), org, { service: org.services.ETAT });
      const creer = (courrier: number, categorie: number | null, serviceId: number, referent: number | null) =>
        writeAs(database().db.kysely, org.actors.agent, async (trx) =>
          creerTacheReponse(trx, { courrier, objet: 'Bruit de chantier', service: serviceId, referent, categorie, date: '2026-03-02', collectivite: 1 }, await parametresCourrier(trx, 1)));
      const lire = async (tache: number) =>
        (await database().ownerQuery<Record<string, unknown>>(`select t.libelle, to_char(t.date_butoir, 'YYYY-MM-DD') as butoir, c.code as categorie, e.code as etat, t.automatique, t.service, t.agent
           from courrier.tache t join courrier.tache_categorie c using (tache_categorie) join courrier.tache_etat e using (tache_etat) where tache = ${tache}`))[0];
      assert.deepEqual(await lire(await creer(reclamation, org.categories.REC, org.services.URBA, org.agents.urba)), {
        libelle: 'Répondre : Bruit de chantier', butoir: '2026-03-10', categorie: 'REP', etat: 'NT', automatique: true, service: org.services.URBA, agent: org.agents.urba,
      });
      assert.equal((await lire(await creer(information, org.categories.INF, org.services.URBA, null)))?.butoir, '2026-03-17');
      await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('delai_reponse', '21', 1)`);
      try {
        assert.equal((await lire(await creer(sansCategorie, null, org.services.ETAT, null)))?.butoir, '2026-03-23');
      } finally {
        await database().asOwner(`delete from om.om_parametre where libelle = 'delai_reponse' and om_collectivite = 1`);
      }
    });
  },
  { sources: SOURCES },
);
