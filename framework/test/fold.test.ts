/**
 * om.fold (migration 0017): the same result as 0001's expression for every input, an index built
 * on it still used under row-level security, and its gain measured (printed, not asserted).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase, type TestDatabase } from './support/databases.ts';

/** 0001's body of om.fold, read from the migration itself, applied to the column `v`. */
function originalFold(): string {
  const migration = readFileSync(new URL('../migrations/0001_framework.sql', import.meta.url), 'utf8');
  const body = /create or replace function om\.fold\(value text\) returns text\s+language sql immutable parallel safe\s+return ([\s\S]*?);\n/.exec(migration)?.[1];
  assert.ok(body, 'om.fold introuvable dans 0001_framework.sql');
  return body.replace(/\bvalue\b/g, 'v');
}

const ORIGINAL = originalFold();
/** The characters 0001 replaces (its translate list, and the four of its replace calls). */
const LISTED = [...(/'(À[^']*)'/.exec(ORIGINAL)?.[1] ?? ''), 'Œ', 'œ', 'Æ', 'æ'];

/** Characters folding must leave to lower(): other scripts, look-alikes, combining marks, ligatures… */
const OTHERS = [...'ẞĳǅΣσςΑΩЖЁёйİıKÅⅨﬁ漢字😀\u0301\u0308\u00a0\u2019«»€°²ªº×÷ðÐþÞ', 'e\u0301', 'E\u0308'];
const ASCII = Array.from({ length: 127 }, (_, index) => String.fromCharCode(index + 1));

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every listed character alone and between letters, every ASCII character, and random mixes. */
function generatedValues(count: number): (string | null)[] {
  const next = random(17);
  const pick = (alphabet: readonly string[]) => alphabet[Math.floor(next() * alphabet.length)] as string;
  const values: (string | null)[] = [null, '', ' ', 'Éléonore ÇA Œuvre', 'ŒUVRE', 'œuvre', 'ÆSIR', 'æ', 'DUPONT Jean-Pierre', "L'HAŸ-LES-ROSES"];
  for (const character of [...LISTED, ...OTHERS, ...ASCII]) values.push(character, `a${character}Z`, character.repeat(3));
  const alphabets = [ASCII, LISTED, OTHERS, [...ASCII, ...LISTED], [...ASCII, ...LISTED, ...OTHERS]];
  for (let index = 0; index < count; index++) {
    const alphabet = alphabets[index % alphabets.length] as string[];
    const length = Math.floor(next() * 30);
    values.push(Array.from({ length }, () => pick(alphabet)).join(''));
  }
  return values;
}

/** Names as an electoral roll holds them: NOM Prénoms, some with accents, most without. */
function names(count: number): string[] {
  const noms = ['MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'LEFÈVRE', 'GARÇON', 'MOREAU', 'FRANÇOIS', 'LAURENT', 'SIMON', 'MICHEL', 'LEFEBVRE', 'ŒUVRARD', 'BOYER'];
  const prenoms = ['Jean', 'Marie', 'Anaïs', 'Pierre', 'Hélène', 'Nicolas', 'Céline', 'Jérôme', 'Julie', 'Michel', 'Louis', 'Zoé', 'Thomas', 'Camille'];
  return Array.from({ length: count }, (_, index) => `${noms[index % noms.length]} ${prenoms[Math.floor(index / noms.length) % prenoms.length]}`);
}

async function differences(database: TestDatabase, values: readonly (string | null)[]) {
  const result = await sql<{ v: string | null; folded: string | null; original: string | null; total: number }>`
    with input as (select v from unnest(${values}::text[]) as v)
    select v, om.fold(v) as folded, ${sql.raw(ORIGINAL)} as original, (select count(*)::int from input) as total
      from input where om.fold(v) is distinct from ${sql.raw(ORIGINAL)}
     union all select null, null, null, (select count(*)::int from input)`.execute(database.db.kysely);
  return result.rows;
}

async function timed(database: TestDatabase, expression: string, values: readonly string[]): Promise<number> {
  const query = sql`select count(*) from unnest(${values}::text[]) as v where ${sql.raw(expression)} like ${'%dub%'}`;
  await query.execute(database.db.kysely);
  const started = performance.now();
  for (let run = 0; run < 3; run++) await query.execute(database.db.kysely);
  return (performance.now() - started) / 3;
}

/** EXPLAIN as the application role in collectivité 1 (RLS applies), sequential scans discouraged. */
async function plan(database: TestDatabase, query: string): Promise<string> {
  return database.withOwner((db) =>
    db.transaction().execute(async (trx) => {
      await sql`set local role commun_app`.execute(trx);
      await sql`select set_config('commun.collectivite', '1', true), set_config('enable_seqscan', 'off', true)`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query)}`.execute(trx);
      return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
    }),
  );
}

describeEachDatabase('om.fold', (database) => {
  test('the same result as the original expression for every generated value', async () => {
    const values = generatedValues(20_000);
    const rows = await differences(database(), values);
    const total = rows.at(-1)?.total;
    assert.equal(total, values.length, 'every value was compared');
    assert.deepEqual(rows.slice(0, -1), [], 'values folded differently');
  });

  test('the fast version is the one installed', async () => {
    const rows = await database().ownerQuery<{ body: string }>(`select pg_get_functiondef('om.fold(text)'::regprocedure) as body`);
    assert.match(rows[0]?.body ?? '', /octet_length\(value\) = char_length\(value\)/);
  });

  test('an index on om.fold still serves the search under row-level security', async () => {
    await database().asOwner(
      `create schema fold_essai;
       create table fold_essai.personne (personne serial primary key, nom varchar(100) not null,
         om_collectivite integer not null references om.om_collectivite);
       insert into fold_essai.personne (nom, om_collectivite) select 'NOM ' || i, 1 + i % 2 from generate_series(1, 3000) i;
       create index personne_nom_fold on fold_essai.personne (om.fold(nom::text));
       analyze fold_essai.personne;`,
      'fold_essai',
    );
    const equality = await plan(database(), `select personne from fold_essai.personne where om.fold(nom::text) = om.fold('Nom 12')`);
    assert.match(equality, /Index Scan using personne_nom_fold|Bitmap Index Scan on personne_nom_fold/, equality);
    if (database().kind === 'postgres') {
      await database().asOwner(
        `create extension if not exists pg_trgm;
         create index personne_nom_trgm on fold_essai.personne using gin (om.fold(nom::text) gin_trgm_ops);
         analyze fold_essai.personne;`,
      );
      const like = await plan(database(), `select personne from fold_essai.personne where om.fold(nom::text) like om.fold('%Nôm 12%')`);
      assert.match(like, /Bitmap Index Scan on personne_nom_trgm/, like);
    }
  });

  test('the gain on 37,000 names (measured, not asserted)', async (context) => {
    const values = names(37_000);
    const before = await timed(database(), ORIGINAL, values);
    const after = await timed(database(), 'om.fold(v)', values);
    const ascii = await timed(database(), 'om.fold(v)', values.map((value) => value.normalize('NFD').replace(/[^\x01-\x7f]/g, '')));
    context.diagnostic(
      `${database().kind} : expression d’origine ${before.toFixed(0)} ms, om.fold ${after.toFixed(0)} ms (× ${(before / after).toFixed(1)}), ` +
        `noms sans accents ${ascii.toFixed(0)} ms`,
    );
  });
});
