import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { settingsOf, setting } from '../src/access/settings.ts';
import { permissionVocabulary, syncPermissionVocabulary } from '../src/access/vocabulary.ts';
import { Registry } from '../src/model/registry.ts';
import type { TableMeta } from '../src/model/types.ts';
import { describeEachDatabase } from './support/databases.ts';

const table = (name: string, readOnly = false): TableMeta => ({
  app: 'essai', schema: 'essai', name, kind: 'table', label: name, fields: [], primaryKey: [name], key: name,
  foreignKeys: [], referencedBy: [], uniques: [], labelColumn: name, tenantColumn: null, validity: null,
  searchColumns: [], defaultSort: [], readOnly,
});

function registry(): Registry {
  const objects = new Registry();
  objects.register(table('dossier'), {
    actions: { valider: { label: 'Valider', run: async () => ({ message: 'ok' }) }, archiver: { label: 'Archiver', permissionSuffix: 'archivage', run: async () => ({ message: 'ok' }) } },
  });
  objects.register(table('journal', true));
  return objects;
}

test('the permission vocabulary comes from the objects and their actions', () => {
  const names = permissionVocabulary(registry(), ['essai.statistiques']);
  for (const name of ['essai.dossier', 'essai.dossier_tab', 'essai.dossier_consulter', 'essai.dossier_ajouter', 'essai.dossier_modifier',
    'essai.dossier_supprimer', 'essai.dossier_exporter', 'essai.dossier_valider', 'essai.dossier_archivage', 'essai.journal',
    'essai.journal_tab', 'essai.journal_consulter', 'essai.journal_exporter', 'password', 'api_token', 'gen', 'essai.statistiques']) {
    assert.ok(names.includes(name), name);
  }
  assert.ok(!names.includes('essai.journal_ajouter'), 'a read-only object has no write permission');
  assert.ok(!names.includes('essai.dossier_archiver'));
  assert.ok(!names.includes('dossier_tab'), 'an application object’s permissions carry its application');
});

describeEachDatabase('settings and vocabulary', (database) => {
  test('settings fall back to the niveau-2 collectivité’s value', async () => {
    await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values
      ('logo_pied', 'syndicat.png', 2), ('service_etat_civil', 'Mairie annexe', 1)`);
    const libreville = await settingsOf(database().db.kysely, 1);
    assert.equal(libreville.get('ville'), 'Libreville', 'its own value wins');
    assert.equal(libreville.get('logo_pied'), 'syndicat.png', 'missing: the niveau-2 value');
    assert.equal(await setting(database().db.kysely, 2, 'service_etat_civil'), undefined);
  });

  test('the vocabulary is written to om_permission, and re-running it changes nothing', async () => {
    await database().asOwner("insert into om.om_permission (libelle, type) values ('manuel', 'manuel'), ('obsolete', 'gen')");
    await syncPermissionVocabulary(database().db.kysely, registry());
    await syncPermissionVocabulary(database().db.kysely, registry());
    const rows = await database().ownerQuery<{ libelle: string; type: string }>('select libelle, type from om.om_permission order by libelle');
    const names = rows.map((row) => row.libelle);
    assert.ok(names.includes('essai.dossier_valider'));
    assert.ok(names.includes('manuel'), 'a permission typed by hand is kept');
    assert.ok(!names.includes('obsolete'), 'a computed permission no longer produced is removed');
    assert.equal(new Set(names).size, names.length);
    const check = await sql`select 1`.execute(database().db.kysely);
    assert.equal(check.rows.length, 1);
  });
});
