/**
 * Reading an import file without a database: encoding (UTF-8 with or without BOM, else
 * Windows-1252), lines and their numbers, separators, unreadable CSV, one line against the import's
 * columns, label folding, the template and the reject file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lineBatches } from '../src/imports/batches.ts';
import {
  csvFileLines,
  csvLines,
  decodeChunks,
  foldLabel,
  isEmptyLine,
  mapLine,
  RejectCollector,
  sniffFile,
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

/** The text of `bytes` decoded as a stream, cut in chunks of `size` bytes (a character may straddle two). */
async function decoded(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252', size = 3): Promise<string> {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += size) yield Buffer.from(bytes.subarray(at, at + size));
  }
  let text = '';
  for await (const part of decodeChunks(chunks(), encoding)) text += part;
  return text;
}

test('UTF-8 is read as it is, with or without a byte-order mark, a character split across chunks included', async () => {
  assert.equal(await decoded(new TextEncoder().encode('Hélène;Œuvre'), 'utf-8'), 'Hélène;Œuvre');
  assert.equal(await decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Zoé;1')]), 'utf-8'), 'Zoé;1');
});

test('Windows-1252 (Excel) is read with its accents, € and œ', async () => {
  // « Gérard;École;€;œuf » as Excel saves it on a French PC.
  const bytes = new Uint8Array([0x47, 0xe9, 0x72, 0x61, 0x72, 0x64, 0x3b, 0xc9, 0x63, 0x6f, 0x6c, 0x65, 0x3b, 0x80, 0x3b, 0x9c, 0x75, 0x66]);
  assert.equal(await decoded(bytes, 'windows-1252'), 'Gérard;École;€;œuf');
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
});

test('the chosen separator splits the cells; the other one stays in them', async () => {
  assert.deepEqual((await linesOf('a,b;c\n', ',')).map((line) => line.cells), [['a', 'b;c']]);
  assert.deepEqual((await linesOf('a,b;c\n', ';')).map((line) => line.cells), [['a,b', 'c']]);
  // A quote inside an unquoted cell is kept as typed.
  assert.deepEqual((await linesOf('12 "bis";rue\n', ';')).map((line) => line.cells), [['12 "bis"', 'rue']]);
});

test('a file that is not CSV is refused with the line, in French', async () => {
  await assert.rejects(linesOf('nom;prenom\nDupont;"Jean\nMartin;Léa\n', ';'), (error: unknown) => {
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

test('the reject file repeats the lines as they were, with a « rejet » column, written to disk as they come', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'commun-rejets-'));
  try {
    const rejects = new RejectCollector(['nom', 'prenom', 'actif'], ',', (name) => join(folder, name), 'fr');
    // The file's own header line replaces the column names.
    rejects.useHeader(['Nom', 'Prénom', 'Actif']);
    await rejects.add(3, ['Dupont', 'Jean, dit "Jeannot"', 'peut-être'], ['Le champ « Actif » doit valoir Oui ou Non.']);
    await rejects.add(7, ['', 'Léa', ''], ['Le champ « Nom » est obligatoire.', 'Autre motif.']);
    assert.equal(rejects.count, 2);
    assert.deepEqual(rejects.first.map((line) => line.line), [3, 7]);
    assert.equal(await rejects.close(), 'rejets.csv');
    assert.equal(
      readFileSync(join(folder, 'rejets.csv'), 'utf8'),
      '\ufeffNom,Prénom,Actif,rejet\n' +
        'Dupont,"Jean, dit ""Jeannot""",peut-être,Le champ « Actif » doit valoir Oui ou Non.\n' +
        ',Léa,,Le champ « Nom » est obligatoire. Autre motif.\n',
    );
    const none = new RejectCollector(['nom'], ';', (name) => join(folder, `vide-${name}`));
    assert.equal(await none.close(), undefined, 'no reject, no file');
    assert.equal(existsSync(join(folder, 'vide-rejets.csv')), false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a file on disk: its encoding is read from every byte, then its lines as a stream', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'commun-fichier-'));
  try {
    const utf8Path = join(folder, 'utf8.csv');
    writeFileSync(utf8Path, `\ufeffnom;prenom\r\n${'Dupont;Jean\r\n'.repeat(20_000)}"Zoé;\r\nfin";Éric`);
    assert.deepEqual(await sniffFile(utf8Path), { encoding: 'utf-8', lines: 20_003 });
    const lines: CsvLine[] = [];
    for await (const line of csvFileLines(utf8Path, 'utf-8', ';')) lines.push(line);
    assert.equal(lines.length, 20_002, 'a quoted line break is one line');
    assert.deepEqual(lines[0], { number: 1, cells: ['nom', 'prenom'] }, 'the byte-order mark is dropped');
    assert.deepEqual(lines[20_001], { number: 20_002, cells: ['Zoé;\r\nfin', 'Éric'] });

    // Valid UTF-8 for 200 Ko, then one « é » as Excel writes it: the whole file is Windows-1252.
    const latinPath = join(folder, 'latin.csv');
    writeFileSync(latinPath, Buffer.concat([Buffer.from('Dupont;Jean\n'.repeat(20_000)), Buffer.from([0x47, 0xe9, 0x72, 0x61, 0x72, 0x64, 0x3b, 0x9c, 0x75, 0x66, 0x0a])]));
    assert.deepEqual(await sniffFile(latinPath), { encoding: 'windows-1252', lines: 20_001 });
    let last: CsvLine | undefined;
    for await (const line of csvFileLines(latinPath, 'windows-1252', ';')) last = line;
    assert.deepEqual(last, { number: 20_001, cells: ['Gérard', 'œuf'] });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('lines go in batches: header and empty lines set aside, lines with the wrong cells refused', async () => {
  async function* source(): AsyncGenerator<CsvLine> {
    yield { number: 1, cells: ['nom', 'prenom', 'actif'] };
    for (let number = 2; number <= 6; number += 1) yield { number, cells: number === 4 ? ['', '', ''] : number === 5 ? ['Court'] : [`Nom${number}`, '', 'Oui'] };
  }
  const batches = [];
  for await (const batch of lineBatches(source(), SPEC, true, 2)) batches.push(batch);
  assert.deepEqual(
    batches.map((batch) => [batch.firstLine, batch.lastLine, batch.lines.map((line) => line.number), batch.refused.map((line) => line.number), batch.empty, batch.header !== undefined]),
    [
      [1, 3, [2, 3], [], 0, true],
      [4, 6, [6], [5], 1, false],
    ],
  );
  assert.deepEqual(batches[0]?.lines[0]?.input, { nom: 'Nom2', actif: 'Oui' });
});

test('the CSV the import hands out cannot run a formula in a spreadsheet (OWASP), numbers stay numbers', async () => {
  const { csvRow } = await import('../src/imports/template.ts');
  const { spreadsheetSafe } = await import('../src/imports/spreadsheet-safe.ts');
  for (const formula of ['=1+1', '+33 1 23', '-A1', '@SUM(A1:A2)', '\tcaché', '\rretour']) {
    assert.equal(spreadsheetSafe(formula), `'${formula}`, JSON.stringify(formula));
  }
  for (const value of ['-12', '-3,50', '+33', '12.5', 'Dupont', '', 'a=b', "l'école"]) assert.equal(spreadsheetSafe(value), value);
  // The rejected lines' file: the cells as the user wrote them, neutralised, and the reasons.
  assert.equal(csvRow(['=HYPERLINK("http://x.example")', '-5', 'Le champ est obligatoire.'], ';'), `"'=HYPERLINK(""http://x.example"")";-5;Le champ est obligatoire.\n`);
});
