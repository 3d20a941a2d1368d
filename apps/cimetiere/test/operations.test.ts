/**
 * Funeral operations through the records service and their actions, on both databases: the dossier
 * number from the yearly register, every rule refused with its French message and nothing
 * written (room, active concession, défunts of the source emplacement, not exhumed, not in another
 * active operation, the réduction delay, urnes for a dispersion, room at a transfer's destination),
 * the verrou set and cleared, the validation's effects per catégorie (défunts, historique, places,
 * states), irreversibility, the rights, « Préparer les courriers » and the letters read back.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import type { Row } from '../../../framework/src/db/index.ts';
import { runAction } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { cimetiereActors, cimetiereObject, cimetiereRuntime, creerDefunt, creerEmplacement, creerLocalisation, depsOf, inserer, PASSWORD, refusal, service, SOURCES } from './support.ts';

type Login = 'chef' | 'agent' | 'lecteur' | 'autre';

/** One line of text, ordinary spaces for the no-break ones. */
const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

describeEachDatabase(
  'cimetiere : opérations funéraires, verrous, validation et courriers',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<Login, Actor>;
    let app: Hono<AppEnv>;
    let voie: number;
    let numero = 100;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const operations = (login: Login = 'agent') => service(runtime, actors[login], 'operation');
    const concernes = (login: Login = 'agent') => service(runtime, actors[login], 'operation_defunt');
    const action = (login: Login, key: unknown, name: string, input: Row = {}) =>
      runAction(depsOf(runtime), actors[login], cimetiereObject(runtime, 'operation'), String(key), name, input);
    const defuntLu = async (defunt: number) =>
      (await query<{ emplacement: number; nature: string; taille: string; verrou: boolean; exhumation: boolean; date_exhumation: string | null;
        reduction: boolean; date_reduction: string | null; historique: string | null }>(
        `select emplacement, nature, taille::text, verrou, exhumation, date_exhumation::text, reduction, date_reduction::text, historique
           from cimetiere.defunt where defunt = ${defunt}`,
      ))[0];
    const emplacementLu = async (emplacement: number) =>
      (await query<{ place_occupee: string; etat: string }>(`select place_occupee::text, etat from cimetiere.emplacement where emplacement = ${emplacement}`))[0];
    const compte = async (table: string, where = 'true') => (await query<{ n: number }>(`select count(*)::int as n from cimetiere.${table} where ${where}`))[0]?.n;
    /** An emplacement with an active concession (a trentenaire sold in 2020), `places` places. */
    const concession = async (places = 2, extra: Record<string, string | number | boolean | null> = {}) => {
      numero += 1;
      const emplacement = await creerEmplacement(database(), voie, numero, { nombre_places: places, famille: 'DURAND', ...extra });
      await inserer(database(), 'concession', {
        emplacement, numero_acte: `2020-${numero}`, date_acte: '2020-01-10', date_vente: '2020-01-10', duree_type: 'trentenaire', duree: 30,
        date_terme: '2050-01-10', om_collectivite: 1,
      });
      await query(`update cimetiere.emplacement set etat = 'occupe' where emplacement = ${emplacement}`);
      return emplacement;
    };
    const inhumation = (emplacement: number, extra: Row = {}): Row => ({
      categorie: 'inhumation', date_operation: '2026-06-21', emplacement, defunt_nom: 'MARTIN', defunt_prenom: 'Paul', defunt_nature: 'cercueil',
      defunt_date_deces: '2026-06-15', ...extra,
    });

    before(async () => {
      runtime = await cimetiereRuntime(database());
      actors = await cimetiereActors(database());
      app = createApp(runtime);
      ({ voie } = await creerLocalisation(database()));
    });

    test('the dossier number is given at creation from the register of the operation’s year, never typed', async () => {
      const emplacement = await concession(3);
      const deces = { defunt_date_deces: '2025-12-20' };
      const premier = await operations().create(inhumation(emplacement, { ...deces, date_operation: '2025-12-30' }));
      const second = await operations().create(inhumation(emplacement, { ...deces, date_operation: '2026-01-02' }));
      const troisieme = await operations().create(inhumation(emplacement, { ...deces, date_operation: '2026-01-03' }));
      assert.deepEqual([premier.numero, second.numero, troisieme.numero], ['2025-1', '2026-1', '2026-2']);
      assert.equal(premier.etat, 'actif');
      const tape = await refusal(() => operations().create(inhumation(emplacement, { numero: '1999-1' })));
      assert.ok(tape.fields.numero, 'numero is not writable');
      const etat = await refusal(() => operations().update(premier.operation, { etat: 'traite' }));
      assert.ok(etat.fields.etat, 'etat is not writable');
      for (const operation of [premier, second, troisieme]) await action('agent', operation.operation, 'annuler');
    });

    test('an inhumation needs the défunt’s identity, an active concession where one is needed, and room', async () => {
      const avant = await compte('operation');
      const dernier = async () => (await query<{ n: number }>(`select coalesce(sum(dernier), 0)::int as n from om.om_compteur where application = 'cimetiere' and registre = 'operation'`))[0]?.n;
      const compteurs = await dernier();
      const libre = await creerEmplacement(database(), voie, 501, { nombre_places: 2 });
      const sansConcession = await refusal(() => operations().create(inhumation(libre)));
      assert.equal(sansConcession.fields.emplacement, 'Aucune concession active sur cet emplacement.');
      const emplacement = await concession(2);
      const sansNom = await refusal(() => operations().create(inhumation(emplacement, { defunt_nom: null })));
      assert.equal(sansNom.fields.defunt_nom, 'Indiquez le nom du défunt inhumé.');
      const avantDeces = await refusal(() => operations().create(inhumation(emplacement, { date_operation: '2026-06-10' })));
      assert.equal(avantDeces.fields.date_operation, 'L’inhumation ne peut précéder le décès (15/06/2026).');
      await creerDefunt(database(), emplacement, 'DURAND', { taille: 1 });
      await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Louise', nature: 'urne', taille: 0.1 });
      const plein = await refusal(() => operations().create(inhumation(emplacement)));
      assert.equal(plein.fields.emplacement, 'Plus de place : 1,1 place occupée sur 2, un cercueil en demande 1.');
      assert.equal(await compte('operation'), avant, 'nothing written');
      assert.equal(await dernier(), compteurs, 'no number taken by a refused operation');
      const urne = await operations().create(inhumation(emplacement, { defunt_nature: 'urne' }));
      assert.equal(urne.etat, 'actif');
      await action('agent', urne.operation, 'annuler');
      const terrain = await creerEmplacement(database(), voie, 502, { nature: 'terrain_communal' });
      const communal = await operations().create(inhumation(terrain));
      assert.equal(communal.etat, 'actif', 'a terrain communal needs no concession');
      await action('agent', communal.operation, 'annuler');
    });

    test('a défunt concerned must lie in the source emplacement, not exhumed, in no other active operation; it is locked meanwhile', async () => {
      const emplacement = await concession(2);
      const ailleurs = await concession(2);
      const durand = await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Jean', date_inhumation: '2000-01-01' });
      const exhume = await creerDefunt(database(), emplacement, 'DURAND', { prenom: 'Léon', exhumation: true, date_exhumation: '2010-05-04' });
      const voisin = await creerDefunt(database(), ailleurs, 'MARTIN', { prenom: 'Luc' });
      const exhumation = await operations().create({ categorie: 'exhumation', date_operation: '2026-06-21', emplacement });
      const autre = await refusal(() => concernes().create({ operation: exhumation.operation, defunt: voisin }));
      assert.equal(autre.fields.defunt, 'Luc MARTIN repose dans un autre emplacement.');
      const deja = await refusal(() => concernes().create({ operation: exhumation.operation, defunt: exhume }));
      assert.equal(deja.fields.defunt, 'Léon DURAND a été exhumé(e) le 04/05/2010.');
      const ligne = await concernes().create({ operation: exhumation.operation, defunt: durand });
      assert.equal((await defuntLu(durand))?.verrou, true, 'locked while the operation is en cours');
      const seconde = await operations().create({ categorie: 'exhumation', date_operation: '2026-06-22', emplacement });
      const occupe = await refusal(() => concernes().create({ operation: seconde.operation, defunt: durand }));
      assert.equal(occupe.fields.defunt, `Jean DURAND est déjà concerné(e) par l’opération n° ${String(exhumation.numero)} en cours.`);
      assert.equal(await compte('operation_defunt', `operation = ${seconde.operation}`), 0);
      await concernes().delete(ligne.operation_defunt);
      assert.equal((await defuntLu(durand))?.verrou, false, 'unlocked once removed');
      await concernes().create({ operation: seconde.operation, defunt: durand });
      assert.equal((await defuntLu(durand))?.verrou, true);
      const annulee = await action('agent', seconde.operation, 'annuler');
      assert.match(annulee.message, /annulée/);
      assert.equal((await defuntLu(durand))?.verrou, false, 'unlocked when the operation is cancelled');
      assert.equal((await query<{ etat: string }>(`select etat from cimetiere.operation where operation = ${seconde.operation}`))[0]?.etat, 'annule');
      const sansDefunt = await refusal(() => concernes().create({ operation: exhumation.operation }));
      assert.equal(sansDefunt.fields.defunt, 'Choisissez le défunt concerné.');
      await concernes().create({ operation: exhumation.operation, defunt: durand });
      await operations().delete(exhumation.operation);
      assert.equal((await defuntLu(durand))?.verrou, false, 'unlocked when the operation en cours is deleted');
      assert.equal(await compte('operation', `operation = ${exhumation.operation}`), 0);
    });

    test('a réduction is refused before the legal delay after the inhumation, and only for a cercueil', async () => {
      const emplacement = await concession(2);
      const recent = await creerDefunt(database(), emplacement, 'LEROY', { prenom: 'Anne', date_inhumation: '2024-03-12' });
      const urne = await creerDefunt(database(), emplacement, 'LEROY', { prenom: 'Marc', nature: 'urne', taille: 0.1, date_inhumation: '2001-03-12' });
      const reduction = await operations().create({ categorie: 'reduction', date_operation: '2026-06-21', emplacement });
      const tot = await refusal(() => concernes().create({ operation: reduction.operation, defunt: recent }));
      assert.equal(tot.fields.defunt, 'Réduction impossible avant le 12/03/2029 : cinq ans après l’inhumation du 12/03/2024.');
      const pasCercueil = await refusal(() => concernes().create({ operation: reduction.operation, defunt: urne }));
      assert.equal(pasCercueil.fields.defunt, 'Seul un cercueil se réduit : Marc LEROY est une urne.');
      assert.equal((await defuntLu(recent))?.verrou, false, 'a refused défunt is not locked');
      const plusTard = await operations().create({ categorie: 'reduction', date_operation: '2029-03-12', emplacement });
      await concernes().create({ operation: plusTard.operation, defunt: recent });
      // Moving the date back before the delay is refused too.
      const recul = await refusal(() => operations().update(plusTard.operation, { date_operation: '2029-03-11' }));
      assert.equal(recul.fields.date_operation, 'Réduction impossible avant le 12/03/2029 : cinq ans après l’inhumation du 12/03/2024.');
      const validee = await action('chef', plusTard.operation, 'valider');
      assert.match(validee.message, /validée/);
      const lu = await defuntLu(recent);
      assert.deepEqual([lu?.nature, lu?.taille, lu?.reduction, lu?.date_reduction, lu?.verrou], ['reduction', '0.50', true, '2029-03-12', false]);
      assert.equal(lu?.historique, `Réduction dossier ${String(plusTard.numero)} du 12/03/2029`);
      assert.equal((await emplacementLu(emplacement))?.place_occupee, '0.60');
      await action('agent', reduction.operation, 'annuler');
    });

    test('validating an inhumation creates the défunt in the emplacement, with its historique, place and state', async () => {
      const emplacement = await concession(2);
      const operation = await operations().create(inhumation(emplacement, { defunt_nom_naissance: 'BLANC', heure: '10:30' }));
      const agent = await refusal(() => action('agent', operation.operation, 'valider'));
      assert.equal(agent.message, 'La validation d’une opération est réservée au responsable du cimetière.');
      const lecteur = await refusal(() => action('lecteur', operation.operation, 'annuler'));
      assert.equal(lecteur.code, 'forbidden');
      await action('chef', operation.operation, 'valider');
      const [cree] = await query<{ nom: string; nom_naissance: string; nature: string; taille: string; date_inhumation: string; historique: string; verrou: boolean }>(
        `select nom, nom_naissance, nature, taille::text, date_inhumation::text, historique, verrou from cimetiere.defunt where emplacement = ${emplacement}`,
      );
      assert.deepEqual(cree, {
        nom: 'MARTIN', nom_naissance: 'BLANC', nature: 'cercueil', taille: '1.00', date_inhumation: '2026-06-21',
        historique: `Inhumation dossier ${String(operation.numero)} du 21/06/2026`, verrou: false,
      });
      assert.deepEqual(await emplacementLu(emplacement), { place_occupee: '1.00', etat: 'occupe' });
      const [traitee] = await query<{ etat: string; valide_par: string; valide: boolean }>(
        `select etat, valide_par, valide_le is not null as valide from cimetiere.operation where operation = ${operation.operation}`,
      );
      assert.deepEqual(traitee, { etat: 'traite', valide_par: 'chef', valide: true });
      const audit = await query<{ n: number }>(`select count(*)::int as n from om.om_audit where objet = 'defunt' and action = 'create' and login = 'chef'`);
      assert.ok((audit[0]?.n ?? 0) >= 1, 'the défunt created is audited');

      // Irreversible: no change, no deletion, no second validation, no défunt added.
      const modifiee = await refusal(() => operations().update(operation.operation, { observation: 'corrigé' }));
      assert.equal(modifiee.message, 'Une opération traitée est définitive.');
      const supprimee = await refusal(() => operations().delete(operation.operation));
      assert.equal(supprimee.message, 'Une opération traitée est définitive.');
      const encore = await refusal(() => action('chef', operation.operation, 'valider'));
      assert.equal(encore.message, 'Une opération traitée est définitive.');
      const annulee = await refusal(() => action('chef', operation.operation, 'annuler'));
      assert.equal(annulee.message, 'Une opération traitée est définitive.');
      assert.equal(await compte('defunt', `emplacement = ${emplacement}`), 1, 'one défunt, created once');
    });

    test('validation checks the rules again: a place taken meanwhile refuses the inhumation', async () => {
      const emplacement = await concession(1);
      const operation = await operations().create(inhumation(emplacement));
      await creerDefunt(database(), emplacement, 'AUTRE', { taille: 1 });
      const refus = await refusal(() => action('chef', operation.operation, 'valider'));
      assert.equal(refus.message, 'Validation refusée : Plus de place : 1 place occupée sur 1, un cercueil en demande 1.');
      assert.equal((await query<{ etat: string }>(`select etat from cimetiere.operation where operation = ${operation.operation}`))[0]?.etat, 'actif');
      assert.equal(await compte('defunt', `emplacement = ${emplacement}`), 1);
      await action('agent', operation.operation, 'annuler');
      const vide = await operations().create({ categorie: 'exhumation', date_operation: '2026-06-21', emplacement });
      const sansDefunt = await refusal(() => action('chef', vide.operation, 'valider'));
      assert.equal(sansDefunt.message, 'Validation refusée : Ajoutez les défunts concernés par l’opération avant de la valider.');
      await action('agent', vide.operation, 'annuler');
    });

    test('a transfer moves the défunts when the destination has room; both places and states follow', async () => {
      const source = await concession(2);
      const destination = await concession(1);
      const un = await creerDefunt(database(), source, 'PETIT', { prenom: 'Rose', date_inhumation: '1990-01-01' });
      const deux = await creerDefunt(database(), source, 'PETIT', { prenom: 'Noël', nature: 'urne', taille: 0.1, date_inhumation: '1995-01-01' });
      const memeLieu = await refusal(() => operations().create({ categorie: 'transfert', date_operation: '2026-06-21', emplacement: source, emplacement_transfert: source }));
      assert.equal(memeLieu.fields.emplacement_transfert, 'L’emplacement de destination est celui d’où partent les défunts : choisissez-en un autre.');
      const horsTransfert = await refusal(() => operations().create({ categorie: 'exhumation', date_operation: '2026-06-21', emplacement: source, emplacement_transfert: destination }));
      assert.equal(horsTransfert.fields.emplacement_transfert, 'Seul un transfert a un emplacement de destination : laissez ce champ vide.');
      const transfert = await operations().create({ categorie: 'transfert', date_operation: '2026-06-21', emplacement: source, emplacement_transfert: destination });
      await concernes().create({ operation: transfert.operation, defunt: un });
      const tropPlein = await refusal(() => concernes().create({ operation: transfert.operation, defunt: deux }));
      assert.equal(tropPlein.fields.defunt, 'Plus de place : 0 place occupée sur 1, le transfert des défunts en demande 1,1.');
      await action('chef', transfert.operation, 'valider');
      const lu = await defuntLu(un);
      assert.equal(lu?.emplacement, destination);
      assert.match(lu?.historique ?? '', new RegExp(`^Transfert dossier ${String(transfert.numero)} du 21/06/2026 : de Cimetière du Centre, Carré A, Allée 1 n° \\d+ vers Cimetière du Centre, Carré A, Allée 1 n° \\d+$`));
      assert.deepEqual(await emplacementLu(source), { place_occupee: '0.10', etat: 'occupe' });
      assert.deepEqual(await emplacementLu(destination), { place_occupee: '1.00', etat: 'occupe' });
      assert.equal((await defuntLu(deux))?.emplacement, source);
    });

    test('an exhumation frees the place; a dispersion takes urnes only and a lieu de dispersion', async () => {
      const emplacement = await creerEmplacement(database(), voie, 601, { nature: 'terrain_communal', nombre_places: 2 });
      const corps = await creerDefunt(database(), emplacement, 'ROUX', { prenom: 'Yves', date_inhumation: '2015-01-01' });
      const cendres = await creerDefunt(database(), emplacement, 'ROUX', { prenom: 'Ida', nature: 'urne', taille: 0.1, date_inhumation: '2016-01-01' });
      await query(`update cimetiere.emplacement set place_occupee = 1.1, etat = 'occupe' where emplacement = ${emplacement}`);
      const sansLieu = await refusal(() => operations().create({ categorie: 'dispersion', date_operation: '2026-06-21', emplacement }));
      assert.equal(sansLieu.fields.lieu_dispersion, 'Indiquez le lieu de dispersion des cendres.');
      const dispersion = await operations().create({ categorie: 'dispersion', date_operation: '2026-06-21', emplacement, lieu_dispersion: 'Jardin du souvenir' });
      const cercueil = await refusal(() => concernes().create({ operation: dispersion.operation, defunt: corps }));
      assert.equal(cercueil.fields.defunt, 'Seules des cendres se dispersent : Yves ROUX ne repose pas dans une urne.');
      await concernes().create({ operation: dispersion.operation, defunt: cendres });
      await action('chef', dispersion.operation, 'valider');
      const disperse = await defuntLu(cendres);
      assert.deepEqual([disperse?.exhumation, disperse?.date_exhumation], [true, '2026-06-21']);
      assert.equal(disperse?.historique, `Cendres dispersées (Jardin du souvenir) dossier ${String(dispersion.numero)} du 21/06/2026`);
      assert.deepEqual(await emplacementLu(emplacement), { place_occupee: '1.00', etat: 'occupe' });
      const exhumation = await operations().create({ categorie: 'exhumation', date_operation: '2026-06-22', emplacement });
      await concernes().create({ operation: exhumation.operation, defunt: corps });
      await action('chef', exhumation.operation, 'valider');
      const exhume = await defuntLu(corps);
      assert.deepEqual([exhume?.exhumation, exhume?.date_exhumation, exhume?.verrou], [true, '2026-06-22', false]);
      assert.equal(exhume?.historique, `Exhumation dossier ${String(exhumation.numero)} du 22/06/2026`);
      assert.deepEqual(await emplacementLu(emplacement), { place_occupee: '0.00', etat: 'libre' });
      const ajout = await refusal(() => concernes().create({ operation: exhumation.operation, defunt: cendres }));
      assert.equal(ajout.message, 'Une opération traitée est définitive.');
    });

    test('« Préparer les courriers » records the autorisation and one information per living concessionnaire; the letters read back', async () => {
      const emplacement = await concession(2);
      await inserer(database(), 'autorisation', { emplacement, nature: 'concessionnaire', nom: 'DURAND', prenom: 'Hélène', adresse1: '3 rue des Lilas', cp: '33000', ville: 'Bordeaux', om_collectivite: 1 });
      await inserer(database(), 'autorisation', { emplacement, nature: 'ayant_droit', nom: 'DURAND', prenom: 'Marc', parente: 'fils', om_collectivite: 1 });
      await inserer(database(), 'autorisation', { emplacement, nature: 'concessionnaire', nom: 'DURAND', prenom: 'Albert', decede: true, om_collectivite: 1 });
      const entreprise = await inserer(database(), 'entreprise', { nom: 'Pompes funèbres Libreville', pompes_funebres: true, om_collectivite: 1 });
      const operation = await operations().create(inhumation(emplacement, { demandeur: 'Hélène DURAND', heure: '10:30', entreprise }));
      const prepares = await action('agent', operation.operation, 'courriers');
      assert.equal(prepares.message, '3 courriers préparés.');
      const courriers = await query<{ courrier: number; lettre_type: string; prenom: string | null }>(
        `select c.courrier, c.lettre_type, a.prenom from cimetiere.courrier c left join cimetiere.autorisation a on a.autorisation = c.autorisation
          where c.operation = ${operation.operation} order by c.courrier`,
      );
      assert.deepEqual(courriers.map((row) => `${row.lettre_type}:${row.prenom ?? '-'}`), [
        'cimetiere_autorisation_inhumation:-', 'cimetiere_information_concessionnaire:Hélène', 'cimetiere_information_concessionnaire:Marc',
      ]);
      assert.equal((await action('agent', operation.operation, 'courriers')).message, 'Les courriers de cette opération sont déjà préparés.');

      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      const pdf = async (path: string) => {
        const response = await browser.get(path, { Accept: 'text/html' });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const isPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
        return { status: response.status, text: flat(isPdf ? (await pdfPages(bytes.slice())).join('\n') : new TextDecoder().decode(bytes)) };
      };
      const page = await (await browser.get(`/cimetiere/operation/${operation.operation}`, { Accept: 'text/html' })).text();
      assert.match(page, new RegExp(`/cimetiere/operation/${operation.operation}/pdf/lettretype/cimetiere_operation_inhumation`));
      assert.doesNotMatch(page, /pdf\/lettretype\/cimetiere_operation_exhumation/);
      const autorisation = await pdf(`/cimetiere/operation/${operation.operation}/pdf/lettretype/cimetiere_operation_inhumation`);
      assert.equal(autorisation.status, 200, autorisation.text);
      assert.match(autorisation.text, /Autorisation d’inhumation/);
      assert.match(autorisation.text, new RegExp(`dossier n° ${String(operation.numero)} du 21/06/2026`));
      assert.match(autorisation.text, /autorise l’inhumation de Paul MARTIN \(cercueil\) dans l’emplacement Cimetière du Centre, Carré A, Allée 1 n° \d+ \(famille DURAND\), le 21\/06\/2026 à 10 h 30\. Opération confiée à Pompes funèbres Libreville\. Demandeur : Hélène DURAND\./);
      const autre = await pdf(`/cimetiere/operation/${operation.operation}/pdf/lettretype/cimetiere_operation_exhumation`);
      assert.equal(autre.status, 409);
      const information = courriers[1] as { courrier: number };
      const lettre = await pdf(`/cimetiere/courrier/${information.courrier}/pdf/lettretype/cimetiere_information_concessionnaire`);
      assert.equal(lettre.status, 200, lettre.text);
      assert.match(lettre.text, /Hélène DURAND 3 rue des Lilas/);
      assert.match(lettre.text, /En votre qualité de concessionnaire de l’emplacement/);
      assert.match(lettre.text, new RegExp(`inhumation de Paul MARTIN \\(cercueil\\), le 21/06/2026 à 10 h 30 \\(dossier n° ${String(operation.numero)}\\)\\.`));
      await action('agent', operation.operation, 'annuler');
    });

    test('a courrier names a destinataire of its emplacement and a lettre type of the cimetière', async () => {
      const emplacement = await concession(2);
      const ailleurs = await concession(2);
      const etranger = await inserer(database(), 'autorisation', { emplacement: ailleurs, nature: 'concessionnaire', nom: 'NOIR', om_collectivite: 1 });
      const courriers = service(runtime, actors.agent, 'courrier');
      const mauvais = await refusal(() => courriers.create({ emplacement, autorisation: etranger, lettre_type: 'cimetiere_courrier', complement: 'Bonjour' }));
      assert.equal(mauvais.fields.autorisation, 'Le destinataire n’est pas un concessionnaire ou un ayant droit de cet emplacement.');
      const inconnue = await refusal(() => courriers.create({ emplacement, lettre_type: 'elections_carte', complement: 'Bonjour' }));
      assert.equal(inconnue.fields.lettre_type, 'Choisissez une lettre type du cimetière dans la liste.');
      const bon = await inserer(database(), 'autorisation', { emplacement, nature: 'concessionnaire', nom: 'BLANC', prenom: 'Eve', om_collectivite: 1 });
      const courrier = await courriers.create({ emplacement, autorisation: bon, lettre_type: 'cimetiere_courrier', complement: 'Votre monument penche dangereusement.' });
      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      const fiche = await (await browser.get(`/cimetiere/courrier/${String(courrier.courrier)}`, { Accept: 'text/html' })).text();
      assert.match(fiche, new RegExp(`href="/cimetiere/courrier/${String(courrier.courrier)}/pdf/lettretype/cimetiere_courrier"[^>]*>Imprimer le courrier<`));
      assert.doesNotMatch(fiche, /pdf\/lettretype\/cimetiere_information_concessionnaire/, 'only its own lettre type is offered');
      const response = await browser.get(`/cimetiere/courrier/${String(courrier.courrier)}/pdf/lettretype/cimetiere_courrier`, { Accept: 'text/html' });
      assert.equal(response.status, 200);
      const text = flat((await pdfPages(new Uint8Array(await response.arrayBuffer()))).join('\n'));
      assert.match(text, /Eve BLANC/);
      assert.match(text, /Votre monument penche dangereusement\./);
    });

    test('the screens: the form by catégorie sections, the menu by état, the listing filtered, « Valider » for the responsable only', async () => {
      const emplacement = await concession(2);
      const operation = await operations().create(inhumation(emplacement));
      const agent = new Browser(app);
      assert.equal((await agent.login('agent', PASSWORD)).status, 303);
      const formulaire = await (await agent.get('/cimetiere/operation/new', { Accept: 'text/html' })).text();
      for (const legende of ['Dossier', 'Défunt inhumé (inhumation)', 'Destination (transfert)', 'Lieu de dispersion (dispersion des cendres)']) {
        assert.match(formulaire, new RegExp(`<legend>${legende.replace(/[()]/g, '\\$&')}</legend>`));
      }
      assert.match(formulaire, /<option value="dispersion">Dispersion des cendres<\/option>/);
      assert.doesNotMatch(formulaire, /name="numero"/, 'the number is never typed');
      const accueil = await (await agent.get('/cimetiere/operation', { Accept: 'text/html' })).text();
      assert.match(accueil, /href="\/cimetiere\/operation\?filter%5Betat%5D=actif"[^>]*>Opérations en cours</);
      assert.match(accueil, /href="\/cimetiere\/operation\?filter%5Betat%5D=traite"[^>]*>Opérations traitées</);
      const enCours = await (await agent.get('/cimetiere/operation?filter%5Betat%5D=actif', { Accept: 'text/html' })).text();
      assert.match(enCours, new RegExp(`>${String(operation.numero)}<`));
      const traitees = await (await agent.get('/cimetiere/operation?filter%5Betat%5D=traite', { Accept: 'text/html' })).text();
      assert.doesNotMatch(traitees, new RegExp(`>${String(operation.numero)}<`));
      const pageAgent = await (await agent.get(`/cimetiere/operation/${operation.operation}`, { Accept: 'text/html' })).text();
      assert.doesNotMatch(pageAgent, new RegExp(`/cimetiere/operation/${operation.operation}/valider`));
      assert.match(pageAgent, new RegExp(`/cimetiere/operation/${operation.operation}/annuler`));
      const chef = new Browser(app);
      assert.equal((await chef.login('chef', PASSWORD)).status, 303);
      const pageChef = await (await chef.get(`/cimetiere/operation/${operation.operation}`, { Accept: 'text/html' })).text();
      assert.match(pageChef, new RegExp(`/cimetiere/operation/${operation.operation}/valider`));
      const courrier = await (await agent.get('/cimetiere/courrier/new', { Accept: 'text/html' })).text();
      assert.match(courrier, /<option value="cimetiere_information_concessionnaire">Information du concessionnaire<\/option>/);
      await action('agent', operation.operation, 'annuler');
    });

    test('Autreville sees nothing of Libreville’s operations', async () => {
      const emplacement = await concession(2);
      const operation = await operations().create(inhumation(emplacement));
      const vue = await refusal(() => action('autre', operation.operation, 'annuler'));
      assert.equal(vue.code, 'not_found');
      await action('agent', operation.operation, 'annuler');
    });
  },
  { sources: SOURCES, postgis: true },
);
