/**
 * The schema of the elections application on both databases: its default rows (lists, types of
 * movement of the reference §3.3, nationalities, pièces, the départements of Algeria, countries),
 * the search name without accents, an index on every foreign key and for the duplicate search, a
 * French comment on every table and column, and the rows of a collectivité hidden from another.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { readAs } from '../../../framework/src/db/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { actorsFor, AUTREVILLE_SQL, SOURCES } from './support.ts';

const TYPES_MOUVEMENT = ['CB', 'OEL_M_ADR', 'CX', 'EC', 'BR', 'DC', 'DN', 'DP', 'DM', 'DI', 'L5', 'IO', 'IJ', 'IM', 'IN', 'PI', 'CC', 'CCIN', 'VOL1', 'VOL_L30'];

/** An elector of Autreville (3) or Libreville (1) at the NC1 voie; born abroad (no commune is loaded here). */
const electeurSql = (collectivite: number, nom: string) => `
  insert into elections.voie (code, libelle, om_collectivite) values ('NC1', 'NON COMMUNIQUÉE', ${collectivite}) on conflict do nothing;
  insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, libelle_lieu_naissance,
                                  nationalite, voie, om_collectivite)
  select 'LP', 'Mme', 'F', '${nom}', 'Zoé', '1980-05-17', 'etranger', '99134', 'Madrid', 'FRA', voie, ${collectivite}
    from elections.voie where code = 'NC1' and om_collectivite = ${collectivite};`;

describeEachDatabase(
  'élections : schéma, lignes par défaut, index et commentaires',
  (database) => {
    const rows = <T>(text: string) => database().ownerQuery<T>(text);

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
    });

    test('the default rows: three lists, the twenty types of movement, nationalities, pièces, Algeria, countries', async () => {
      assert.deepEqual((await rows<{ liste: string }>('select liste from elections.liste order by code_insee')).map((row) => row.liste), ['LP', 'LCE', 'LCM']);
      const types = await rows<{ type_mouvement: string; categorie: string; effet: string; carte: string; code_insee: string | null }>(
        'select * from elections.type_mouvement',
      );
      assert.deepEqual(types.map((row) => row.type_mouvement).sort(), [...TYPES_MOUVEMENT].sort());
      const dc = types.find((row) => row.type_mouvement === 'DC');
      assert.deepEqual([dc?.categorie, dc?.effet, dc?.code_insee, dc?.carte], ['radiation', 'immediat', 'D', 'jamais']);
      const pi = types.find((row) => row.type_mouvement === 'PI');
      assert.deepEqual([pi?.categorie, pi?.effet, pi?.code_insee, pi?.carte], ['inscription', '1ermars', '1', 'toujours']);
      const ue = await rows<{ nationalite: string }>('select nationalite from elections.nationalite where ue');
      assert.equal(ue.length, 26, 'the 26 other Member States');
      assert.ok(!ue.some((row) => row.nationalite === 'FRA'));
      assert.equal((await rows<{ libelle: string }>(`select libelle from elections.nationalite where nationalite = 'FRA'`))[0]?.libelle, 'Française');
      assert.deepEqual(
        (await rows<{ code: string }>('select code from elections.departement_algerie order by code')).map((row) => row.code),
        ['91352', '92352', '93352', '94352'],
      );
      const pays = await rows<{ pays: string; libelle: string; om_validite_fin: string | null }>('select pays, libelle, om_validite_fin::text from elections.pays');
      assert.ok(pays.length >= 200, `${pays.length} countries`);
      assert.ok(pays.every((row) => /^99\d{3}$/.test(row.pays)));
      assert.equal(pays.find((row) => row.pays === '99134')?.libelle, 'Espagne');
      assert.equal(pays.find((row) => row.pays === '99352')?.libelle, 'Algérie');
      assert.equal(pays.find((row) => row.pays === '99115')?.om_validite_fin, '1993-01-01', 'Czechoslovakia ended');
      assert.ok((await rows<{ code: string }>('select code from elections.type_piece')).length >= 6);
    });

    test('nom_recherche is the birth name without accents nor separators, in capitals', async () => {
      await database().asOwner(electeurSql(1, 'Lefèvre-Œuvray d’Hérouville'));
      const [row] = await rows<{ nom_recherche: string }>(`select nom_recherche from elections.electeur where nom like 'Lef%'`);
      assert.equal(row?.nom_recherche, 'LEFEVRE OEUVRAY D HEROUVILLE');
      await database().asOwner(`update elections.electeur set nom = 'Çağlar Müller-Ñúñez' where nom like 'Lef%'`);
      const [changed] = await rows<{ nom_recherche: string }>(`select nom_recherche from elections.electeur where nom like 'Ça%'`);
      assert.equal(changed?.nom_recherche, 'CAGLAR MULLER NUNEZ', 'kept up to date by the database');
    });

    test('every foreign key has an index, and the duplicate search has its own', async () => {
      const unindexed = await rows<{ t: string; c: string }>(`
        select c.conrelid::regclass::text as t, a.attname as c
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.contype = 'f' and c.connamespace = 'elections'::regnamespace and array_length(c.conkey, 1) = 1
           and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and (i.indkey::int2[])[0] = c.conkey[1])
           and not exists (select 1 from pg_index i join pg_attribute f on f.attrelid = i.indrelid and f.attnum = (i.indkey::int2[])[0]
                            where i.indrelid = c.conrelid and i.indnatts > 1 and a.attname = f.attname)`);
      assert.deepEqual(unindexed, []);
      const search = await rows<{ definition: string }>(`select pg_get_indexdef(indexrelid) as definition from pg_index where indrelid = 'elections.electeur'::regclass`);
      assert.ok(search.some((row) => row.definition.includes('(om_collectivite, liste, nom_recherche, date_naissance)')), JSON.stringify(search));
    });

    test('every table and column has a French comment', async () => {
      const missing = await rows<{ t: string; c: string | null }>(`
        select cl.relname as t, null as c from pg_class cl
         where cl.relnamespace = 'elections'::regnamespace and cl.relkind = 'r' and obj_description(cl.oid, 'pg_class') is null
        union all
        select cl.relname, a.attname from pg_class cl join pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
         where cl.relnamespace = 'elections'::regnamespace and cl.relkind = 'r' and col_description(cl.oid, a.attnum) is null`);
      assert.deepEqual(missing, []);
    });

    test('an elector of Libreville is invisible to a user of Autreville, and the other way round', async () => {
      await database().asOwner(electeurSql(3, 'Autrevillois'));
      const actors = await actorsFor(database(), [
        { login: 'agent1', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'agent3', profil: 'UTILISATEUR', collectivite: 3 },
      ]);
      const noms = async (login: string) =>
        readAs(database().db.kysely, actors[login]!, async (db) => (await sql<{ nom: string }>`select nom from elections.electeur order by nom`.execute(db)).rows.map((row) => row.nom));
      assert.deepEqual(await noms('agent3'), ['Autrevillois']);
      assert.ok(!(await noms('agent1')).includes('Autrevillois'));
      assert.ok((await noms('agent1')).length >= 1);
    });

    test('the name search has its trigram indexes on the server (pg_trgm), and the embedded database migrates without them', async () => {
      const indexes = await rows<{ indexname: string }>(
        `select indexname from pg_indexes where schemaname = 'elections' and indexname in ('electeur_nom_trgm', 'electeur_nom_usage_trgm') order by 1`,
      );
      const trigrams = await rows<{ n: number }>(`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`);
      if (database().kind === 'postgres') assert.deepEqual(indexes.map((row) => row.indexname), ['electeur_nom_trgm', 'electeur_nom_usage_trgm']);
      else assert.equal(indexes.length, trigrams[0]?.n === 1 ? 2 : 0);
      assert.ok((await rows<{ indexname: string }>(`select indexname from pg_indexes where indexname = 'electeur_bureau_nom'`)).length === 1, 'a bureau listed by name');
    });
  },
  { sources: SOURCES },
);
