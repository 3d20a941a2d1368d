/** The page arithmetic of PDF listings: columns kept, widths stretched to the printable width. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layOutListing } from '../src/documents/index.ts';
import type { ListingPdfSpec } from '../src/model/specs.ts';

const SPEC: ListingPdfSpec = {
  app: 'essai',
  table: 'personne',
  title: 'Personnes',
  orientation: 'portrait',
  columns: [
    { field: 'personne', width: 20, align: 'right' },
    { field: 'nom', width: 50, align: 'left' },
    { field: 'date_naissance', width: 30, align: 'center' },
    { field: 'om_collectivite', width: 90, align: 'left' },
  ],
};

const sum = (widths: readonly number[]) => Math.round(widths.reduce((total, width) => total + width, 0) * 10) / 10;

test('every column shown: the spec as it is (it already fills A4 portrait, 190 mm)', () => {
  const layout = layOutListing(SPEC, () => true);
  assert.ok(layout);
  assert.deepEqual(layout.columns, SPEC.columns);
  assert.deepEqual([layout.pageWidth, layout.pageHeight, layout.tableWidth], [210, 297, 190]);
});

test('a column the user may not see is dropped and the others stretched to the page, in order', () => {
  const layout = layOutListing(SPEC, (field) => field !== 'om_collectivite');
  assert.ok(layout);
  assert.deepEqual(
    layout.columns.map((column) => [column.field, column.width, column.align]),
    [
      ['personne', 38, 'right'],
      ['nom', 95, 'left'],
      ['date_naissance', 57, 'center'],
    ],
  );
});

test('landscape: 277 mm; the rounding remainder goes to the last column so the sum is exact', () => {
  const spec: ListingPdfSpec = {
    ...SPEC,
    orientation: 'landscape',
    columns: ['a', 'b', 'c'].map((field) => ({ field, width: 10, align: 'left' as const })),
  };
  const layout = layOutListing(spec, () => true);
  assert.ok(layout);
  assert.deepEqual([layout.pageWidth, layout.pageHeight, layout.tableWidth], [297, 210, 277]);
  assert.deepEqual(layout.columns.map((column) => column.width), [92.3, 92.3, 92.4]);
  assert.equal(sum(layout.columns.map((column) => column.width)), 277);
});

test('too wide a hand-written spec is narrowed to the page too', () => {
  const spec: ListingPdfSpec = { ...SPEC, columns: SPEC.columns.map((column) => ({ ...column, width: column.width * 3 })) };
  const layout = layOutListing(spec, () => true);
  assert.deepEqual(layout?.columns.map((column) => column.width), [20, 50, 30, 90]);
});

test('nothing left to print: undefined (zero-width columns count as nothing)', () => {
  assert.equal(layOutListing(SPEC, () => false), undefined);
  const spec: ListingPdfSpec = { ...SPEC, columns: [{ field: 'nom', width: 0, align: 'left' }] };
  assert.equal(layOutListing(spec, () => true), undefined);
});
