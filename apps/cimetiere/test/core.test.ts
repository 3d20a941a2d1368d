/**
 * The shared core of « Cimetière », on both databases: a défunt's size from its nature, the place
 * occupied (Σ tailles of the défunts still there), the place left, the state of an emplacement in
 * each case, the parameters (defaults of migration 0003, a town's own values, read inside a
 * treatment's transaction) and the yearly registers (gap-free, concurrent-safe, a new year at 1).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { SYSTEM_ACTOR, type Actor } from '../../../framework/src/access/actor.ts';
import { writeAs } from '../../../framework/src/db/index.ts';
import { etatsDuJour } from '../src/core/etats-du-jour.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { recalculerEtat, recalculerEtats } from '../src/core/etat.ts';
import { placeRestante, recalculerPlace, recalculerToutesLesPlaces, tailleDe } from '../src/core/occupation.ts';
import { PARAMETRES_PAR_DEFAUT, parametresCimetiere } from '../src/core/parametres.ts';
import { prochainNumero } from '../src/core/registres.ts';
import { cimetiereActors, creerDefunt, creerEmplacement, creerLocalisation, inserer, SOURCES } from './support.ts';

test('a défunt’s size follows its nature; the place left is rounded to the hundredth', () => {
  assert.equal(tailleDe('cercueil', PARAMETRES_PAR_DEFAUT), 1);
  assert.equal(tailleDe('urne', PARAMETRES_PAR_DEFAUT), 0.1);
  assert.equal(tailleDe('reduction', PARAMETRES_PAR_DEFAUT), 0.5);
  assert.equal(placeRestante({ placeOccupee: 1.6, nombrePlaces: 2 }), 0.4);
  assert.equal(placeRestante({ placeOccupee: 1.6, nombrePlaces: 2 }, 0.4), 0);
  assert.equal(placeRestante({ placeOccupee: 2, nombrePlaces: 2 }, 1), -1);
  // 0.1 + 0.2 is not 0.3 in floating point: the rounding keeps « 0 place left » exact.
  assert.equal(placeRestante({ placeOccupee: 0.1 + 0.2, nombrePlaces: 0.4 }, 0.1), 0);
});

describeEachDatabase(
  'cimetiere : occupation, état, paramètres et registres',
  (database) => {
    let voie: number;
    let chef: Actor;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const asSystem = <T>(work: Parameters<typeof writeAs<T>>[2]) => writeAs(database().db.kysely, SYSTEM_ACTOR, work);

    before(async () => {
      ({ voie } = await creerLocalisation(database()));
      ({ chef } = await cimetiereActors(database()));
    });

    test('the place occupied is the sum of the sizes of the défunts still there', async () => {
      const emplacement = await creerEmplacement(database(), voie, 1, { nombre_places: 3 });
      await creerDefunt(database(), emplacement, 'DURAND', { nature: 'cercueil', taille: 1 });
      await creerDefunt(database(), emplacement, 'DURAND', { nature: 'urne', taille: 0.1 });
      await creerDefunt(database(), emplacement, 'MARTIN', { nature: 'reduction', taille: 0.5 });
      await creerDefunt(database(), emplacement, 'PETIT', { nature: 'cercueil', taille: 1, exhumation: true, date_exhumation: '2020-01-02' });
      const occupation = await asSystem((trx) => recalculerPlace(trx, emplacement));
      assert.deepEqual(occupation, { placeOccupee: 1.6, nombrePlaces: 3 });
      const [stored] = await query<{ place_occupee: string }>(`select place_occupee::text from cimetiere.emplacement where emplacement = ${emplacement}`);
      assert.equal(Number(stored?.place_occupee), 1.6);
      assert.equal(placeRestante(occupation, 1), 0.4);
    });

    test('« Calcul de la place » rewrites every size from the parameters and counts the emplacements corrected', async () => {
      const emplacement = await creerEmplacement(database(), voie, 2, { nombre_places: 2 });
      await creerDefunt(database(), emplacement, 'LEROY', { nature: 'urne', taille: 1 });
      await query(`update cimetiere.emplacement set place_occupee = 0 where emplacement = ${emplacement}`);
      const corriges = await asSystem((trx) => recalculerToutesLesPlaces(trx, PARAMETRES_PAR_DEFAUT));
      assert.ok(corriges >= 1);
      const [row] = await query<{ place_occupee: string; taille: string }>(
        `select e.place_occupee::text, d.taille::text from cimetiere.emplacement e join cimetiere.defunt d using (emplacement) where e.emplacement = ${emplacement}`,
      );
      assert.equal(Number(row?.taille), 0.1);
      assert.equal(Number(row?.place_occupee), 0.1);
      assert.equal(await asSystem((trx) => recalculerToutesLesPlaces(trx, PARAMETRES_PAR_DEFAUT)), 0, 'nothing left to correct');
    });

    test('the state: libre, occupé (défunt or active concession), à terme, en reprise; exhumed défunts leave it libre', async () => {
      const etat = (emplacement: number, jour = '2026-06-01') => asSystem((trx) => recalculerEtat(trx, emplacement, jour));
      const libre = await creerEmplacement(database(), voie, 10);
      assert.equal(await etat(libre), 'libre');

      const avecDefunt = await creerEmplacement(database(), voie, 11);
      await creerDefunt(database(), avecDefunt, 'BERNARD');
      assert.equal(await etat(avecDefunt), 'occupe');

      const exhume = await creerEmplacement(database(), voie, 12);
      await creerDefunt(database(), exhume, 'THOMAS', { exhumation: true, date_exhumation: '2019-05-05' });
      assert.equal(await etat(exhume), 'libre');

      const concede = await creerEmplacement(database(), voie, 13);
      await inserer(database(), 'concession', {
        emplacement: concede, numero_acte: '2010-1', date_acte: '2010-03-01', date_vente: '2010-03-01', duree_type: 'trentenaire', duree: 30,
        date_terme: '2040-03-01', om_collectivite: 1,
      });
      assert.equal(await etat(concede), 'occupe');

      const echue = await creerEmplacement(database(), voie, 14);
      await inserer(database(), 'concession', {
        emplacement: echue, numero_acte: '2011-1', date_acte: '2011-03-01', date_vente: '2011-03-01', duree_type: 'temporaire', duree: 15,
        date_terme: '2026-03-01', om_collectivite: 1,
      });
      assert.equal(await etat(echue, '2026-02-28'), 'occupe', 'the day before its term');
      assert.equal(await etat(echue, '2026-03-02'), 'a_terme');

      await inserer(database(), 'reprise', { emplacement: echue, date_premier_constat: '2023-04-01', om_collectivite: 1 });
      assert.equal(await etat(echue, '2026-03-02'), 'en_reprise', 'a reprise en cours wins over the term');

      await query(`update cimetiere.emplacement set etat = 'libre' where emplacement in (${avecDefunt}, ${concede})`);
      const changes = await asSystem((trx) => recalculerEtats(trx, '2026-06-01'));
      assert.ok(changes >= 2);
      const rows = await query<{ emplacement: number; etat: string }>(`select emplacement, etat from cimetiere.emplacement where emplacement in (${avecDefunt}, ${concede}) order by emplacement`);
      assert.deepEqual(rows.map((row) => row.etat), ['occupe', 'occupe']);
    });

    test('the daily task: a concession whose term passed overnight is « à terme » the next morning', async () => {
      const hier = await creerEmplacement(database(), voie, 20);
      await inserer(database(), 'concession', {
        emplacement: hier, numero_acte: '2000-20', date_acte: '2000-01-01', date_vente: '2000-01-01', duree_type: 'temporaire', duree: 10,
        date_terme: '2010-01-01', om_collectivite: 1,
      });
      await query(`update cimetiere.emplacement set etat = 'occupe' where emplacement = ${hier}`);
      const done = await etatsDuJour.run(database().db.kysely);
      assert.match(done ?? '', /^[1-9]\d* emplacement\(s\) changé\(s\) d’état$/);
      const [row] = await query<{ etat: string }>(`select etat from cimetiere.emplacement where emplacement = ${hier}`);
      assert.equal(row?.etat, 'a_terme');
      assert.equal(await etatsDuJour.run(database().db.kysely), '0 emplacement(s) changé(s) d’état', 'a second run the same day changes nothing');
    });

    test('the parameters: the niveau-2 defaults of migration 0003, a town’s own value first, readable inside a treatment', async () => {
      const defaut = await parametresCimetiere(database().db.kysely, 1);
      assert.deepEqual(defaut, PARAMETRES_PAR_DEFAUT);
      await query(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('taille_urne', '0,2', 1), ('temps_reduction', '10', 1)`);
      // As a town's user, in the transaction of a treatment (a hook): the niveau-2 rows are hidden by RLS there.
      const lus = await writeAs(database().db.kysely, chef, (trx) => parametresCimetiere(trx, 1));
      assert.equal(lus.tailleUrne, 0.2);
      assert.equal(lus.tempsReduction, 10);
      assert.equal(lus.tailleCercueil, 1, 'from the niveau-2 collectivité');
      assert.equal(lus.superficieTerrainCommunal, 2);
      await query(`delete from om.om_parametre where om_collectivite = 1 and libelle in ('taille_urne', 'temps_reduction')`);
    });

    test('the registers: numbers in sequence per register and year, a new year restarts at 1, a rollback gives its number back', async () => {
      const numero = (registre: 'acte' | 'operation' | 'facture', date: string) => asSystem((trx) => prochainNumero(trx, registre, date, 1));
      assert.equal(await numero('acte', '2031-01-05'), '2031-1');
      assert.equal(await numero('acte', '2031-07-05'), '2031-2');
      assert.equal(await numero('facture', '2031-07-05'), 'F-2031-1');
      assert.equal(await numero('operation', '2031-07-05'), '2031-1');
      assert.equal(await numero('acte', '2032-01-02'), '2032-1', 'a new year starts at 1');
      await assert.rejects(
        asSystem(async (trx) => {
          await prochainNumero(trx, 'acte', '2031-09-01', 1);
          throw new Error('abandon');
        }),
        /abandon/,
      );
      assert.equal(await numero('acte', '2031-09-01'), '2031-3', 'no gap after a rolled-back treatment');
      assert.equal(await asSystem((trx) => prochainNumero(trx, 'acte', '2031-09-01', 3)), '2031-1', 'each collectivité has its own register');
    });

    test('50 treatments asking a number at once get 1 to 50, each once', async () => {
      const numeros = await Promise.all(
        Array.from({ length: 50 }, () => asSystem((trx) => prochainNumero(trx, 'operation', '2035-03-03', 1))),
      );
      const rangs = numeros.map((numero) => Number(numero.split('-')[1])).sort((a, b) => a - b);
      assert.deepEqual(rangs, Array.from({ length: 50 }, (_, index) => index + 1));
    });
  },
  { sources: SOURCES },
);
