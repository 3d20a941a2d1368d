import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareAlphabetically, numberElectors, type ElecteurANumeroter } from '../src/rules/numerotation.ts';

const row = (electeur: number, nom: string, prenoms: string, date_naissance: string, bureau: number | null = 1): ElecteurANumeroter => ({
  electeur,
  bureau,
  nom,
  prenoms,
  date_naissance,
});

const order = (rows: readonly ElecteurANumeroter[]): number[] => [...rows].sort(compareAlphabetically).map((r) => r.electeur);

test('French alphabetical order of names: accents are not letters of their own, case aside', () => {
  const rows = [row(1, 'ÉMERY', 'Paul', '1970-01-01'), row(2, 'EBERT', 'Paul', '1970-01-01'), row(3, 'ZOLA', 'Émile', '1970-01-01'), row(4, 'ETIENNE', 'Paul', '1970-01-01'), row(5, 'dupont', 'Paul', '1970-01-01')];
  // A byte order would put ÉMERY after ZOLA and dupont last.
  assert.deepEqual(order(rows), [5, 2, 1, 4, 3]);
});

test('nom, then prénoms, then date of birth, then id', () => {
  const rows = [
    row(10, 'MARTIN', 'Paul', '1980-05-01'),
    row(11, 'MARTIN', 'Anne', '1990-01-01'),
    row(12, 'MARTIN', 'Paul', '1960-05-01'),
    row(13, 'MARTIN', 'Paul', '1960-05-01'),
    row(9, 'MARTIN', 'Paul', '1960-05-01'),
  ];
  assert.deepEqual(order(rows), [11, 9, 12, 13, 10]);
});

test('numbers in the list and in each bureau, from 1, in alphabetical order', () => {
  const rows = [
    row(1, 'ZOLA', 'Émile', '1940-04-02', 2),
    row(2, 'ARNAUD', 'Louise', '1950-01-01', 1),
    row(3, 'BERNARD', 'Jean', '1960-01-01', 2),
    row(4, 'CHEVALIER', 'Anne', '1970-01-01', 1),
    row(5, 'DUBOIS', 'Marc', '1980-01-01', null),
    row(6, 'ÉLIE', 'Claire', '1990-01-01', 2),
  ];
  assert.deepEqual(numberElectors(rows), [
    { electeur: 2, numero_liste: 1, numero_bureau: 1 },
    { electeur: 3, numero_liste: 2, numero_bureau: 1 },
    { electeur: 4, numero_liste: 3, numero_bureau: 2 },
    { electeur: 5, numero_liste: 4, numero_bureau: null },
    { electeur: 6, numero_liste: 5, numero_bureau: 2 },
    { electeur: 1, numero_liste: 6, numero_bureau: 3 },
  ]);
});

test('the same rows in any order give the same numbers; the rows given are not reordered', () => {
  const rows = [row(1, 'BLANC', 'Léa', '2000-01-01', 1), row(2, 'BLANC', 'Léa', '2000-01-01', 1), row(3, 'AUBERT', 'Noé', '2001-01-01', 1)];
  const reversed = [...rows].reverse();
  assert.deepEqual(numberElectors(reversed), numberElectors(rows));
  assert.deepEqual(reversed.map((r) => r.electeur), [3, 2, 1]);
  assert.deepEqual(numberElectors([]), []);
});

test('compound names and particles sort by their letters as written (space before letters)', () => {
  const rows = [row(1, 'DELACROIX', 'Eugène', '1900-01-01'), row(2, 'DE LA FONTAINE', 'Jean', '1900-01-01'), row(3, 'DE GAULLE', 'Charles', '1900-01-01')];
  assert.deepEqual(order(rows), [3, 2, 1]);
});
