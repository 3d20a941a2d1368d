/**
 * `commun gen --app` on a schema with geometry columns (issue 4, point 2): the metadata keeps each
 * column's geometry type and SRID, and the application started on the result creates, reads,
 * searches, edits and deletes rows with their geometries (GeoJSON in, GeoJSON out, stored in the
 * column's SRID). PostGIS makes the embedded database slow to start: one generation, one database,
 * made from the framework's PostGIS template that other files share.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { registerGenerated, type GeneratedModules } from '../src/application.ts';
import { generateApp, introspectScratchApp, migrationSourceOf } from '../src/generator/app.ts';
import { loadOptions } from '../src/generator/options.ts';
import { createApp } from '../src/web/app.tsx';
import { migrateApplication } from './support/app-migrations.ts';
import { describeEachDatabase, serverHasExtension } from './support/databases.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';
const FIXTURE = fileURLToPath(new URL('./fixtures/gen/carto/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'commun-gen-carto-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
cpSync(FIXTURE, dir, { recursive: true });
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');

const options = await loadOptions(dir);
generateApp(dir, options, await introspectScratchApp(dir, options));
const generated = (await import(pathToFileURL(join(dir, 'gen', 'index.ts')).href)) as GeneratedModules;
const lieu = generated.tables.find((table) => table.name === 'lieu');

test('the generated metadata, row type and documentation of geometry columns', () => {
  assert.ok(lieu);
  const geometry = Object.fromEntries(lieu.fields.filter((field) => field.kind === 'geometry').map((field) => [field.name, field.geometry]));
  assert.deepEqual(geometry, {
    point: { type: 'Point', srid: 2154 },
    zone: { type: 'MultiPolygon', srid: 2154 },
    trace: { type: 'Geometry', srid: 0 },
  });
  const module = readFileSync(join(dir, 'gen', 'lieu.ts'), 'utf8');
  assert.match(module, /point: string \| null;/, 'GeoJSON text in the row type');
  assert.match(readFileSync(join(dir, 'gen', 'docs', 'lieu.md'), 'utf8'), /\| `point` \| Point \| geometry \|/);
  const pdf = generated.listingPdfs?.find((spec) => spec.table === 'lieu');
  assert.deepEqual(pdf?.columns.map((column) => column.field), ['lieu', 'libelle'], 'no geometry in the PDF listing');
  const csvImport = generated.imports?.find((spec) => spec.table === 'lieu');
  assert.deepEqual(csvImport?.fields.map((field) => field.name), ['libelle'], 'no geometry in the CSV import');
});

const skipServer = (await serverHasExtension('postgis')) || process.env.CI ? undefined : 'PostGIS n’est pas installé sur le serveur';

describeEachDatabase(
  'generated application with geometry columns',
  (database) => {
    let api: TestClient;

    before(async () => {
      await migrateApplication(database(), migrationSourceOf(FIXTURE, options));
      const runtime = await createTestRuntime(database());
      registerGenerated(runtime.registry, generated, {});
      runtime.registry.linkIncomingReferences();
      await grant(database(), 'UTILISATEUR', ['carto.lieu']);
      await createUsers(database(), [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
      api = new TestClient(createApp(runtime));
      assert.equal((await api.login('agent', PASSWORD)).status, 200);
    });

    test('created, read, searched, edited and deleted with GeoJSON geometries in the column’s SRID', async () => {
      const point = { type: 'Point', coordinates: [652_000, 6_862_000] };
      const zone = { type: 'MultiPolygon', coordinates: [[[[0, 0], [0, 10], [10, 10], [0, 0]]]] };
      const created = await api.request('POST', '/api/v1/carto/lieu', { json: { libelle: 'Mairie', point, zone, trace: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } } });
      assert.equal(created.status, 201, created.text);
      const id = String(created.body.data.lieu);
      assert.deepEqual(created.body.data.point.coordinates, point.coordinates);
      assert.equal(created.body.data.point.crs?.properties?.name, 'EPSG:2154', 'read back with its SRID');
      const srid = await database().ownerQuery<{ srid: number }>(`select ST_SRID(point) as srid from carto.lieu where lieu = ${Number(id)}`);
      assert.equal(srid[0]?.srid, 2154, 'stored in Lambert-93');
      const found = await api.get('/api/v1/carto/lieu?q=mairie');
      assert.deepEqual(found.body.data.map((row: { libelle: string }) => row.libelle), ['Mairie']);
      const read = await api.get(`/api/v1/carto/lieu/${id}`);
      const moved = { type: 'Point', coordinates: [653_000, 6_863_000] };
      const updated = await api.request('PATCH', `/api/v1/carto/lieu/${id}`, { json: { point: moved, _version: read.body.data._version } });
      assert.equal(updated.status, 200, updated.text);
      assert.deepEqual(updated.body.data.point.coordinates, moved.coordinates);
      const wrong = await api.request('POST', '/api/v1/carto/lieu', { json: { libelle: 'Erreur', point: 'pas une géométrie' } });
      assert.equal(wrong.status, 422, wrong.text);
      assert.equal(typeof wrong.body.error?.fields?.point, 'string', 'a French message on the field');
      assert.equal((await api.request('DELETE', `/api/v1/carto/lieu/${id}`)).status, 204);
      assert.equal((await api.get(`/api/v1/carto/lieu/${id}`)).status, 404);
    });
  },
  { postgis: true, skipServer },
);
