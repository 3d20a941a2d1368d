import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { frameworkMigrations } from '../../../framework/src/db/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { elections } from '../src/index.ts';
import { nameKey } from '../src/rules/doublons.ts';
import { LIGATURES, TRANSLATE_FROM, TRANSLATE_TO, nomRecherche, nomRechercheSql } from '../src/rules/normalisation.ts';

/** Names that have tripped search forms: accents of every kind, ligatures, particles, separators. */
const TRICKY_NAMES: readonly (readonly [string, string])[] = [
  ['Éléonore', 'ELEONORE'],
  ["d'Aubigné", 'D AUBIGNE'],
  ['D’ARTAGNAN', 'D ARTAGNAN'],
  ['O‘Connor', 'O CONNOR'],
  ['LŒUVRE', 'LOEUVRE'],
  ['Lœuvre', 'LOEUVRE'],
  ['Cæsar', 'CAESAR'],
  ['LÆTITIA', 'LAETITIA'],
  ['Strauß', 'STRAUSS'],
  ['STRAUẞ', 'STRAUSS'],
  ['Muñoz Ñúñez', 'MUNOZ NUNEZ'],
  ['Çelik', 'CELIK'],
  ['Nguyễn Thị', 'NGUYEN THI'],
  ['Łukasz Wałęsa', 'LUKASZ WALESA'],
  ['Ørsted', 'ORSTED'],
  ['Dvořák', 'DVORAK'],
  ['Ștefănescu', 'STEFANESCU'],
  ['Şahin', 'SAHIN'],
  ['Yılmaz', 'YILMAZ'],
  ['İnan', 'INAN'],
  ['Ÿvon', 'YVON'],
  ['Zoë', 'ZOE'],
  ['Ĳsselmeer', 'IJSSELMEER'],
  ['Þórsdóttir', 'THORSDOTTIR'],
  ['Đorđević', 'DORDEVIC'],
  ['de  La   Fontaine', 'DE LA FONTAINE'],
  ['  Saint-Exupéry  ', 'SAINT EXUPERY'],
  ['Jean–Pierre', 'JEAN PIERRE'],
  ['Jean—Pierre', 'JEAN PIERRE'],
  ['Marie - Claire', 'MARIE CLAIRE'],
  ["D'-ARTAGNAN", 'D ARTAGNAN'],
  ['Héloïse\u00a0Lefèvre', 'HELOISE LEFEVRE'],
  ['Hélo\u00adïse', 'HELOISE'],
  ['Ta\tbulé', 'TA BULE'],
  ['Jose\u0301 Nun\u0303ez', 'JOSE NUNEZ'],
  ['ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ àâäéèêëîïôöùûüÿç', 'AAAEEEEIIOOUUUYC AAAEEEEIIOOUUUYC'],
  ['Ελένη', 'Ελένη'],
  ['ST. JEAN', 'ST. JEAN'],
  ['', ''],
  [' - ', ''],
];

/** The letters of French (and ñ, ß) with the search form each must give. */
const FRENCH_LETTERS = 'àâäéèêëîïôöùûüÿçœæÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆñÑß';

test('the search form: upper case, no accents or ligatures, one space for apostrophes, hyphens and spaces', () => {
  for (const [name, expected] of TRICKY_NAMES) assert.equal(nomRecherche(name), expected, name);
  assert.equal(nomRecherche(null), '');
  assert.equal(nomRecherche(undefined), '');
});

test('every French letter gives its base letter in upper case', () => {
  const expected = 'AAAEEEEIIOOUUUYCOEAEAAAEEEEIIOOUUUYCOEAENNSS';
  assert.equal(nomRecherche(FRENCH_LETTERS), expected);
});

test('the character map: one target per character, targets are A–Z or a space, letters go to the base of their decomposition', () => {
  const from = Array.from(TRANSLATE_FROM);
  const to = Array.from(TRANSLATE_TO);
  assert.equal(new Set(from).size, from.length, 'a character appears twice in TRANSLATE_FROM');
  assert.ok(to.length < from.length, 'the characters to delete come after the mapped ones');
  assert.match(TRANSLATE_TO, /^[A-Z ]+$/);
  from.slice(0, to.length).forEach((character, index) => {
    const target = to[index]!;
    const base = character.normalize('NFD')[0]!;
    if (/[a-z]/i.test(base) && base !== character) assert.equal(target, base.toUpperCase(), `${character} → ${target}`);
    // ʼ (modifier letter apostrophe) is the only « letter » read as a separator.
    if (target === ' ') assert.ok(!/\p{L}/u.test(character) || character === 'ʼ', `${character} is a letter mapped to a space`);
  });
  for (const [ligature, replacement] of LIGATURES) {
    assert.ok(!from.includes(ligature), `${ligature} is replaced before the map`);
    assert.match(replacement, /^[A-Z]{2}$/);
  }
  // Every letter with a diacritic of Latin-1 and Latin Extended-A is mapped (or is a ligature).
  for (let code = 0xc0; code <= 0x17f; code++) {
    const character = String.fromCharCode(code);
    if (!/\p{L}/u.test(character) || code === 0x149 || code === 0x14a || code === 0x14b) continue; // ŉ Ŋ ŋ: no French use
    assert.ok(from.includes(character) || LIGATURES.some(([ligature]) => ligature === character), `${character} is not mapped`);
  }
});

test('the SQL expression is written with bound-free literals only: quotes doubled, invisible characters escaped', () => {
  const expression = nomRechercheSql('nom');
  assert.match(expression, /^btrim\(regexp_replace\(translate\(replace\(/);
  assert.ok(expression.includes("U&'abcdefghijklmnopqrstuvwxyz"));
  assert.ok(expression.includes("''’"), 'the ASCII apostrophe is doubled');
  assert.ok(!/[\u0000-\u001f\u00a0\u0300-\u036f\u200b\ufeff]/.test(expression), 'no invisible character in the SQL text');
});

describeEachDatabase('the search form in PostgreSQL', (database) => {
  test('nomRechercheSql computes in the database what nomRecherche computes in TypeScript', async () => {
    const db = database().db.kysely;
    for (const [name, expected] of TRICKY_NAMES) {
      const { rows } = await sql<{ form: string }>`select ${sql.raw(nomRechercheSql('t.nom'))} as form from (select ${name}::text as nom) as t`.execute(db);
      assert.equal(rows[0]?.form, expected, name);
    }
    const { rows } = await sql<{ form: string | null }>`select ${sql.raw(nomRechercheSql('t.nom'))} as form from (select null::text as nom) as t`.execute(db);
    assert.equal(rows[0]?.form, null);
  });

  test('upper(translate(x, TRANSLATE_FROM, TRANSLATE_TO)) gives each mapped letter as nomRecherche does, ß and the ligatures through the full expression', async () => {
    const db = database().db.kysely;
    const to = Array.from(TRANSLATE_TO);
    const letters = Array.from(TRANSLATE_FROM).filter((character, index) => /\p{L}/u.test(character) && to[index] !== undefined && to[index] !== ' ');
    const { rows } = await sql<{ form: string }>`select upper(translate(${letters.join('')}::text, ${TRANSLATE_FROM}::text, ${TRANSLATE_TO}::text)) as form`.execute(db);
    assert.equal(rows[0]?.form, nomRecherche(letters.join('')));
    const full = await sql<{ form: string }>`select ${sql.raw(nomRechercheSql('t.nom'))} as form from (select ${FRENCH_LETTERS + LIGATURES.map(([ligature]) => ligature).join('')}::text as nom) as t`.execute(db);
    assert.equal(full.rows[0]?.form, nomRecherche(FRENCH_LETTERS + LIGATURES.map(([ligature]) => ligature).join('')));
  });

  test('the expression is immutable: a stored generated column and an index accept it', async () => {
    const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
    await database().asOwner(`create table public.essai_nom (
        nom varchar(100),
        nom_recherche varchar(100) generated always as ((${nomRechercheSql('nom')})::varchar(100)) stored);
      create index essai_nom_cle on public.essai_nom ((replace(nom_recherche, ' ', '')));
      insert into public.essai_nom (nom) values ${TRICKY_NAMES.map(([name]) => `(${quoted(name)})`).join(', ')};`);
    const rows = await database().ownerQuery<{ nom: string; nom_recherche: string }>('select nom, nom_recherche from public.essai_nom');
    assert.equal(rows.length, TRICKY_NAMES.length);
    for (const row of rows) assert.equal(row.nom_recherche, nomRecherche(row.nom), row.nom);
  });
});

/**
 * The `nom_recherche` columns of the schema compute what `nomRecherche` computes, so that a value
 * normalised in TypeScript (duplicate detection, search) can be bound against them. The column's
 * expression is read from the catalogue and run on the tricky names.
 */
describeEachDatabase(
  'the nom_recherche columns of the elections schema',
  (database) => {
    for (const table of ['electeur', 'mouvement']) {
      test(`elections.${table}.nom_recherche equals nomRecherche(nom), and without its spaces nameKey(nom)`, async () => {
        const [column] = await database().ownerQuery<{ expression: string | null }>(
          `select pg_get_expr(d.adbin, d.adrelid) as expression
             from pg_attribute a join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.attrelid = 'elections.${table}'::regclass and a.attname = 'nom_recherche'`,
        );
        assert.ok(column?.expression, `elections.${table}.nom_recherche is not a generated column`);
        const differences: string[] = [];
        for (const [name] of TRICKY_NAMES) {
          const { rows } = await sql<{ form: string | null; key: string | null }>`
            select ${sql.raw(column.expression)} as form, replace(${sql.raw(column.expression)}, ' ', '') as key
              from (select ${name}::varchar(100) as nom) as t`.execute(database().db.kysely);
          const expected = nomRecherche(name);
          if (rows[0]?.form !== expected || rows[0]?.key !== nameKey(name)) differences.push(`« ${name} » : base « ${rows[0]?.form} », attendu « ${expected} »`);
        }
        assert.deepEqual(differences, []);
      });
    }
  },
  { sources: [frameworkMigrations, elections.migrations] },
);
