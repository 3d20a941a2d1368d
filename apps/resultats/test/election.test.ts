/**
 * Preparing an election, on both databases: a new election gets a result row per bureau and the
 * hours 12:00 and 17:00; « Créer le second tour » prepares the tour 2 (same bureaux, inscrits and
 * hours, no candidatures); with « Élections » served, the bureaux and inscrits come from the
 * electoral lists (the lists the type uses), at creation and by the action, validated bureaux kept.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import type { Row } from '../../../framework/src/db/index.ts';
import { createRecord, runAction, ServiceError, updateRecord } from '../../../framework/src/records/index.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { compteRendu } from '../src/election/reprendre-bureaux.ts';
import { listesDuType } from '../src/election/import-elections.ts';
import { actorsFor, depsOf, PASSWORD, resultatsEtElectionsRuntime, resultatsObject, resultatsRuntime, SOURCES, SOURCES_AVEC_ELECTIONS } from './support.ts';

const AUTREVILLE = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`;

async function refusal(work: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  assert.fail('the write was expected to be refused');
}

const USERS = [
  { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
  { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
] as const;

/** Writes as `login` through the record service. */
function service(runtime: () => TestRuntime, actors: () => Record<string, Actor>) {
  const actor = (login: string) => actors()[login] as Actor;
  return {
    create: (table: string, input: Row, login = 'chef') => createRecord(depsOf(runtime()), actor(login), resultatsObject(runtime(), table), input),
    update: (table: string, key: unknown, input: Row, login = 'chef') =>
      updateRecord(depsOf(runtime()), actor(login), resultatsObject(runtime(), table), String(key), input, { partial: true }),
    act: (key: unknown, action: string, login = 'chef') => runAction(depsOf(runtime()), actor(login), resultatsObject(runtime(), 'election'), String(key), action, {}),
  };
}

const figures = (database: TestDatabase, election: unknown) =>
  database.ownerQuery<{ code: string; inscrits: number }>(
    `select b.code, eb.inscrits from resultats.election_bureau eb join resultats.bureau b using (bureau) where eb.election = ${Number(election)} order by b.code`,
  );
const heures = async (database: TestDatabase, election: unknown) =>
  (await database.ownerQuery<{ heure: string }>(`select heure::text from resultats.tranche where election = ${Number(election)} order by heure`)).map((row) => row.heure);

describeEachDatabase(
  'resultats : bureaux et tranches d’une élection, second tour',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<string, Actor>;
    const { create, update, act } = service(() => runtime, () => actors);

    before(async () => {
      await database().asOwner(`${AUTREVILLE}
        insert into resultats.bureau (code, libelle, om_collectivite) values ('1', 'Hôtel de ville', 1), ('2', 'École Jules-Ferry', 1), ('1', 'Mairie d’Autreville', 3);`, 'resultats');
      runtime = await resultatsRuntime(database());
      actors = await actorsFor(database(), PASSWORD, USERS);
    });

    test('a new election gets a result row for each bureau of its collectivité, and the hours 12:00 and 17:00', async () => {
      const election = await create('election', { libelle: 'Municipales 2026', type: 'municipales', date_scrutin: '2026-03-15', sieges: 29 });
      assert.deepEqual(await figures(database(), election.election), [{ code: '1', inscrits: 0 }, { code: '2', inscrits: 0 }]);
      assert.deepEqual(await heures(database(), election.election), ['12:00:00', '17:00:00']);
      assert.equal(resultatsObject(runtime, 'election').override.actions?.reprendre_bureaux, undefined, 'no import without « Élections »');
    });

    test('« Créer le second tour »: same bureaux, inscrits and hours, no candidatures, a week later; once only', async () => {
      const premier = await create('election', { libelle: 'Municipales', type: 'municipales', date_scrutin: '2026-03-15', sieges: 29, sieges_communautaires: 9 });
      await create('candidature', { election: premier.election, ordre: 1, libelle: 'Liste A' });
      const rows = await database().ownerQuery<{ election_bureau: number }>(`select election_bureau from resultats.election_bureau where election = ${premier.election} order by bureau`);
      await update('election_bureau', rows[0]?.election_bureau, { inscrits: 1250 });
      await update('election_bureau', rows[1]?.election_bureau, { inscrits: 980 });
      const [dixSept] = await database().ownerQuery<{ tranche: number }>(`select tranche from resultats.tranche where election = ${premier.election} and heure = '17:00'`);
      await update('tranche', dixSept?.tranche, { heure: '18:00' });

      assert.equal((await refusal(() => act(premier.election, 'second_tour', 'agent'))).code, 'forbidden');
      const done = await act(premier.election, 'second_tour');
      assert.equal(done.message, 'Le second tour est créé avec 2 bureaux et leurs inscrits, et les tranches horaires du premier tour. Ajoutez-y les listes admises à s’y présenter.');
      const [second] = await database().ownerQuery<Row>(`select election, libelle, type, tour, premier_tour, date_scrutin::text, sieges, sieges_communautaires, etat
        from resultats.election where premier_tour = ${premier.election}`);
      assert.equal(done.redirect, `/resultats/election/${second?.election}`);
      assert.deepEqual({ ...second, election: undefined }, {
        election: undefined, libelle: 'Municipales – second tour', type: 'municipales', tour: 2, premier_tour: premier.election,
        date_scrutin: '2026-03-22', sieges: 29, sieges_communautaires: 9, etat: 'preparation',
      });
      assert.deepEqual(await figures(database(), second?.election), [{ code: '1', inscrits: 1250 }, { code: '2', inscrits: 980 }]);
      assert.deepEqual(await heures(database(), second?.election), ['12:00:00', '18:00:00']);
      const [candidatures] = await database().ownerQuery<{ n: number }>(`select count(*)::int as n from resultats.candidature where election = ${second?.election}`);
      assert.equal(candidatures?.n, 0);

      const again = await refusal(() => act(premier.election, 'second_tour'));
      assert.equal(again.message, 'Le second tour de cette élection existe déjà : « Municipales – second tour ».');
      const ofSecond = await refusal(() => act(second?.election, 'second_tour'));
      assert.equal(ofSecond.message, 'Seule une élection du premier tour a un second tour.');
    });

    test('a second round created by the form takes its first round’s bureaux, inscrits and hours too', async () => {
      const premier = await create('election', { libelle: 'Présidentielle 2027', type: 'presidentielle', date_scrutin: '2027-04-11' });
      await database().asOwner(`update resultats.election_bureau set inscrits = 700 where election = ${premier.election}`);
      const second = await create('election', { libelle: 'Présidentielle 2027 (2d tour)', type: 'presidentielle', tour: 2, premier_tour: premier.election, date_scrutin: '2027-04-25' });
      assert.deepEqual(await figures(database(), second.election), [{ code: '1', inscrits: 700 }, { code: '2', inscrits: 700 }]);
      assert.deepEqual(await heures(database(), second.election), ['12:00:00', '17:00:00']);
    });
  },
  { sources: SOURCES },
);

/** Élections: bureaux 1 and 2 of Libreville (and Autreville's 1), electors on each list. */
const ELECTIONS_FIXTURE = `${AUTREVILLE}
insert into elections.canton (canton, code, libelle, om_collectivite) values (1, '01', 'Libreville-1', 1);
insert into elections.circonscription (circonscription, code, libelle, om_collectivite) values (1, '03', '3e circonscription', 1);
insert into elections.bureau (bureau, code, libelle, adresse, canton, circonscription, om_collectivite) values
  (1, '1', 'Hôtel de ville', '1 place de la Mairie', 1, 1, 1), (2, '2', 'École Jules-Ferry', '12 rue Jules Ferry', 1, 1, 1),
  (3, '1', 'Mairie d’Autreville', null, null, null, 3);
insert into elections.voie (voie, code, libelle, om_collectivite) values (1, 'V001', 'Rue de la République', 1), (2, 'V001', 'Grande Rue', 3);
insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, nationalite, voie, bureau, om_collectivite)
select v.liste, 'Mme', 'F', 'DURAND', 'Anne', '1970-05-04', 'etranger', '99101', v.nationalite, v.voie, v.bureau, v.collectivite
  from (values ('LP', 'FRA', 1, 1, 1, 5), ('LCM', 'DEU', 1, 1, 1, 1), ('LCE', 'DEU', 1, 1, 1, 2),
               ('LP', 'FRA', 1, 2, 1, 3), ('LCE', 'ITA', 1, 2, 1, 1), ('LP', 'FRA', 2, 3, 3, 40)) as v (liste, nationalite, voie, bureau, collectivite, n)
  cross join lateral generate_series(1, v.n);
-- A bureau of résultats typed by hand before: the import updates it by its code.
insert into resultats.bureau (code, libelle, om_collectivite) values ('2', 'École (ancien libellé)', 1);
`;

describeEachDatabase(
  'resultats : bureaux et inscrits repris de l’application « Élections »',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<string, Actor>;
    const { create, act } = service(() => runtime, () => actors);

    before(async () => {
      await database().asOwner(ELECTIONS_FIXTURE, 'resultats');
      runtime = await resultatsEtElectionsRuntime(database());
      actors = await actorsFor(database(), PASSWORD, USERS);
    });

    test('the lists each type of election uses', () => {
      assert.deepEqual(listesDuType('europeennes'), ['LP', 'LCE']);
      assert.deepEqual(listesDuType('municipales'), ['LP', 'LCM']);
      assert.deepEqual(listesDuType('municipales_moins_1000'), ['LP', 'LCM']);
      assert.deepEqual(listesDuType('legislatives'), ['LP']);
      assert.equal(compteRendu({ bureaux: 12, misAJour: 12, inscrits: 20_553, valides: 0 }, 'fr').replace(/\u202f/g, ' '), '12 bureaux, 20 553 inscrits.');
    });

    test('created, a municipal election takes the bureaux and the electors of LP and LCM of its collectivité', async () => {
      const warnings: string[] = [];
      const election = await createRecord(depsOf(runtime), actors.chef as Actor, resultatsObject(runtime, 'election'),
        { libelle: 'Municipales 2026', type: 'municipales', date_scrutin: '2026-03-15', sieges: 29 }, { warnings });
      assert.deepEqual(warnings, ['2 bureaux, 9 inscrits.']);
      assert.deepEqual(await figures(database(), election.election), [{ code: '1', inscrits: 6 }, { code: '2', inscrits: 3 }]);
      const bureaux = await database().ownerQuery<Row>(`select code, libelle, adresse, canton, circonscription from resultats.bureau where om_collectivite = 1 order by code`);
      assert.deepEqual(bureaux, [
        { code: '1', libelle: 'Hôtel de ville', adresse: '1 place de la Mairie', canton: 'Libreville-1', circonscription: '3e circonscription' },
        { code: '2', libelle: 'École Jules-Ferry', adresse: '12 rue Jules Ferry', canton: 'Libreville-1', circonscription: '3e circonscription' },
      ]);
    });

    test('« Reprendre les bureaux des listes électorales »: LP and LCE for the européennes, validated bureaux kept, reported', async () => {
      const election = await create('election', { libelle: 'Européennes 2029', type: 'europeennes', date_scrutin: '2029-06-10' });
      assert.deepEqual(await figures(database(), election.election), [{ code: '1', inscrits: 7 }, { code: '2', inscrits: 4 }]);
      await database().asOwner(`update resultats.election_bureau eb set inscrits = 99, votants = 1, blancs = 0, nuls = 0, exprimes = 1, etat = 'valide'
        from resultats.bureau b where b.bureau = eb.bureau and b.code = '2' and eb.election = ${election.election}`);
      await database().asOwner(`insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, nationalite, voie, bureau, om_collectivite)
        select 'LP', 'M.', 'M', 'MARTIN', 'Paul', '1980-01-01', 'etranger', '99101', 'FRA', 1, b, 1 from (values (1), (2)) as v (b)`);
      const done = await act(election.election, 'reprendre_bureaux');
      assert.equal(done.message, '1 bureau, 8 inscrits ; 1 bureau déjà validé garde ses inscrits.');
      assert.deepEqual(await figures(database(), election.election), [{ code: '1', inscrits: 8 }, { code: '2', inscrits: 99 }]);
      assert.equal((await refusal(() => act(election.election, 'reprendre_bureaux', 'agent'))).code, 'forbidden');
    });
  },
  { sources: SOURCES_AVEC_ELECTIONS },
);
