import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import type { Row } from '../../../framework/src/db/index.ts';
import {
  createRecord,
  getRecord,
  listRecords,
  runAction,
  ServiceError,
  updateRecord,
  type ReadDeps,
} from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, objectOf, registreRuntime, SOURCES } from './support.ts';

async function refused(promise: Promise<unknown>, code: ServiceError['code']): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ServiceError, `expected a ServiceError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected a refusal « ${code} »`);
}

const AIPD_MESSAGE = 'Un traitement de données sensibles doit avoir une date d’analyse d’impact (AIPD).';

describeEachDatabase(
  'registre : cycle de vie, règle AIPD, droits et isolation',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    let obligationLegale: number;
    const actor = (login: string): Actor => {
      const found = actors[login];
      if (!found) throw new Error(login);
      return found;
    };
    const create = (login: string, table: string, values: Row) => createRecord(deps, actor(login), objectOf(runtime, table), values);
    const act = (login: string, key: unknown, action: string) => runAction(deps, actor(login), objectOf(runtime, 'traitement'), String(key), action, {});
    const statutOf = async (key: unknown) => (await getRecord(deps, actor('dpo'), objectOf(runtime, 'traitement'), String(key))).statut;

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await registreRuntime(database());
      deps = depsOf(runtime);
      actors = await actorsFor(database(), [
        { login: 'dpo', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'dpo3', profil: 'SUPER UTILISATEUR', collectivite: 3 },
      ]);
      const bases = await listRecords(deps, actor('agent'), objectOf(runtime, 'base_legale'), { filters: { code: '6.1.c' } });
      obligationLegale = Number(bases.rows[0]?.base_legale);
      assert.ok(obligationLegale > 0, 'the six legal bases come with the migration');
    });

    test('an agent records a draft; only the DPO validates it, then archives it', async () => {
      const created = await create('agent', 'traitement', { libelle: 'État civil', finalite: 'Tenir les registres.', base_legale: obligationLegale });
      assert.equal(created.statut, 'brouillon');
      assert.equal(created.om_collectivite, 1);
      await refused(act('agent', created.traitement, 'valider'), 'forbidden');
      await refused(act('dpo', created.traitement, 'archiver'), 'unavailable_action');
      const validated = await act('dpo', created.traitement, 'valider');
      assert.equal(validated.message, 'Le traitement « État civil » a été validé.');
      assert.equal(await statutOf(created.traitement), 'valide');
      await refused(act('dpo', created.traitement, 'valider'), 'unavailable_action');
      await act('dpo', created.traitement, 'archiver');
      assert.equal(await statutOf(created.traitement), 'archive');
      const audit = await database().ownerQuery<{ action: string }>(
        `select action from om.om_audit where application = 'registre' and objet = 'traitement' and cle = '${String(created.traitement)}' order by om_audit`,
      );
      assert.deepEqual(audit.map((row) => row.action), ['create', 'valider', 'archiver']);
    });

    test('the status is changed only by the actions, never by a form or the API', async () => {
      const error = await refused(
        create('dpo', 'traitement', { libelle: 'Élections', finalite: 'Listes électorales.', base_legale: obligationLegale, statut: 'valide' }),
        'validation',
      );
      assert.ok(error.fields?.statut, 'statut is refused');
      const created = await create('dpo', 'traitement', { libelle: 'Élections', finalite: 'Listes électorales.', base_legale: obligationLegale });
      await refused(updateRecord(deps, actor('dpo'), objectOf(runtime, 'traitement'), String(created.traitement), { statut: 'archive' }), 'validation');
      assert.equal(await statutOf(created.traitement), 'brouillon');
    });

    test('a sensitive-data processing needs a DPIA date, on creation and on change', async () => {
      const error = await refused(
        create('agent', 'traitement', { libelle: 'Cantine', finalite: 'Repas adaptés.', base_legale: obligationLegale, donnees_sensibles: true }),
        'validation',
      );
      assert.equal(error.fields?.date_aipd, AIPD_MESSAGE);
      const created = await create('agent', 'traitement', { libelle: 'Cantine', finalite: 'Repas adaptés.', base_legale: obligationLegale, donnees_sensibles: true, date_aipd: '12/03/2024' });
      assert.equal(created.donnees_sensibles, true);
      const object = objectOf(runtime, 'traitement');
      const cleared = await refused(updateRecord(deps, actor('agent'), object, String(created.traitement), { date_aipd: '' }), 'validation');
      assert.equal(cleared.fields?.date_aipd, AIPD_MESSAGE);
      const other = await create('agent', 'traitement', { libelle: 'CCAS', finalite: 'Aides.', base_legale: obligationLegale });
      await refused(updateRecord(deps, actor('agent'), object, String(other.traitement), { donnees_sensibles: true }), 'validation');
      await updateRecord(deps, actor('agent'), object, String(other.traitement), { donnees_sensibles: true, date_aipd: '2024-05-02' });
    });

    test('consultation profile reads the register but cannot write it', async () => {
      const listed = await listRecords(deps, actor('lecteur'), objectOf(runtime, 'traitement'), { q: 'cantine' });
      assert.equal(listed.rows.length, 1);
      await refused(create('lecteur', 'traitement', { libelle: 'Essai', finalite: 'Essai.', base_legale: obligationLegale }), 'forbidden');
      await refused(create('lecteur', 'traitement_destinataire', { traitement: listed.rows[0]?.traitement, destinataire: 1 }), 'forbidden');
    });

    test('a town sees only its own register and cannot use another town’s lists', async () => {
      const categorie = await create('agent', 'categorie_donnees', { libelle: 'Identité' });
      const mine = await create('agent', 'traitement', { libelle: 'Urbanisme', finalite: 'Permis.', base_legale: obligationLegale });
      await create('agent', 'traitement_categorie_donnees', { traitement: mine.traitement, categorie_donnees: categorie.categorie_donnees });

      const theirs = await create('dpo3', 'traitement', { libelle: 'Urbanisme', finalite: 'Permis à Autreville.', base_legale: obligationLegale });
      assert.equal(theirs.om_collectivite, 3);
      const listed = await listRecords(deps, actor('dpo3'), objectOf(runtime, 'traitement'), {});
      assert.deepEqual(listed.rows.map((row) => row.libelle), ['Urbanisme']);
      await refused(getRecord(deps, actor('dpo3'), objectOf(runtime, 'traitement'), String(mine.traitement)), 'not_found');
      await refused(act('dpo3', mine.traitement, 'valider'), 'not_found');

      const foreign = await refused(
        create('dpo3', 'traitement_categorie_donnees', { traitement: theirs.traitement, categorie_donnees: categorie.categorie_donnees }),
        'validation',
      );
      assert.ok(foreign.fields?.categorie_donnees);
      const links = await listRecords(deps, actor('dpo3'), objectOf(runtime, 'traitement_categorie_donnees'), {});
      assert.equal(links.rows.length, 0);
    });
  },
  { sources: SOURCES },
);
