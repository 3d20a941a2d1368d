/**
 * The rules of an affectation through the record service, on both databases: each refusal with its
 * French message and nothing written; the rights of the profiles; isolation between collectivités.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { createRecord, getRecord, ServiceError, updateRecord, type ReadDeps } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { manquants } from '../src/controle/composition.ts';
import { actorsFor, AUTREVILLE_SQL, COMPOSITION_SQL, depsOf, PASSWORD, scrutinObject, scrutinRuntime, SOURCES } from './support.ts';

test('what a bureau lacks: a président, two assesseurs titulaires, a secrétaire', () => {
  assert.deepEqual(manquants([]), ['un président', 'deux assesseurs titulaires', 'un secrétaire']);
  assert.deepEqual(manquants(['president', 'assesseur_titulaire', 'assesseur_suppleant', 'delegue_titulaire']), [
    'un assesseur titulaire (il en faut au moins deux)',
    'un secrétaire',
  ]);
  assert.deepEqual(manquants(['secretaire', 'assesseur_titulaire', 'president', 'assesseur_titulaire']), []);
});

describeEachDatabase(
  'composition des bureaux : les règles d’une affectation',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    const ids: Record<string, number> = {};
    const actor = (login: string): Actor => actors[login] ?? assert.fail(login);
    const affectation = () => scrutinObject(runtime, 'affectation');
    const keyOf = async (sql: string): Promise<number> => Number((await database().ownerQuery<{ key: number }>(sql))[0]?.key ?? assert.fail(sql));
    const count = async () => Number((await database().ownerQuery<{ n: number }>('select count(*) as n from scrutin.affectation'))[0]?.n);
    const refusal = async (values: Record<string, unknown>, login = 'agent'): Promise<ServiceError> => {
      const before = await count();
      try {
        await createRecord(deps, actor(login), affectation(), values);
      } catch (error) {
        if (error instanceof ServiceError) {
          assert.equal(await count(), before, 'nothing written');
          return error;
        }
        throw error;
      }
      return assert.fail('the affectation should have been refused');
    };
    const values = (changes: Record<string, unknown>) => ({ scrutin: ids['scrutin'], bureau: ids['b1'], heure_debut: '08:00', heure_fin: '13:00', ...changes });

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await database().asOwner(COMPOSITION_SQL);
      runtime = await scrutinRuntime(database());
      deps = depsOf(runtime);
      actors = await actorsFor(database(), PASSWORD, [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'agent3', profil: 'UTILISATEUR', collectivite: 3 },
      ]);
      ids['scrutin'] = await keyOf(`select scrutin as key from scrutin.scrutin where om_collectivite = 1`);
      ids['b1'] = await keyOf(`select bureau as key from scrutin.bureau where code = '1' and om_collectivite = 1`);
      ids['b2'] = await keyOf(`select bureau as key from scrutin.bureau where code = '2' and om_collectivite = 1`);
      ids['avenir'] = await keyOf(`select candidature as key from scrutin.candidature where libelle = 'Libreville Avenir'`);
      for (const nom of ['DUPONT', 'MARTIN', 'BERNARD', 'LEROY', 'AUTRE']) ids[nom] = await keyOf(`select personne as key from scrutin.personne where nom = '${nom}'`);
    });

    test('the mayor names a président; a reader may not', async () => {
      const created = await createRecord(deps, actor('agent'), affectation(), values({ personne: ids['DUPONT'], fonction: 'president' }));
      assert.equal(created['fonction'], 'president');
      assert.equal(created['om_collectivite'], 1);
      const refused = await refusal(values({ personne: ids['MARTIN'], fonction: 'president' }), 'lecteur');
      assert.equal(refused.code, 'forbidden');
    });

    test('the same person twice at overlapping hours of the scrutin is refused', async () => {
      const refused = await refusal(values({ bureau: ids['b2'], personne: ids['DUPONT'], fonction: 'secretaire', heure_debut: '12:00', heure_fin: '15:00' }));
      assert.equal(
        refused.fields['heure_debut'],
        '« Jeanne DUPONT » est déjà affecté(e) au bureau 1 Hôtel de ville comme président de 8 h à 13 h pour ce scrutin : les heures se chevauchent. Choisissez d’autres heures ou une autre personne.',
      );
      // The afternoon, right after, is free.
      await createRecord(deps, actor('agent'), affectation(), values({ bureau: ids['b2'], personne: ids['DUPONT'], fonction: 'secretaire', heure_debut: '13:00', heure_fin: '18:00' }));
    });

    test('an assesseur must be an elector of the scrutin’s département; a délégué need not', async () => {
      const refused = await refusal(values({ personne: ids['LEROY'], fonction: 'assesseur_titulaire' }));
      assert.equal(
        refused.fields['personne'],
        '« Anne LEROY » n’est pas inscrit(e) sur une liste électorale du département 33 : le président, le vice-président et les assesseurs doivent être électeurs du département (article R44 du code électoral). Renseignez son département d’inscription ou choisissez une autre personne.',
      );
      const delegue = await createRecord(deps, actor('agent'), affectation(), values({ personne: ids['LEROY'], fonction: 'delegue_titulaire', candidature: ids['avenir'], date_designation: '2026-03-10' }));
      assert.equal(delegue['fonction'], 'delegue_titulaire');
    });

    test('a list’s designation after 18 h the third day before the poll is refused (R46)', async () => {
      const refused = await refusal(values({ personne: ids['MARTIN'], fonction: 'assesseur_titulaire', candidature: ids['avenir'], date_designation: '13/03/2026' }));
      assert.equal(
        refused.fields['date_designation'],
        'Les désignations de la liste « Libreville Avenir » devaient parvenir avant le 12/03/2026 à 18 h (article R46 du code électoral) : celle du 13/03/2026 est hors délai. Le maire peut désigner lui-même un assesseur manquant.',
      );
      await createRecord(deps, actor('agent'), affectation(), values({ personne: ids['MARTIN'], fonction: 'assesseur_titulaire', candidature: ids['avenir'], date_designation: '12/03/2026' }));
    });

    test('one assesseur titulaire per list and bureau; a list does not name a président', async () => {
      const second = await refusal(values({ personne: ids['BERNARD'], fonction: 'assesseur_titulaire', candidature: ids['avenir'], date_designation: '2026-03-01', heure_debut: '13:00', heure_fin: '18:00' }));
      assert.equal(
        second.fields['fonction'],
        'La liste « Libreville Avenir » a déjà désigné un assesseur titulaire au bureau 1 : Paul MARTIN. Une liste désigne un seul titulaire et un seul suppléant par bureau (article R44 du code électoral).',
      );
      const president = await refusal(values({ personne: ids['BERNARD'], fonction: 'president', candidature: ids['avenir'], date_designation: '2026-03-01', heure_debut: '13:00', heure_fin: '18:00' }));
      assert.equal(president.fields['candidature'], 'Une liste ou un candidat ne désigne que des assesseurs et des délégués : le président est désigné par le maire. Videz le champ « Désignée par ».');
      // The suppléant of the same list is welcome.
      await createRecord(deps, actor('agent'), affectation(), values({ personne: ids['BERNARD'], fonction: 'assesseur_suppleant', candidature: ids['avenir'], date_designation: '2026-03-01', heure_debut: '13:00', heure_fin: '18:00' }));
    });

    test('hours outside the opening of the poll, and an update into an overlap, are refused', async () => {
      const early = await refusal(values({ bureau: ids['b2'], personne: ids['MARTIN'], fonction: 'vice_president', heure_debut: '07:00', heure_fin: '12:00' }));
      assert.equal(early.fields['heure_debut'], 'La permanence (7 h à 12 h) doit se tenir pendant les heures du scrutin, de 8 h à 18 h.');
      const dupontAfternoon = await keyOf(`select affectation as key from scrutin.affectation where fonction = 'secretaire'`);
      try {
        await updateRecord(deps, actor('agent'), affectation(), String(dupontAfternoon), { heure_debut: '11:00' });
        assert.fail('the update should have been refused');
      } catch (error) {
        assert.ok(error instanceof ServiceError);
        assert.match(error.fields['heure_debut'] ?? '', /déjà affecté\(e\) au bureau 1 Hôtel de ville comme président de 8 h à 13 h/);
      }
      const [row] = await database().ownerQuery<{ heure_debut: string }>(`select heure_debut::text from scrutin.affectation where affectation = ${dupontAfternoon}`);
      assert.equal(row?.heure_debut, '13:00:00');
    });

    test('Autreville sees none of Libreville’s rows and cannot use them', async () => {
      const libreville = await keyOf(`select affectation as key from scrutin.affectation order by affectation limit 1`);
      await assert.rejects(getRecord(deps, actor('agent3'), affectation(), String(libreville)), (error: unknown) => error instanceof ServiceError && error.status === 404);
      const scrutin3 = await keyOf(`select scrutin as key from scrutin.scrutin where om_collectivite = 3`);
      const bureau3 = await keyOf(`select bureau as key from scrutin.bureau where om_collectivite = 3`);
      const refused = await refusal({ scrutin: scrutin3, bureau: bureau3, personne: ids['DUPONT'], fonction: 'president' }, 'agent3');
      assert.ok(refused.fields['personne'], JSON.stringify(refused.fields));
      const own = await createRecord(deps, actor('agent3'), affectation(), { scrutin: scrutin3, bureau: bureau3, personne: ids['AUTRE'], fonction: 'president' });
      assert.equal(own['om_collectivite'], 3);
    });
  },
  { sources: SOURCES },
);
