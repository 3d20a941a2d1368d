/**
 * `commun gen --app apps/elections --check` in the test suite (so CI runs it): the committed `gen/`
 * is exactly what the migrations and commun.app.ts produce.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateApp, introspectScratchApp } from '../../../framework/src/generator/app.ts';
import { loadOptions } from '../../../framework/src/generator/options.ts';

const folder = fileURLToPath(new URL('..', import.meta.url));

test('the generated modules of the elections application are up to date (commun gen --app apps/elections --check)', async () => {
  const options = await loadOptions(folder);
  const schema = await introspectScratchApp(folder, options);
  const result = generateApp(folder, options, schema, { check: true });
  assert.deepEqual(result.wouldChange, [], 'run: node framework/bin/commun.js gen --app apps/elections');
  assert.deepEqual(result.removed, []);
  assert.ok(result.unchanged.length > 50, `only ${result.unchanged.length} files checked`);
});
