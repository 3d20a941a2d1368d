/**
 * Libreville's demo lists: twelve bureaux, sixty voies and NC1 split without overlap or gap (the
 * découpage rules), 20,000 electors on the main list and citizens of the Union on the complementary
 * ones, each in the bureau its address gives unless forced, numbered in alphabetical order (the
 * numbering rules), born in real communes, abroad or in Algeria; movements in every state; all of
 * it within Libreville only.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { PLAN } from '../demo/mouvements.ts';
import { BUREAUX, VOIES } from '../demo/libreville.ts';
import { checkDecoupage, type DecoupageRange, bureauOf } from '../src/rules/decoupage.ts';
import { numberElectors } from '../src/rules/numerotation.ts';
import { EUROPEENS_LCE, ELECTEURS_LP, loadElectionsDemo, type DemoSummary } from '../src/demo.ts';
import { loadElectionReferentials, SOURCES } from './support.ts';

interface Electeur {
  electeur: number;
  liste: string;
  nom: string;
  prenoms: string;
  date_naissance: string;
  voie: number;
  numero: number;
  bureau: number;
  bureau_force: boolean;
  numero_liste: number;
  numero_bureau: number;
  naissance_lieu: string;
  nationalite: string;
}

describeEachDatabase(
  'élections : les listes de démonstration de Libreville',
  (database) => {
    let summary: DemoSummary;
    let electeurs: Electeur[];
    const rows = <T>(text: string) => database().ownerQuery<T>(text);
    const count = async (text: string) => Number((await rows<{ n: number | string }>(text))[0]?.n);

    before(async () => {
      await loadElectionReferentials(database());
      summary = await loadElectionsDemo(database().db.kysely, '2026-12-04');
      electeurs = await rows<Electeur>(`select electeur, liste, nom, prenoms, date_naissance::text, voie, numero, bureau, bureau_force, numero_liste,
        numero_bureau, naissance_lieu, nationalite from elections.electeur`);
      console.log(`# démonstration sur la base ${database().kind} : ${summary.electeurs} électeurs, ${summary.mouvements} mouvements en ${summary.ms} ms`);
    });

    test('the promised counts, all in Libreville', async () => {
      assert.equal(await count('select count(*) as n from elections.bureau'), BUREAUX.length);
      assert.equal(await count(`select count(*) as n from elections.voie where code <> 'NC1'`), VOIES.length);
      assert.equal(await count(`select count(*) as n from elections.voie where code = 'NC1' and libelle = 'NON COMMUNIQUÉE'`), 1);
      assert.equal(await count('select count(*) as n from elections.bureau where canton is null or circonscription is null'), 0);
      const byListe = (liste: string) => electeurs.filter((row) => row.liste === liste);
      assert.equal(byListe('LP').length, ELECTEURS_LP);
      assert.equal(byListe('LCE').length, EUROPEENS_LCE);
      assert.ok(byListe('LCM').length > EUROPEENS_LCE / 2 && byListe('LCM').length <= EUROPEENS_LCE);
      assert.ok(byListe('LP').every((row) => row.nationalite === 'FRA'));
      const ue = new Set((await rows<{ nationalite: string }>('select nationalite from elections.nationalite where ue')).map((row) => row.nationalite));
      assert.ok([...byListe('LCE'), ...byListe('LCM')].every((row) => ue.has(row.nationalite)));
      assert.equal(await count('select count(*) as n from elections.electeur where om_collectivite <> 1'), 0);
      assert.equal(await count('select count(*) as n from elections.mouvement where om_collectivite <> 1'), 0);
    });

    test('on the map: each bureau at its address inside its secteur, the secteurs tiling the town, the address points, the map of the bureaux', async () => {
      const bureaux = await rows<{ code: string; dedans: boolean; srid: number; adresse: boolean }>(`select b.code, ST_Within(b.geom, b.perimetre) as dedans,
          ST_SRID(b.geom) as srid, (b.voie is not null and b.numero_voie is not null) as adresse from elections.bureau b order by b.bureau`);
      assert.equal(bureaux.length, BUREAUX.length);
      assert.deepEqual(bureaux.filter((row) => !row.dedans).map((row) => row.code), [], 'every bureau inside its secteur');
      assert.ok(bureaux.every((row) => Number(row.srid) === 2154));
      assert.ok(bureaux.filter((row) => row.adresse).length >= 10, 'most bureaux have a voie and a number');
      const [tiling] = await rows<{ area: number; overlaps: number }>(`select round(ST_Area(ST_Union(perimetre)))::float8 as area,
          (select count(*) from elections.bureau a join elections.bureau b on a.bureau < b.bureau and ST_Overlaps(a.perimetre, b.perimetre))::int as overlaps
        from elections.bureau`);
      assert.equal(Number(tiling?.area), 16_000_000, 'the secteurs cover the 4 km × 4 km town');
      assert.equal(Number(tiling?.overlaps), 0);
      const expectedPoints = VOIES.reduce((sum, voie) => sum + voie.dernierNumero, 0);
      assert.equal(await count(`select count(*) as n from om.om_sig_adresse where om_collectivite = 1 and source = 'demo'`), expectedPoints);
      const [mairie] = await rows<{ distance: number }>(`select ST_Distance(b.geom, ST_Transform(ST_SetSRID(ST_MakePoint(a.longitude, a.latitude), 4326), 2154)) as distance
        from elections.bureau b join elections.voie v on v.voie = b.voie join om.om_sig_adresse a on a.voie_cle = 'place de la mairie' and a.numero = b.numero_voie
        where b.code = '1'`);
      assert.ok(Number(mairie?.distance) < 0.05, `the bureau stands on its address point (${mairie?.distance} m)`);
      const [carte] = await rows<{ projection: string; couches: number; legendes: number }>(`select c.projection,
          (select count(*) from om.om_sig_couche k where k.om_sig_carte = c.om_sig_carte and k.champ_geometrie = 'perimetre')::int as couches,
          (select count(*) from om.om_sig_legende l join om.om_sig_couche k using (om_sig_couche) where k.om_sig_carte = c.om_sig_carte)::int as legendes
        from om.om_sig_carte c join om.om_collectivite k using (om_collectivite) where c.objet = 'elections.bureau' and k.niveau = '2'`);
      assert.deepEqual([carte?.projection, Number(carte?.couches), Number(carte?.legendes)], ['EPSG:2154', 1, 2]);
    });

    test('births: real INSEE communes for most, some abroad, some in Algeria before 1962', async () => {
      const lieux = new Map<string, number>();
      for (const row of electeurs) lieux.set(row.naissance_lieu, (lieux.get(row.naissance_lieu) ?? 0) + 1);
      assert.ok((lieux.get('france') ?? 0) > 0.8 * ELECTEURS_LP);
      assert.ok((lieux.get('etranger') ?? 0) > 500);
      assert.ok((lieux.get('algerie') ?? 0) > 50);
      assert.equal(await count(`select count(*) as n from elections.electeur where naissance_lieu = 'algerie' and date_naissance >= '1962-07-05'`), 0);
      assert.ok((await count('select count(distinct commune_naissance) as n from elections.electeur')) > 3000, 'many different communes');
      const years = electeurs.map((row) => Number(row.date_naissance.slice(0, 4)));
      assert.ok(Math.min(...years) >= 1930 && Math.max(...years) <= 2008);
      assert.ok((await count(`select count(*) as n from elections.electeur where nom ~ '[éèêëàâçôœïüÉ]'`)) > 1000, 'names with accents');
    });

    test('the découpage of every voie has no overlap nor gap, and each elector is in the bureau of their address', async () => {
      const ranges = await rows<DecoupageRange & { voie: number; bureau_code: string }>(
        `select d.voie, d.bureau, b.code as bureau_code, d.premier_impair, d.dernier_impair, d.premier_pair, d.dernier_pair
           from elections.decoupage d join elections.bureau b using (bureau)`,
      );
      const byVoie = new Map<number, DecoupageRange[]>();
      for (const range of ranges) byVoie.set(range.voie, [...(byVoie.get(range.voie) ?? []), range]);
      assert.equal(byVoie.size, VOIES.length + 1, 'every voie, NC1 included');
      for (const [voie, list] of byVoie) assert.deepEqual(checkDecoupage(String(voie), list), [], `voie ${voie}`);
      const misplaced = electeurs.filter((row) => !row.bureau_force && bureauOf(byVoie.get(row.voie) ?? [], row.numero) !== row.bureau);
      assert.deepEqual(misplaced.slice(0, 3), []);
      const forced = electeurs.filter((row) => row.bureau_force);
      assert.ok(forced.length > 0 && forced.every((row) => bureauOf(byVoie.get(row.voie) ?? [], row.numero) !== row.bureau));
      assert.equal(new Set(electeurs.map((row) => row.bureau)).size, BUREAUX.length, 'every bureau has electors');
    });

    test('electors are numbered in alphabetical order, in each list and in each bureau', async () => {
      for (const liste of ['LP', 'LCE', 'LCM']) {
        const list = electeurs.filter((row) => row.liste === liste);
        const expected = new Map(numberElectors(list).map((item) => [item.electeur, item]));
        const wrong = list.filter((row) => expected.get(row.electeur)?.numero_liste !== row.numero_liste || expected.get(row.electeur)?.numero_bureau !== row.numero_bureau);
        assert.deepEqual(wrong.slice(0, 3).map((row) => [row.nom, row.prenoms, row.numero_liste, expected.get(row.electeur)?.numero_liste]), [], liste);
      }
    });

    test('movements in every state, with their pièces, decisions and duplicates to arbitrate', async () => {
      const etats = await rows<{ etat: string; n: number | string }>('select etat, count(*) as n from elections.mouvement group by etat');
      for (const [etat, sortes] of Object.entries(PLAN)) {
        const expected = Object.values(sortes).reduce((sum, value) => sum + value, 0);
        assert.equal(Number(etats.find((row) => row.etat === etat)?.n), expected, etat);
        assert.ok(expected >= 20);
      }
      assert.equal(summary.mouvements, Object.values(PLAN).flatMap((sortes) => Object.values(sortes)).reduce((sum, value) => sum + value, 0));
      assert.equal(await count(`select count(*) as n from elections.mouvement where etat = 'refuse' and (motif_refus is null or date_decision is null)`), 0);
      assert.equal(await count(`select count(*) as n from elections.mouvement where etat in ('a_instruire', 'en_attente') and date_decision is not null`), 0);
      assert.ok((await count('select count(*) as n from elections.piece')) > 100);
      const doublons = await count(`select count(*) as n from elections.mouvement m where m.etat = 'a_instruire' and m.electeur is null
          and exists (select 1 from elections.electeur e where e.nom_recherche = m.nom_recherche and e.date_naissance = m.date_naissance and e.liste = m.liste)`);
      assert.ok(doublons >= 3, `${doublons} pending inscriptions look like an elector`);
      const categories = await rows<{ categorie: string }>('select distinct t.categorie from elections.mouvement m join elections.type_mouvement t using (type_mouvement)');
      assert.deepEqual(categories.map((row) => row.categorie).sort(), ['inscription', 'modification', 'radiation']);
    });
  },
  { sources: SOURCES },
);
