import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { introspectSchema } from '../src/db/introspect.ts';
import { readAs, writeAs } from '../src/db/tenant-context.ts';
import { Veto, type ObjectOverride } from '../src/model/override.ts';
import { Registry, type RegisteredObject } from '../src/model/registry.ts';
import {
  createRecord,
  deleteRecord,
  exportRecords,
  getRecord,
  listRecords,
  runAction,
  ServiceError,
  updateRecord,
  type ReadDeps,
} from '../src/records/index.ts';
import { testActor } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';

const ALL = ['essai.personne', 'essai.categorie', 'essai.note'];
const agent1 = testActor({ login: 'agent1', collectivite: 1, permissions: ALL });
const agent3 = testActor({ login: 'agent3', collectivite: 3, permissions: ALL });
const consultation = testActor({ login: 'consult', collectivite: 1, permissions: ['essai.personne_tab', 'essai.personne_consulter'] });
const multi = testActor({ login: 'multi', collectivite: 2, niveau: '2', workingCollectivite: 1, permissions: ALL });

/** Expects a refusal of the service with this code; returns it for more checks. */
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

describeEachDatabase('record service', (database) => {
  let deps: ReadDeps;
  let personne: RegisteredObject;
  let note: RegisteredObject;
  const hooks: { veto?: boolean; crash?: boolean } = {};

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    const { tables } = await introspectSchema(database().db.kysely, 'essai', { app: 'essai' });
    const registry = new Registry();
    const overrides: Record<string, ObjectOverride> = {
      personne: {
        actions: {
          desactiver: {
            label: 'Désactiver',
            condition: (record) => record.actif === true,
            run: async ({ trx, record }) => {
              await sql`update essai.personne set actif = false where personne = ${record.personne}`.execute(trx);
              return { message: 'Personne désactivée.' };
            },
          },
        },
        async beforeWrite({ action, trx, values }) {
          if (action !== 'create') return;
          // A hook writes, then vetoes or crashes: its write must be rolled back with the rest.
          await sql`insert into essai.categorie (libelle) values (${`hook ${String(values.nom)} ${Math.random()}`})`.execute(trx);
          if (hooks.veto) throw new Veto('Refusé par la règle métier.');
          if (hooks.crash) throw new Error('panne simulée');
        },
      },
    };
    for (const meta of tables) registry.register(meta, overrides[meta.name] ?? {});
    deps = { db: database().db, registry, exactCountLimit: 1000 };
    personne = registry.get('essai', 'personne') as RegisteredObject;
    note = registry.get('essai', 'note') as RegisteredObject;
  });

  test('create, read back with the foreign key label, French formats accepted', async () => {
    const row = await createRecord(deps, agent1, personne, {
      nom: 'Dupont', prenom: 'Éloïse', date_naissance: '03/02/1980', taille: '1,72', categorie: '1',
    });
    assert.equal(row.nom, 'Dupont');
    assert.equal(row.date_naissance, '1980-02-03');
    assert.equal(row.taille, '1.72');
    assert.equal(row.categorie__label, 'Résident');
    assert.equal(row.om_collectivite, 1);
    assert.equal(typeof row._version, 'string');
    const again = await getRecord(deps, agent1, personne, String(row.personne));
    assert.equal(again.prenom, 'Éloïse');
    const audit = await database().ownerQuery<{ action: string; login: string; apres: { nom: string } }>(
      `select action, login, apres from om.om_audit where objet = 'personne' and cle = '${String(row.personne)}'`,
    );
    assert.deepEqual(audit.map((entry) => [entry.action, entry.login, entry.apres.nom]), [['create', 'agent1', 'Dupont']]);
  });

  test('generated rules give French messages per field and change nothing', async () => {
    const before = await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne');
    const missing = await refused(createRecord(deps, agent1, personne, { prenom: 'Sans nom' }), 'validation');
    assert.equal(missing.fields.nom, 'Le champ « Nom » est obligatoire.');
    const tooLong = await refused(createRecord(deps, agent1, personne, { nom: 'x'.repeat(31) }), 'validation');
    assert.match(tooLong.fields.nom ?? '', /ne doit pas dépasser 30 caractères/);
    const badDate = await refused(createRecord(deps, agent1, personne, { nom: 'A', date_naissance: '31/02/2000', taille: 'grand' }), 'validation');
    assert.match(badDate.fields.date_naissance ?? '', /date valide/);
    assert.match(badDate.fields.taille ?? '', /doit être un nombre/);
    const badCategory = await refused(createRecord(deps, agent1, personne, { nom: 'A', categorie: 999 }), 'validation');
    assert.match(badCategory.fields.categorie ?? '', /ne correspond à aucun enregistrement/);
    const unknown = await refused(createRecord(deps, agent1, personne, { nom: 'A', inconnu: 1 }), 'validation');
    assert.equal(unknown.fields.inconnu, 'Ce champ n’existe pas.');
    await createRecord(deps, agent1, personne, { nom: 'Martin', prenom: 'Paul' });
    const duplicate = await refused(createRecord(deps, agent1, personne, { nom: 'Martin', prenom: 'Paul' }), 'validation');
    assert.match(duplicate.fields.nom ?? '', /La combinaison des champs « Nom », « Prénom »/);
    const single = await refused(createRecord(deps, agent1, registryObject(deps, 'categorie'), { libelle: 'Résident' }), 'validation');
    assert.match(single.fields.libelle ?? '', /existe déjà/);
    const after = await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne');
    assert.equal(after[0]?.n, (before[0]?.n ?? 0) + 1);
  });

  test('a niveau-1 user never reaches another collectivité’s rows, by any route', async () => {
    const theirs = await createRecord(deps, agent1, personne, { nom: 'Secret', prenom: 'Libreville' });
    const id = String(theirs.personne);
    const mine = await createRecord(deps, agent3, personne, { nom: 'Secret', prenom: 'Autreville', om_collectivite: 1 });
    assert.equal(mine.om_collectivite, 3, 'the collectivité is forced to the user’s own');
    const listed = await listRecords(deps, agent3, personne, { q: 'secret' });
    assert.deepEqual(listed.rows.map((row) => row.prenom), ['Autreville']);
    const filtered = await listRecords(deps, agent3, personne, { filters: { personne: id } });
    assert.equal(filtered.rows.length, 0);
    await refused(getRecord(deps, agent3, personne, id), 'not_found');
    await refused(updateRecord(deps, agent3, personne, id, { nom: 'Piraté' }, { partial: true }), 'not_found');
    await refused(deleteRecord(deps, agent3, personne, id), 'not_found');
    await refused(runAction(deps, agent3, personne, id, 'desactiver', {}), 'not_found');
    const exported: string[] = [];
    await exportRecords(deps, testActor({ collectivite: 3, permissions: ['essai.personne_exporter'] }), personne, { q: 'secret' }, async (rows) => {
      exported.push(...rows.map((row) => String(row.prenom)));
    });
    assert.deepEqual(exported, ['Autreville']);
    const foreign = await refused(createRecord(deps, agent3, note, { texte: 'x', personne: id }), 'validation');
    assert.match(foreign.fields.personne ?? '', /ne correspond à aucun enregistrement/);
    const intact = await getRecord(deps, agent1, personne, id);
    assert.equal(intact.nom, 'Secret');
  });

  test('a niveau-2 user sees every collectivité and writes to the working one by default', async () => {
    const created = await createRecord(deps, multi, personne, { nom: 'Multi' });
    assert.equal(created.om_collectivite, 1);
    const elsewhere = await createRecord(deps, multi, personne, { nom: 'Multi', prenom: 'ailleurs', om_collectivite: 3 });
    assert.equal(elsewhere.om_collectivite, 3);
    const listed = await listRecords(deps, multi, personne, { q: 'multi' });
    assert.equal(listed.rows.length, 2);
  });

  test('a CONSULTATION profile can read but not write, and nothing changes', async () => {
    const row = await createRecord(deps, agent1, personne, { nom: 'Lecture' });
    const id = String(row.personne);
    assert.ok((await listRecords(deps, consultation, personne, {})).rows.length > 0);
    await refused(createRecord(deps, consultation, personne, { nom: 'Non' }), 'forbidden');
    await refused(updateRecord(deps, consultation, personne, id, { nom: 'Non' }, { partial: true }), 'forbidden');
    await refused(deleteRecord(deps, consultation, personne, id), 'forbidden');
    await refused(runAction(deps, consultation, personne, id, 'desactiver', {}), 'forbidden');
    await refused(listRecords(deps, testActor({ permissions: [] }), personne, {}), 'forbidden');
    await refused(exportRecords(deps, consultation, personne, {}, async () => undefined), 'forbidden');
    assert.equal((await getRecord(deps, agent1, personne, id)).nom, 'Lecture');
  });

  test('search is accent- and case-insensitive, with * and a column choice; sort and pages', async () => {
    for (const [nom, prenom] of [['Lefèvre', 'Zoé'], ['LEFEVRE', 'ana'], ['Lefebvre', null], ['Bénard', 'Émile']] as const) {
      await createRecord(deps, agent3, personne, { nom, prenom });
    }
    const folded = await listRecords(deps, agent3, personne, { q: 'lefevre' });
    assert.deepEqual(folded.rows.map((row) => row.nom).sort(), ['LEFEVRE', 'Lefèvre']);
    const wildcard = await listRecords(deps, agent3, personne, { q: 'lef*re', sort: 'nom,-prenom' });
    assert.deepEqual(wildcard.rows.map((row) => row.nom), ['Lefebvre', 'LEFEVRE', 'Lefèvre']);
    const byColumn = await listRecords(deps, agent3, personne, { q: 'émile', col: 'prenom' });
    assert.deepEqual(byColumn.rows.map((row) => row.nom), ['Bénard']);
    const sorted = await listRecords(deps, agent3, personne, { q: 'le*', sort: 'prenom', perPage: 2, page: 1 });
    assert.deepEqual(sorted.rows.map((row) => row.prenom), ['ana', 'Zoé']);
    assert.equal(sorted.total, 3);
    const page2 = await listRecords(deps, agent3, personne, { q: 'le*', sort: 'prenom', perPage: 2, page: 2 });
    assert.deepEqual(page2.rows.map((row) => row.prenom), [null], 'empty values come last');
  });

  test('injection strings in every parameter give a clear refusal or a normal answer', async () => {
    const before = await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne');
    const strings = ["'; drop table essai.personne; --", '" or 1=1 --', 'nom; delete from essai.personne', '%\' or \'1\'=\'1', '\\', '*'];
    for (const text of strings) {
      await listRecords(deps, agent1, personne, { q: text });
      await listRecords(deps, agent1, personne, { q: text, col: 'nom' });
      for (const request of [{ sort: text }, { col: text, q: 'a' }, { filters: { [text]: '1' } }, { filters: { personne: text } }, { page: text }, { perPage: text }, { count: text }]) {
        try {
          await listRecords(deps, agent1, personne, request);
        } catch (error) {
          assert.ok(error instanceof ServiceError && error.code === 'bad_request', `${JSON.stringify(request)} → ${String(error)}`);
        }
      }
      await refused(getRecord(deps, agent1, personne, text), 'not_found');
    }
    const after = await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne');
    assert.deepEqual(after, before);
  });

  test('a failing hook rolls the whole treatment back', async () => {
    const count = async () => (await database().ownerQuery<{ n: number }>("select count(*)::int as n from essai.categorie where libelle like 'hook %'"))[0]?.n;
    const audits = async () => (await database().ownerQuery<{ n: number }>('select count(*)::int as n from om.om_audit'))[0]?.n;
    const [categoriesBefore, auditsBefore] = [await count(), await audits()];
    hooks.veto = true;
    const vetoed = await refused(createRecord(deps, agent1, personne, { nom: 'Veto' }), 'validation');
    assert.equal(vetoed.message, 'Refusé par la règle métier.');
    hooks.veto = false;
    hooks.crash = true;
    await assert.rejects(createRecord(deps, agent1, personne, { nom: 'Panne' }), /panne simulée/);
    hooks.crash = false;
    assert.equal(await count(), categoriesBefore);
    assert.equal(await audits(), auditsBefore);
    assert.equal((await listRecords(deps, agent1, personne, { filters: { nom: 'Veto' } })).rows.length, 0);
  });

  test('an update based on a stale version is refused and nothing is lost', async () => {
    const row = await createRecord(deps, agent1, personne, { nom: 'Version', prenom: 'un' });
    const id = String(row.personne);
    const first = await updateRecord(deps, agent1, personne, id, { prenom: 'deux' }, { partial: true, version: String(row._version) });
    assert.equal(first.prenom, 'deux');
    const stale = await refused(updateRecord(deps, agent1, personne, id, { prenom: 'trois' }, { partial: true, version: String(row._version) }), 'stale_version');
    assert.match(stale.message, /modifié par quelqu’un d’autre/);
    assert.equal((await getRecord(deps, agent1, personne, id)).prenom, 'deux');
    const audit = await database().ownerQuery<{ avant: { prenom: string }; apres: { prenom: string } }>(
      `select avant, apres from om.om_audit where objet = 'personne' and cle = '${id}' and action = 'update'`,
    );
    assert.deepEqual(audit.map((entry) => [entry.avant.prenom, entry.apres.prenom]), [['un', 'deux']]);
  });

  test('deletion is refused while child rows exist', async () => {
    const parent = await createRecord(deps, agent1, personne, { nom: 'Parent' });
    const id = String(parent.personne);
    await createRecord(deps, agent1, note, { texte: 'enfant', personne: id });
    const refusal = await refused(deleteRecord(deps, agent1, personne, id), 'has_children');
    assert.match(refusal.message, /1 enregistrement\(s\) lié\(s\) à cet enregistrement dans la table « Note »/);
    assert.equal((await getRecord(deps, agent1, personne, id)).nom, 'Parent');
    const alone = await createRecord(deps, agent1, personne, { nom: 'Seul' });
    await deleteRecord(deps, agent1, personne, String(alone.personne));
    await refused(getRecord(deps, agent1, personne, String(alone.personne)), 'not_found');
  });

  test('a key fed by <table>_seq gets nextval; cascade children do not block deletion', async () => {
    const dossier = registryObject(deps, 'dossier');
    const piece = registryObject(deps, 'piece');
    const actor = testActor({ permissions: ['essai.dossier', 'essai.piece'] });
    const first = await createRecord(deps, actor, dossier, { libelle: 'Premier' });
    const second = await createRecord(deps, actor, dossier, { libelle: 'Second' });
    assert.equal(Number(second.dossier), Number(first.dossier) + 1);
    await createRecord(deps, actor, piece, { libelle: 'Annexe', dossier: String(first.dossier) });
    await deleteRecord(deps, actor, dossier, String(first.dossier));
    const left = await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.piece');
    assert.equal(left[0]?.n, 0);
  });

  test('custom actions check their permission and condition', async () => {
    const row = await createRecord(deps, agent1, personne, { nom: 'Action' });
    const id = String(row.personne);
    const limited = testActor({ collectivite: 1, permissions: ['essai.personne_desactiver'] });
    const result = await runAction(deps, limited, personne, id, 'desactiver', {});
    assert.equal(result.message, 'Personne désactivée.');
    assert.equal(result.record?.actif, false);
    await refused(runAction(deps, agent1, personne, id, 'desactiver', {}), 'unavailable_action');
    await refused(runAction(deps, agent1, personne, id, 'inexistante', {}), 'not_found');
  });

  test('lists never wait for an exact count above the limit: they give an estimate', async () => {
    await database().asOwner("insert into essai.personne (nom, om_collectivite) select 'Masse ' || i, 3 from generate_series(1, 40) i; analyze essai.personne;");
    const small: ReadDeps = { ...deps, exactCountLimit: 10 };
    const estimated = await listRecords(small, agent3, personne, { perPage: 5 });
    assert.equal(estimated.totalIsEstimate, true);
    assert.ok((estimated.total ?? 0) > 10);
    const exact = await listRecords(small, agent3, personne, { perPage: 5, count: 'exact' });
    assert.equal(exact.totalIsEstimate, false, 'an explicit `exact` counts every row, above the limit too');
    const [counted] = await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne where om_collectivite = 3');
    assert.equal(exact.total, counted?.n);
    const within = await listRecords({ ...deps, exactCountLimit: 1000 }, agent3, personne, { perPage: 5, count: 'exact' });
    assert.equal(within.totalIsEstimate, false);
    assert.ok((within.total ?? 0) > 40);
    const none = await listRecords(small, agent3, personne, { perPage: 5, count: 'none' });
    assert.equal(none.total, null);
  });

  test('row-level security alone blocks another collectivité when the service is bypassed', async () => {
    const db = database().db.kysely;
    const seen = await readAs(db, agent3, async (connection) =>
      (await sql<{ om_collectivite: number }>`select distinct om_collectivite from essai.personne`.execute(connection)).rows);
    assert.deepEqual(seen.map((row) => row.om_collectivite), [3]);
    await assert.rejects(
      writeAs(db, agent3, (trx) => sql`insert into essai.personne (nom, om_collectivite) values ('Intrus', 1)`.execute(trx)),
      /row-level security|violates/,
    );
    const updated = await writeAs(db, agent3, (trx) => sql`update essai.personne set nom = 'Piraté' where om_collectivite = 1`.execute(trx));
    assert.equal(Number(updated.numAffectedRows ?? 0), 0);
    const nothing = await readAs(db, testActor({ collectivite: 0, permissions: [] }), async (connection) =>
      (await sql`select 1 from essai.personne`.execute(connection)).rows);
    assert.equal(nothing.length, 0, 'no context, no rows');
  });
});

function registryObject(deps: ReadDeps, name: string): RegisteredObject {
  return deps.registry.get('essai', name) as RegisteredObject;
}
