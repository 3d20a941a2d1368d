/**
 * Emplacements, défunts and autorisations through the records service (what a form, the API and
 * an import do), on both databases: a défunt's size from its nature, the place and the state kept
 * after each write, the capacity refused (warned only for an ossuaire), a locked défunt, dates in
 * order, a terrain communal's defaults, a capacity never below the place occupied, the family
 * named by the first concessionnaire, the lien de parenté of an ayant droit, the profiles' rights,
 * and Autreville seeing nothing of Libreville.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { createRecord, listRecords } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { nomEmplacement } from '../src/objects/emplacement.ts';
import { cimetiereActors, cimetiereObject, cimetiereRuntime, creerDefunt, creerEmplacement, creerLocalisation, depsOf, inserer, refusal, service, SOURCES } from './support.ts';

describeEachDatabase(
  'cimetiere : règles des emplacements, des défunts et des autorisations',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
    let voie: number;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const emplacementLu = async (emplacement: number) =>
      (await query<{ place_occupee: string; etat: string; famille: string | null }>(
        `select place_occupee::text, etat, famille from cimetiere.emplacement where emplacement = ${emplacement}`,
      ))[0];

    before(async () => {
      runtime = await cimetiereRuntime(database());
      actors = await cimetiereActors(database());
      ({ voie } = await creerLocalisation(database()));
    });

    test('a défunt’s size comes from its nature; the emplacement’s place and state follow every write', async () => {
      const agent = service(runtime, actors.agent, 'defunt');
      const emplacement = await creerEmplacement(database(), voie, 1, { nombre_places: 2 });
      const urne = await agent.create({ emplacement, nom: 'DURAND', prenom: 'Jeanne', nature: 'urne', date_deces: '2020-02-03' });
      assert.equal(Number(urne.taille), 0.1);
      assert.deepEqual(await emplacementLu(emplacement), { place_occupee: '0.10', etat: 'occupe', famille: null });
      const cercueil = await agent.create({ emplacement, nom: 'DURAND', prenom: 'Paul', nature: 'cercueil' });
      assert.equal(Number(cercueil.taille), 1);
      assert.equal(Number((await emplacementLu(emplacement))?.place_occupee), 1.1);
      await agent.update(urne.defunt, { nature: 'reduction' });
      assert.equal(Number((await emplacementLu(emplacement))?.place_occupee), 1.5);
      await agent.delete(cercueil.defunt);
      await agent.delete(urne.defunt);
      assert.deepEqual(await emplacementLu(emplacement), { place_occupee: '0.00', etat: 'libre', famille: null });
    });

    test('the taille is never typed', async () => {
      const emplacement = await creerEmplacement(database(), voie, 2);
      const refus = await refusal(() => service(runtime, actors.agent, 'defunt').create({ emplacement, nom: 'MARTIN', taille: 0 }));
      assert.ok(refus.fields.taille, 'taille is read-only');
      assert.equal((await query(`select 1 from cimetiere.defunt where nom = 'MARTIN'`)).length, 0);
    });

    test('a full emplacement refuses one more défunt; an ossuaire only warns', async () => {
      const agent = service(runtime, actors.agent, 'defunt');
      const emplacement = await creerEmplacement(database(), voie, 3, { nombre_places: 2 });
      await agent.create({ emplacement, nom: 'PETIT', nature: 'cercueil' });
      await agent.create({ emplacement, nom: 'PETIT', nature: 'cercueil' });
      const refus = await refusal(() => agent.create({ emplacement, nom: 'PETIT', prenom: 'Louis', nature: 'cercueil' }));
      assert.equal(refus.message, 'L’emplacement n’a plus de place : 2 places occupées sur 2.');
      assert.equal(refus.fields.emplacement, 'L’emplacement n’a plus de place : 2 places occupées sur 2.');
      assert.equal((await query(`select 1 from cimetiere.defunt where prenom = 'Louis'`)).length, 0);
      // Moving a défunt into it is refused too; an exhumed one takes no place.
      const ailleurs = await creerEmplacement(database(), voie, 4);
      const autre = await agent.create({ emplacement: ailleurs, nom: 'ROUX' });
      const deplacement = await refusal(() => agent.update(autre.defunt, { emplacement }));
      assert.equal(deplacement.message, 'L’emplacement n’a plus de place : 2 places occupées sur 2.');
      await agent.create({ emplacement, nom: 'ANCIEN', exhumation: true, date_exhumation: '2001-01-01' });

      const ossuaire = await creerEmplacement(database(), voie, 5, { nature: 'ossuaire', nombre_places: 1 });
      await agent.create({ emplacement: ossuaire, nom: 'GARNIER', nature: 'reduction' });
      const warnings: string[] = [];
      await createRecord(depsOf(runtime), actors.agent, cimetiereObject(runtime, 'defunt'), { emplacement: ossuaire, nom: 'GARNIER', nature: 'cercueil' }, { warnings });
      assert.deepEqual(warnings, ['Capacité indicative dépassée : 0,5 place occupée sur 1.']);
      assert.equal(Number((await emplacementLu(ossuaire))?.place_occupee), 1.5);
    });

    test('a défunt locked by an active operation is neither changed nor deleted through the service', async () => {
      const emplacement = await creerEmplacement(database(), voie, 6, { nombre_places: 3 });
      const defunt = await creerDefunt(database(), emplacement, 'FAURE', { verrou: true });
      const operation = await inserer(database(), 'operation', {
        numero: '2026-7', categorie: 'reduction', date_operation: '2026-05-04', emplacement, om_collectivite: 1,
      });
      await inserer(database(), 'operation_defunt', { operation, defunt, om_collectivite: 1 });
      const agent = service(runtime, actors.agent, 'defunt');
      const modification = await refusal(() => agent.update(defunt, { prenom: 'Henri' }));
      assert.equal(modification.message, 'Ce défunt est concerné par l’opération en cours n° 2026-7 : il se modifie par elle.');
      const suppression = await refusal(() => agent.delete(defunt));
      assert.equal(suppression.message.includes('2026-7') || suppression.code === 'has_children', true);
      const [row] = await query<{ prenom: string | null }>(`select prenom from cimetiere.defunt where defunt = ${defunt}`);
      assert.equal(row?.prenom, null);
      const verrou = await refusal(() => agent.update(defunt, { verrou: false }));
      assert.ok(verrou.fields.verrou, 'verrou is read-only');
    });

    test('dates in order, said on their field', async () => {
      const emplacement = await creerEmplacement(database(), voie, 7);
      const agent = service(runtime, actors.agent, 'defunt');
      const deces = await refusal(() => agent.create({ emplacement, nom: 'BLANC', date_naissance: '1950-01-01', date_deces: '1949-12-31' }));
      assert.equal(deces.fields.date_deces, 'La date de décès ne peut pas précéder la date de naissance.');
      const inhumation = await refusal(() => agent.create({ emplacement, nom: 'BLANC', date_deces: '2020-01-10', date_inhumation: '2020-01-09' }));
      assert.equal(inhumation.fields.date_inhumation, 'La date d’inhumation ne peut pas précéder la date de décès.');
      const exhumation = await refusal(() => agent.create({ emplacement, nom: 'BLANC', date_exhumation: '2020-01-09' }));
      assert.equal(exhumation.fields.date_exhumation, 'Cochez « Exhumé » pour indiquer une date d’exhumation.');
    });

    test('an emplacement: terrain communal defaults, capacity not below the place occupied, abandon dated, state and place not typed', async () => {
      const agent = service(runtime, actors.agent, 'emplacement');
      const terrain = await agent.create({ nature: 'terrain_communal', voie, numero: 20 });
      assert.equal(Number(terrain.superficie), 2);
      assert.equal(Number(terrain.nombre_places), 1);
      const caveau = await agent.create({ voie, numero: 21, nombre_places: 3 });
      await service(runtime, actors.agent, 'defunt').create({ emplacement: caveau.emplacement, nom: 'MOREL' });
      await service(runtime, actors.agent, 'defunt').create({ emplacement: caveau.emplacement, nom: 'MOREL', nature: 'urne' });
      const reduit = await refusal(() => agent.update(caveau.emplacement, { nombre_places: 1 }));
      assert.equal(reduit.fields.nombre_places, 'Le nombre de places ne peut pas descendre sous la place occupée (1,1).');
      await agent.update(caveau.emplacement, { nombre_places: 2 });
      const abandon = await refusal(() => agent.update(caveau.emplacement, { abandon: true }));
      assert.equal(abandon.fields.date_abandon, 'Indiquez la date du constat d’abandon.');
      const etat = await refusal(() => agent.update(caveau.emplacement, { etat: 'libre' }));
      assert.ok(etat.fields.etat);
      const place = await refusal(() => agent.update(caveau.emplacement, { place_occupee: 0 }));
      assert.ok(place.fields.place_occupee);
    });

    test('the first concessionnaire names the family; a lien de parenté is an ayant droit’s', async () => {
      const emplacement = await creerEmplacement(database(), voie, 30);
      const agent = service(runtime, actors.agent, 'autorisation');
      const parente = await refusal(() => agent.create({ emplacement, nature: 'concessionnaire', nom: 'Lambert', parente: 'fils' }));
      assert.match(parente.fields.parente ?? '', /^Le lien de parenté ne se renseigne que pour un ayant droit/);
      await agent.create({ emplacement, nature: 'ayant_droit', nom: 'Dupuis', parente: 'neveu' });
      assert.equal((await emplacementLu(emplacement))?.famille, null, 'an ayant droit does not name the family');
      await agent.create({ emplacement, nature: 'concessionnaire', nom: 'Lambert', prenom: 'Anne' });
      await agent.create({ emplacement, nature: 'concessionnaire', nom: 'Girard' });
      assert.equal((await emplacementLu(emplacement))?.famille, 'LAMBERT', 'the first one only');
    });

    test('how an emplacement is named among choices', () => {
      assert.equal(nomEmplacement({ voie__label: 'Allée 3', numero: 12, complement: 'bis', famille: 'DURAND' }), 'Allée 3 n° 12 bis — DURAND');
      assert.equal(nomEmplacement({ voie__label: 'Allée 3', numero: 12, complement: null, famille: null }), 'Allée 3 n° 12');
    });

    test('profiles: CONSULTATION reads, UTILISATEUR cannot change the localisation, Autreville sees nothing of Libreville', async () => {
      await refusal(() => service(runtime, actors.lecteur, 'defunt').create({ emplacement: 1, nom: 'X' }));
      await refusal(() => service(runtime, actors.agent, 'voie').update(voie, { libelle: 'Allée 99' }));
      const autreVoie = (await creerLocalisation(database(), 3, 'Cimetière d’Autreville')).voie;
      await creerEmplacement(database(), autreVoie, 1, {}, 3);
      const objet = cimetiereObject(runtime, 'emplacement');
      const vusParAutre = await listRecords(depsOf(runtime), actors.autre, objet, { perPage: 500, count: 'exact' });
      assert.equal(vusParAutre.rows.length, 1);
      assert.ok(vusParAutre.rows.every((row) => Number(row.om_collectivite) === 3));
      const vusParLecteur = await listRecords(depsOf(runtime), actors.lecteur, objet, { perPage: 500, count: 'exact' });
      assert.ok(vusParLecteur.rows.length > 5 && vusParLecteur.rows.every((row) => Number(row.om_collectivite) === 1));
      // Autreville's user cannot put a défunt into Libreville's emplacement.
      const libreville = Number(vusParLecteur.rows[0]?.emplacement);
      await refusal(() => service(runtime, actors.autre, 'defunt').create({ emplacement: libreville, nom: 'INTRUS' }));
      assert.equal((await query(`select 1 from cimetiere.defunt where nom = 'INTRUS'`)).length, 0);
    });
  },
  { sources: SOURCES },
);
