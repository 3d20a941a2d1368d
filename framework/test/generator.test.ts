import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, mock, test } from 'node:test';
import { introspectSchema, type Introspection } from '../src/db/introspect.ts';
import { FRAMEWORK_GENERATION, genCommand, introspectFramework } from '../src/generator/command.ts';
import { generateModules } from '../src/generator/generate.ts';
import { camelName, pascalName, propertyKey, quoteString } from '../src/generator/names.ts';
import { printLiteral } from '../src/generator/print.ts';
import { rowType } from '../src/generator/render.ts';
import type { FieldMeta, TableMeta } from '../src/model/types.ts';
import { CATALOGUE_SCHEMA } from './support/catalogue-schema.ts';
import { describeEachDatabase } from './support/databases.ts';

const ODD_NAMES_SCHEMA = `
create schema x;
create table x."class" (id int primary key, "Nom Complet" text, "default" int, "2e_adresse" varchar(10), "it's" text);
create table x."3d" (id int primary key);
create table x.a_b (id int primary key);
create table x."a-b" (id int primary key);
create table x."mauvais nom" (id int primary key);
`;

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commun-gen-'));
  temporaryDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

const names = (paths: string[]) => paths.map((path) => basename(path));

let importCounter = 0;
async function importMeta(file: string): Promise<TableMeta> {
  const module = (await import(`${pathToFileURL(file).href}?v=${importCounter++}`)) as { meta: TableMeta };
  return module.meta;
}

describe('generator: names, literals and row types', () => {
  test('names that are not plain identifiers are quoted or rewritten', () => {
    assert.equal(propertyKey('libelle'), 'libelle');
    assert.equal(propertyKey('class'), "'class'");
    assert.equal(propertyKey('Nom Complet'), "'Nom Complet'");
    assert.equal(propertyKey('2e_adresse'), "'2e_adresse'");
    assert.equal(pascalName('om_utilisateur'), 'OmUtilisateur');
    assert.equal(pascalName('3d'), 'T3d');
    assert.equal(pascalName('a-b'), 'AB');
    assert.equal(camelName('om_utilisateur', new Set()), 'omUtilisateur');
    assert.equal(camelName('class', new Set()), 'class2');
    assert.equal(camelName('a_b', new Set(['aB'])), 'aB2');
  });

  test('strings are quoted with as few escapes as possible', () => {
    assert.equal(quoteString('Libellé'), "'Libellé'");
    assert.equal(quoteString("'DB'::character varying"), `"'DB'::character varying"`);
    assert.equal(quoteString(`l'a dit "non"`), `'l\\'a dit "non"'`);
    assert.equal(quoteString('a\\b\nc\u0001'), "'a\\\\b\\nc\\u0001'");
  });

  test('literals: short flat values on one line, the rest indented with trailing commas', () => {
    assert.equal(printLiteral({ schema: 'om', table: 'om_profil' }), "{ schema: 'om', table: 'om_profil' }");
    assert.equal(printLiteral([['libelle', 'om_profil']]), "[['libelle', 'om_profil']]");
    assert.equal(printLiteral({ a: 1, b: [{ c: null }], d: undefined }), '{\n  a: 1,\n  b: [{ c: null }],\n}');
    assert.equal(
      printLiteral([{ a: 1, b: 2, c: 3, d: 4 }]),
      ['[', '  {', '    a: 1,', '    b: 2,', '    c: 3,', '    d: 4,', '  },', ']'].join('\n'),
    );
  });

  test('row types follow what the database layer returns', () => {
    const field = (kind: FieldMeta['kind'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
      name: 'f',
      label: 'F',
      pgType: 'x',
      kind,
      notNull: true,
      hasDefault: false,
      generation: null,
      required: true,
      ...extra,
    });
    assert.equal(rowType(field('integer')), 'number');
    assert.equal(rowType(field('bigint', { notNull: false })), 'number | null');
    assert.equal(rowType(field('decimal')), 'string');
    assert.equal(rowType(field('date')), 'string');
    assert.equal(rowType(field('timestamptz')), 'Date');
    assert.equal(rowType(field('json', { notNull: false })), 'unknown');
    assert.equal(rowType(field('bytea')), 'Uint8Array');
    assert.equal(rowType(field('enum', { enumValues: ['a', 'b'], notNull: false })), "'a' | 'b' | null");
    assert.equal(rowType(field('array', { elementKind: 'enum', enumValues: ['a', 'b'] })), "('a' | 'b')[]");
    assert.equal(rowType(field('array', { elementKind: 'text' })), 'string[]');
  });
});

describeEachDatabase('generator', (database) => {
  let catalogue: Introspection;
  let odd: Introspection;

  before(async () => {
    await database().asOwner(CATALOGUE_SCHEMA + ODD_NAMES_SCHEMA);
    catalogue = await introspectSchema(database().db.kysely, 't', { app: 'essai' });
    odd = await introspectSchema(database().db.kysely, 'x', { app: 'essai' });
  });

  test('generating twice changes nothing the second time', () => {
    const dir = temporaryDir();
    const first = generateModules(catalogue.tables, dir);
    assert.equal(first.written.length, catalogue.tables.length + 1);
    assert.deepEqual(first.unchanged, []);
    const second = generateModules(catalogue.tables, dir);
    assert.deepEqual(second.written, []);
    assert.deepEqual(second.removed, []);
    assert.deepEqual(names(second.unchanged), ['affectation.ts', 'categorie.ts', 'index.ts', 'inscription.ts', 'journal.ts', 'mesure.ts', 'pays.ts', 'personne.ts', 'v_personne.ts']);
  });

  test('a generated module loads and holds the metadata it was generated from', async () => {
    const dir = temporaryDir();
    generateModules(catalogue.tables, dir);
    for (const meta of catalogue.tables) assert.deepEqual(await importMeta(join(dir, `${meta.name}.ts`)), meta);
    const text = readFileSync(join(dir, 'mesure.ts'), 'utf8');
    assert.match(text, /^\/\/ Generated by `commun gen`/);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/, 'no date in the generated text');
    assert.match(text, /export interface MesureRow \{\n {2}mesure: string;\n {2}petit: number \| null;\n {2}moyen: number;/);
    assert.match(text, /\n {2}couleur: 'rouge' \| 'vert' \| 'bleu' \| null;\n {2}couleurs: \('rouge' \| 'vert' \| 'bleu'\)\[\] \| null;/);
    assert.match(text, /\n {2}montant: string \| null;\n/);
    const index = (await import(`${pathToFileURL(join(dir, 'index.ts')).href}?v=${importCounter++}`)) as { tables: TableMeta[] };
    assert.deepEqual(index.tables, catalogue.tables);
  });

  test('names that clash with keywords or are not identifiers still give valid modules', async () => {
    assert.deepEqual(odd.problems.map((problem) => problem.table), ['mauvais nom']);
    const dir = temporaryDir();
    generateModules(odd.tables, dir);
    const text = readFileSync(join(dir, 'class.ts'), 'utf8');
    assert.match(text, /export interface ClassRow \{\n {2}id: number;\n {2}'Nom Complet': string \| null;\n {2}'default': number \| null;\n {2}'2e_adresse': string \| null;\n {2}"it's": string \| null;\n\}/);
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    assert.match(index, /import \{ meta as class2 \} from '\.\/class\.ts';/);
    assert.match(index, /export type \{ ABRow as ABRow2 \} from '\.\/a_b\.ts';/);
    const loaded = (await import(`${pathToFileURL(join(dir, 'index.ts')).href}?v=${importCounter++}`)) as { tables: TableMeta[] };
    assert.deepEqual(loaded.tables.map((meta) => meta.name), ['3d', 'a-b', 'a_b', 'class']);
  });

  test('a changed schema is detected, and a dropped table’s module removed', async () => {
    await database().asOwner(`create schema c;
      create table c.voie (voie integer primary key, libelle varchar(40) not null);
      create table c.quartier (quartier integer primary key, libelle varchar(40) not null)`);
    const dir = temporaryDir();
    generateModules((await introspectSchema(database().db.kysely, 'c', { app: 'essai' })).tables, dir);
    writeFileSync(join(dir, 'notes.ts'), '// écrit à la main\nexport const notes = 1;\n');

    await database().asOwner('alter table c.voie add column rivoli char(4); drop table c.quartier');
    const changed = (await introspectSchema(database().db.kysely, 'c', { app: 'essai' })).tables;
    const check = generateModules(changed, dir, { check: true });
    assert.deepEqual(names(check.wouldChange), ['index.ts', 'voie.ts', 'quartier.ts']);
    assert.deepEqual(names(check.removed), ['quartier.ts']);
    assert.equal(existsSync(join(dir, 'quartier.ts')), true, '--check writes nothing');

    const dryRun = generateModules(changed, dir, { dryRun: true });
    assert.deepEqual(names(dryRun.wouldChange), names(check.wouldChange));
    assert.deepEqual(dryRun.written, []);

    const written = generateModules(changed, dir);
    assert.deepEqual(names(written.written), ['index.ts', 'voie.ts']);
    assert.deepEqual(names(written.removed), ['quartier.ts']);
    assert.equal(existsSync(join(dir, 'quartier.ts')), false);
    assert.equal(existsSync(join(dir, 'notes.ts')), true, 'a hand-written file is never removed');
    assert.deepEqual(generateModules(changed, dir, { check: true }).wouldChange, []);
  });

  test('generating some tables leaves the others alone', async () => {
    const dir = temporaryDir();
    const result = generateModules(catalogue.tables, dir, { only: ['pays'] });
    assert.deepEqual(names(result.written), ['index.ts', 'pays.ts']);
    assert.deepEqual(result.removed, []);
  });
});

// On a database holding only the framework's migrations: an application's table pointing at
// om_collectivite would add itself to that table's incoming references.
describeEachDatabase('generated framework modules', (database) => {
  test('the committed framework/gen matches the framework schema (golden test)', async () => {
    const { tables, problems } = await introspectFramework(database().db.kysely);
    assert.deepEqual(problems, []);
    const result = generateModules(tables, FRAMEWORK_GENERATION.outDir, { check: true });
    assert.deepEqual(result.wouldChange, [], 'run `commun gen` and review the changes');
    assert.deepEqual(
      names(result.unchanged),
      ['index.ts', ...tables.map((meta) => `${meta.name}.ts`)].sort(),
    );
  });

});

describe('commun gen', () => {
  const quiet = () => {
    const log = mock.method(console, 'log', () => undefined);
    const error = mock.method(console, 'error', () => undefined);
    return {
      output: () => [...log.mock.calls, ...error.mock.calls].map((call) => String(call.arguments[0])).join('\n'),
      restore: () => {
        log.mock.restore();
        error.mock.restore();
      },
    };
  };

  test('--check finds nothing to regenerate in the committed modules', async () => {
    const console_ = quiet();
    try {
      assert.equal(await genCommand(['--check']), 0, console_.output());
      assert.match(console_.output(), /sont à jour \(23 fichiers\)/);
    } finally {
      console_.restore();
    }
  });

  test('unknown options and tables are refused with the usage', async () => {
    const console_ = quiet();
    try {
      assert.equal(await genCommand(['--vite']), 2);
      assert.match(console_.output(), /Option inconnue : --vite\nUsage : commun gen/);
      assert.equal(await genCommand(['--all', 'om_profil']), 2);
      assert.equal(await genCommand(['--check', 'om_session']), 2);
      assert.match(console_.output(), /Table inconnue dans le schéma om \(ou exclue\) : om_session/);
    } finally {
      console_.restore();
    }
  });
});
