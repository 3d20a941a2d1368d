/**
 * Tarifs and factures (part C), on both databases: a tarif's duration from its type, the bill's
 * number in the year's register and its payer copied, its states (titre, paiement, annulation)
 * and locks, the treasury CSV (exact bytes), the « Titres émis » page, the bill's PDF with its
 * amount in French, the concession register of a year (page and PDF, in number order).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { runAction } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { euros } from '../src/facturation/factures.ts';
import { cimetiereActors, cimetiereObject, cimetiereRuntime, creerEmplacement, creerLocalisation, depsOf, inserer, PASSWORD, refusal, service, SOURCES } from './support.ts';

const plat = (texte: string) => texte.replace(/[\u202f\u00a0]/g, ' ').replace(/&#39;|&#x27;/g, '’').replace(/\s+/g, ' ');

test('amounts in euros, French style', () => {
  assert.equal(euros(1234.5), '1\u00a0234,50\u00a0€');
  assert.equal(euros(0), '0,00\u00a0€');
  assert.equal(euros(1234567.891), '1\u00a0234\u00a0567,89\u00a0€');
});

describeEachDatabase(
  'cimetiere : tarifs et factures',
  (database: () => TestDatabase) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
    let voie: number;
    let place: number;
    let payeur: number;
    const action = (actor: Actor, id: unknown, nom: string, input: Record<string, string> = {}) =>
      runAction(depsOf(runtime), actor, cimetiereObject(runtime, 'facture'), String(id), nom, input);
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303);
      return browser;
    };
    const pdf = async (browser: Browser, path: string) => {
      const response = await browser.get(path, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^application\/pdf/);
      return plat((await pdfPages(bytes.slice())).join('\n'));
    };

    before(async () => {
      runtime = await cimetiereRuntime(database());
      app = createApp(runtime);
      actors = await cimetiereActors(database());
      ({ voie } = await creerLocalisation(database()));
      place = await creerEmplacement(database(), voie, 3, { famille: 'Durand' });
      payeur = await inserer(database(), 'autorisation', {
        emplacement: place, nature: 'concessionnaire', nom: 'Durand', prenom: 'Hélène', adresse1: '12 avenue de la Gare', adresse2: 'Bât. B', cp: '13004', ville: 'Libreville', om_collectivite: 1,
      });
    });

    test('a tarif’s duration follows its type; a temporaire needs its years', async () => {
      const tarifs = service(runtime, actors.chef, 'tarif');
      const trentenaire = await tarifs.create({ annee: 2024, nature: 'concession', duree_type: 'trentenaire', duree: 12, libelle: 'Trentenaire 2024', montant: '450,00' });
      assert.equal(Number(trentenaire['duree']), 30);
      const perpetuelle = await tarifs.create({ annee: 2024, nature: 'concession', duree_type: 'perpetuelle', duree: 5, libelle: 'Perpétuelle 2024', montant: 3000 });
      assert.equal(perpetuelle['duree'], null);
      const refus = await refusal(() => tarifs.create({ annee: 2024, nature: 'concession', duree_type: 'temporaire', libelle: 'Temporaire', montant: 100 }));
      assert.match(JSON.stringify(refus.fields), /Une concession temporaire dure de 1 à 15 ans/);
      await assert.rejects(() => service(runtime, actors.agent, 'tarif').create({ annee: 2024, nature: 'concession', duree_type: 'cinquantenaire', libelle: 'x', montant: 1 }), { code: 'forbidden' });
    });

    test('a bill: numbered in its year, the payer copied; titre, paiement, annulation; locked once titrée', async () => {
      const factures = service(runtime, actors.chef, 'facture');
      const tape = await refusal(() => factures.create({ date_facture: '05/02/2024', objet: 'autre', emplacement: place, payeur, libelle: 'Gravure', montant: 1, numero: 'X-1' }));
      assert.deepEqual(tape.fields, { numero: 'Ce champ ne peut pas être modifié.' }, 'the number is never typed');
      const premiere = await factures.create({ date_facture: '05/02/2024', objet: 'autre', emplacement: place, payeur, libelle: 'Gravure', montant: '1234,50' });
      assert.equal(premiere['numero'], 'F-2024-1');
      assert.equal(premiere['payeur_nom'], 'Durand Hélène');
      assert.equal(premiere['payeur_adresse1'], '12 avenue de la Gare');
      assert.equal(premiere['payeur_cp'], '13004');
      assert.equal(premiere['etat'], 'emise');
      const seconde = await factures.create({ date_facture: '2024-03-01', objet: 'operation', emplacement: place, payeur_nom: 'Pompes funèbres Martin', libelle: 'Inhumation; caveau "A"', montant: 80 });
      assert.equal(seconde['numero'], 'F-2024-2');

      await assert.rejects(() => action(actors.agent, premiere['facture'], 'titrer', { numero_titre: 'T-1' }), { code: 'forbidden' });
      await assert.rejects(() => action(actors.chef, premiere['facture'], 'titrer', { numero_titre: '' }), /Saisissez le numéro du titre de recette/);
      const titree = await action(actors.chef, premiere['facture'], 'titrer', { numero_titre: 'T-2024-15', date_titre: '20/02/2024' });
      assert.equal(plat(titree.message), 'Titre n° T-2024-15 du 20/02/2024 émis pour la facture n° F-2024-1 (1 234,50 €).');
      const verrou = await refusal(() => factures.update(premiere['facture'], { montant: 1 }));
      assert.equal(verrou.message, 'La facture n° F-2024-1 est titrée : elle ne se modifie plus.');
      await assert.rejects(() => action(actors.chef, premiere['facture'], 'annuler'), { code: 'unavailable_action' });
      await action(actors.chef, premiere['facture'], 'payer', { date_paiement: '01/03/2024' });
      const lue = (await database().ownerQuery<{ etat: string; numero_titre: string; montant: string }>(`select etat, numero_titre, montant from cimetiere.facture where facture = ${String(premiere['facture'])}`))[0];
      assert.deepEqual({ ...lue }, { etat: 'payee', numero_titre: 'T-2024-15', montant: '1234.50' });
      const suppression = await refusal(() => factures.delete(premiere['facture']));
      assert.match(suppression.message, /La facture n° F-2024-1 ne se supprime pas .* : annulez-la\./);

      const annulable = await factures.create({ date_facture: '2024-04-01', objet: 'autre', emplacement: place, payeur, libelle: 'Erreur', montant: 10 });
      await action(actors.chef, annulable['facture'], 'annuler');
      assert.equal((await refusal(() => factures.update(annulable['facture'], { libelle: 'x' }))).message, 'La facture n° F-2024-3 est annulée : elle ne se modifie plus.');
    });

    test('the treasury CSV: the bills to title of the period, exact bytes; the imputation parameter', async () => {
      await service(runtime, actors.chef, 'facture').create({ date_facture: '2024-05-10', objet: 'vente', emplacement: place, payeur, libelle: 'Vente d’une concession trentenaire', montant: 450 });
      await service(runtime, actors.chef, 'facture').create({ date_facture: '2025-01-10', objet: 'vente', emplacement: place, payeur, libelle: 'Hors période', montant: 9 });
      const chef = await signIn('chef');
      const response = await chef.get('/api/v1/cimetiere/facturation/export?du=01/01/2024&au=31/12/2024');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(response.headers.get('content-disposition') ?? '', /filename="factures-a-titrer-2024-01-01-2024-12-31\.csv"/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      assert.equal(
        new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
        '\ufeffNuméro;Date;Objet;Payeur;Adresse;Code postal;Ville;Libellé;Montant;Imputation;Emplacement\r\n' +
          'F-2024-2;01/03/2024;Opération funéraire;Pompes funèbres Martin;;;;"Inhumation; caveau ""A""";80,00;70311;Carré A, Allée 1 n° 3\r\n' +
          'F-2024-4;10/05/2024;Vente de concession;Durand Hélène;12 avenue de la Gare Bât. B;13004;Libreville;Vente d’une concession trentenaire;450,00;70311;Carré A, Allée 1 n° 3\r\n',
      );
      await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('imputation_concessions', '70311-CIM', 1)`);
      const autre = await (await chef.get('/api/v1/cimetiere/facturation/export?du=2024-05-01&au=2024-05-31')).text();
      assert.equal(autre.split('\r\n')[1]?.split(';')[9], '70311-CIM');
      assert.equal((await chef.get('/api/v1/cimetiere/facturation/export?du=31/02/2024')).status, 400);
      const page = plat(await (await chef.get('/cimetiere/facturation?du=2024-01-01&au=2024-12-31', { Accept: 'text/html' })).text());
      assert.match(page, /<caption>Factures à titrer du 01\/01\/2024 au 31\/12\/2024<\/caption>/);
      assert.match(page, /<td id="total-factures">530,00 €<\/td>/);
      assert.match(page, /href="\/api\/v1\/cimetiere\/facturation\/export\?du=2024-01-01&amp;au=2024-12-31"/);
      const autreVille = await signIn('autre');
      assert.equal(await (await autreVille.get('/api/v1/cimetiere/facturation/export?du=2024-01-01&au=2024-12-31')).text(),
        'Numéro;Date;Objet;Payeur;Adresse;Code postal;Ville;Libellé;Montant;Imputation;Emplacement\r\n', 'Autreville sees none of them (text() drops the BOM)');
    });

    test('« Titres émis »: the titled and paid bills of the period, with their total', async () => {
      const html = plat(await (await (await signIn('lecteur')).get('/cimetiere/titres-emis?du=01/01/2024&au=31/12/2024', { Accept: 'text/html' })).text());
      assert.match(html, /<caption>Titres émis du 01\/01\/2024 au 31\/12\/2024<\/caption>/);
      assert.match(html, /F-2024-1<\/a><\/th><td>05\/02\/2024<\/td><td>Durand Hélène<\/td><td>Gravure<\/td><td>T-2024-15 du 20\/02\/2024 \(payée\)<\/td><td>1 234,50 €<\/td>/);
      assert.doesNotMatch(html, /F-2024-2</);
      assert.match(html, /Total \(1 facture\)<\/th><td id="total-factures">1 234,50 €/);
    });

    test('the bill’s PDF: commune, payer, objet, emplacement, act, the amount in French', async () => {
      const concession = await inserer(database(), 'concession', {
        emplacement: place, numero_acte: '2024-1', date_acte: '2024-06-01', date_vente: '2024-06-01', duree_type: 'trentenaire', duree: 30, date_terme: '2054-06-01', montant: 1234.5, om_collectivite: 1,
      });
      const facture = await service(runtime, actors.chef, 'facture').create({
        date_facture: '2024-06-01', objet: 'vente', emplacement: place, concession, payeur, libelle: 'Vente d’une concession trentenaire', montant: '1234.50',
      });
      const texte = await pdf(await signIn('agent'), `/cimetiere/facture/${String(facture['facture'])}/pdf/etat/cimetiere_facture`);
      assert.match(texte, /Facture n° F-2024-5/);
      assert.match(texte, /Libreville — service des cimetières/);
      assert.match(texte, /Durand Hélène 12 avenue de la Gare Bât\. B 13004 Libreville/);
      assert.match(texte, /Date : 01\/06\/2024/);
      assert.match(texte, /Objet : Vente de concession/);
      assert.match(texte, /Emplacement : Cimetière du Centre, Carré A, Allée 1 n° 3/);
      assert.match(texte, /Acte de concession : n° 2024-1 \(terme : 01\/06\/2054\)/);
      assert.match(texte, /Montant à payer 1 234,50 €/);
    });

    test('the concession register of a year: page and PDF, acts in number order', async () => {
      const autre = await creerEmplacement(database(), voie, 4, { famille: 'Moreau' });
      for (const [numero, date] of [['2024-10', '2024-11-02'], ['2024-2', '2024-02-10']] as const) {
        await inserer(database(), 'concession', {
          emplacement: autre, numero_acte: numero, date_acte: date, date_vente: date, duree_type: 'temporaire', duree: 15, date_terme: `${Number(date.slice(0, 4)) + 15}${date.slice(4)}`,
          etat: numero === '2024-2' ? 'renouvelee' : 'active', montant: 200, om_collectivite: 1,
        });
      }
      const lecteur = await signIn('agent');
      const html = plat(await (await lecteur.get('/cimetiere/registre-concessions?annee=2024', { Accept: 'text/html' })).text());
      const ordre = ['2024-1<', '2024-2<', '2024-10<'].map((numero) => html.indexOf(numero));
      assert.ok(ordre.every((position, i) => position > 0 && (i === 0 || position > (ordre[i - 1] ?? 0))), `order ${ordre.join(',')}`);
      const lien = /href="(\/cimetiere\/concession\/\d+\/pdf\/etat\/cimetiere_registre_concessions)"/.exec(html)?.[1];
      assert.ok(lien, 'link to the PDF');
      const texte = await pdf(lecteur, lien);
      assert.match(texte, /Registre des actes de concession 2024/);
      assert.match(texte, /3 actes de concession enregistrés en 2024/);
      const positions = ['2024-1 01/06/2024', '2024-2 10/02/2024', '2024-10 02/11/2024'].map((ligne) => texte.indexOf(ligne));
      assert.ok(positions.every((position, i) => position > 0 && (i === 0 || position > (positions[i - 1] ?? 0))), `PDF order ${positions.join(',')}: ${texte}`);
      assert.match(texte, /temporaire 15 ans/);
      assert.match(texte, /200,00 €/);
    });
  },
  { sources: SOURCES },
);
