/**
 * The instruction of movements (issue 11 points 3–5): each transition and each refusal in a wrong
 * state; « Accepter » changing the list for each category (numbers, bureau, former bureau, the
 * radiation's snapshot); duplicates refused then arbitrated; the bureau from the découpage and the
 * uncovered address; the deadline of a scrutin and an L30 case; the fiche électeur's actions.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import type { Row } from '../../../framework/src/db/connection.ts';
import { createRecord, deleteRecord, listRecords, runAction, ServiceError, updateRecord, type ReadDeps } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { addDays } from '../src/rules/dates.ts';
import { dateLimiteInscription } from '../src/rules/calendrier.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, electionsRuntime, loadElectionReferentials, objectOf, SOURCES } from './support.ts';
import { FIXTURE_SQL, PREMIER_TOUR } from './mouvements-fixture.ts';

describeEachDatabase(
  'élections : instruction des mouvements',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    const ids: Record<string, number> = {};
    const actor = (login: string): Actor => actors[login] ?? assert.fail(login);
    const mouvements = () => objectOf(runtime, 'mouvement');
    const electeurs = () => objectOf(runtime, 'electeur');
    const id = (name: string): number => ids[name] ?? assert.fail(name);

    const inscription = (changes: Row = {}): Row => ({
      type_mouvement: 'VOL1',
      liste: 'LP',
      date_demande: '2026-10-01',
      civilite: 'Mme',
      sexe: 'F',
      nom: 'Martin',
      prenoms: 'Claire',
      date_naissance: '1990-05-04',
      naissance_lieu: 'france',
      commune_naissance: '2A004',
      nationalite: 'FRA',
      voie: id('foch'),
      numero: 75,
      ...changes,
    });
    const create = (values: Row, login = 'agent') => createRecord(deps, actor(login), mouvements(), values);
    const act = (key: unknown, action: string, input: Row = {}, login = 'agent', object = mouvements()) => runAction(deps, actor(login), object, String(key), action, input);
    const refusalOf = async (work: () => Promise<unknown>): Promise<ServiceError> => {
      try {
        await work();
      } catch (error) {
        if (error instanceof ServiceError) return error;
        throw error;
      }
      return assert.fail('the treatment should have been refused');
    };
    const one = async <T extends Row>(query: string): Promise<T> => {
      const [row] = await database().ownerQuery<T>(query);
      return row ?? assert.fail(query);
    };
    const mouvementRow = (key: unknown) => one<Row>(`select * from elections.mouvement where mouvement = ${Number(key)}`);

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await loadElectionReferentials(database());
      await database().asOwner(FIXTURE_SQL);
      for (const [name, query] of [
        ['republique', `select voie as key from elections.voie where code = 'V001'`],
        ['foch', `select voie as key from elections.voie where code = 'V002'`],
        ['impasse', `select voie as key from elections.voie where code = 'V003'`],
        ['b1', `select bureau as key from elections.bureau where code = '001'`],
        ['b2', `select bureau as key from elections.bureau where code = '002'`],
        ['scrutin', `select scrutin as key from elections.scrutin where libelle = 'Municipales 2027'`],
        ['zola', `select electeur as key from elections.electeur where nom = 'Zola'`],
      ] as const) {
        ids[name] = Number((await one<{ key: number }>(query)).key);
      }
      runtime = await electionsRuntime(database());
      deps = depsOf(runtime);
      actors = await actorsFor(database(), [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
      ]);
    });

    test('an inscription takes its bureau from the découpage; accepted, the elector is created and the list renumbered', async () => {
      const saved = await create(inscription({ nom: 'Adam', prenoms: 'Alice' }));
      assert.equal(saved.etat, 'a_instruire');
      assert.equal(saved.bureau, id('b2'), 'Avenue Foch, 75: odd numbers from 51 are bureau 002');
      const result = await act(saved.mouvement, 'accepter');
      assert.match(result.message, /Alice Adam est inscrit\(e\) sur la liste LP, bureau 002, sous le n° 1\./);
      const mouvement = await mouvementRow(saved.mouvement);
      assert.equal(mouvement.etat, 'accepte');
      assert.ok(mouvement.electeur, 'the movement names its elector');
      const electeur = await one<Row>(`select * from elections.electeur where electeur = ${Number(mouvement.electeur)}`);
      assert.equal(electeur.nom, 'Adam');
      assert.equal(electeur.bureau, id('b2'));
      assert.equal(electeur.type_inscription, 'VOL1');
      assert.deepEqual(electeur.date_inscription, mouvement.date_decision);
      assert.equal(electeur.numero_liste, 1);
      assert.equal(electeur.numero_bureau, 1);
      const zola = await one<Row>(`select numero_liste, numero_bureau from elections.electeur where electeur = ${id('zola')}`);
      assert.equal(zola.numero_liste, 2, 'Zola comes after Adam in the list');
      assert.equal(zola.numero_bureau, 1, 'Zola is alone in bureau 001');
    });

    test('an address no range covers is refused, naming the voie and number, unless the bureau is forced with a reason', async () => {
      const refused = await refusalOf(() => create(inscription({ nom: 'Sanplage', voie: id('impasse'), numero: 3 })));
      assert.match(refused.fields.numero ?? '', /voie « Impasse des Lilas » ne couvre le numéro 3/);
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.mouvement where nom = 'Sanplage'`)).n, 0);
      const noReason = await refusalOf(() => create(inscription({ nom: 'Sanplage', voie: id('impasse'), numero: 3, bureau_force: true, bureau: id('b1') })));
      assert.ok(noReason.fields.motif_bureau_force);
      const forced = await create(inscription({ nom: 'Sanplage', voie: id('impasse'), numero: 3, bureau_force: true, bureau: id('b1'), motif_bureau_force: 'Voie nouvelle' }));
      assert.equal(forced.bureau, id('b1'));
      await act(forced.mouvement, 'accepter');
      const electeur = await one<Row>(`select bureau, bureau_force from elections.electeur where nom = 'Sanplage'`);
      assert.equal(electeur.bureau, id('b1'));
      assert.equal(electeur.bureau_force, true);
    });

    test('an inscription passes the elector form’s rules: the list follows the nationality, no birth in the future', async () => {
      const foreigner = await refusalOf(() => create(inscription({ nom: 'Garcia', nationalite: 'ESP' })));
      assert.match(foreigner.fields.liste ?? foreigner.fields.nationalite ?? '', /liste principale est réservée/);
      const future = await refusalOf(() => create(inscription({ nom: 'Avenir', date_naissance: '2999-01-01' })));
      assert.match(future.fields.date_naissance ?? '', /postérieure à aujourd’hui/);
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.mouvement where nom in ('Garcia', 'Avenir')`)).n, 0);
    });

    test('a duplicate refuses the inscription, listing it, until « J’ai vérifié » is ticked; a homonym alone does not', async () => {
      const refused = await refusalOf(() => create(inscription({ nom: 'ZOLA', prenoms: 'Émile', date_naissance: '1940-04-02' })));
      assert.ok(refused.fields.doublon_arbitre, 'the field to tick is named');
      assert.match(refused.message, /Zola Émile, né\(e\) le 02\/04\/1940, liste LP, bureau 001 \(électeur n° \d+ : \/elections\/electeur\/\d+\)/);
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.mouvement where nom = 'ZOLA'`)).n, 0, 'nothing saved');
      const arbitrated = await create(inscription({ nom: 'ZOLA', prenoms: 'Émile', date_naissance: '1940-04-02', doublon_arbitre: true }));
      assert.equal(arbitrated.doublon_arbitre, true);
      // The pending inscription is itself a duplicate of the next one.
      const pending = await refusalOf(() => create(inscription({ nom: 'Zola', prenoms: 'Émile', date_naissance: '1940-04-02' })));
      assert.match(pending.message, /demande d’inscription n° \d+ en cours/);
      const homonym = await create(inscription({ nom: 'Zola', prenoms: 'Émile Paul', date_naissance: '1975-01-01' }));
      assert.equal(homonym.etat, 'a_instruire', 'same name and first first name, another birth date: saved');
      // Its birth date corrected to the elector's: a duplicate again, refused until arbitrated.
      const corrected = await refusalOf(() => updateRecord(deps, actor('agent'), mouvements(), String(homonym.mouvement), { prenoms: 'Émile', date_naissance: '1940-04-02' }, { partial: true }));
      assert.ok(corrected.fields.doublon_arbitre);
      assert.doesNotMatch(corrected.message, new RegExp(`demande d’inscription n° ${String(homonym.mouvement)} en cours`), 'not its own duplicate');
    });

    test('every transition, and each action refused in a wrong state with its reason, nothing changed', async () => {
      const saved = await create(inscription({ nom: 'Bernard', prenoms: 'Paul', date_naissance: '1980-01-01' }));
      await database().asOwner(`insert into elections.piece (mouvement, type_piece, libelle, om_collectivite)
        select ${Number(saved.mouvement)}, type_piece, 'Carte', 1 from elections.type_piece where code = 'CNI'`);
      const early = await refusalOf(() => act(saved.mouvement, 'transmettre'));
      assert.equal(early.code, 'unavailable_action');
      assert.match(early.message, /Ce mouvement est « À instruire » : « Transmettre » ne s’applique qu’à un mouvement accepté ou refusé\./);
      assert.match((await act(saved.mouvement, 'mettre_en_attente')).message, /mis en attente/);
      assert.equal((await mouvementRow(saved.mouvement)).etat, 'en_attente');
      const twice = await refusalOf(() => act(saved.mouvement, 'mettre_en_attente'));
      assert.match(twice.message, /Ce mouvement est « En attente »/);
      const noReason = await refusalOf(() => act(saved.mouvement, 'refuser'));
      assert.match(noReason.fields.motif_refus ?? '', /Saisissez le motif du refus/);
      assert.equal((await mouvementRow(saved.mouvement)).etat, 'en_attente', 'nothing changed');
      await act(saved.mouvement, 'refuser', { motif_refus: 'Justificatif de domicile manquant.' });
      const refused = await mouvementRow(saved.mouvement);
      assert.equal(refused.etat, 'refuse');
      assert.equal(refused.motif_refus, 'Justificatif de domicile manquant.');
      assert.ok(refused.date_decision);
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.electeur where nom = 'Bernard'`)).n, 0, 'a refusal changes no list');
      const edit = await refusalOf(() => updateRecord(deps, actor('agent'), mouvements(), String(saved.mouvement), { nom: 'Autre' }, { partial: true }));
      assert.match(edit.message, /Un mouvement « Refusé » ne se modifie plus\./);
      assert.match((await refusalOf(() => act(saved.mouvement, 'accepter'))).message, /Ce mouvement est « Refusé »/);
      assert.match((await refusalOf(() => act(saved.mouvement, 'archiver'))).message, /qu’à un mouvement transmis/);
      assert.match((await act(saved.mouvement, 'transmettre')).message, /est transmis le/);
      const transmis = await mouvementRow(saved.mouvement);
      assert.equal(transmis.etat, 'transmis');
      assert.ok(transmis.date_transmission);
      assert.match((await act(saved.mouvement, 'archiver')).message, /ses 1 pièce\(s\) justificative\(s\) sont supprimées/);
      assert.equal((await mouvementRow(saved.mouvement)).etat, 'archive');
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.piece where mouvement = ${Number(saved.mouvement)}`)).n, 0);
      assert.equal((await refusalOf(() => act(saved.mouvement, 'transmettre'))).code, 'unavailable_action');
      const removal = await refusalOf(() => deleteRecord(deps, actor('agent'), mouvements(), String(saved.mouvement)));
      assert.match(removal.message, /Un mouvement « Archivé » ne se modifie plus\./, 'a decided movement stays in the history');
    });

    test('a reader may not instruct a movement', async () => {
      const saved = await create(inscription({ nom: 'Lecture', prenoms: 'Léa' }));
      const forbidden = await refusalOf(() => act(saved.mouvement, 'accepter', {}, 'lecteur'));
      assert.equal(forbidden.code, 'forbidden');
      assert.equal((await mouvementRow(saved.mouvement)).etat, 'a_instruire');
    });

    test('« Modifier l’électeur » opens a modification with the elector’s values; accepted, the bureau changes and the former one is kept', async () => {
      const missingType = await refusalOf(() => act(id('zola'), 'demander_modification', { type_mouvement: 'DC' }, 'agent', electeurs()));
      assert.ok(missingType.fields.type_mouvement, 'a radiation type is not a modification');
      const created = await act(id('zola'), 'demander_modification', { type_mouvement: 'OEL_M_ADR' }, 'agent', electeurs());
      const key = /\/elections\/mouvement\/(\d+)$/.exec(created.redirect ?? '')?.[1] ?? assert.fail(`redirect ${created.redirect}`);
      const draft = await mouvementRow(key);
      assert.equal(draft.electeur, id('zola'));
      assert.equal(draft.nom, 'Zola');
      assert.equal(draft.voie, id('republique'));
      assert.equal(draft.etat, 'a_instruire');
      const moved = await updateRecord(deps, actor('agent'), mouvements(), key, { voie: id('foch'), numero: 120 }, { partial: true });
      assert.equal(moved.bureau, id('b2'), 'even numbers of Avenue Foch are bureau 002');
      assert.match((await act(key, 'accepter')).message, /la fiche de Émile Zola est mise à jour \(bureau 002\)/);
      const electeur = await one<Row>(`select voie, numero, bureau, numero_bureau from elections.electeur where electeur = ${id('zola')}`);
      assert.equal(electeur.voie, id('foch'));
      assert.equal(electeur.numero, 120);
      assert.equal(electeur.bureau, id('b2'));
      const accepted = await mouvementRow(key);
      assert.equal(accepted.ancien_bureau, id('b1'));
      assert.equal(accepted.etat, 'accepte');
    });

    test('« Radier l’électeur » then « Accepter »: the elector leaves the list, the movement keeps the snapshot and is found by name', async () => {
      const inscrit = await create(inscription({ nom: 'Radiée', prenoms: 'Rose', date_naissance: '1950-02-02', voie: id('republique'), numero: 7 }));
      await act(inscrit.mouvement, 'accepter');
      const electeur = Number((await mouvementRow(inscrit.mouvement)).electeur);
      const created = await act(electeur, 'radier', { type_mouvement: 'DC' }, 'agent', electeurs());
      const key = /(\d+)$/.exec(created.redirect ?? '')?.[1] ?? assert.fail('redirect');
      assert.match((await act(key, 'accepter')).message, /Radiation acceptée : Rose Radiée est retiré\(e\) de la liste LP\./);
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.electeur where electeur = ${electeur}`)).n, 0);
      const radiation = await mouvementRow(key);
      assert.equal(radiation.electeur, null);
      assert.equal(radiation.nom, 'Radiée');
      assert.equal(radiation.ancien_bureau, id('b1'));
      assert.equal((await mouvementRow(inscrit.mouvement)).electeur, null, 'the inscription keeps its snapshot too');
      const history = await listRecords(deps, actor('lecteur'), mouvements(), { q: 'radiee' });
      assert.deepEqual(history.rows.map((row) => row.mouvement).sort(), [inscrit.mouvement, Number(key)].sort());
    });

    test('after the scrutin’s deadline an inscription is refused with the rule’s message; an L30 case is accepted', async () => {
      const late = addDays(dateLimiteInscription(PREMIER_TOUR), 3);
      const refused = await refusalOf(() => create(inscription({ nom: 'Tardif', scrutin: id('scrutin'), date_demande: late })));
      assert.match(refused.fields.date_demande ?? '', /La date limite d’inscription pour le scrutin du 14 mars 2027 était le 5 février 2027 ; .*l’article L30\./);
      const l30 = await create(inscription({ nom: 'Tardif', scrutin: id('scrutin'), date_demande: late, cas_l30: 'L30_3' }));
      assert.match((await act(l30.mouvement, 'accepter')).message, /Tardif est inscrit/);
      const tooLate = await refusalOf(() => create(inscription({ nom: 'Trèstard', scrutin: id('scrutin'), date_demande: addDays(PREMIER_TOUR, -2), cas_l30: 'L30_3' })));
      assert.match(tooLate.fields.cas_l30 ?? '', /art\. L30 3°.*au plus tard le/);
      // A movement written without the rule (an import) is refused on « Accepter », nothing changed.
      const imported = await one<{ mouvement: number }>(`insert into elections.mouvement (type_mouvement, liste, date_demande, scrutin, civilite, sexe,
          nom, prenoms, date_naissance, naissance_lieu, commune_naissance, nationalite, voie, numero, om_collectivite)
        values ('VOL1', 'LP', '${late}', ${id('scrutin')}, 'M.', 'M', 'Importé', 'Jean', '1970-01-01', 'france', '2A004', 'FRA', ${id('foch')}, 3, 1)
        returning mouvement`);
      const onAccept = await refusalOf(() => act(imported.mouvement, 'accepter'));
      assert.match(onAccept.message, /La date limite d’inscription/);
      assert.equal((await mouvementRow(imported.mouvement)).etat, 'a_instruire');
      assert.equal((await one<{ n: number }>(`select count(*)::int as n from elections.electeur where nom = 'Importé'`)).n, 0);
    });
  },
  { sources: SOURCES },
);
