/**
 * The shared core of « Courrier », on both databases: the parameters (defaults of migration 0003, a
 * town's own values), the registers (200 registrations in parallel give 200 consecutive numbers; a
 * rolled-back one gives its number back; the departure pattern; a new year at 1) and who sees which
 * mail (confidential: its service, its référent and its visa circuit only; the service filter; the
 * sub-services; another town never).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../../framework/src/access/actor.ts';
import { readAs, writeAs } from '../../../framework/src/db/index.ts';
import { formatRegisterNumber, patternProblem, resetRegister } from '../../../framework/src/registers/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { agentDe, sousServices } from '../src/core/agents.ts';
import { PARAMETRES_PAR_DEFAUT, parametresCourrier } from '../src/core/parametres.ts';
import { prochainNumero, registreRef } from '../src/core/registres.ts';
import { courrierFixture, inserer, organisation, SOURCES, type Organisation } from './support.ts';

test('a register pattern: [annee], [seq] and [seqN]; a wrong one is named in French', () => {
  assert.equal(formatRegisterNumber('[annee]-[seq]', 2026, 42), '2026-42');
  assert.equal(formatRegisterNumber('[annee]-D-[seq5]', 2026, 42), '2026-D-00042');
  assert.equal(patternProblem('[annee]-[seq]'), undefined);
  assert.match(patternProblem('[annee]') ?? '', /une fois \[seq\]/);
  assert.match(patternProblem('[seq]-[mois]') ?? '', /ne connaît que/);
});

describeEachDatabase(
  'courrier : paramètres, registres, visibilité',
  (database) => {
    let org: Organisation;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const asSystem = <T>(work: Parameters<typeof writeAs<T>>[2]) => writeAs(database().db.kysely, SYSTEM_ACTOR, work);
    const visibles = async (actor: Actor, ids: readonly number[]) =>
      readAs(database().db.kysely, actor, async (db) => {
        const { rows } = await sql<{ courrier: number }>`select courrier from courrier.courrier where courrier = any(${ids}::int[]) order by courrier`.execute(db);
        return rows.map((row) => Number(row.courrier));
      });
    const taches = async (actor: Actor, tache: number) =>
      readAs(database().db.kysely, actor, async (db) => (await sql`select tache from courrier.tache where tache = ${tache}`.execute(db)).rows.length);

    before(async () => {
      org = await organisation(database());
    });

    test('the parameters: the defaults of migration 0003, then a town’s own values', async () => {
      assert.deepEqual(await asSystem((trx) => parametresCourrier(trx, 1)), { ...PARAMETRES_PAR_DEFAUT, ville: 'Libreville' });
      await query(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('registre_arrivee', 'A-[annee]-[seq4]', 1), ('delai_reponse', '21', 1)`);
      const lus = await asSystem((trx) => parametresCourrier(trx, 1));
      assert.equal(lus.registreArrivee, 'A-[annee]-[seq4]');
      assert.equal(lus.delaiReponse, 21);
      await query(`delete from om.om_parametre where om_collectivite = 1 and libelle in ('registre_arrivee', 'delai_reponse')`);
    });

    test('200 registrations in parallel get 200 consecutive numbers, without gap or duplicate', async () => {
      const parametres = PARAMETRES_PAR_DEFAUT;
      const numeros = await Promise.all(
        Array.from({ length: 200 }, () => asSystem((trx) => prochainNumero(trx, 'arrivee', 1, parametres, '2025-06-01'))),
      );
      const rangs = numeros.map((numero) => numero.rank).sort((a, b) => a - b);
      assert.deepEqual(rangs, Array.from({ length: 200 }, (_, index) => index + 1));
      assert.equal(new Set(numeros.map((numero) => numero.number)).size, 200);
      assert.ok(numeros.every((numero) => /^2025-\d+$/.test(numero.number)));
    });

    test('a rolled-back registration gives its number back; the departure pattern; a new year starts at 1; the reset', async () => {
      const parametres = PARAMETRES_PAR_DEFAUT;
      await assert.rejects(asSystem(async (trx) => {
        await prochainNumero(trx, 'depart', 1, parametres, '2024-12-31');
        throw new Error('annulé');
      }));
      assert.equal((await asSystem((trx) => prochainNumero(trx, 'depart', 1, parametres, '2024-12-31'))).number, '2024-D-1');
      assert.equal((await asSystem((trx) => prochainNumero(trx, 'depart', 1, parametres, '2024-12-31'))).number, '2024-D-2');
      assert.equal((await asSystem((trx) => prochainNumero(trx, 'depart', 1, parametres, '2023-01-02'))).number, '2023-D-1');
      assert.equal(await asSystem((trx) => resetRegister(trx, registreRef('depart', 1), 2024)), 2);
      assert.equal((await asSystem((trx) => prochainNumero(trx, 'depart', 1, parametres, '2024-12-31'))).number, '2024-D-1');
      // Another town's register is its own.
      assert.equal((await asSystem((trx) => prochainNumero(trx, 'depart', 3, parametres, '2024-12-31'))).number, '2024-D-1');
    });

    test('agents and services: the agent of a user, the sub-services of a service', async () => {
      const urba = await asSystem((trx) => agentDe(trx, org.actors.urba));
      assert.deepEqual(urba, { agent: org.agents.urba, service: org.services.URBA, tousServices: false, notification: true });
      assert.equal(await asSystem((trx) => agentDe(trx, org.actors.lecteur)), undefined);
      const sous = await asSystem((trx) => sousServices(trx, org.services.DG));
      assert.deepEqual([...sous].sort((a, b) => a - b), [org.services.DG, org.services.URBA, org.services.VOIRIE].sort((a, b) => a - b));
    });

    test('confidential mail: its service, its référent, its circuit; not the others, not « tous services »', async () => {
      const ordinaire = await courrierFixture(database(), org, { service: org.services.URBA });
      const secret = await courrierFixture(database(), org, { service: org.services.URBA, confidentiel: true });
      const secretEtat = await courrierFixture(database(), org, { service: org.services.ETAT, confidentiel: true, referent: org.agents.voirie });
      const secretVise = await courrierFixture(database(), org, { registre: 'depart', etat: 'en_visa', date_arrivee: null, date_courrier: null, service: org.services.ETAT, confidentiel: true });
      await inserer(database(), 'visa', { courrier: secretVise, rang: 1, agent: org.agents.urba, om_collectivite: 1 });
      const tache = await inserer(database(), 'tache', {
        courrier: secret, libelle: 'Répondre', tache_categorie: org.tacheCategories.REP, tache_etat: org.tacheEtats.NT, service: org.services.URBA, om_collectivite: 1,
      });
      const ids = [ordinaire, secret, secretEtat, secretVise];
      const { urba, voirie, etat, chef, lecteur, autre } = org.actors;
      assert.deepEqual(await visibles(urba, ids), [ordinaire, secret, secretVise]);
      assert.deepEqual(await visibles(voirie, ids), [ordinaire, secretEtat]);
      assert.deepEqual(await visibles(etat, ids), [ordinaire, secretEtat, secretVise]);
      assert.deepEqual(await visibles(chef, ids), [ordinaire]);
      assert.deepEqual(await visibles(lecteur, ids), [ordinaire]);
      assert.deepEqual(await visibles(autre, ids), []);
      assert.deepEqual(await visibles(SYSTEM_ACTOR, ids), ids);
      // What hangs on a confidential mail is hidden with it.
      assert.equal(await taches(urba, tache), 1);
      assert.equal(await taches(chef, tache), 0);
    });

    test('the service filter: an agent sees his services, the sub-services when configured, the copies; « tous services » all', async () => {
      const urbaMail = await courrierFixture(database(), org, { service: org.services.URBA });
      const voirieMail = await courrierFixture(database(), org, { service: org.services.VOIRIE });
      const etatMail = await courrierFixture(database(), org, { service: org.services.ETAT });
      await inserer(database(), 'copie', { courrier: etatMail, service: org.services.VOIRIE, om_collectivite: 1 });
      const ids = [urbaMail, voirieMail, etatMail];
      await query(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('filtre_recherche_service', 'true', 1)`);
      try {
        assert.deepEqual(await visibles(org.actors.urba, ids), [urbaMail]);
        assert.deepEqual(await visibles(org.actors.voirie, ids), [voirieMail, etatMail]);
        assert.deepEqual(await visibles(org.actors.chef, ids), ids);
        assert.deepEqual(await visibles(org.actors.lecteur, ids), []);
        await query(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('vue_sous_service', 'true', 1)`);
        // VOIRIE is under URBA: its mail and its copies now show to URBA.
        assert.deepEqual(await visibles(org.actors.urba, ids), ids);
      } finally {
        await query(`delete from om.om_parametre where om_collectivite = 1 and libelle in ('filtre_recherche_service', 'vue_sous_service')`);
      }
      assert.deepEqual(await visibles(org.actors.lecteur, ids), ids);
    });
  },
  { sources: SOURCES },
);
