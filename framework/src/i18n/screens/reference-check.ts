/**
 * Messages of `commun check`: the rows of a collectivité that reference a row of another
 * collectivité (written before the database refused them, or with its triggers disabled).
 * French and English.
 */
import { pluralOf } from '../locales.ts';
import type { Translation } from '../types.ts';

const frPlural = pluralOf('fr');
const enPlural = pluralOf('en');

export const referenceCheckFr = {
  usage: [
    'Usage : commun check',
    'Vérifie que chaque ligne d’une collectivité ne désigne, par ses clés étrangères, que des lignes de la même',
    'collectivité (ou de lignes communes à toutes). Liste les lignes fautives ; code de sortie 0 si tout est',
    'en ordre, 1 sinon. Applique d’abord les migrations en attente, comme « commun migrate ».',
    'Sur la base embarquée, le serveur ne doit pas tourner sur le même dossier (COMMUN_DATA_DIR).',
  ].join('\n'),
  none: 'Aucune référence entre collectivités.',
  found: ({ count }: { count: number }) =>
    `${count} ${frPlural(count, { one: 'ligne désigne', other: 'lignes désignent' })} une ligne d’une autre collectivité :`,
  row: '  {table} (clé {key}) de « {collectivite} » : « {columns} » désigne une ligne de {target} de « {targetCollectivite} » (contrainte {constraint}).',
  advice:
    'Corrigez ces lignes (choisissez une valeur de la même collectivité, ou videz le champ) : tant qu’elles existent, la collectivité désignée ne peut pas supprimer sa ligne.',
  unknownCollectivite: 'collectivité {id}',
};

export const referenceCheckEn: Translation<typeof referenceCheckFr> = {
  usage: [
    'Usage: commun check',
    'Checks that each row of a local authority refers, through its foreign keys, only to rows of the same',
    'local authority (or to rows shared by all). Lists the offending rows; exit code 0 when all is in order,',
    '1 otherwise. First applies the pending migrations, as “commun migrate” does.',
    'With the embedded database, the server must not be running on the same folder (COMMUN_DATA_DIR).',
  ].join('\n'),
  none: 'No reference between local authorities.',
  found: ({ count }: { count: number }) => `${count} ${enPlural(count, { one: 'row refers', other: 'rows refer' })} to a row of another local authority:`,
  row: '  {table} (key {key}) of “{collectivite}”: “{columns}” refers to a row of {target} of “{targetCollectivite}” (constraint {constraint}).',
  advice:
    'Correct these rows (choose a value of the same local authority, or empty the field): while they exist, the other local authority cannot delete its row.',
  unknownCollectivite: 'local authority {id}',
};
