/**
 * Concessions (part C), on both databases: duration and term, the act's number in the year's
 * register, one active act per emplacement, « Vendre une concession » through its page (act,
 * concessionnaire, famille, bill with a per-m² tarif, state; refusals writing nothing),
 * renouvellement (terms chained from the previous term, bill, courrier), conversion (prorata
 * figures), rétrocession (refused with a body, then the refund), the « à terme » listing and widget.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/tenant-context.ts';
import { runAction } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { aujourdhuiAParis } from '../src/core/etat.ts';
import { concessionsATerme } from '../src/concessions/a-terme.ts';
import { ajouterAnnees, joursEntre } from '../src/concessions/dates.ts';
import { dureeDe, termeDe, valeurRestante } from '../src/concessions/duree.ts';
import {
  cimetiereActors,
  cimetiereObject,
  cimetiereRuntime,
  creerDefunt,
  creerEmplacement,
  creerLocalisation,
  depsOf,
  inserer,
  PASSWORD,
  refusal,
  service,
  SOURCES,
} from './support.ts';

/** The owner's `pg` client answers dates as Date objects (local midnight): back to `AAAA-MM-JJ`. */
function jourDesDates(row: Record<string, unknown>): Record<string, unknown> {
  const jour = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return Object.fromEntries(Object.entries(row).map(([cle, valeur]) => [cle, valeur instanceof Date ? jour(valeur) : valeur]));
}

const ANNEE = Number(aujourdhuiAParis().slice(0, 4));
/** One line, ordinary spaces for the no-break ones. */
const plat = (texte: string) => texte.replace(/[\u202f\u00a0]/g, ' ').replace(/&#39;|&#x27;/g, '’');

test('duration and term of each type; 29 February; value of the time left', () => {
  assert.deepEqual(dureeDe('trentenaire', null), { duree: 30 });
  assert.deepEqual(dureeDe('cinquantenaire', 7), { duree: 50 });
  assert.deepEqual(dureeDe('perpetuelle', 10), { duree: null });
  assert.deepEqual(dureeDe('temporaire', 15), { duree: 15 });
  assert.deepEqual(dureeDe('temporaire', 16), { erreur: 'Une concession temporaire dure de 1 à 15 ans : saisissez sa durée en années.' });
  assert.ok('erreur' in dureeDe('temporaire', null));
  assert.equal(termeDe('2026-03-10', 30), '2056-03-10');
  assert.equal(termeDe('2026-03-10', null), null);
  assert.equal(ajouterAnnees('2024-02-29', 30), '2054-02-28');
  assert.equal(joursEntre('2000-01-01', '2030-01-01'), 10958);
  // 1 000 € for 2000–2030, on 01/01/2025: 1 826 days left out of 10 958.
  assert.equal(valeurRestante(1000, '2000-01-01', '2030-01-01', '2025-01-01'), 166.64);
  assert.equal(valeurRestante(1000, '2000-01-01', '2030-01-01', '2031-01-01'), 0);
  assert.equal(valeurRestante(1000, '2000-01-01', null, '2025-01-01'), 0);
});

describeEachDatabase(
  'cimetiere : concessions',
  (database: () => TestDatabase) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
    let voie: number;
    let numero = 0;
    const emplacement = (extra: Record<string, string | number | boolean | null> = {}) => creerEmplacement(database(), voie, ++numero, extra);
    const une = async <T>(sql: string): Promise<T> => {
      const [row] = await database().ownerQuery<T & Record<string, unknown>>(sql);
      assert.ok(row, sql);
      return jourDesDates(row) as T;
    };
    const action = (actor: Actor, id: number, nom: string, input: Record<string, string>) =>
      runAction(depsOf(runtime), actor, cimetiereObject(runtime, 'concession'), String(id), nom, input);
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303);
      return browser;
    };
    const tarif = (annee: number, dureeType: string, montant: number, extra: Record<string, string | number | boolean | null> = {}) =>
      inserer(database(), 'tarif', { annee, nature: 'concession', duree_type: dureeType, libelle: `Concession ${dureeType} ${annee}`, montant, om_collectivite: 1, ...extra });

    before(async () => {
      runtime = await cimetiereRuntime(database());
      app = createApp(runtime);
      actors = await cimetiereActors(database());
      ({ voie } = await creerLocalisation(database()));
    });

    test('an act entered by hand: numbered in its year’s register, duration and term computed, state recomputed', async () => {
      const place = await emplacement();
      const concessions = service(runtime, actors.chef, 'concession');
      const premier = await concessions.create({ emplacement: place, date_acte: '10/03/2021', duree_type: 'trentenaire', duree: 12 });
      assert.equal(premier['numero_acte'], '2021-1');
      assert.equal(Number(premier['duree']), 30);
      assert.equal(premier['date_terme'], '2051-03-10');
      assert.equal(premier['date_vente'], '2021-03-10');
      assert.equal(premier['etat'], 'active');
      assert.equal((await une<{ etat: string }>(`select etat from cimetiere.emplacement where emplacement = ${place}`)).etat, 'occupe');

      const corrige = await concessions.update(premier['concession'], { date_acte: '12/03/2021' });
      assert.equal(corrige['date_terme'], '2051-03-12', 'the term follows a corrected date');
      assert.equal(corrige['numero_acte'], '2021-1', 'the number stays');

      const autre = await emplacement();
      const temporaire = await concessions.create({ emplacement: autre, date_acte: '2021-07-01', duree_type: 'temporaire', duree: 10 });
      assert.equal(temporaire['numero_acte'], '2021-2');
      assert.equal(temporaire['date_terme'], '2031-07-01');
      const perpetuelle = await concessions.create({ emplacement: await emplacement(), date_acte: '2022-01-05', duree_type: 'perpetuelle' });
      assert.equal(perpetuelle['numero_acte'], '2022-1', 'a new year starts at 1');
      assert.equal(perpetuelle['date_terme'], null);

      const vide = await emplacement();
      const sansDuree = await refusal(() => concessions.create({ emplacement: vide, date_acte: '2021-08-01', duree_type: 'temporaire' }));
      assert.match(sansDuree.message, /Une concession temporaire dure de 1 à 15 ans/);
      const deuxieme = await refusal(() => concessions.create({ emplacement: place, date_acte: '2021-09-01', duree_type: 'cinquantenaire' }));
      assert.match(JSON.stringify(deuxieme.fields ?? deuxieme.message), /déjà une concession active \(acte n° 2021-1\)/);
      const ossuaire = await emplacement({ nature: 'ossuaire' });
      const refusOssuaire = await refusal(() => concessions.create({ emplacement: ossuaire, date_acte: '2021-09-01', duree_type: 'trentenaire' }));
      assert.match(JSON.stringify(refusOssuaire.fields ?? refusOssuaire.message), /nature « Ossuaire » ne se concède pas/);
      assert.equal((await une<{ n: number }>(`select count(*)::int as n from cimetiere.concession where date_acte between '2021-01-01' and '2021-12-31'`)).n, 2);
      assert.equal((await une<{ dernier: number }>(`select dernier from om.om_compteur where application = 'cimetiere' and registre = 'acte' and periode = 2021`)).dernier, 2, 'no number lost to the refusals');
    });

    test('« Vendre une concession »: act, concessionnaire, famille, bill at the per-m² tarif, state; refusals write nothing', async () => {
      const place = await emplacement({ superficie: 2.5 });
      await tarif(ANNEE, 'trentenaire', 150.5, { par_m2: true });
      const chef = await signIn('chef');
      const page = await chef.get(`/cimetiere/vente/${place}`, { Accept: 'text/html' });
      assert.equal(page.status, 200);
      const html = plat(await page.text());
      assert.match(html, /Vendre une concession/);
      assert.match(html, /<label for="vente-nom">Nom \*<\/label>/);
      const token = await chef.formToken(`/cimetiere/vente/${place}`);
      const champs = { _csrf: token, date: `15/03/${ANNEE}`, duree_type: 'trentenaire', type_concession: 'familiale', nom: 'Dupont', prenom: 'Jeanne', adresse1: '3 rue des Lilas', cp: '13004', ville: 'Libreville' };

      const sansNom = await chef.postForm(`/cimetiere/vente/${place}`, { ...champs, nom: '' }, { Accept: 'text/html' });
      assert.equal(sansNom.status, 422);
      assert.match(plat(await sansNom.text()), /Saisissez le nom du concessionnaire/);
      const sansTarif = await chef.postForm(`/cimetiere/vente/${place}`, { ...champs, date: '15/03/2019' }, { Accept: 'text/html' });
      assert.equal(sansTarif.status, 422);
      assert.match(plat(await sansTarif.text()), /Aucun tarif 2019 pour une concession trentenaire : ajoutez-le dans Facturation › Tarifs\./);
      assert.equal((await une<{ n: number }>(`select count(*)::int as n from cimetiere.concession where emplacement = ${place}`)).n, 0);
      assert.equal((await une<{ n: number }>(`select count(*)::int as n from cimetiere.autorisation where emplacement = ${place}`)).n, 0);

      const vendue = await chef.postForm(`/cimetiere/vente/${place}`, champs, { Accept: 'text/html' });
      assert.equal(vendue.status, 303);
      const acte = await une<Record<string, unknown>>(`select * from cimetiere.concession where emplacement = ${place}`);
      assert.equal(vendue.headers.get('location'), `/cimetiere/concession/${String(acte['concession'])}`);
      assert.match(String(acte['numero_acte']), new RegExp(`^${ANNEE}-\\d+$`));
      assert.equal(acte['date_acte'], `${ANNEE}-03-15`);
      assert.equal(acte['date_terme'], `${ANNEE + 30}-03-15`);
      assert.equal(acte['origine'], 'vente');
      assert.equal(acte['montant'], '376.25');
      const concessionnaire = await une<Record<string, unknown>>(`select * from cimetiere.autorisation where emplacement = ${place}`);
      assert.equal(concessionnaire['nature'], 'concessionnaire');
      assert.equal(concessionnaire['nom'], 'Dupont');
      const facture = await une<Record<string, unknown>>(`select * from cimetiere.facture where concession = ${String(acte['concession'])}`);
      assert.match(String(facture['numero']), new RegExp(`^F-${ANNEE}-\\d+$`));
      assert.equal(facture['objet'], 'vente');
      assert.equal(facture['montant'], '376.25', '150,50 € le m² × 2,5 m²');
      assert.equal(facture['payeur'], concessionnaire['autorisation']);
      assert.equal(facture['payeur_nom'], 'Dupont Jeanne');
      assert.equal(facture['payeur_adresse1'], '3 rue des Lilas');
      assert.equal(facture['etat'], 'emise');
      const lieu = await une<{ famille: string; etat: string }>(`select famille, etat from cimetiere.emplacement where emplacement = ${place}`);
      assert.deepEqual({ ...lieu }, { famille: 'Dupont', etat: 'occupe' });

      assert.match(plat(await (await chef.get(`/cimetiere/vente/${place}`, { Accept: 'text/html' })).text()), /L’emplacement Cimetière du Centre, Carré A, Allée 1 n° \d+ n’est pas libre \(état : occupé\) : il ne peut pas être vendu\./);
      const encore = await chef.postForm(`/cimetiere/vente/${place}`, { ...champs, _csrf: await chef.formToken(`/cimetiere/vente/${place}`) }, { Accept: 'text/html' });
      assert.equal(encore.status, 422);
      assert.match(plat(await encore.text()), /déjà une concession active \(acte n° /);
      const agent = await signIn('agent');
      assert.equal((await agent.get(`/cimetiere/vente/${place}`, { Accept: 'text/html' })).status, 403, 'UTILISATEUR does not sell');
      const autreVille = await signIn('autre');
      assert.equal((await autreVille.get(`/cimetiere/vente/${place}`, { Accept: 'text/html' })).status, 404, 'another town’s emplacement does not exist for Autreville');
    });

    test('renouvellement: from the previous term, terms chained, bill and courrier; refused to UTILISATEUR', async () => {
      const place = await emplacement();
      await inserer(database(), 'autorisation', { emplacement: place, nature: 'concessionnaire', nom: 'Martin', prenom: 'Paul', ville: 'Libreville', om_collectivite: 1 });
      const acte = await inserer(database(), 'concession', {
        emplacement: place, numero_acte: '2012-7', date_acte: '2012-05-01', date_vente: '2012-05-01', duree_type: 'temporaire', duree: 10, date_terme: '2022-05-01',
        montant: 250, om_collectivite: 1,
      });
      await tarif(2023, 'temporaire', 300, { duree: 10, libelle: 'Temporaire 10 ans 2023' });
      await tarif(2031, 'temporaire', 330, { duree: 10, libelle: 'Temporaire 10 ans 2031' });
      await assert.rejects(() => action(actors.agent, acte, 'renouveler', { date_acte: '10/01/2023' }), { code: 'forbidden' });

      const fait = await action(actors.chef, acte, 'renouveler', { date_acte: '10/01/2023' });
      assert.match(plat(fait.message), /^Concession renouvelée : nouvel acte n° 2023-1 jusqu’au 01\/05\/2032, facture n° F-2023-1 de 300,00 €\.$/);
      const nouvel = await une<Record<string, unknown>>(`select * from cimetiere.concession where concession_precedente = ${acte}`);
      assert.equal(nouvel['numero_acte'], '2023-1');
      assert.equal(nouvel['date_acte'], '2023-01-10');
      assert.equal(nouvel['date_terme'], '2032-05-01', 'previous term 01/05/2022 + 10 years (L2223-15)');
      assert.equal(nouvel['origine'], 'renouvellement');
      assert.equal((await une<{ etat: string }>(`select etat from cimetiere.concession where concession = ${acte}`)).etat, 'renouvelee');
      const facture = await une<Record<string, unknown>>(`select * from cimetiere.facture where concession = ${String(nouvel['concession'])}`);
      assert.deepEqual([facture['numero'], facture['objet'], facture['montant'], facture['payeur_nom']], ['F-2023-1', 'renouvellement', '300.00', 'Martin Paul']);
      const courrier = await une<Record<string, unknown>>(`select * from cimetiere.courrier where emplacement = ${place}`);
      assert.equal(courrier['lettre_type'], 'cimetiere_renouvellement');
      assert.equal(courrier['date_courrier'], '2023-01-10');

      const encore = await action(actors.chef, Number(nouvel['concession']), 'renouveler', { date_acte: '02/03/2031' });
      assert.match(plat(encore.message), /nouvel acte n° 2031-1 jusqu’au 01\/05\/2042/);
      assert.equal((await une<{ n: number }>(`select count(*)::int as n from cimetiere.concession where emplacement = ${place} and etat = 'active'`)).n, 1);
      assert.equal((await une<{ etat: string }>(`select etat from cimetiere.emplacement where emplacement = ${place}`)).etat, 'occupe');
      await assert.rejects(() => action(actors.chef, acte, 'renouveler', {}), { code: 'unavailable_action' });

      const agent = await signIn('agent');
      const lettre = await agent.get(`/cimetiere/courrier/${String(courrier['courrier'])}/pdf/lettretype/cimetiere_renouvellement`, { Accept: 'text/html' });
      assert.equal(lettre.status, 200);
      const texte = plat((await pdfPages(new Uint8Array(await lettre.arrayBuffer()))).join('\n')).replace(/\s+/g, ' ');
      assert.match(texte, /Renouvellement de concession/);
      assert.match(texte, /Martin Paul/);
      assert.match(texte, /acte n° 2031-1, valable jusqu’au 01\/05\/2042/);
      assert.match(texte, /Acte n° 2012-7 renouvelé par l’acte n° 2023-1 jusqu’au 01\/05\/2032\./);
    });

    test('conversion: a longer duration, the new price minus the value of the time left', async () => {
      const place = await emplacement();
      await inserer(database(), 'autorisation', { emplacement: place, nature: 'concessionnaire', nom: 'Bernard', om_collectivite: 1 });
      const acte = await inserer(database(), 'concession', {
        emplacement: place, numero_acte: '2000-3', date_acte: '2000-01-01', date_vente: '2000-01-01', duree_type: 'trentenaire', duree: 30, date_terme: '2030-01-01',
        montant: 1000, om_collectivite: 1,
      });
      await tarif(2025, 'cinquantenaire', 2000);
      await tarif(2025, 'temporaire', 100, { duree: 15 });
      await assert.rejects(() => action(actors.chef, acte, 'convertir', { date_acte: '01/01/2025', duree_type: 'temporaire', duree: '15' }), /pas plus longue que trentenaire/);
      const fait = await action(actors.chef, acte, 'convertir', { date_acte: '01/01/2025', duree_type: 'cinquantenaire' });
      assert.match(plat(fait.message), /facture n° F-2025-1 de 1 833,36 € \(2 000,00 € moins 166,64 € pour le temps restant\)/);
      const nouvel = await une<Record<string, unknown>>(`select * from cimetiere.concession where concession_precedente = ${acte}`);
      assert.deepEqual([nouvel['origine'], nouvel['duree_type'], nouvel['date_terme'], nouvel['montant']], ['conversion', 'cinquantenaire', '2075-01-01', '2000.00']);
      assert.equal((await une<{ etat: string }>(`select etat from cimetiere.concession where concession = ${acte}`)).etat, 'convertie');
      const facture = await une<Record<string, unknown>>(`select * from cimetiere.facture where concession = ${String(nouvel['concession'])}`);
      assert.deepEqual([facture['objet'], facture['montant']], ['conversion', '1833.36']);
    });

    test('rétrocession: refused while a body lies there, then the emplacement is libre and the refund is the prorata', async () => {
      const place = await emplacement({ famille: 'Petit' });
      const acte = await inserer(database(), 'concession', {
        emplacement: place, numero_acte: '2010-4', date_acte: '2010-06-01', date_vente: '2010-06-01', duree_type: 'trentenaire', duree: 30, date_terme: '2040-06-01',
        montant: 600, om_collectivite: 1,
      });
      const defunt = await creerDefunt(database(), place, 'Petit', { date_inhumation: '2011-02-03' });
      await assert.rejects(() => action(actors.chef, acte, 'retroceder', { date_retrocession: '01/06/2025' }), (error: Error) => {
        assert.equal(error.message, 'La concession n° 2010-4 ne peut pas être rétrocédée : l’emplacement doit être vide de tout corps (1 défunt(s) inhumé(s)).');
        return true;
      });
      await database().asOwner(`update cimetiere.defunt set exhumation = true, date_exhumation = '2025-05-01' where defunt = ${defunt}`);
      const fait = await action(actors.chef, acte, 'retroceder', { date_retrocession: '01/06/2025' });
      assert.equal(plat(fait.message), 'Concession n° 2010-4 rétrocédée à la commune : l’emplacement est libre. Remboursement calculé au prorata du temps restant : 300,00 €.');
      assert.equal((await une<{ etat: string }>(`select etat from cimetiere.concession where concession = ${acte}`)).etat, 'retrocedee');
      const lieu = await une<{ etat: string; famille: string | null }>(`select etat, famille from cimetiere.emplacement where emplacement = ${place}`);
      assert.deepEqual({ ...lieu }, { etat: 'libre', famille: null });
    });

    test('« Concessions à terme »: active acts due by the end of the year, past terms first, with the days overdue; page and widget', async () => {
      const aujourdhui = aujourdhuiAParis();
      const echue = await emplacement({ famille: 'Échue' });
      const cetteAnnee = await emplacement({ famille: 'Cette année' });
      const plusTard = await emplacement({ famille: 'Plus tard' });
      const terme = (place: number, numeroActe: string, date: string) =>
        inserer(database(), 'concession', { emplacement: place, numero_acte: numeroActe, date_acte: '1990-01-01', date_vente: '1990-01-01', duree_type: 'temporaire', duree: 15, date_terme: date, om_collectivite: 1 });
      await terme(echue, '1990-91', `${ANNEE - 1}-06-01`);
      await terme(cetteAnnee, '1990-92', `${ANNEE}-12-31`);
      await terme(plusTard, '1990-93', `${ANNEE + 1}-01-01`);
      const liste = await readAs(runtime.db.kysely, actors.chef, (db) => concessionsATerme(db, aujourdhui));
      const miennes = liste.filter((c) => [echue, cetteAnnee, plusTard].includes(c.emplacement));
      assert.deepEqual(
        miennes.map((c) => [c.famille, c.date_terme, c.joursDeRetard]),
        [
          ['Échue', `${ANNEE - 1}-06-01`, joursEntre(`${ANNEE - 1}-06-01`, aujourdhui)],
          ['Cette année', `${ANNEE}-12-31`, 0],
        ],
      );
      assert.ok(liste.every((c, i) => i === 0 || (liste[i - 1]?.date_terme ?? '') <= c.date_terme), 'oldest term first');
      assert.equal((await readAs(runtime.db.kysely, actors.autre, (db) => concessionsATerme(db, aujourdhui))).length, 0, 'Autreville sees none of them');

      const lecteur = await signIn('lecteur');
      const html = plat(await (await lecteur.get('/cimetiere/concessions-a-terme', { Accept: 'text/html' })).text());
      assert.match(html, /<caption>Concessions actives arrivant à terme au plus tard le 31\/12\/\d{4}<\/caption>/);
      assert.ok(html.indexOf('1990-91') < html.indexOf('1990-92') && html.indexOf('1990-91') > 0);
      assert.doesNotMatch(html, /1990-93/);
      const accueil = plat(await (await lecteur.get('/', { Accept: 'text/html' })).text());
      assert.match(accueil, /<h2 id="widget-\d+">Cimetière : concessions à terme<\/h2>/);
      assert.match(accueil, />Échue — Cimetière du Centre, Carré A, Allée 1 n° \d+<\/a><span class="widget-detail"> échue le 01\/06\/\d{4}<\/span>/);
      assert.match(accueil, /<a href="\/cimetiere\/concessions-a-terme">Voir toutes les concessions à terme<\/a>/);
    });

    test('the screens: forms, the act’s page with its actions, an action’s confirmation with its inputs, in French', async () => {
      const chef = await signIn('chef');
      for (const chemin of ['/cimetiere/concession/new', '/cimetiere/reprise/new', '/cimetiere/facture/new', '/cimetiere/tarif/new', '/cimetiere/concession', '/cimetiere/facture', '/cimetiere/tarif', '/cimetiere/reprise']) {
        const response = await chef.get(chemin, { Accept: 'text/html' });
        assert.equal(response.status, 200, chemin);
      }
      const formulaire = plat(await (await chef.get('/cimetiere/concession/new', { Accept: 'text/html' })).text());
      assert.match(formulaire, /Trentenaire/);
      assert.match(formulaire, /Le terme court de cette date : date de l’acte \+ durée/);
      const place = await emplacement();
      await inserer(database(), 'autorisation', { emplacement: place, nature: 'concessionnaire', nom: 'Laurent', om_collectivite: 1 });
      const acte = await inserer(database(), 'concession', {
        emplacement: place, numero_acte: '2005-9', date_acte: '2005-01-01', date_vente: '2005-01-01', duree_type: 'temporaire', duree: 15, date_terme: '2020-01-01', om_collectivite: 1,
      });
      const fiche = plat(await (await chef.get(`/cimetiere/concession/${acte}`, { Accept: 'text/html' })).text());
      assert.match(fiche, new RegExp(`/cimetiere/concession/${acte}/renouveler`));
      assert.match(fiche, new RegExp(`/cimetiere/concession/${acte}/retroceder`));
      const confirmation = await chef.get(`/cimetiere/concession/${acte}/renouveler`, { Accept: 'text/html' });
      assert.equal(confirmation.status, 200);
      const page = plat(await confirmation.text());
      assert.match(page, /Date du nouvel acte/);
      await tarif(2021, 'temporaire', 120, { duree: 15, libelle: 'Temporaire 15 ans 2021' });
      const token = await chef.formToken(`/cimetiere/concession/${acte}/renouveler`);
      const envoi = await chef.postForm(`/cimetiere/concession/${acte}/renouveler`, { _csrf: token, date_acte: '03/02/2021', duree_type: '', duree: '', tarif: '' }, { Accept: 'text/html' });
      assert.equal(envoi.status, 303);
      const nouvel = await une<{ concession: number; date_terme: string }>(`select concession, date_terme from cimetiere.concession where concession_precedente = ${acte}`);
      assert.equal(nouvel.date_terme, '2035-01-01');
      assert.equal(envoi.headers.get('location')?.startsWith(`/cimetiere/concession/${nouvel.concession}`), true);
      const refus = await chef.postForm(`/cimetiere/concession/${nouvel.concession}/convertir`, { _csrf: token, date_acte: '32/13/2021', duree_type: 'perpetuelle' }, { Accept: 'text/html' });
      assert.notEqual(refus.status, 303);
      assert.match(plat(await refus.text()), /« 32\/13\/2021 » n’est pas une date valide/);
    });
  },
  { sources: SOURCES },
);
