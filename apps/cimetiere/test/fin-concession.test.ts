/**
 * Fin de concession, on both databases: refused while an operation is en cours (and without an
 * ossuaire for the défunts still there, and to an agent); done, it writes the archive (snapshot,
 * défunts with the destination of their remains, concessionnaires), moves the remains to the
 * ossuaire, deletes the exhumed défunts (their operations keep them, archived), the autorisations,
 * courriers, travaux and pièces, ends the act and frees the emplacement; the archives cannot be
 * changed, even by the owner; « État concession » is read back from its PDF.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import type { Row } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import { runAction } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { finDeConcession } from '../src/fin-concession/index.ts';
import { cimetiereActors, cimetiereObject, cimetiereRuntime, creerDefunt, creerEmplacement, creerLocalisation, depsOf, inserer, PASSWORD, refusal, service, SOURCES } from './support.ts';

type Login = 'chef' | 'agent' | 'lecteur' | 'autre';

const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

describeEachDatabase(
  'cimetiere : fin de concession et archives',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<Login, Actor>;
    let app: Hono<AppEnv>;
    let voie: number;
    let ossuaire: number;
    let numero = 200;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const compte = async (table: string, where = 'true') => (await query<{ n: number }>(`select count(*)::int as n from cimetiere.${table} where ${where}`))[0]?.n;
    /** The emplacement object with the action, whether or not its override already names it. */
    const emplacementObject = (): RegisteredObject => {
      const object = cimetiereObject(runtime, 'emplacement');
      if (object.override.actions?.fin_concession) return object;
      return { ...object, override: { ...object.override, actions: { ...object.override.actions, fin_concession: finDeConcession } } };
    };
    const finir = (login: Login, emplacement: number, input: Row) =>
      runAction(depsOf(runtime), actors[login], emplacementObject(), String(emplacement), 'fin_concession', input);
    const operationAction = (login: Login, key: unknown, name: string) =>
      runAction(depsOf(runtime), actors[login], cimetiereObject(runtime, 'operation'), String(key), name, {});
    const concession = async () => {
      numero += 1;
      const emplacement = await creerEmplacement(database(), voie, numero, { nombre_places: 3, famille: 'DURAND' });
      const acte = await inserer(database(), 'concession', {
        emplacement, numero_acte: `1996-${numero}`, date_acte: '1996-04-02', date_vente: '1996-04-02', duree_type: 'trentenaire', duree: 30,
        date_terme: '2026-04-02', om_collectivite: 1,
      });
      return { emplacement, acte };
    };

    before(async () => {
      runtime = await cimetiereRuntime(database());
      actors = await cimetiereActors(database());
      app = createApp(runtime);
      ({ voie } = await creerLocalisation(database()));
      ossuaire = await creerEmplacement(database(), voie, 999, { nature: 'ossuaire', nombre_places: 0 });
    });

    test('refused while an operation is en cours, without an ossuaire for the remains, and to an agent', async () => {
      const { emplacement, acte } = await concession();
      const defunt = await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Paul', date_inhumation: '1996-05-01' });
      const operation = await service(runtime, actors.agent, 'operation').create({ categorie: 'exhumation', date_operation: '2026-06-21', emplacement });
      await service(runtime, actors.agent, 'operation_defunt').create({ operation: operation.operation, defunt });
      const enCours = await refusal(() => finir('chef', emplacement, { date_fin: '30/06/2026', ossuaire, motif: 'terme' }));
      assert.equal(enCours.message, `L’opération n° ${String(operation.numero)} est en cours : validez-la ou annulez-la d’abord.`);
      await operationAction('agent', operation.operation, 'annuler');
      const sansOssuaire = await refusal(() => finir('chef', emplacement, { date_fin: '30/06/2026', motif: 'terme' }));
      assert.equal(sansOssuaire.fields.ossuaire, 'Choisissez l’ossuaire qui reçoit les restes des défunts.');
      const pasOssuaire = await refusal(() => finir('chef', emplacement, { date_fin: '30/06/2026', ossuaire: emplacement, motif: 'terme' }));
      assert.equal(pasOssuaire.fields.ossuaire, 'Choisissez un emplacement de nature « ossuaire ».');
      const date = await refusal(() => finir('chef', emplacement, { date_fin: '31/02/2026', ossuaire, motif: 'terme' }));
      assert.equal(date.fields.date_fin, '« 31/02/2026 » n’est pas une date : écrivez-la JJ/MM/AAAA.');
      const agent = await refusal(() => finir('agent', emplacement, { date_fin: '30/06/2026', ossuaire, motif: 'terme' }));
      assert.equal(agent.message, 'La fin de concession est réservée au responsable du cimetière.');
      assert.equal(await compte('fin_concession'), 0, 'nothing archived');
      assert.equal((await query<{ etat: string }>(`select etat from cimetiere.concession where concession = ${acte}`))[0]?.etat, 'active');
      assert.equal(await compte('defunt', `defunt = ${defunt} and emplacement = ${emplacement}`), 1);
    });

    test('done: archives written, remains at the ossuaire, exhumed défunts archived, the place free, the act ended', async () => {
      const { emplacement, acte } = await concession();
      const paul = await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Paul', date_deces: '1996-04-28', date_inhumation: '1996-05-01', historique: 'Inhumation dossier 1996-3 du 01/05/1996' });
      const rose = await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Rose', nom_naissance: 'PETIT', nature: 'reduction', taille: 0.5, date_inhumation: '1998-01-01', reduction: true, date_reduction: '2010-01-01' });
      const leon = await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Léon', date_inhumation: '2001-01-01' });
      const exhumation = await service(runtime, actors.agent, 'operation').create({ categorie: 'exhumation', date_operation: '2020-03-04', emplacement });
      await service(runtime, actors.agent, 'operation_defunt').create({ operation: exhumation.operation, defunt: leon });
      await operationAction('chef', exhumation.operation, 'valider');
      const helene = await inserer(database(), 'autorisation', { emplacement, nature: 'concessionnaire', nom: 'DURAND', prenom: 'Hélène', ville: 'Bordeaux', om_collectivite: 1 });
      await inserer(database(), 'autorisation', { emplacement, nature: 'ayant_droit', nom: 'DURAND', prenom: 'Marc', parente: 'fils', om_collectivite: 1 });
      await inserer(database(), 'courrier', { emplacement, autorisation: helene, lettre_type: 'cimetiere_courrier', complement: 'Rappel', om_collectivite: 1 });
      const nature = await inserer(database(), 'travaux_nature', { libelle: 'Nettoyage', om_collectivite: 1 });
      await inserer(database(), 'travaux', { emplacement, travaux_nature: nature, date_debut: '2019-05-01', om_collectivite: 1 });
      await inserer(database(), 'dossier', { emplacement, fichier: 'piece-acte-1996.pdf', observation: 'Acte scanné', om_collectivite: 1 });
      const facture = await inserer(database(), 'facture', { numero: `F-1996-${numero}`, objet: 'vente', emplacement, concession: acte, libelle: 'Vente', montant: 300, payeur: helene, payeur_nom: 'Hélène DURAND', om_collectivite: 1 });

      const done = await finir('chef', emplacement, { date_fin: '30/06/2026', ossuaire, motif: 'terme' });
      const [fin] = await query<{ fin_concession: number; concession: number; ossuaire: number; motif: string; date_fin: string; fait_par: string; donnees: Record<string, unknown> }>(
        `select fin_concession, concession, ossuaire, motif, date_fin::text, fait_par, donnees from cimetiere.fin_concession where emplacement = ${emplacement}`,
      );
      assert.ok(fin);
      assert.equal(done.redirect, `/cimetiere/fin_concession/${fin.fin_concession}`);
      assert.deepEqual([fin.concession, fin.ossuaire, fin.motif, fin.date_fin, fin.fait_par], [acte, ossuaire, 'terme', '2026-06-30', 'chef']);
      const donnees = (typeof fin.donnees === 'string' ? JSON.parse(fin.donnees) : fin.donnees) as {
        emplacement: { famille: string }; concession: { numero_acte: string }; defunts: unknown[]; autorisations: unknown[];
        courriers: { complement: string }[]; travaux: unknown[]; dossier: { fichier: string }[];
      };
      assert.equal(donnees.emplacement.famille, 'DURAND');
      assert.equal(donnees.concession.numero_acte, `1996-${numero}`);
      assert.deepEqual([donnees.defunts.length, donnees.autorisations.length, donnees.courriers.length, donnees.travaux.length], [3, 2, 1, 1]);
      assert.equal(donnees.courriers[0]?.complement, 'Rappel');
      assert.equal(donnees.dossier[0]?.fichier, 'piece-acte-1996.pdf');

      const archives = await query<{ defunt: number; prenom: string; destination: string; date_exhumation: string | null; historique: string | null }>(
        `select defunt, prenom, destination, date_exhumation::text, historique from cimetiere.defunt_archive where fin_concession = ${fin.fin_concession} order by defunt`,
      );
      const ossuaireLibelle = 'Ossuaire Cimetière du Centre, Carré A, Allée 1 n° 999';
      assert.deepEqual(archives.map((row) => [row.prenom, row.destination, row.date_exhumation]), [
        ['Paul', ossuaireLibelle, '2026-06-30'], ['Rose', ossuaireLibelle, '2026-06-30'], ['Léon', 'Exhumé le 04/03/2020', '2020-03-04'],
      ]);
      assert.equal(archives[0]?.historique, 'Inhumation dossier 1996-3 du 01/05/1996\nTransféré à l’ossuaire Cimetière du Centre, Carré A, Allée 1 n° 999 le 30/06/2026 (fin de concession)');
      const aLOssuaire = await query<{ defunt: number; historique: string }>(`select defunt, historique from cimetiere.defunt where emplacement = ${ossuaire} order by defunt`);
      assert.deepEqual(aLOssuaire.map((row) => row.defunt), [paul, rose]);
      assert.match(aLOssuaire[1]?.historique ?? '', /^Transféré à l’ossuaire .* le 30\/06\/2026 \(fin de concession\)$/);
      assert.equal(await compte('defunt', `defunt = ${leon}`), 0, 'the exhumed défunt is deleted');
      const [trace] = await query<{ defunt: number | null; prenom: string }>(
        `select od.defunt, a.prenom from cimetiere.operation_defunt od join cimetiere.defunt_archive a on a.defunt_archive = od.defunt_archive where od.operation = ${exhumation.operation}`,
      );
      assert.deepEqual(trace, { defunt: null, prenom: 'Léon' }, 'the validated exhumation keeps its défunt, archived');

      const concessionnaires = await query<{ prenom: string; nature: string; parente: string | null }>(
        `select prenom, nature, parente from cimetiere.autorisation_archive where fin_concession = ${fin.fin_concession} order by autorisation`,
      );
      assert.deepEqual(concessionnaires, [{ prenom: 'Hélène', nature: 'concessionnaire', parente: null }, { prenom: 'Marc', nature: 'ayant_droit', parente: 'fils' }]);
      for (const table of ['autorisation', 'courrier', 'travaux', 'dossier', 'defunt']) assert.equal(await compte(table, `emplacement = ${emplacement}`), 0, `${table} emptied`);
      const [paye] = await query<{ payeur: number | null; payeur_nom: string }>(`select payeur, payeur_nom from cimetiere.facture where facture = ${facture}`);
      assert.deepEqual(paye, { payeur: null, payeur_nom: 'Hélène DURAND' });
      assert.equal((await query<{ etat: string }>(`select etat from cimetiere.concession where concession = ${acte}`))[0]?.etat, 'terminee');
      const [libre] = await query<{ famille: string | null; etat: string; place_occupee: string }>(`select famille, etat, place_occupee::text from cimetiere.emplacement where emplacement = ${emplacement}`);
      assert.deepEqual(libre, { famille: null, etat: 'libre', place_occupee: '0.00' });
      assert.equal((await query<{ place_occupee: string }>(`select place_occupee::text from cimetiere.emplacement where emplacement = ${ossuaire}`))[0]?.place_occupee, '1.50');

      // « État concession » printed from the archive's page.
      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      const page = await (await browser.get(`/cimetiere/fin_concession/${fin.fin_concession}`, { Accept: 'text/html' })).text();
      assert.match(page, new RegExp(`/cimetiere/fin_concession/${fin.fin_concession}/pdf/etat/cimetiere_etat_concession`));
      const response = await browser.get(`/cimetiere/fin_concession/${fin.fin_concession}/pdf/etat/cimetiere_etat_concession`, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const isPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
      const text = flat(isPdf ? (await pdfPages(bytes.slice())).join('\n') : new TextDecoder().decode(bytes));
      assert.equal(response.status, 200, text);
      assert.match(text, new RegExp(`État concession n° 1996-${numero}`));
      assert.match(text, /fin de concession du 30\/06\/2026/);
      assert.match(text, /Famille : DURAND/);
      assert.match(text, /trentenaire, 30 ans — terme : 02\/04\/2026/);
      assert.match(text, /Paul/);
      assert.match(text, /Exhumé le 04\/03\/2020/);
      assert.match(text, /Hélène/);
      assert.match(text, /piece-acte-1996\.pdf \(Acte scanné\)/);
    });

    test('the archives cannot be changed or deleted, through the service or even by the owner', async () => {
      const [fin] = await query<{ fin_concession: number }>('select fin_concession from cimetiere.fin_concession order by fin_concession limit 1');
      assert.ok(fin, 'a fin de concession exists (previous test)');
      for (const statement of [
        `update cimetiere.fin_concession set motif = 'reprise' where fin_concession = ${fin.fin_concession}`,
        `delete from cimetiere.defunt_archive where fin_concession = ${fin.fin_concession}`,
        `update cimetiere.autorisation_archive set nom = 'X' where fin_concession = ${fin.fin_concession}`,
      ]) {
        await assert.rejects(() => database().asOwner(statement), /Les archives de fin de concession ne se modifient pas/);
      }
      const service_ = service(runtime, actors.chef, 'fin_concession');
      const modif = await refusal(() => service_.update(fin.fin_concession, { motif: 'reprise' }));
      assert.equal(modif.code, 'read_only');
      const suppr = await refusal(() => service(runtime, actors.chef, 'defunt_archive').delete(1));
      assert.equal(suppr.code, 'read_only');
      assert.equal((await query<{ motif: string }>(`select motif from cimetiere.fin_concession where fin_concession = ${fin.fin_concession}`))[0]?.motif, 'terme');
    });

    test('an emplacement without concession, défunt or concessionnaire has nothing to end; Autreville cannot end Libreville’s', async () => {
      const vide = await creerEmplacement(database(), voie, 777);
      const rien = await refusal(() => finir('chef', vide, { date_fin: '30/06/2026', motif: 'terme' }));
      assert.equal(rien.message, 'Cet emplacement n’a ni concession active, ni défunt, ni concessionnaire : il n’y a rien à terminer.');
      const { emplacement } = await concession();
      const autre = await refusal(() => finir('autre', emplacement, { date_fin: '30/06/2026', motif: 'terme' }));
      assert.equal(autre.code, 'not_found');
      const fait = await finir('chef', emplacement, { date_fin: '01/07/2026', motif: 'retrocession' });
      assert.match(fait.message, /Fin de concession enregistrée/);
    });

    test('after « Prononcer la reprise » the act stays « reprise » and is the one archived', async () => {
      const { emplacement, acte } = await concession();
      await database().asOwner(`update cimetiere.concession set etat = 'reprise' where concession = ${acte}`);
      const fait = await finir('chef', emplacement, { date_fin: '02/07/2026', motif: 'reprise' });
      assert.match(fait.message, /Fin de concession enregistrée/);
      const [fin] = await query<{ concession: number; etat: string; archive: number }>(`select f.concession, c.etat, (f.donnees->'concession'->>'concession')::int as archive
        from cimetiere.fin_concession f join cimetiere.concession c using (concession) where f.emplacement = ${emplacement}`);
      assert.deepEqual([Number(fin?.concession), fin?.etat, Number(fin?.archive)], [acte, 'reprise', acte]);
      const again = await refusal(() => finir('chef', emplacement, { date_fin: '03/07/2026', motif: 'reprise' }));
      assert.match(again.message, /rien à terminer/, 'an act is archived once');
    });
  },
  { sources: SOURCES, postgis: true },
);
