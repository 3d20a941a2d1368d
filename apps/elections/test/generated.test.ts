/**
 * `commun gen --app apps/elections --check` in the test suite (so CI runs it): the committed `gen/`
 * is exactly what the migrations and commun.app.ts produce. The migrated schema is read from the
 * test databases' cached embedded image of these migrations (what `commun gen` migrates from
 * nothing each time: the same migrations, the same database, the same reading).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { frameworkMigrations } from '../../../framework/src/db/index.ts';
import { generateApp, introspectApp, migrationSourceOf } from '../../../framework/src/generator/app.ts';
import { loadOptions } from '../../../framework/src/generator/options.ts';
import { createTestDatabase } from '../../../framework/test/support/databases.ts';

const folder = fileURLToPath(new URL('..', import.meta.url));

test('the generated modules of the elections application are up to date (commun gen --app apps/elections --check)', async () => {
  const options = await loadOptions(folder);
  const database = await createTestDatabase('pglite', [frameworkMigrations, migrationSourceOf(folder, options)], options.postgis ?? false);
  const schema = await database.withOwner((db) => introspectApp(db, options)).finally(() => database.close());
  const result = generateApp(folder, options, schema, { check: true });
  assert.deepEqual(result.wouldChange, [], 'run: node framework/bin/commun.js gen --app apps/elections');
  assert.deepEqual(result.removed, []);
  assert.ok(result.unchanged.length > 50, `only ${result.unchanged.length} files checked`);
});
