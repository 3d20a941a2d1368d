/** The PDF listing engine alone: streaming batch by batch, « Page n/N », long cells wrapped whole, an empty listing, the logo. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layOutListing, writeListingPdf, type CellRows, type ListingPdfInput } from '../src/documents/index.ts';
import { demoLogoPng } from '../src/documents/logos/demo.ts';
import { pdfImages } from './support/pdf-images.ts';
import { pdfPages } from './support/pdf-text.ts';

const layout = layOutListing(
  {
    app: 'essai',
    table: 'personne',
    title: 'Œuvres et dépenses',
    orientation: 'portrait',
    columns: [
      { field: 'numero', width: 20, align: 'right' },
      { field: 'libelle', width: 60, align: 'left' },
      { field: 'montant', width: 20, align: 'right' },
    ],
  },
  () => true,
);
assert.ok(layout);

const INPUT: ListingPdfInput = {
  layout,
  headers: ['Numéro', 'Libellé', 'Montant'],
  lang: 'fr-FR',
  text: {
    title: 'Œuvres et dépenses',
    collectivite: 'Libreville',
    printedOn: 'Édité le 05/03/2026 à 14:30',
    page: (page) => `Page ${page}/`,
    count: (rows) => `${rows} enregistrement(s)`,
  },
};

const rowsOf = (from: number, count: number): CellRows =>
  Array.from({ length: count }, (_, index) => [String(from + index), `Dépense n° ${from + index} « fêtes »`, `${from + index},50 €`]);

test('written as a stream: each batch’s pages reach the sink before the next batch is read', async () => {
  const chunks: Uint8Array[] = [];
  const sentBeforeBatch: number[] = [];
  const sent = () => chunks.reduce((total, chunk) => total + chunk.length, 0);
  const count = await writeListingPdf(
    INPUT,
    async (onRows) => {
      for (let batch = 0; batch < 3; batch++) {
        sentBeforeBatch.push(sent());
        await onRows(rowsOf(batch * 200 + 1, 200));
      }
      return 600;
    },
    async (chunk) => void chunks.push(chunk),
  );
  assert.equal(count, 600);
  // Before the second and third batches, the previous batch's pages (several per batch) were sent.
  assert.ok(sentBeforeBatch[1]! > sentBeforeBatch[0]! + 3_000, `${sentBeforeBatch}`);
  assert.ok(sentBeforeBatch[2]! > sentBeforeBatch[1]! + 3_000, `${sentBeforeBatch}`);

  const pages = await pdfPages(new Uint8Array(Buffer.concat(chunks)));
  assert.ok(pages.length >= 10, `${pages.length} pages`);
  for (const [index, page] of pages.entries()) {
    assert.ok(page.startsWith('Œuvres et dépenses\nLibreville\nÉdité le 05/03/2026 à 14:30\nNuméro\nLibellé\nMontant\n'), `header of page ${index + 1}`);
    assert.ok(page.endsWith(`Page ${index + 1}/\n${pages.length}`), `footer of page ${index + 1}: « Page n/N »`);
  }
  const all = pages.join('\n');
  assert.match(all, /\n600\nDépense n° 600 « fêtes »\n600,50 €\n/);
  assert.equal((all.match(/« fêtes »/g) ?? []).length, 600, 'every row, once');
  assert.match(pages.at(-1) ?? '', /600 enregistrement\(s\)\nPage \d+\/\n\d+$/);
});

test('a long cell is wrapped whole in its column, its row never cut between two pages', async () => {
  const long = Array.from({ length: 150 }, (_, index) => `mot${index}`).join(' ');
  const chunks: Uint8Array[] = [];
  const rows: string[][] = [...rowsOf(1, 55).map((row) => [...row]), ['56', long, '2,00 €']];
  await writeListingPdf(INPUT, async (onRows) => (await onRows(rows), rows.length), async (chunk) => void chunks.push(chunk));
  const pages = await pdfPages(new Uint8Array(Buffer.concat(chunks)));
  assert.equal(pages.length, 2, 'the long row goes whole to the next page');
  const lines = (pages[1] ?? '').split('\n');
  const first = lines.indexOf('56');
  const cell = lines.slice(first + 1).join(' ');
  assert.ok(cell.startsWith('mot0 mot1'), pages[1]);
  assert.match(cell, /mot149 2,00 €/, 'every word, then the next column');
  assert.doesNotMatch(pages.join('\n'), /…/, 'nothing cut');
  assert.doesNotMatch(pages[0] ?? '', /mot0/);
});

test('an empty listing: one page with its headers and « 0 enregistrement(s) »', async () => {
  const chunks: Uint8Array[] = [];
  const count = await writeListingPdf(INPUT, async () => 0, async (chunk) => void chunks.push(chunk));
  assert.equal(count, 0);
  const pages = await pdfPages(new Uint8Array(Buffer.concat(chunks)));
  assert.deepEqual(pages, ['Œuvres et dépenses\nLibreville\nÉdité le 05/03/2026 à 14:30\nNuméro\nLibellé\nMontant\n0 enregistrement(s)\nPage 1/\n1']);
});

test('the collectivité’s logo heads every page, embedded once for the whole file', async () => {
  const logo = Buffer.from(demoLogoPng(45, 30));
  const chunks: Uint8Array[] = [];
  await writeListingPdf(
    { ...INPUT, logo: { data: logo, width: 45, height: 30, type: 'image/png', resolution: undefined } },
    async (onRows) => (await onRows(rowsOf(1, 120)), 120),
    async (chunk) => void chunks.push(chunk),
  );
  const pdf = Buffer.concat(chunks);
  const pages = await pdfPages(new Uint8Array(pdf));
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  for (let page = 1; page <= pages.length; page++) {
    assert.deepEqual((await pdfImages(pdf, page)).map((image) => `${image.width}×${image.height}`), ['45×30'], `page ${page}`);
  }
  assert.equal(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length, 1, 'one image object, drawn on each page');
  assert.ok(pages[0]?.startsWith('Œuvres et dépenses\nLibreville\n'), 'the title beside it');
});
