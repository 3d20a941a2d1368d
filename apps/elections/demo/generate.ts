/**
 * Electors in bulk for the benchmarks: `generateElecteurs(db, n, collectivite)` writes n electors
 * on the main list of a collectivité that has its voies and découpage (the demo's), in SQL
 * (`generate_series`), 100,000 a statement: names drawn from the demo's weighted lists, births
 * between 1930 and 2008 in the INSEE communes, an address on one of the voies and the bureau its
 * découpage gives. Deterministic: the same n gives the same rows. Run it as the owner of the
 * database (the benchmark), or inside `writeAs` for the collectivité.
 */
import { sql } from 'kysely';
import type { Db } from '../../../framework/src/db/index.ts';
import { NOMS, PRENOMS_FEMININS_ANCIENS, PRENOMS_FEMININS_RECENTS, PRENOMS_MASCULINS_ANCIENS, PRENOMS_MASCULINS_RECENTS } from './noms.ts';
import { numberElecteurs } from './sql.ts';

const CHUNK = 100_000;

/** A list where each name appears about as often as its weight says (falling with its rank). */
function weightedArray(names: readonly string[], offset: number, size: number): string[] {
  const weights = names.map((_name, index) => 1 / (index + offset));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return names.flatMap((name, index) => Array<string>(Math.max(1, Math.round(((weights[index] ?? 0) / total) * size))).fill(name));
}

export interface GenerateOptions {
  /** Number the whole list again afterwards (alphabetical order), as the demo is. Default true. */
  readonly numeroter?: boolean;
  /** Called after each statement with the rows written so far. */
  readonly progress?: (written: number) => void;
}

export async function generateElecteurs(db: Db, n: number, collectivite: number, options: GenerateOptions = {}): Promise<number> {
  const voies = await sql<{ count: number }>`select count(*)::int as count from elections.decoupage where om_collectivite = ${collectivite}`.execute(db);
  if (!voies.rows[0]?.count) throw new Error(`La collectivité ${collectivite} n’a pas de découpage : chargez d’abord ses voies et ses bureaux (données de démonstration).`);
  const noms = weightedArray(NOMS, 8, 2000);
  const feminins = [...weightedArray(PRENOMS_FEMININS_ANCIENS, 5, 500), ...weightedArray(PRENOMS_FEMININS_RECENTS, 5, 500)];
  const masculins = [...weightedArray(PRENOMS_MASCULINS_ANCIENS, 5, 500), ...weightedArray(PRENOMS_MASCULINS_RECENTS, 5, 500)];
  const premier = await sql<{ base: number }>`select coalesce(max(electeur), 0)::int as base from elections.electeur`.execute(db);
  const base = premier.rows[0]?.base ?? 0;
  let written = 0;
  for (let start = 1; start <= n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK - 1);
    // h1…h6: deterministic pseudo-random numbers ≥ 0, one per draw, from the row's number g.
    await sql`
      with communes as (select array_agg(commune order by commune) as codes from elections.commune where type = 'COM' and om_validite_fin is null),
           adresses as (select array_agg(v.voie order by v.voie) as voies from elections.voie v
                          where v.om_collectivite = ${collectivite} and v.code <> 'NC1'),
           tirage as (
             select g,
                    abs(hashint4(g * 7 + 1)) as h1, abs(hashint4(g * 7 + 2)) as h2, abs(hashint4(g * 7 + 3)) as h3,
                    abs(hashint4(g * 7 + 4)) as h4, abs(hashint4(g * 7 + 5)) as h5, abs(hashint4(g * 7 + 6)) as h6
               from generate_series(${base + start}::int, ${base + end}::int) g),
           personne as (
             select t.g, t.h1 % 2 = 0 as femme,
                    (${noms}::text[])[1 + t.h2 % ${noms.length}] as nom,
                    date '1930-01-01' + (t.h3 % 28800) as date_naissance,
                    c.codes[1 + t.h4 % array_length(c.codes, 1)] as commune_naissance,
                    a.voies[1 + t.h5 % array_length(a.voies, 1)] as voie,
                    1 + t.h6 % 180 as numero,
                    t.h1, t.h2
               from tirage t cross join communes c cross join adresses a)
      insert into elections.electeur (liste, ine, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, commune_naissance,
                                      nationalite, voie, numero, bureau, date_inscription, type_inscription, om_collectivite)
      select 'LP', (700000000 + p.g)::text,
             case when p.femme then 'Mme' else 'M.' end, case when p.femme then 'F' else 'M' end,
             p.nom,
             case when p.femme then (${feminins}::text[])[1 + (p.h2 / 7) % ${feminins.length}]
                  else (${masculins}::text[])[1 + (p.h2 / 7) % ${masculins.length}] end,
             p.date_naissance, 'france', p.commune_naissance, 'FRA', p.voie, p.numero, d.bureau,
             greatest(p.date_naissance + interval '18 years', date '1990-01-01')::date, 'VOL1', ${collectivite}
        from personne p
        left join lateral (
          select bureau from elections.decoupage d
           where d.voie = p.voie
             and case when p.numero % 2 = 1 then p.numero between d.premier_impair and d.dernier_impair
                      else p.numero between d.premier_pair and d.dernier_pair end
           limit 1) d on true`.execute(db);
    written = end;
    options.progress?.(written);
  }
  if (options.numeroter ?? true) {
    await sql`analyze elections.electeur`.execute(db);
    if (db.isTransaction) await numberElecteurs(db, collectivite);
    else await db.transaction().execute((trx) => numberElecteurs(trx, collectivite));
  }
  return written;
}
