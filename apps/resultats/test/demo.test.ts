/**
 * Libreville's demo election, on both databases: twelve bureaux (the codes of the élections demo,
 * or its bureaux when « Élections » is served), about 20,500 inscrits, four lists of 29 candidates
 * alternating sexes, a first round with no absolute majority and a second with three lists (two
 * merged), every bureau validated with coherent figures (votants = blancs + nuls + exprimés,
 * exprimés = Σ voix, votants ≤ inscrits) and participation at 12:00 and 17:00. The same on every run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { BUREAUX } from '../../elections/demo/libreville.ts';
import { DATE_TOUR1, DATE_TOUR2, loadResultatsDemo, repartir, type ResultatsDemo } from '../src/demo.ts';
import { totauxElection } from '../src/totaux/index.ts';
import { SOURCES, SOURCES_AVEC_ELECTIONS } from './support.ts';

interface Bureau {
  code: string;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  etat: string;
  voix: number;
  p12: number;
  p17: number;
}

const bureaux = (database: TestDatabase, election: number) =>
  database.ownerQuery<Bureau>(`select b.code, eb.inscrits, eb.votants, eb.blancs, eb.nuls, eb.exprimes, eb.etat,
      (select coalesce(sum(nombre), 0)::int from resultats.voix v where v.election_bureau = eb.election_bureau) as voix,
      (select p.votants from resultats.participation p join resultats.tranche t using (tranche) where p.election_bureau = eb.election_bureau and t.heure = '12:00') as p12,
      (select p.votants from resultats.participation p join resultats.tranche t using (tranche) where p.election_bureau = eb.election_bureau and t.heure = '17:00') as p17
    from resultats.election_bureau eb join resultats.bureau b using (bureau) where eb.election = ${election} order by b.code::int`);

function assertCoherent(rows: readonly Bureau[]): void {
  assert.equal(rows.length, 12);
  for (const row of rows) {
    assert.equal(row.etat, 'valide', row.code);
    assert.equal(row.votants, row.blancs + row.nuls + row.exprimes, `bureau ${row.code}: votants = blancs + nuls + exprimés`);
    assert.equal(row.exprimes, row.voix, `bureau ${row.code}: exprimés = Σ voix`);
    assert.ok(row.votants <= row.inscrits && row.votants > row.inscrits * 0.4, `bureau ${row.code}: votants plausibles`);
    assert.ok(row.p12 > 0 && row.p12 < row.p17 && row.p17 <= row.votants, `bureau ${row.code}: participation 12 h < 17 h ≤ votants`);
  }
}

/** Fingerprint of every figure and candidate: the same on both databases (seeded). */
let fingerprint: string | undefined;

describeEachDatabase(
  'resultats : l’élection de démonstration de Libreville',
  (database) => {
    let demo: ResultatsDemo;
    before(async () => {
      demo = await loadResultatsDemo(database().db.kysely, { avecElections: false });
    });

    test('twelve bureaux with the codes of the élections demo, about 20,500 inscrits, the same for both rounds', async () => {
      const codes = await database().ownerQuery<{ code: string; libelle: string }>(`select code, libelle from resultats.bureau where om_collectivite = 1 order by code::int`);
      assert.deepEqual(codes, BUREAUX.map((bureau) => ({ code: bureau.code, libelle: bureau.libelle })));
      assert.equal(demo.bureaux, 12);
      assert.ok(demo.inscrits > 20_000 && demo.inscrits < 21_000, String(demo.inscrits));
      const tour1 = await bureaux(database(), demo.tour1);
      const tour2 = await bureaux(database(), demo.tour2);
      assert.deepEqual(tour2.map((row) => row.inscrits), tour1.map((row) => row.inscrits));
    });

    test('round 1: four lists of 29 candidates alternating sexes, every bureau validated and coherent, no absolute majority', async () => {
      const listes = await database().ownerQuery<{ libelle: string; n: number; alternent: boolean; communautaires: number }>(`
        select c.libelle, count(*)::int as n, bool_and(k.sexe <> coalesce(p.sexe, '')) as alternent, count(k.rang_communautaire)::int as communautaires
          from resultats.candidature c join resultats.candidat k using (candidature)
          left join resultats.candidat p on p.candidature = k.candidature and p.rang = k.rang - 1
         where c.election = ${demo.tour1} group by c.candidature, c.libelle order by c.ordre`);
      assert.equal(listes.length, 4);
      for (const liste of listes) assert.deepEqual([liste.n, liste.alternent, liste.communautaires], [29, true, 11], liste.libelle);
      assertCoherent(await bureaux(database(), demo.tour1));
      const totaux = await readAs(database().db.kysely, SYSTEM_ACTOR, (db) => totauxElection(db, demo.tour1));
      assert.ok(totaux);
      assert.equal(totaux.election.date_scrutin, DATE_TOUR1);
      assert.deepEqual(totaux.bureaux, { total: 12, comptes: 12 });
      assert.equal(totaux.votants, totaux.blancs + totaux.nuls + totaux.exprimes);
      const voix = totaux.candidatures.map((candidature) => candidature.voix);
      assert.equal(voix.reduce((sum, value) => sum + value, 0), totaux.exprimes);
      assert.ok(Math.max(...voix) * 2 < totaux.exprimes, 'no list has the absolute majority: a second round');
      assert.ok(voix.every((value) => value * 10 >= totaux.exprimes), 'every list may stay or merge (10 %)');
    });

    test('round 2: three lists, the merged one first with candidates of both, every bureau validated and coherent', async () => {
      const [election] = await database().ownerQuery<{ tour: number; premier_tour: number; date_scrutin: string }>(
        `select tour, premier_tour, date_scrutin::text from resultats.election where election = ${demo.tour2}`);
      assert.deepEqual(election, { tour: 2, premier_tour: demo.tour1, date_scrutin: DATE_TOUR2 });
      assertCoherent(await bureaux(database(), demo.tour2));
      const totaux = await readAs(database().db.kysely, SYSTEM_ACTOR, (db) => totauxElection(db, demo.tour2));
      assert.ok(totaux);
      assert.equal(totaux.candidatures.length, 3);
      const [premiere, ...autres] = [...totaux.candidatures].sort((a, b) => b.voix - a.voix);
      assert.equal(premiere?.libelle, 'Libreville en commun, écologique et solidaire');
      assert.ok(autres.every((autre) => autre.voix < (premiere?.voix ?? 0)));
      const [merged] = await database().ownerQuery<{ n: number }>(`
        select count(*)::int as n from resultats.candidat k join resultats.candidature c using (candidature)
         where c.election = ${demo.tour2} and c.ordre = 1
           and (k.nom, k.prenom, k.date_naissance) in (
             select k1.nom, k1.prenom, k1.date_naissance from resultats.candidat k1 join resultats.candidature c1 using (candidature)
              where c1.election = ${demo.tour1} and c1.libelle = 'Libreville écologique et solidaire')`);
      assert.equal(merged?.n, 7, 'seven ecologists on the merged list');
    });

    test('the same demo on every run and database (seeded)', async () => {
      const rows = await database().ownerQuery<Record<string, unknown>>(`
        select eb.election - ${demo.tour1} as e, eb.bureau - (select min(bureau) from resultats.bureau) as b, eb.inscrits, eb.votants, eb.blancs, eb.nuls, eb.exprimes,
               (select string_agg(nombre::text, ',' order by candidature) from resultats.voix v where v.election_bureau = eb.election_bureau) as voix
          from resultats.election_bureau eb order by eb.election, eb.bureau`);
      const candidats = await database().ownerQuery<Record<string, unknown>>(`select nom, prenom, sexe, date_naissance::text from resultats.candidat order by candidat`);
      const hash = createHash('sha256').update(JSON.stringify([rows, candidats])).digest('hex');
      if (fingerprint) assert.equal(hash, fingerprint);
      fingerprint = hash;
    });

    test('largest remainders split exactly', () => {
      assert.deepEqual(repartir(10, [1, 1, 1]), [4, 3, 3]);
      assert.equal(repartir(1184, [0.37, 0.33, 0.18, 0.12]).reduce((sum, value) => sum + value, 0), 1184);
    });
  },
  { sources: SOURCES },
);

/** « Élections » served: its twelve bureaux (other libellés), a few electors on LP, LCE and LCM. */
const ELECTIONS_FIXTURE = `
insert into elections.voie (voie, code, libelle, om_collectivite) values (1, 'V001', 'Place de la Mairie', 1);
insert into elections.bureau (code, libelle, om_collectivite) select g::text, 'Bureau n° ' || g, 1 from generate_series(1, 12) as g;
insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, nationalite, voie, bureau, om_collectivite)
select v.liste, 'M.', 'M', 'BERNARD', 'Luc', '1960-02-03', 'etranger', '99101', v.nationalite, 1, b.bureau, 1
  from elections.bureau b cross join (values ('LP', 'FRA'), ('LP', 'FRA'), ('LP', 'FRA'), ('LCM', 'DEU'), ('LCE', 'DEU')) as v (liste, nationalite);
`;

describeEachDatabase(
  'resultats : la démonstration reprend les bureaux et les inscrits de « Élections »',
  (database) => {
    test('the bureaux of « Élections », inscrits from LP and LCM, figures still coherent', async () => {
      await database().asOwner(ELECTIONS_FIXTURE, 'resultats');
      const demo = await loadResultatsDemo(database().db.kysely, { avecElections: true });
      assert.deepEqual([demo.bureaux, demo.inscrits], [12, 48]);
      const [libelle] = await database().ownerQuery<{ libelle: string }>(`select libelle from resultats.bureau where code = '7'`);
      assert.equal(libelle?.libelle, 'Bureau n° 7');
      const rows = await bureaux(database(), demo.tour1);
      assert.ok(rows.every((row) => row.inscrits === 4 && row.etat === 'valide' && row.votants === row.blancs + row.nuls + row.exprimes && row.exprimes === row.voix));
    });
  },
  { sources: SOURCES_AVEC_ELECTIONS },
);
