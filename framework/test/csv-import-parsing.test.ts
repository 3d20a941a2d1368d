/**
 * Reading an import file without a database: encoding (UTF-8 with or without BOM, else
 * Windows-1252), lines and their numbers, separators, unreadable CSV, one line against the import's
 * columns, label folding, the template and the reject file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countCsvLines,
  csvLines,
  decodeCsv,
  foldLabel,
  isEmptyLine,
  mapLine,
  RejectCollector,
  templateCsv,
  type CsvLine,
  type Separator,
} from '../src/imports/index.ts';
import { JobFailure } from '../src/jobs/index.ts';
import type { ImportSpec } from '../src/model/specs.ts';

const SPEC: ImportSpec = {
  app: 'essai',
  name: 'personne',
  table: 'personne',
  label: 'Personnes',
  fields: [
    { name: 'nom', label: 'Nom', kind: 'text', required: true, maxLength: 30 },
    { name: 'prenom', label: 'Prénom', kind: 'text', required: false, maxLength: 30 },
    { name: 'actif', label: 'Actif', kind: 'boolean', required: false, defaultSql: 'true' },
  ],
};

async function linesOf(text: string, separator: Separator): Promise<CsvLine[]> {
  const lines: CsvLine[] = [];
  for await (const line of csvLines(text, separator)) lines.push(line);
  return lines;
}

test('UTF-8 is read as it is, with or without a byte-order mark', () => {
  const plain = decodeCsv(new TextEncoder().encode('Hélène;Œuvre'));
  assert.deepEqual(plain, { text: 'Hélène;Œuvre', encoding: 'utf-8', bom: false });
  const withBom = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Zoé;1')]));
  assert.deepEqual(withBom, { text: 'Zoé;1', encoding: 'utf-8', bom: true });
});

test('a file that is not UTF-8 is read as Windows-1252 (Excel), accents and € included', () => {
  // « Gérard;École;€ » as Excel saves it on a French PC.
  const bytes = new Uint8Array([0x47, 0xe9, 0x72, 0x61, 0x72, 0x64, 0x3b, 0xc9, 0x63, 0x6f, 0x6c, 0x65, 0x3b, 0x80, 0x3b, 0x9c, 0x75, 0x66]);
  assert.deepEqual(decodeCsv(bytes), { text: 'Gérard;École;€;œuf', encoding: 'windows-1252', bom: false });
});

test('lines are numbered as a spreadsheet numbers its rows, empty lines and quoted line breaks included', async () => {
  const text = 'nom;prenom\r\n\r\n"Dupont; fils";"Jean\r\nPierre"\r\n;;\r\nMartin;Léa';
  const lines = await linesOf(text, ';');
  assert.deepEqual(lines, [
    { number: 1, cells: ['nom', 'prenom'] },
    { number: 2, cells: [''] },
    { number: 3, cells: ['Dupont; fils', 'Jean\r\nPierre'] },
    { number: 4, cells: ['', '', ''] },
    { number: 5, cells: ['Martin', 'Léa'] },
  ]);
  assert.equal(await countCsvLines(text, ';'), 5);
});

test('the chosen separator splits the cells; the other one stays in them', async () => {
  assert.deepEqual((await linesOf('a,b;c\n', ',')).map((line) => line.cells), [['a', 'b;c']]);
  assert.deepEqual((await linesOf('a,b;c\n', ';')).map((line) => line.cells), [['a,b', 'c']]);
  // A quote inside an unquoted cell is kept as typed.
  assert.deepEqual((await linesOf('12 "bis";rue\n', ';')).map((line) => line.cells), [['12 "bis"', 'rue']]);
});

test('a file that is not CSV is refused with the line, in French', async () => {
  await assert.rejects(countCsvLines('nom;prenom\nDupont;"Jean\nMartin;Léa\n', ';'), (error: unknown) => {
    assert.ok(error instanceof JobFailure);
    assert.match(error.message, /n’a pas pu être lu comme un fichier CSV \(ligne \d+\)/);
    assert.match(error.message, /Rien n’a été importé/);
    return true;
  });
});

test('a line becomes the input of a record: cells in order, empty cells and `null` give no value', () => {
  assert.deepEqual(mapLine(SPEC, ['Dupont', 'Jean', 'Oui']), { ok: true, input: { nom: 'Dupont', prenom: 'Jean', actif: 'Oui' } });
  assert.deepEqual(mapLine(SPEC, ['Dupont', 'NULL', '  ']), { ok: true, input: { nom: 'Dupont' } });
  // openMairie's template ended each line with a separator: an empty extra cell is harmless.
  assert.deepEqual(mapLine(SPEC, ['Dupont', '', '', '']), { ok: true, input: { nom: 'Dupont' } });
});

test('a line with the wrong number of cells is rejected with a French reason', () => {
  const short = mapLine(SPEC, ['Dupont;Jean;Oui']);
  assert.equal(short.ok, false);
  assert.equal(
    short.ok ? '' : short.reason,
    'La ligne contient 1 colonne(s) au lieu de 3 : vérifiez le séparateur choisi et l’ordre des colonnes (fichier modèle).',
  );
  const long = mapLine(SPEC, ['Dupont', 'Jean', 'Oui', 'en trop']);
  assert.equal(long.ok, false);
  assert.match(long.ok ? '' : long.reason, /4 colonne\(s\) au lieu de 3/);
});

test('empty lines are recognised, and labels compare without accents or case', () => {
  assert.equal(isEmptyLine(['']), true);
  assert.equal(isEmptyLine(['', ' ', '']), true);
  assert.equal(isEmptyLine(['', 'x']), false);
  assert.equal(foldLabel(' École Jules-Ferry '), 'ecole jules-ferry');
  assert.equal(foldLabel('ŒUVRE'), foldLabel('oeuvre'));
  assert.notEqual(foldLabel('Mairie'), foldLabel('Mairie annexe'));
});

test('the template is the header line, `;`, UTF-8 with BOM', () => {
  assert.equal(templateCsv(SPEC), '\ufeffnom;prenom;actif\n');
});

test('the reject file repeats the lines as they were, with a « rejet » column', () => {
  const rejects = new RejectCollector(['nom', 'prenom', 'actif'], ',', 'fr');
  rejects.add(3, ['Dupont', 'Jean, dit "Jeannot"', 'peut-être'], ['Le champ « Actif » doit valoir Oui ou Non.']);
  rejects.add(7, ['', 'Léa', ''], ['Le champ « Nom » est obligatoire.', 'Autre motif.']);
  assert.equal(rejects.count, 2);
  assert.deepEqual(rejects.first.map((line) => line.line), [3, 7]);
  assert.equal(
    rejects.file(),
    '\ufeffnom,prenom,actif,rejet\n' +
      'Dupont,"Jean, dit ""Jeannot""",peut-être,Le champ « Actif » doit valoir Oui ou Non.\n' +
      ',Léa,,Le champ « Nom » est obligatoire. Autre motif.\n',
  );
  // The file's own header line replaces the column names.
  rejects.useHeader(['Nom', 'Prénom', 'Actif']);
  assert.ok(rejects.file().startsWith('\ufeffNom,Prénom,Actif,rejet\n'));
});
