/**
 * `commun gen --app` (issue 4, points 1–4): an application folder's schema becomes generated
 * modules, and the application started on them serves every table through the API and the screens.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, mock, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import type { Hono } from 'hono';
import { registerGenerated } from '../src/application.ts';
import { frameworkMigrations } from '../src/db/index.ts';
import { jobRunnerOf } from '../src/jobs/index.ts';
import { generateApp, introspectApp, migrationSourceOf } from '../src/generator/app.ts';
import { genCommand } from '../src/generator/command.ts';
import { checkOptions, loadOptions, type GeneratorOptions } from '../src/generator/options.ts';
import type { ScreensDeclaration } from '../src/model/override.ts';
import type { ImportSpec, ListingPdfSpec, StoredQuerySpec } from '../src/model/specs.ts';
import type { TableMeta } from '../src/model/types.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { migrateApplication } from './support/app-migrations.ts';
import { Browser } from './support/auth.ts';
import { pdfPages } from './support/pdf-text.ts';
import { describeEachDatabase } from './support/databases.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/gen/', import.meta.url));
const PASSWORD = 'Mairie-de-Libreville-2026';

const temporaryDirs: string[] = [];
after(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture application in a temporary folder (the generator writes into it). */
function copyOfFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `commun-gen-${name}-`));
  temporaryDirs.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  // Outside the repository, the folder says its TypeScript is ES modules (the root package.json does for apps/).
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

let importCounter = 0;
interface GeneratedIndex {
  tables: readonly TableMeta[];
  screens: Readonly<Record<string, ScreensDeclaration>>;
  storedQueries: readonly StoredQuerySpec[];
  imports: readonly ImportSpec[];
  listingPdfs: readonly ListingPdfSpec[];
}
const importIndex = async (dir: string) =>
  (await import(`${pathToFileURL(join(dir, 'gen', 'index.ts')).href}?v=${importCounter++}`)) as GeneratedIndex;


function quiet() {
  const log = mock.method(console, 'log', () => undefined);
  const error = mock.method(console, 'error', () => undefined);
  return {
    output: () => [...log.mock.calls, ...error.mock.calls].map((call) => String(call.arguments[0])).join('\n'),
    restore: () => {
      log.mock.restore();
      error.mock.restore();
    },
  };
}

describe('commun gen --app: the command on a scratch database', () => {
  test('generates every file, then finds nothing to change; --check and --dry-run write nothing', async () => {
    const dir = copyOfFixture('tout');
    const output = quiet();
    try {
      assert.equal(await genCommand(['--app', dir, '--check']), 1, output.output());
      assert.equal(existsSync(join(dir, 'gen')), false, '--check writes nothing');
      assert.equal(await genCommand(['--app', dir, '--dry-run']), 0);
      assert.equal(existsSync(join(dir, 'gen')), false, '--dry-run writes nothing');
      assert.equal(await genCommand(['--app', dir]), 0, output.output());
      assert.match(output.output(), /Attention : journal : La table n’a pas de clé primaire/);
      assert.match(output.output(), /Attention : lien : La clé primaire porte sur plusieurs colonnes/);
    } finally {
      output.restore();
    }
    for (const file of ['index.ts', 'permissions.ts', 'menu.ts', 'labels.ts', 'index-advice.sql', 'personne.ts', 'class.ts', 'docs/personne.md', 'docs/v_personne.md']) {
      assert.equal(existsSync(join(dir, 'gen', file)), true, file);
    }
    const stub = readFileSync(join(dir, 'src', 'objects', 'class.ts'), 'utf8');
    assert.match(stub, /export const class2: ObjectOverride = \{\};/);

    // The override stub is hand-written from now on: never overwritten.
    writeFileSync(join(dir, 'src', 'objects', 'pays.ts'), '// à moi\nexport const pays = {};\n');
    const again = quiet();
    try {
      assert.equal(await genCommand(['--app', dir, '--check']), 0, again.output());
      assert.match(again.output(), /sont à jour/);
      assert.equal(await genCommand(['--app', dir]), 0);
      assert.match(again.output(), /Génération terminée : 0 fichier écrit/);
    } finally {
      again.restore();
    }
    assert.equal(readFileSync(join(dir, 'src', 'objects', 'pays.ts'), 'utf8'), '// à moi\nexport const pays = {};\n');

    // A hand edit of a generated file is found by --check and undone by the generation.
    const pays = join(dir, 'gen', 'pays.ts');
    const original = readFileSync(pays, 'utf8');
    writeFileSync(pays, original.replace("label: 'Pays'", "label: 'Contrée'"));
    writeFileSync(join(dir, 'gen', 'docs', 'ancienne.md'), '<!-- Generated by `commun gen` from the PostgreSQL catalogue: do not edit by hand. -->\n');
    const changed = quiet();
    try {
      assert.equal(await genCommand(['--app', dir, '--check']), 1);
      assert.match(changed.output(), /à régénérer : .*gen\/pays\.ts/);
      assert.match(changed.output(), /à supprimer : .*gen\/docs\/ancienne\.md/);
      assert.equal(await genCommand(['--app', dir, 'pays']), 0);
    } finally {
      changed.restore();
    }
    assert.equal(readFileSync(pays, 'utf8'), original);
    assert.equal(existsSync(join(dir, 'gen', 'docs', 'ancienne.md')), true, 'a partial generation removes nothing');
  });

  test('a configuration that is not right is refused with what to fix', async () => {
    assert.deepEqual(checkOptions({ name: 'tout', schema: 'tout', migrations: './migrations' }), []);
    const problems = checkOptions({ name: 'Tout!', schema: 'tout', migrations: './migrations', exclude: 'x', postulat: true });
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /« name » doit être un nom en minuscules/);
    assert.match(problems.join('\n'), /option inconnue « postulat »/);
    assert.match(checkOptions({ name: 'tout', schema: 'tout', migrations: './m', imports: 'oui' }).join('\n'), /« imports » doit être true, false ou une liste de tables/);
    const dir = copyOfFixture('ancien');
    writeFileSync(join(dir, 'commun.app.ts'), "export default { name: 'ancien', schema: 'ancien', migrations: './migrations', listColumns: { voie: ['nom'] } };\n");
    const output = quiet();
    try {
      assert.equal(await genCommand(['--app', dir]), 2);
      assert.match(output.output(), /« listColumns » nomme « voie\.nom », qui n’existe pas dans le schéma ancien/);
      writeFileSync(join(dir, 'commun.app.ts'), "export default { name: 'ancien', schema: 'ancien', migrations: './migrations', listingPdfs: ['rue'] };\n");
      assert.equal(await genCommand(['--app', dir]), 2);
      assert.match(output.output(), /« listingPdfs » nomme « rue », qui n’existe pas dans le schéma ancien/);
      assert.equal(await genCommand(['--app']), 2);
      assert.match(output.output(), /Donnez le dossier de l’application après --app/);
    } finally {
      output.restore();
    }
  });
});

/**
 * The TypeScript files of an application folder (gen/ and the override stubs), as one hash. tsc
 * gives the same verdict on the same texts: when the second database kind generates exactly the
 * files the first one did, they are not compiled again.
 */
function typeScriptTexts(dir: string): string {
  const hash = createHash('sha256');
  for (const folder of [join(dir, 'gen'), join(dir, 'src', 'objects')]) {
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    for (const name of names) hash.update(`${folder}/${name}\n${readFileSync(join(folder, name), 'utf8')}\n`);
  }
  return hash.digest('hex');
}
const typeChecked = new Set<string>();

/** Generates a fixture from the test database and starts the application on the generated modules. */
async function startOn(dir: string, database: Parameters<typeof createTestRuntime>[0]) {
  const options = await loadOptions(dir);
  const schema = await introspectApp(database.db.kysely, options);
  generateApp(dir, options, schema);
  const generated = await importIndex(dir);
  const runtime = await createTestRuntime(database, { config: { dataDir: mkdtempSync(join(tmpdir(), 'commun-gen-data-')) } });
  registerGenerated(runtime.registry, generated, {});
  runtime.registry.linkIncomingReferences();
  const permissions = ((await import(`${pathToFileURL(join(dir, 'gen', 'permissions.ts')).href}?v=${importCounter++}`)) as { permissions: string[] }).permissions;
  return { options, schema, generated, runtime, permissions, app: createApp(runtime) };
}

const toutDir = copyOfFixture('tout');
const toutOptions = (await import(pathToFileURL(join(toutDir, 'commun.app.ts')).href)) as { default: GeneratorOptions };

describeEachDatabase(
  'generated application: every shape of schema',
  (database) => {
    let app: Hono<AppEnv>;
    let api: TestClient;
    let generated: GeneratedIndex;
    let runtime: Awaited<ReturnType<typeof startOn>>['runtime'];

    before(async () => {
      const started = await startOn(toutDir, database());
      app = started.app;
      runtime = started.runtime;
      generated = started.generated;
      await grant(database(), 'UTILISATEUR', started.permissions);
      await createUsers(database(), [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
      api = new TestClient(app);
      assert.equal((await api.login('agent', PASSWORD)).status, 200);
    });

    test('the generated modules type-check (keywords as table and column names)', () => {
      const run = () => execFileSync(
        process.execPath,
        [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '--noEmit', '--strict', '--skipLibCheck',
          '--module', 'nodenext', '--target', 'es2022', '--allowImportingTsExtensions', '--verbatimModuleSyntax',
          join(toutDir, 'gen', 'index.ts'), join(toutDir, 'gen', 'menu.ts'), join(toutDir, 'gen', 'labels.ts'), join(toutDir, 'gen', 'permissions.ts'),
          join(toutDir, 'src', 'objects', 'class.ts'), join(toutDir, 'src', 'objects', 'delete.ts')],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: toutDir },
      );
      const texts = typeScriptTexts(toutDir);
      if (!typeChecked.has(texts)) {
        try {
          assert.equal(run().trim(), '');
        } catch (error) {
          const failed = error as { stdout?: string; stderr?: string };
          assert.fail(`${failed.stdout ?? ''}${failed.stderr ?? String(error)}`);
        }
        typeChecked.add(texts);
      }
      assert.deepEqual(generated.tables.map((meta) => meta.name), ['class', 'delete', 'dossier', 'inscription', 'journal', 'lien', 'mesure', 'pays', 'personne', 'serie', 'v_personne']);
    });

    test('the metadata: keys, generation, references, uniques, types, read-only reasons', () => {
      const meta = (name: string) => generated.tables.find((table) => table.name === name) as TableMeta;
      const field = (table: string, name: string) => meta(table).fields.find((item) => item.name === name);
      assert.equal(meta('pays').key, 'code');
      assert.equal(field('personne', 'personne')?.generation, 'identity');
      assert.equal(field('serie', 'serie')?.generation, 'serial');
      assert.equal(field('dossier', 'dossier')?.sequence, 'dossier_seq');
      assert.equal(field('mesure', 'mesure')?.generation, 'uuid');
      assert.deepEqual(meta('personne').foreignKeys.map((key) => `${key.columns[0]}→${key.target.table}`), [
        'om_collectivite→om_collectivite', 'parent→personne', 'pays_naissance→pays', 'pays_residence→pays',
      ]);
      assert.deepEqual(meta('inscription').uniques, [['personne', 'annee']]);
      assert.deepEqual(
        meta('mesure').fields.map((item) => item.kind),
        ['uuid', 'text', 'text', 'text', 'integer', 'integer', 'bigint', 'decimal', 'float', 'float', 'boolean', 'date', 'time',
          'timestamp', 'timestamptz', 'json', 'json', 'bytea', 'array', 'array', 'enum', 'array'],
      );
      assert.equal(field('mesure', 'donnees_b')?.label, 'Données (jsonb)', 'options.labels');
      for (const name of ['lien', 'journal', 'v_personne']) assert.equal(meta(name).readOnly, true, name);
      const doc = readFileSync(join(toutDir, 'gen', 'docs', 'lien.md'), 'utf8');
      assert.match(doc, /Consultation seulement : La clé primaire porte sur plusieurs colonnes \(personne, dossier\)/);
      assert.match(readFileSync(join(toutDir, 'gen', 'docs', 'personne.md'), 'utf8'), /\| `pays_naissance` \| Pays naissance \| bpchar\(2\) \| référence tout\.pays \|/);
    });

    test('stored queries, CSV imports and PDF listings: derived for every table that can have one', () => {
      const queries = generated.storedQueries.filter((query) => query.table === 'personne');
      assert.deepEqual(queries.map((query) => [query.name, query.label, query.criteria.map((criterion) => `${criterion.field}:${criterion.input}:${criterion.required}`)]), [
        ['personne', 'Personne', []],
        ['personne_parent', 'Personne par parent', ['parent:choice:true']],
        ['personne_pays_naissance', 'Personne par pays naissance', ['pays_naissance:choice:true']],
        ['personne_pays_residence', 'Personne par pays residence', ['pays_residence:choice:true']],
      ], 'one per foreign key, none on the collectivité');
      const mesure = generated.storedQueries.find((query) => query.name === 'mesure');
      assert.ok(mesure);
      assert.ok(!mesure.columns.includes('fichier') && !mesure.columns.includes('donnees'), 'no binary or JSON column in a query');
      assert.ok(generated.storedQueries.some((query) => query.name === 'v_personne'), 'a view can be queried');

      const imports = new Map(generated.imports.map((spec) => [spec.name, spec]));
      assert.deepEqual([...imports.keys()].sort(), ['class', 'delete', 'dossier', 'inscription', 'mesure', 'pays', 'personne', 'serie'], 'none for read-only objects');
      assert.deepEqual(imports.get('personne')?.fields.map((field) => field.name), ['nom', 'pays_naissance', 'pays_residence', 'parent'],
        'the identity key and the collectivité are not in the file');
      assert.deepEqual(imports.get('personne')?.fields[1]?.reference, { schema: 'tout', table: 'pays', column: 'code', labelColumn: 'libelle' });
      assert.deepEqual(imports.get('dossier')?.fields.map((field) => field.name), ['libelle', 'personne'], 'the sequence-fed key is not in the file');
      assert.deepEqual(imports.get('pays')?.fields.map((field) => [field.name, field.required, field.maxLength]), [['code', true, 2], ['libelle', true, 60]],
        'a string key is typed by whoever imports');
      const mesureImport = imports.get('mesure')?.fields.map((field) => field.name) ?? [];
      assert.ok(!mesureImport.includes('mesure') && !mesureImport.includes('fichier'), 'no uuid-default key, no binary');
      assert.deepEqual(imports.get('mesure')?.fields.find((field) => field.name === 'couleur')?.enumValues, ['rouge', 'vert', 'bleu']);

      const pdfs = new Map(generated.listingPdfs.map((spec) => [spec.table, spec]));
      for (const spec of pdfs.values()) {
        const page = spec.orientation === 'portrait' ? 190 : 277;
        const total = spec.columns.reduce((sum, column) => sum + column.width, 0);
        assert.ok(Math.abs(total - page) < 0.5, `${spec.table}: the columns fill the page (${total} mm)`);
      }
      const personne = pdfs.get('personne');
      assert.equal(personne?.orientation, 'landscape');
      assert.equal(pdfs.get('serie')?.orientation, 'portrait', 'two short columns fit a portrait page');
      assert.deepEqual(personne?.columns.map((column) => `${column.field}:${column.align}`), [
        'personne:right', 'nom:left', 'pays_naissance:left', 'pays_residence:left', 'parent:left', 'om_collectivite:left',
      ], 'foreign keys print their target’s label, as text');
      const mesurePdf = pdfs.get('mesure');
      assert.equal(mesurePdf?.orientation, 'landscape');
      assert.ok(mesurePdf && !mesurePdf.columns.some((column) => ['texte', 'donnees', 'fichier', 'mots'].includes(column.field)),
        'long text, JSON, binary and arrays are left out of the PDF');
      assert.match(readFileSync(join(toutDir, 'gen', 'personne.ts'), 'utf8'), /export const listingPdf = \{[\s\S]*\} as const satisfies ListingPdfSpec;/);
      const doc = readFileSync(join(toutDir, 'gen', 'docs', 'personne.md'), 'utf8');
      assert.match(doc, /## Exports et import\n\n- Requête mémorisée « Personne » \(`personne`\)\n- Requête mémorisée « Personne par parent » \(`personne_parent`\) — critère : Parent/);
      assert.match(doc, /- Import CSV, colonnes dans l’ordre : `nom`;`pays_naissance`;`pays_residence`;`parent`/);
      assert.match(doc, /- Édition PDF `\/tout\/personne\.pdf` : Personne, Nom, /);
    });

    /** One row per writable table: what to create, what to search it by, what to change. */
    const cases = (ids: { personne: number; classe: number }): { table: string; create: Record<string, unknown>; search: string; change: Record<string, unknown> }[] => [
      { table: 'pays', create: { code: 'DE', libelle: 'Allemagne' }, search: 'allemagne', change: { libelle: 'Allemagne fédérale' } },
      { table: 'personne', create: { nom: 'Zoé Martin', pays_naissance: 'FR', pays_residence: 'FR', parent: ids.personne }, search: 'zoe', change: { nom: 'Zoé Durand' } },
      { table: 'dossier', create: { libelle: 'Permis de construire', personne: ids.personne }, search: 'permis', change: { libelle: 'Permis d’aménager' } },
      { table: 'serie', create: { libelle: 'Série A' }, search: 'serie', change: { libelle: 'Série B' } },
      { table: 'inscription', create: { personne: ids.personne, annee: 2024 }, search: String(ids.personne), change: { annee: 2025 } },
      {
        table: 'mesure',
        create: {
          libelle: 'Relevé', texte: 'Un texte', code: 'ABC', petit: 1, moyen: 2, grand: 3, montant: '12.50', reel: 1.5, double: 2.25,
          actif: true, jour: '2024-03-01', heure: '10:30', moment: '2024-03-01T10:30:00', instant: '2024-03-01T10:30:00Z',
          donnees: { a: 1 }, donnees_b: { b: [2] }, mots: ['un', 'deux'], nombres: [1, 2], couleur: 'vert', couleurs: ['rouge', 'bleu'],
        },
        search: 'releve',
        change: { libelle: 'Relevé corrigé', couleur: 'bleu' },
      },
      { table: 'class', create: { default: 'Défaut', function: 'f', delete: true }, search: 'defaut', change: { default: 'Autre' } },
      { table: 'delete', create: { new: 'Nouveau', class: ids.classe }, search: 'nouveau', change: { new: 'Renouvelé' } },
    ];

    test('every writable table: created, listed, searched, read, edited and deleted through the API', async () => {
      await database().asOwner(`insert into tout.pays values ('FR', 'France');
        insert into tout.personne (nom, pays_naissance, om_collectivite) values ('Ancêtre', 'FR', 1);
        insert into tout."class" ("default") values ('Première')`);
      const ids = { personne: 1, classe: 1 };
      for (const { table, create, search, change } of cases(ids)) {
        const key = generated.tables.find((meta) => meta.name === table)?.key as string;
        const created = await api.request('POST', `/api/v1/tout/${table}`, { json: create });
        assert.equal(created.status, 201, `${table}: ${created.text}`);
        const id = String(created.body.data[key]);
        const found = await api.get(`/api/v1/tout/${table}?q=${encodeURIComponent(search)}`);
        assert.equal(found.status, 200, found.text);
        assert.ok(found.body.data.some((row: Record<string, unknown>) => String(row[key]) === id), `${table}: found by « ${search} »`);
        const read = await api.get(`/api/v1/tout/${table}/${encodeURIComponent(id)}`);
        assert.equal(read.status, 200, read.text);
        const updated = await api.request('PATCH', `/api/v1/tout/${table}/${encodeURIComponent(id)}`, { json: { ...change, _version: read.body.data._version } });
        assert.equal(updated.status, 200, `${table}: ${updated.text}`);
        for (const [name, value] of Object.entries(change)) assert.equal(String(updated.body.data[name]), String(value), `${table}.${name}`);
        const deleted = await api.request('DELETE', `/api/v1/tout/${table}/${encodeURIComponent(id)}`);
        assert.equal(deleted.status, 204, `${table}: ${deleted.text}`);
        assert.equal((await api.get(`/api/v1/tout/${table}/${encodeURIComponent(id)}`)).status, 404);
      }
    });

    test('read-only objects are listed but refuse writes', async () => {
      await database().asOwner(`insert into tout.journal (message) values ('Démarrage');
        insert into tout.dossier (dossier, libelle, personne) values (nextval('tout.dossier_seq'), 'Dossier lié', 1);
        insert into tout.lien select 1, dossier from tout.dossier where libelle = 'Dossier lié'`);
      for (const table of ['journal', 'lien', 'v_personne']) {
        const listed = await api.get(`/api/v1/tout/${table}`);
        assert.equal(listed.status, 200, listed.text);
        assert.ok(listed.body.data.length > 0, table);
        const refused = await api.request('POST', `/api/v1/tout/${table}`, { json: { message: 'Intrus', nom: 'Intrus' } });
        assert.ok(refused.status >= 400 && refused.status < 500, `${table}: ${refused.status}`);
      }
      const rows = await database().ownerQuery<{ n: number }>(`select count(*)::int as n from tout.journal`);
      assert.equal(rows[0]?.n, 1);
    });

    test('the generated stored queries, CSV import and PDF listing run on the generated application', async () => {
      await grant(database(), 'UTILISATEUR', ['reqmo', 'import', 'edition']);
      await database().asOwner(`insert into tout.pays values ('IT', 'Italie') on conflict do nothing;
        insert into tout."class" ("default") values ('Classe à exporter')`);
      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);

      const query = await browser.get('/requetes/tout/personne_pays_naissance');
      assert.equal(query.status, 200);
      assert.match(await query.text(), /Italie/, 'the foreign key criterion lists the countries by label');

      const csv = new TextEncoder().encode('code;libelle\r\nES;Espagne\r\nESP;Trop long\r\n');
      const form = new FormData();
      form.append('_csrf', (/name="_csrf" value="([^"]+)"/.exec(await (await browser.get('/import/tout/pays')).text()) ?? [])[1] ?? '');
      form.append('fichier', new File([csv], 'pays.csv', { type: 'text/csv' }));
      form.append('separateur', ';');
      form.append('entete', '1');
      const upload = await browser.request('/import/tout/pays', { method: 'POST', body: form });
      assert.equal(upload.status, 303);
      const job = /\/import\/suivi\/(.+)$/.exec(upload.headers.get('location') ?? '')?.[1] ?? '';
      await jobRunnerOf(runtime).settled(job);
      const imported = await database().ownerQuery<{ libelle: string }>("select libelle from tout.pays where code in ('ES', 'ESP')");
      assert.deepEqual(imported, [{ libelle: 'Espagne' }], 'a string key typed in the file; the too-long one rejected');

      const pdf = await browser.get('/tout/class.pdf');
      assert.equal(pdf.status, 200, 'a table named with a TypeScript keyword');
      assert.match((await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join('\n'), /Classe à exporter/);
    });

    test('the screens: listing with search, add form, create by POST, edit, delete, sub-form tabs', async () => {
      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      const hidden = (html: string): Record<string, string> => {
        const fields: Record<string, string> = {};
        for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[match[1] ?? ''] = (match[2] ?? '').replaceAll('&amp;', '&');
        return fields;
      };
      for (const table of generated.tables) {
        const listing = await browser.get(`/tout/${table.name}`);
        assert.equal(listing.status, 200, `${table.name}: ${listing.status}`);
        const form = await browser.get(`/tout/${table.name}/new`);
        assert.equal(form.status, table.readOnly ? 403 : 200, `${table.name}/new`);
      }
      // Create through the add form (a keyword-named table), find it, edit it, delete it.
      const form = await (await browser.get('/tout/class/new')).text();
      assert.match(form, /name="default"/);
      const created = await browser.postForm('/tout/class', { ...hidden(form), default: 'Écran', function: 'f2' });
      assert.equal(created.status, 303, await created.text());
      const location = created.headers.get('Location') ?? '';
      const id = /\/tout\/class\/(\d+)/.exec(location)?.[1];
      assert.ok(id, location);
      const searched = await (await browser.get('/tout/class?q=ecran')).text();
      assert.match(searched, /Écran/);
      const edit = await (await browser.get(`/tout/class/${id}/edit`)).text();
      const saved = await browser.postForm(`/tout/class/${id}`, { ...hidden(edit), default: 'Écran modifié', function: 'f2' });
      assert.equal(saved.status, 303, await saved.text());
      assert.deepEqual(await database().ownerQuery(`select "default" from tout."class" where "class" = ${Number(id)}`), [{ default: 'Écran modifié' }]);
      const confirm = await (await browser.get(`/tout/class/${id}/delete`)).text();
      const deleted = await browser.postForm(`/tout/class/${id}/delete`, hidden(confirm));
      assert.equal(deleted.status, 303, await deleted.text());
      assert.deepEqual(await database().ownerQuery(`select 1 from tout."class" where "class" = ${Number(id)}`), []);

      // Where foreign keys point, the record page shows the sub-form tabs.
      const personne = await (await browser.get('/tout/personne/1')).text();
      for (const child of ['Dossier', 'Inscription', 'Personne']) assert.match(personne, new RegExp(`>${child}<`), child);
      const readOnly = await browser.postForm('/tout/journal', { ...hidden(await (await browser.get('/tout/journal')).text()), message: 'Intrus' });
      assert.ok(readOnly.status >= 400, `POST on a read-only object: ${readOnly.status}`);
    });

    test('the advised indexes are valid SQL and the advice shrinks once adopted', async () => {
      const advice = readFileSync(join(toutDir, 'gen', 'index-advice.sql'), 'utf8');
      assert.match(advice, /create index if not exists personne_nom_trgm on tout\.personne using gin \(om\.fold\(nom::text\) gin_trgm_ops\);/);
      assert.match(advice, /create index if not exists personne_parent_idx on tout\.personne \(parent\);/);
      assert.match(advice, /create index if not exists class_default_idx on tout\.class \("default"\);/);
      assert.doesNotMatch(advice, /inscription_personne_idx/, 'the unique (personne, annee) already serves the foreign key');
      // B-tree statements everywhere; trigram ones where the server has pg_trgm (PGlite loads it on demand).
      const btree = advice.split('\n').filter((line) => line.startsWith('create index') && !line.includes('gin_trgm_ops'));
      await database().asOwner(btree.join('\n'));
      await database().asOwner(btree.join('\n'));
      if (database().kind === 'postgres') await database().asOwner(advice, 'tout');
      const schema = await introspectApp(database().db.kysely, toutOptions.default);
      const dir = toutDir;
      generateApp(dir, toutOptions.default, schema, { only: [] });
      const after = readFileSync(join(dir, 'gen', 'index-advice.sql'), 'utf8');
      assert.doesNotMatch(after, /personne_parent_idx/);
      if (database().kind === 'pglite') assert.match(after, /personne_nom_trgm/);
      else assert.match(after, /Aucun index à conseiller/, 'every advised index now exists');
    });
  },
  // A template of its own: the embedded database knows the array types (tout.couleur[]) it opens with.
  { sources: [frameworkMigrations, migrationSourceOf(toutDir, toutOptions.default)] },
);

const ancienDir = copyOfFixture('ancien');
const ancienOptions = (await import(pathToFileURL(join(ancienDir, 'commun.app.ts')).href)) as { default: GeneratorOptions };

describeEachDatabase(
  'generated application: options and postulate mode',
  (database) => {
    let started: Awaited<ReturnType<typeof startOn>>;
    before(async () => {
      await migrateApplication(database(), migrationSourceOf(ancienDir, ancienOptions.default));
      started = await startOn(ancienDir, database());
    });

    test('exclude, labels, listColumns, sub-form order, postulated keys', async () => {
      const meta = (name: string) => started.generated.tables.find((table) => table.name === name) as TableMeta;
      assert.deepEqual(started.generated.tables.map((table) => table.name), ['adresse', 'quartier', 'riverain', 'voie']);
      assert.equal(existsSync(join(ancienDir, 'gen', 'technique.ts')), false, 'excluded');
      assert.equal(meta('quartier').key, 'quartier', 'postulated key: the column named like the table');
      assert.deepEqual(meta('adresse').foreignKeys.map((key) => `${key.columns[0]}→${key.target.table}`), ['quartier→quartier', 'voie_id→voie']);
      assert.deepEqual(meta('riverain').foreignKeys.map((key) => `${key.columns[0]}→${key.target.table}`), ['voie→voie']);
      assert.equal(meta('voie').label, 'Voie communale');
      assert.equal(meta('voie').fields.find((field) => field.name === 'libelle')?.label, 'Nom de la voie');
      assert.deepEqual(started.generated.screens.voie, {
        menu: { rubrique: 'application', category: 'Ancien' },
        listColumns: ['libelle', 'quartier'],
        subForms: { order: ['riverain', 'adresse'] },
      });
      assert.deepEqual(started.generated.screens.quartier?.menu, { rubrique: 'parametrage', category: 'Ancien' }, 'a reference table: under « Paramétrage »');
      const module = readFileSync(join(ancienDir, 'gen', 'voie.ts'), 'utf8');
      assert.match(module, /export const form = \{[\s\S]*subForms: \[\s*\{\s*table: 'riverain'[\s\S]*table: 'adresse'/);
      assert.match(module, /name: 'quartier',\s*label: 'Quartier',\s*widget: 'select',[\s\S]*select: \{\s*schema: 'ancien',\s*table: 'quartier',\s*column: 'quartier',\s*labelColumn: 'libelle',\s*\}/);
      const labels = readFileSync(join(ancienDir, 'gen', 'labels.ts'), 'utf8');
      assert.match(labels, /'voie\.libelle': 'Nom de la voie',/);
      assert.match(readFileSync(join(ancienDir, 'gen', 'menu.ts'), 'utf8'), /label: 'Voie communale',\s*href: '\/ancien\/voie',\s*permissions: \['ancien\.voie', 'ancien\.voie_tab'\]/);
      assert.deepEqual(started.generated.storedQueries.map((query) => query.name), ['voie', 'voie_quartier'], 'storedQueries: [voie]');
      assert.deepEqual(started.generated.imports, [], 'imports: false');
      assert.deepEqual(started.generated.listingPdfs.map((spec) => spec.table), ['riverain', 'voie'], 'listingPdfs: [voie, riverain]');
      assert.deepEqual(started.generated.listingPdfs.find((spec) => spec.table === 'voie')?.columns.map((column) => column.field), ['libelle', 'quartier'],
        'the PDF follows listColumns');
      assert.doesNotMatch(readFileSync(join(ancienDir, 'gen', 'adresse.ts'), 'utf8'), /csvImport|listingPdf|storedQueries/);
    });

    test('the screens follow the options: listing columns and sub-form tab order', async () => {
      await grant(database(), 'UTILISATEUR', started.permissions);
      await createUsers(database(), [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
      await database().asOwner(`insert into ancien.quartier values (1, 'Centre');
        insert into ancien.voie values (1, 'Rue de la Paix', 1);
        insert into ancien.riverain (nom, voie) values ('Dupont', 1);`);
      const browser = new Browser(started.app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      const listing = await (await browser.get('/ancien/voie')).text();
      const headers = [...listing.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((match) =>
        (match[1] ?? '').replace(/<span[^>]*>[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, '').trim(),
      );
      assert.deepEqual(headers.slice(0, 2), ['Nom de la voie', 'Quartier']);
      assert.match(listing, /Centre/, 'the postulated foreign key shows the quartier’s label');
      const record = await (await browser.get('/ancien/voie/1')).text();
      const tabs = record.slice(record.indexOf('role="tablist"'));
      const riverain = tabs.indexOf('Riverain');
      const adresse = tabs.indexOf('Adresse');
      assert.ok(riverain >= 0 && adresse > riverain, 'riverain before adresse');
    });
  },
);
