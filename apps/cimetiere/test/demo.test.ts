/**
 * Libreville's demo cemeteries, on both databases: 1 500 emplacements in two cemeteries drawn in
 * Lambert-93 inside the town, every nature and state, acts numbered by year without gaps (and the
 * counters agreeing), about forty terms this year, operations of every category in every state
 * (the active ones locking their défunts), bills in each state, one reprise under way, archives;
 * places consistent (place occupée = Σ tailles, never over capacity but for an ossuaire); loaded
 * once, the same on both databases, in a few seconds.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { loadCimetiereDemo, type CimetiereDemo } from '../src/demo.ts';
import { SOURCES } from './support.ts';

const AUJOURDHUI = '2026-09-15';

describeEachDatabase(
  'cimetiere : données de démonstration',
  (database) => {
    let resume: CimetiereDemo | undefined;
    let duree = 0;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const compte = async (text: string) => Number((await query<{ n: number }>(`select count(*)::int as n from ${text}`))[0]?.n);

    before(async () => {
      const debut = Date.now();
      resume = await loadCimetiereDemo(database().db.kysely, AUJOURDHUI);
      duree = Date.now() - debut;
    });

    test('two cemeteries, 1 000 and 500 emplacements, every nature, inside Libreville in Lambert-93', async () => {
      assert.ok(resume);
      const parCimetiere = await query<{ libelle: string; n: number }>(`select ci.libelle, count(*)::int as n from cimetiere.emplacement e
        join cimetiere.voie v using (voie) join cimetiere.zone z using (zone) join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere group by ci.libelle order by ci.libelle`);
      assert.deepEqual(parCimetiere, [{ libelle: 'Cimetière des Tilleuls', n: 500 }, { libelle: 'Cimetière du Centre', n: 1000 }]);
      const natures = (await query<{ nature: string }>(`select distinct nature from cimetiere.emplacement order by nature`)).map((row) => row.nature);
      assert.deepEqual(natures, ['colombarium', 'concession', 'depositoire', 'enfeu', 'ossuaire', 'terrain_communal']);
      const [emprise] = await query<{ xmin: number; xmax: number; ymin: number; ymax: number; srid: number }>(`select min(ST_X(geom)) as xmin, max(ST_X(geom)) as xmax,
        min(ST_Y(geom)) as ymin, max(ST_Y(geom)) as ymax, min(ST_SRID(geom)) as srid from cimetiere.emplacement`);
      assert.equal(Number(emprise?.srid), 2154);
      assert.ok(Number(emprise?.xmin) > 650_000 && Number(emprise?.xmax) < 654_000 && Number(emprise?.ymin) > 6_860_000 && Number(emprise?.ymax) < 6_864_000);
      assert.equal(await compte(`cimetiere.emplacement e join cimetiere.voie v using (voie) join cimetiere.zone z on z.zone = v.zone where not ST_Within(e.geom, z.geom)`), 0, 'each place inside its zone');
      assert.equal(await compte(`cimetiere.voie where geom is null`), 0);
      assert.ok(await compte(`om.om_sig_carte where om_collectivite = 1`) >= 1, 'the map of the plans is configured');
      assert.ok(duree < 60_000, `loaded in ${duree} ms`);
    });

    test('every state on the plans, about forty terms this year, one reprise under way', async () => {
      const etats = Object.fromEntries((await query<{ etat: string; n: number }>(`select etat, count(*)::int as n from cimetiere.emplacement group by etat`)).map((row) => [row.etat, row.n]));
      assert.ok((etats.occupe ?? 0) > 900, `occupés : ${etats.occupe}`);
      assert.ok((etats.libre ?? 0) > 150, `libres : ${etats.libre}`);
      assert.ok((etats.a_terme ?? 0) >= 20, `à terme : ${etats.a_terme}`);
      assert.equal(etats.en_reprise, 1);
      const cetteAnnee = await compte(`cimetiere.concession where etat = 'active' and extract(year from date_terme) = 2026`);
      assert.ok(cetteAnnee >= 35 && cetteAnnee <= 80, `termes en 2026 : ${cetteAnnee}`);
      const [reprise] = await query<{ etat: string; premier: string; notification: string; affichage: string; abandon: boolean }>(`select r.etat, r.date_premier_constat::text as premier,
        r.date_notification::text as notification, r.date_fin_affichage::text as affichage, e.abandon from cimetiere.reprise r join cimetiere.emplacement e using (emplacement)`);
      assert.deepEqual(reprise, { etat: 'en_cours', premier: '2023-03-15', notification: '2023-03-22', affichage: '2023-04-22', abandon: true });
      assert.ok(await compte(`cimetiere.concession where etat = 'renouvelee'`) >= 10);
      assert.equal(await compte(`cimetiere.concession c where origine = 'renouvellement' and not exists (select from cimetiere.concession p where p.concession = c.concession_precedente and p.etat = 'renouvelee')`), 0);
      assert.equal(await compte(`cimetiere.fin_concession`), 3);
      assert.equal(await compte(`cimetiere.defunt_archive`), 3);
    });

    test('acts numbered by year without gaps, the counters agreeing; bills and operations likewise', async () => {
      for (const [table, colonne, registre, prefixe] of [
        ['concession', 'numero_acte', 'acte', ''],
        ['operation', 'numero', 'operation', ''],
        ['facture', 'numero', 'facture', 'F-'],
      ] as const) {
        const rang = (partie: number) => `split_part(substr(${colonne}, ${prefixe.length + 1}), '-', ${partie})`;
        const trous = await query<{ annee: number; n: number; dernier: number; compteur: number | null }>(`
          select t.*, (select k.dernier from om.om_compteur k where k.application = 'cimetiere' and k.registre = '${registre}' and k.periode = t.annee) as compteur
            from (select ${rang(1)}::int as annee, count(*)::int as n, max(${rang(2)}::int) as dernier
                    from cimetiere.${table} where ${colonne} ~ '^${prefixe}[0-9]{4}-[0-9]+$' group by 1) t
           where t.n <> t.dernier or t.n <> coalesce((select k.dernier from om.om_compteur k where k.application = 'cimetiere' and k.registre = '${registre}' and k.periode = t.annee), -1)`);
        assert.deepEqual(trous, [], `${table} : numéros sans trou et compteurs à jour`);
      }
      const annees = await compte(`(select distinct extract(year from date_vente) from cimetiere.concession) a`);
      assert.ok(annees > 60, `ventes sur ${annees} années`);
      const factures = (await query<{ etat: string }>(`select distinct etat from cimetiere.facture order by etat`)).map((row) => row.etat);
      assert.deepEqual(factures, ['annulee', 'emise', 'payee', 'titree']);
      assert.equal(await compte(`cimetiere.tarif`), 21);
    });

    test('operations of every category in every state; the active ones lock their défunts, the done ones wrote the historique', async () => {
      const couples = (await query<{ couple: string }>(`select distinct categorie || ':' || etat as couple from cimetiere.operation order by 1`)).map((row) => row.couple);
      for (const categorie of ['inhumation', 'reduction', 'transfert', 'exhumation', 'dispersion']) {
        for (const etat of ['actif', 'traite', 'annule']) {
          if (etat === 'annule' && categorie === 'exhumation') continue;
          assert.ok(couples.includes(`${categorie}:${etat}`), `${categorie} ${etat} (${couples.join(', ')})`);
        }
      }
      assert.equal(await compte(`cimetiere.defunt d where d.verrou <> exists (select from cimetiere.operation_defunt od join cimetiere.operation o using (operation)
        where od.defunt = d.defunt and o.etat = 'actif')`), 0, 'locked exactly when an active operation concerns it');
      assert.equal(await compte(`cimetiere.defunt where verrou`), 4, 'réduction, transfert, exhumation and dispersion under way');
      assert.equal(await compte(`cimetiere.operation_defunt od join cimetiere.operation o using (operation) join cimetiere.defunt d using (defunt)
        where o.categorie <> 'transfert' and d.emplacement <> o.emplacement`), 0, 'an operation’s défunts belong to its emplacement');
      const [historique] = await query<{ historique: string }>(`select d.historique from cimetiere.defunt d join cimetiere.operation_defunt od using (defunt)
        join cimetiere.operation o using (operation) where o.etat = 'traite' and o.categorie = 'inhumation' limit 1`);
      assert.match(historique?.historique ?? '', /^Inhumation dossier \d{4}-\d+ du \d{2}\/\d{2}\/\d{4}/);
    });

    test('places consistent: place occupée = Σ tailles of the défunts still there, never over capacity but for an ossuaire', async () => {
      assert.equal(await compte(`cimetiere.emplacement e where e.place_occupee <> coalesce((select sum(taille) from cimetiere.defunt d where d.emplacement = e.emplacement and not d.exhumation), 0)`), 0);
      assert.equal(await compte(`cimetiere.defunt where taille <> case nature when 'urne' then 0.1 when 'reduction' then 0.5 else 1 end`), 0);
      assert.equal(await compte(`cimetiere.emplacement where place_occupee > nombre_places and nature not in ('ossuaire', 'depositoire')`), 0);
      assert.ok(await compte(`cimetiere.defunt`) > 1500);
      assert.ok(await compte(`cimetiere.defunt where nature = 'urne'`) > 50);
      assert.ok(await compte(`cimetiere.defunt where nature = 'reduction'`) > 10);
      assert.ok(await compte(`cimetiere.defunt where exhumation`) > 5);
      const [plage] = await query<{ premier: number; dernier: number }>(`select min(extract(year from date_deces))::int as premier, max(extract(year from date_deces))::int as dernier from cimetiere.defunt`);
      assert.ok(Number(plage?.premier) < 1935 && Number(plage?.dernier) === 2026, `décès de ${plage?.premier} à ${plage?.dernier}`);
      assert.equal(await compte(`cimetiere.emplacement e where e.nature = 'concession' and e.etat <> 'libre' and coalesce(e.famille, '') = ''`), 0, 'every occupied concession has a family');
      assert.equal(await compte(`cimetiere.autorisation where nature = 'concessionnaire'`) > 900, true);
    });

    test('loaded once: a second call writes nothing', async () => {
      assert.equal(await loadCimetiereDemo(database().db.kysely, AUJOURDHUI), undefined);
      assert.equal(await compte(`cimetiere.cimetiere`), 2);
    });
  },
  { sources: SOURCES },
);
