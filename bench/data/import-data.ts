/**
 * Files of the bulk benchmarks, for the benchmark application `bench/banc` (banc.inscrit): the CSV an
 * agent imports (references by label, dates JJ/MM/AAAA, decimal comma) and the same rows already
 * clean for `COPY` (keys, ISO dates, decimal point), written line by line so that a million rows
 * never sit in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const COMMUNES = 500;
export const CATEGORIES = ['Général', 'Jeune', 'Européen', 'Municipal', 'Radié', 'Étranger'] as const;
/** The CSV's columns, in the order of the generated import (`gen/inscrit.ts`). */
export const IMPORT_HEADER = ['numero', 'nom', 'prenom', 'date_naissance', 'solde', 'commune', 'categorie'];
/** The columns `COPY` fills: the same values, the references as keys, plus the collectivité. */
export const COPY_COLUMNS = ['numero', 'nom', 'prenom', 'date_naissance', 'solde', 'commune', 'categorie', 'om_collectivite'];

const NOMS = ['Dupont', 'Lefèvre', 'Martin', 'Bernard', 'Robert', 'Richard', 'Petit', 'Moreau', 'Garçon', 'Fontaine', 'Œuvrard', 'Chassagne'];
const PRENOMS = ['Jean', 'Marie', 'Anaïs', 'Loïc', 'Hélène', 'Céline', 'François', 'Agnès', 'Jérôme', 'Zoé'];

interface InscritLine {
  readonly numero: string;
  readonly nom: string;
  readonly prenom: string;
  /** Days after 1930-01-01. */
  readonly born: Date;
  /** Cents. */
  readonly solde: number;
  readonly commune: number;
  readonly categorie: number;
}

const DAY = 86_400_000;
const ORIGIN = Date.UTC(1930, 0, 1);

function line(index: number, prefix: string): InscritLine {
  return {
    numero: `${prefix}${String(index).padStart(8, '0')}`,
    nom: NOMS[index % NOMS.length] as string,
    prenom: PRENOMS[(index >> 3) % PRENOMS.length] as string,
    born: new Date(ORIGIN + (index % 27_000) * DAY),
    solde: (index * 7919) % 1_000_000,
    commune: 1 + (index % COMMUNES),
    categorie: 1 + ((index >> 2) % CATEGORIES.length),
  };
}

const two = (n: number) => String(n).padStart(2, '0');
const frenchDate = (date: Date) => `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const decimal = (cents: number, separator: string) => `${Math.floor(cents / 100)}${separator}${two(cents % 100)}`;

async function writeLines(path: string, count: number, header: string | undefined, format: (index: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let buffer = header === undefined ? '' : `${header}\n`;
  for (let index = 1; index <= count; index++) {
    buffer += `${format(index)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** The file an agent imports: a header, then `count` lines (`prefix` keeps numbers unique between files). */
export function writeImportCsv(path: string, count: number, prefix = 'N'): Promise<void> {
  return writeLines(path, count, IMPORT_HEADER.join(';'), (index) => {
    const row = line(index, prefix);
    const categorie = CATEGORIES[row.categorie - 1] as string;
    return [row.numero, row.nom, row.prenom, frenchDate(row.born), decimal(row.solde, ','), `Commune ${row.commune}`, categorie].join(';');
  });
}

/** The same rows for `COPY … (format csv, delimiter ';')`: keys instead of labels, no header. */
export function writeCopyCsv(path: string, count: number, collectivite: number, prefix = 'N'): Promise<void> {
  return writeLines(path, count, undefined, (index) => {
    const row = line(index, prefix);
    return [row.numero, row.nom, row.prenom, isoDate(row.born), decimal(row.solde, '.'), row.commune, row.categorie, collectivite].join(';');
  });
}
