import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tables } from '../gen/index.ts';
import { Registry } from '../src/model/registry.ts';
import type { TableMeta } from '../src/model/types.ts';

test('an application table pointing at a framework table is counted before deleting the latter', () => {
  const registry = new Registry();
  for (const meta of tables) registry.register(meta);
  const bureau: TableMeta = {
    app: 'elections', schema: 'elections', name: 'bureau', kind: 'table', label: 'Bureau',
    fields: [], primaryKey: ['bureau'], key: 'bureau',
    foreignKeys: [{ name: 'bureau_om_collectivite_fkey', columns: ['om_collectivite'], target: { schema: 'om', table: 'om_collectivite' }, targetColumns: ['om_collectivite'] }],
    referencedBy: [], uniques: [], labelColumn: 'bureau', tenantColumn: 'om_collectivite', validity: null,
    searchColumns: [], defaultSort: [], readOnly: false,
  };
  registry.register(bureau);
  const before = registry.get('om', 'om_collectivite')?.meta.referencedBy.length ?? 0;
  registry.linkIncomingReferences();
  registry.linkIncomingReferences();
  const references = registry.get('om', 'om_collectivite')?.meta.referencedBy ?? [];
  assert.equal(references.length, before + 1, 'added once, however often it runs');
  assert.deepEqual(references.at(-1)?.source, { schema: 'elections', table: 'bureau' });
});
