/**
 * The cimetière's journey in Chromium (issue 14, « Done when »), on both databases: the chef sells a
 * concession on the free n° 2 (act « AAAA-n », its bill in euros, both PDFs read back); the agent
 * enters an inhumation there, the chef validates it (the défunt in the emplacement, the place
 * taken, the autorisation d’inhumation read back); a réduction of that défunt is refused before the
 * legal delay (French message next to the field, nothing written); LEROY’s concession, past its
 * term, is renewed (new act, new term, bill, renewal letter read back); GARNIER’s, expired, shows
 * on « Concessions à terme » and on the dashboard, then ends (fin de concession to the ossuaire:
 * archives read back on the page and in the « État concession »). The cemetery’s plan follows each
 * step (libre → occupé, à terme → occupé, à terme → libre). axe-core on every page type met.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aujourdhuiAParis } from '../apps/cimetiere/src/core/etat.ts';
import { cimetiere } from '../apps/cimetiere/src/index.ts';
import { configurerPlans } from '../apps/cimetiere/src/plans/configuration.ts';
import { PLANS_FIXTURE } from '../apps/cimetiere/test/plans-donnees.ts';
import { rangerPlanScanne } from '../apps/cimetiere/test/plans-fichier.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { browserSuite, checkAccessibility, login, submit, type Locator, type Page } from './support/index.ts';
import { afterHtmxSwap, assertNoPageProblems, field, mainOf, messagesOf, pathOf } from './support/screens.ts';

const PASSWORD = 'Parcours-Cimetiere-2026';
const MIGRATIONS = readMigrations(cimetiere.migrations).map((migration) => migration.text);

const AUJOURDHUI = aujourdhuiAParis();
const ANNEE = Number(AUJOURDHUI.slice(0, 4));
const dateFr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const plusAnnees = (iso: string, annees: number) => `${Number(iso.slice(0, 4)) + annees}${iso.slice(4)}`;

/** Emplacements of PLANS_FIXTURE (Cimetière du Centre, Allée des Tilleuls) and of this journey. */
const LIBRE = 1;
const LEROY = 3;
const GARNIER = 8;
const OSSUAIRE = 9;
const TERME_GARNIER = '2025-09-30';

/**
 * Over the plans' fixture: the year's tarifs, a concessionnaire for LEROY (whose act 1996-12
 * reached its term on 01/06/2026), GARNIER n° 12 (act 1995-3 expired on 30/09/2025, one défunt, its
 * concessionnaire) and the common ossuaire.
 */
const PARCOURS_SQL = `
insert into cimetiere.tarif (annee, nature, duree_type, libelle, montant, om_collectivite) values
  (${ANNEE}, 'concession', 'trentenaire', 'Concession trentenaire ${ANNEE}', 450, 1),
  (${ANNEE}, 'concession', 'cinquantenaire', 'Concession cinquantenaire ${ANNEE}', 820.5, 1);
insert into cimetiere.autorisation (emplacement, nature, nom, prenom, adresse1, cp, ville, om_collectivite) values
  (${LEROY}, 'concessionnaire', 'LEROY', 'Sylvie', '14 rue des Écoles', '33000', 'Bordeaux', 1);
insert into cimetiere.emplacement (emplacement, nature, voie, numero, famille, etat, nombre_places, place_occupee, superficie, geom, om_collectivite) values
  (${GARNIER}, 'concession', 1, 12, 'GARNIER', 'a_terme', 2, 1, 2, 'SRID=2154;POINT(652120 6862105)', 1),
  (${OSSUAIRE}, 'ossuaire', 4, 1, null, 'libre', 50, 0, null, null, 1);
insert into cimetiere.concession (concession, emplacement, numero_acte, date_acte, date_vente, duree_type, duree, date_terme, etat, om_collectivite) values
  (3, ${GARNIER}, '1995-3', '1995-09-30', '1995-09-30', 'trentenaire', 30, '${TERME_GARNIER}', 'active', 1);
select setval(pg_get_serial_sequence('cimetiere.concession', 'concession'), 10);
insert into cimetiere.autorisation (emplacement, nature, nom, prenom, adresse1, cp, ville, om_collectivite) values
  (${GARNIER}, 'concessionnaire', 'GARNIER', 'Hélène', '2 place du Marché', '00100', 'Libreville', 1);
insert into cimetiere.defunt (emplacement, nature, taille, nom, prenom, date_deces, date_inhumation, om_collectivite) values
  (${GARNIER}, 'cercueil', 1, 'GARNIER', 'Robert', '1995-09-20', '1995-09-30', 1);
`;

/** One line, ordinary spaces for the no-break spaces of French figures. */
const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();

browserSuite(
  'cimetière : vente, inhumation, réduction refusée, renouvellement, concessions à terme, fin de concession',
  (suite) => {
    /** Each user signs in once, on the first test that needs them; the later tests go on in the same page. */
    const sessions = new Map<'chef' | 'agent', Promise<Page>>();
    const signIn = (user: 'chef' | 'agent'): Promise<Page> => {
      let session = sessions.get(user);
      if (!session) {
        session = (async () => {
          const page = await suite().openPage();
          await login(page, user, PASSWORD);
          return page;
        })();
        sessions.set(user, session);
      }
      return session;
    };
    const query = <T extends Record<string, unknown>>(text: string): Promise<T[]> => suite().app.database.ownerQuery<T>(text);
    const one = async <T extends Record<string, unknown>>(text: string): Promise<T> => (await query<T>(text))[0] ?? assert.fail(text);
    /** axe-core finds nothing at all on the page, whatever the impact; nor does the page report a problem. */
    const accessible = async (page: Page, name: string): Promise<void> => {
      const { violations } = await checkAccessibility(page, `cimetiere-parcours-${name}${suite().tag}`);
      assert.deepEqual(violations.map((violation) => `${violation.id} (${violation.impact ?? '?'}) : ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], name);
      assertNoPageProblems(page);
    };
    const pdfText = async (page: Page, href: string, name: string): Promise<string> => {
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, name);
      assert.equal(response.headers()['content-type'], 'application/pdf', name);
      return flat((await pdfPages(new Uint8Array(await response.body()))).join('\n'));
    };
    const hrefOf = async (link: Locator, name: string): Promise<string> => {
      await link.first().waitFor();
      return (await link.first().getAttribute('href')) ?? assert.fail(name);
    };
    const PLAN_API = '/api/v1/cimetiere/plan-cimetiere/1/emplacements';
    const etatsDe = async (response: { status(): number; json(): Promise<unknown> }): Promise<Record<number, string>> => {
      assert.equal(response.status(), 200);
      const body = (await response.json()) as { features: { id: number; properties: { etat: string } }[] };
      return Object.fromEntries(body.features.map((feature) => [Number(feature.id), feature.properties.etat]));
    };
    /** The state of each emplacement as the cemetery's plan page loads it (GeoJSON of its map). */
    const etatsSurLePlan = async (page: Page): Promise<Record<number, string>> => {
      const answer = page.waitForResponse((response) => response.url().includes(PLAN_API), { timeout: 30_000 });
      // The heaviest page of the journey: as long as its data may take to come.
      await page.goto('/cimetiere/plan-cimetiere/1', { timeout: 30_000 });
      const etats = await etatsDe(await answer);
      await mainOf(page).locator('[data-carte="plan"] canvas').first().waitFor({ timeout: 15_000 });
      return etats;
    };
    /**
     * The same GeoJSON, asked without opening the page (its heaviest: a map over a scanned plan):
     * the state before a step, the page itself being opened once the step has changed it.
     */
    const etatsDuPlan = async (page: Page): Promise<Record<number, string>> => etatsDe(await page.request.get(PLAN_API));
    /** Runs a record's action (link, then its confirmation form with `fill`), as the record page offers it. */
    const runAction = async (page: Page, label: string, fill?: (main: Locator) => Promise<void>): Promise<void> => {
      const main = mainOf(page);
      await submit(page, main.getByRole('link', { name: label, exact: true }));
      if (fill) await fill(main);
      await submit(page, main.getByRole('button', { name: label, exact: true }));
    };

    test('vendre une concession sur un emplacement libre : l’acte, la facture et le plan', async () => {
      await rangerPlanScanne(suite().app.runtime, suite().app.database);
      const page = await signIn('chef');
      const main = mainOf(page);
      assert.equal((await etatsSurLePlan(page))[LIBRE], 'libre');
      await accessible(page, 'plan');

      await page.goto('/cimetiere/emplacement');
      await main.getByRole('table').first().waitFor();
      await accessible(page, 'liste-emplacements');
      await page.goto(`/cimetiere/emplacement/${LIBRE}`);
      await accessible(page, 'fiche-emplacement');
      await submit(page, main.getByRole('link', { name: 'Vendre une concession' }));
      assert.equal(pathOf(page), `/cimetiere/vente/${LIBRE}`);
      await accessible(page, 'vente');
      await field(main, 'Durée *').selectOption('trentenaire');
      await field(main, 'Nom *').fill('MARTIN');
      await field(main, 'Prénom').fill('Claire');
      await field(main, 'Adresse').fill('5 rue Victor Hugo');
      await field(main, 'Code postal').fill('00100');
      await field(main, 'Ville').fill('Libreville');
      await submit(page, main.getByRole('button', { name: 'Vendre la concession' }));
      assert.match(pathOf(page), /^\/cimetiere\/concession\/\d+$/, await messagesOf(page));
      assert.match(flat(await messagesOf(page)), new RegExp(`Concession vendue : acte n° ${ANNEE}-1, facture n° F-${ANNEE}-1 de 450,00 €\\.`));
      const acte = await one<{ concession: number; date_terme: string }>(
        `select concession, to_char(date_terme, 'YYYY-MM-DD') as date_terme from cimetiere.concession where numero_acte = '${ANNEE}-1'`,
      );
      assert.equal(acte.date_terme, plusAnnees(AUJOURDHUI, 30));
      assert.equal(pathOf(page), `/cimetiere/concession/${acte.concession}`, 'the sale leads to the act sold');
      await accessible(page, 'fiche-concession');
      const registreHref = await hrefOf(main.getByRole('link', { name: /Registre des actes de concession/ }), 'registre');

      const facture = await one<{ facture: number; montant: string; payeur_nom: string }>(`select facture, montant::text, payeur_nom from cimetiere.facture where numero = 'F-${ANNEE}-1'`);
      assert.equal(facture.montant, '450.00');
      await page.goto(`/cimetiere/facture/${facture.facture}`);
      const bill = await pdfText(page, await hrefOf(main.getByRole('link', { name: /Facture/ }), 'facture'), 'facture');
      assert.match(bill, new RegExp(`Facture n° F-${ANNEE}-1`));
      assert.match(bill, /MARTIN/);
      assert.match(bill, new RegExp(`Acte de concession : n° ${ANNEE}-1 \\(terme : ${dateFr(plusAnnees(AUJOURDHUI, 30))}\\)`));
      assert.match(bill, /Montant à payer 450,00 €/);
      await accessible(page, 'fiche-facture');

      const registre = await pdfText(page, registreHref, 'registre');
      assert.match(registre, new RegExp(`Registre des actes de concession ${ANNEE}`));
      assert.match(registre, new RegExp(`${ANNEE}-1`));

      await page.goto(`/cimetiere/emplacement/${LIBRE}`);
      assert.match(flat(await main.innerText()), /Famille MARTIN/);
      assert.equal(await main.getByRole('link', { name: 'Vendre une concession' }).count(), 0, 'an occupied emplacement is not sold twice');
      assert.equal((await etatsSurLePlan(page))[LIBRE], 'occupe', 'the plan shows the sold emplacement occupied');
    });

    test('une inhumation saisie par l’agent, validée par le chef : le défunt dans l’emplacement, la place prise, l’autorisation', async () => {
      const agent = await signIn('agent');
      const main = mainOf(agent);
      await agent.goto('/cimetiere/operation/new');
      await accessible(agent, 'formulaire-operation');
      await field(main, 'Catégorie').selectOption('inhumation');
      await field(main, 'Date de l’opération').fill(dateFr(AUJOURDHUI));
      await field(main, 'Emplacement').selectOption(String(LIBRE));
      await field(main, 'Nom du défunt').fill('MARTIN');
      await field(main, 'Prénom du défunt').fill('Georges');
      await field(main, 'Date de décès du défunt').fill(dateFr(AUJOURDHUI));
      await field(main, 'Cercueil ou urne').selectOption('cercueil');
      await submit(agent, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(pathOf(agent), /^\/cimetiere\/operation\/\d+$/, await messagesOf(agent));
      const operation = await one<{ operation: number; numero: string }>(`select operation, numero from cimetiere.operation where defunt_nom = 'MARTIN'`);
      assert.equal(operation.numero, `${ANNEE}-1`);
      assert.equal(await main.getByRole('link', { name: 'Valider', exact: true }).count(), 0, 'validation is the chef’s');

      const chef = await signIn('chef');
      await chef.goto(`/cimetiere/operation/${operation.operation}`);
      await accessible(chef, 'fiche-operation');
      await runAction(chef, 'Valider');
      assert.match(flat(await messagesOf(chef)), new RegExp(`Opération n° ${ANNEE}-1 validée : inhumation enregistrée, définitivement\\.`));
      const defunt = await one<{ emplacement: number; nature: string; date_inhumation: string }>(
        `select emplacement, nature, to_char(date_inhumation, 'YYYY-MM-DD') as date_inhumation from cimetiere.defunt where nom = 'MARTIN' and prenom = 'Georges'`,
      );
      assert.deepEqual(defunt, { emplacement: LIBRE, nature: 'cercueil', date_inhumation: AUJOURDHUI });
      const place = await one<{ place_occupee: string; etat: string }>(`select place_occupee::text, etat from cimetiere.emplacement where emplacement = ${LIBRE}`);
      assert.equal(Number(place.place_occupee), 1);
      assert.equal(place.etat, 'occupe');

      const lettre = await pdfText(chef, await hrefOf(mainOf(chef).getByRole('link', { name: /Autorisation d’inhumation/ }), 'autorisation'), 'autorisation d’inhumation');
      assert.match(lettre, new RegExp(`Autorisation d’inhumation .*dossier n° ${ANNEE}-1 du ${dateFr(AUJOURDHUI)}`));
      assert.match(lettre, /autorise l’inhumation de Georges MARTIN \(cercueil\) dans l’emplacement Cimetière du Centre, Carré A, Allée des Tilleuls n° 2 \(famille MARTIN\)/);
    });

    test('une réduction refusée avant le délai légal : le message en français, rien d’écrit', async () => {
      const agent = await signIn('agent');
      const main = mainOf(agent);
      await agent.goto('/cimetiere/operation/new');
      await field(main, 'Catégorie').selectOption('reduction');
      await field(main, 'Date de l’opération').fill(dateFr(AUJOURDHUI));
      await field(main, 'Emplacement').selectOption(String(LIBRE));
      await submit(agent, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(pathOf(agent), /^\/cimetiere\/operation\/\d+$/, await messagesOf(agent));
      const reduction = Number(pathOf(agent).split('/').pop());
      const martin = await one<{ defunt: number }>(`select defunt from cimetiere.defunt where nom = 'MARTIN' and prenom = 'Georges'`);
      const panel = main.getByRole('tabpanel');
      await afterHtmxSwap(agent, () => panel.getByRole('link', { name: /^Ajouter : Défunt concerné/ }).click());
      await accessible(agent, 'sous-formulaire-ajout');
      await field(panel, 'Défunt').selectOption(String(martin.defunt));
      await afterHtmxSwap(agent, () => panel.getByRole('button', { name: 'Ajouter l’enregistrement' }).click());
      const refus = `Réduction impossible avant le ${dateFr(plusAnnees(AUJOURDHUI, 5))} : cinq ans après l’inhumation du ${dateFr(AUJOURDHUI)}.`;
      const champ = field(panel, 'Défunt');
      const decrit = (await champ.getAttribute('aria-describedby')) ?? assert.fail(`the field names its error: ${await messagesOf(agent)}`);
      const erreur = main.locator(decrit.split(/\s+/).map((id) => `#${id}`).join(', '));
      assert.ok(flat((await erreur.allInnerTexts()).join(' ')).includes(refus), flat((await erreur.allInnerTexts()).join(' ')));
      assert.equal(await champ.getAttribute('aria-invalid'), 'true');
      await accessible(agent, 'formulaire-refuse');
      const rien = await one<{ n: number; verrou: boolean; nature: string; place: string }>(`select (select count(*)::int from cimetiere.operation_defunt where operation = ${reduction}) as n,
          verrou, nature, (select place_occupee::text from cimetiere.emplacement where emplacement = ${LIBRE}) as place from cimetiere.defunt where defunt = ${martin.defunt}`);
      assert.deepEqual({ ...rien, place: Number(rien.place) }, { n: 0, verrou: false, nature: 'cercueil', place: 1 }, 'nothing written, the défunt not locked');
    });

    test('les concessions échues sur « Concessions à terme » et au tableau de bord', async () => {
      const page = await signIn('agent');
      const main = mainOf(page);
      await page.goto('/cimetiere/concessions-a-terme');
      const table = main.getByRole('table', { name: new RegExp(`Concessions actives arrivant à terme au plus tard le 31/12/${ANNEE}`) });
      await table.waitFor();
      const lignes = (await table.locator('tbody tr').allInnerTexts()).map(flat);
      assert.equal(lignes.length, 2, lignes.join(' | '));
      assert.match(lignes[0] ?? '', new RegExp(`^1995-3 GARNIER .*n° 12 ${dateFr(TERME_GARNIER)} \\d+$`));
      assert.match(lignes[1] ?? '', /^1996-12 LEROY .*n° 8 01\/06\/2026 \d+$/);
      assert.doesNotMatch(lignes.join(' '), /DURAND|MARTIN/, 'the acts far from their term are not listed');
      await accessible(page, 'a-terme');

      await page.goto('/');
      const widget = main.getByRole('region', { name: 'Concessions à terme' }).or(main.locator('section, article').filter({ has: page.getByRole('heading', { name: 'Concessions à terme' }) })).first();
      await widget.waitFor();
      const texte = flat(await widget.innerText());
      assert.match(texte, new RegExp(`GARNIER — .*n° 12.*échue le ${dateFr(TERME_GARNIER)}`));
      assert.match(texte, /LEROY — .*n° 8.*(échue|terme) le 01\/06\/2026/);
      assert.equal(await widget.getByRole('link', { name: /GARNIER/ }).getAttribute('href'), '/cimetiere/concession/3');
      await accessible(page, 'tableau-de-bord');
    });

    test('le renouvellement d’une concession à terme : nouvel acte, nouveau terme, facture et courrier', async () => {
      const page = await signIn('chef');
      const main = mainOf(page);
      assert.equal((await etatsDuPlan(page))[LEROY], 'a_terme');
      await page.goto('/cimetiere/concession/2');
      await runAction(page, 'Renouveler', async () => {
        await accessible(page, 'formulaire-action');
      });
      const terme = '01/06/2056';
      assert.match(flat(await messagesOf(page)), new RegExp(`Concession renouvelée : nouvel acte n° ${ANNEE}-2 jusqu’au ${terme}, facture n° F-${ANNEE}-2 de 450,00 €\\.`));
      const actes = await query<{ numero_acte: string; etat: string; origine: string | null; date_terme: string }>(
        `select numero_acte, etat, origine, to_char(date_terme, 'DD/MM/YYYY') as date_terme from cimetiere.concession where emplacement = ${LEROY} order by concession`,
      );
      assert.deepEqual(actes, [
        { numero_acte: '1996-12', etat: 'renouvelee', origine: 'vente', date_terme: '01/06/2026' },
        { numero_acte: `${ANNEE}-2`, etat: 'active', origine: 'renouvellement', date_terme: terme },
      ]);
      const facture = await one<{ facture: number; objet: string; montant: string }>(`select facture, objet, montant::text from cimetiere.facture where numero = 'F-${ANNEE}-2'`);
      assert.deepEqual([facture.objet, facture.montant], ['renouvellement', '450.00']);
      await page.goto(`/cimetiere/facture/${facture.facture}`);
      const bill = await pdfText(page, await hrefOf(main.getByRole('link', { name: /Facture/ }), 'facture'), 'facture du renouvellement');
      assert.match(bill, new RegExp(`Facture n° F-${ANNEE}-2 .*LEROY`));
      assert.match(bill, new RegExp(`Renouvellement d’une concession trentenaire.*acte n° ${ANNEE}-2`));
      assert.match(bill, /Montant à payer 450,00 €/);

      const courrier = await one<{ courrier: number }>(`select courrier from cimetiere.courrier where emplacement = ${LEROY} and lettre_type = 'cimetiere_renouvellement'`);
      await page.goto(`/cimetiere/courrier/${courrier.courrier}`);
      await accessible(page, 'fiche-courrier');
      const lettre = await pdfText(page, await hrefOf(main.getByRole('link', { name: /Renouvellement de concession/ }), 'courrier'), 'courrier de renouvellement');
      assert.match(lettre, /LEROY/);
      assert.match(lettre, /14 rue des Écoles 33000 Bordeaux|14 rue des Écoles.*33000 Bordeaux/);
      assert.match(lettre, new RegExp(`Nous vous confirmons le renouvellement de la concession de l’emplacement .*n° 8.*: acte n° ${ANNEE}-2, valable jusqu’au ${terme}\\.`));
      assert.match(lettre, new RegExp(`Acte n° 1996-12 renouvelé par l’acte n° ${ANNEE}-2 jusqu’au ${terme}\\.`));

      await page.goto('/cimetiere/facturation');
      const export_ = flat(await main.innerText());
      assert.match(export_, new RegExp(`F-${ANNEE}-1`));
      assert.match(export_, new RegExp(`F-${ANNEE}-2`));
      await accessible(page, 'facturation');
      assert.equal((await etatsSurLePlan(page))[LEROY], 'occupe', 'the renewed concession is no longer at its term on the plan');
    });

    test('la fin d’une concession échue : les restes à l’ossuaire, les archives relues, l’emplacement libre', async () => {
      const page = await signIn('chef');
      const main = mainOf(page);
      assert.equal((await etatsDuPlan(page))[GARNIER], 'a_terme');
      await page.goto(`/cimetiere/emplacement/${GARNIER}`);
      await runAction(page, 'Fin de concession', async () => {
        await accessible(page, 'fin-de-concession');
        await field(main, 'Date de fin (exhumation)').fill(dateFr(AUJOURDHUI));
        await field(main, 'Ossuaire recevant les restes').selectOption(String(OSSUAIRE));
        await field(main, 'Motif').selectOption('terme');
      });
      assert.match(pathOf(page), /^\/cimetiere\/fin_concession\/\d+$/, await messagesOf(page));
      assert.match(flat(await messagesOf(page)), /Fin de concession enregistrée : l’emplacement est libre, les archives sont écrites et ne changeront plus\./);
      const OSSUAIRE_LIBELLE = 'Cimetière du Centre, Carré A, Allée sans tracé n° 1';
      const defunts = main.getByRole('tabpanel');
      await defunts.getByRole('table', { name: 'Liste : Défunt archivé' }).waitFor();
      assert.match(flat(await defunts.locator('tbody').innerText()), new RegExp(`^GARNIER Robert 20/09/1995 Ossuaire ${OSSUAIRE_LIBELLE}$`), 'the défunt archived with its destination');
      assert.match(flat(await main.innerText()), /1995-3/);
      await accessible(page, 'fiche-fin-de-concession');
      const etat = await pdfText(page, await hrefOf(main.getByRole('link', { name: /État concession/ }), 'état concession'), 'état concession');
      assert.match(etat, new RegExp(`État concession n° 1995-3 Libreville — fin de concession du ${dateFr(AUJOURDHUI)}`));
      assert.match(etat, /Emplacement : Cimetière du Centre, Carré A, Allée des Tilleuls n° 12 \(concession\) Famille : GARNIER/);
      assert.match(etat, /Acte : n° 1995-3 du 30\/09\/1995, vendu le 30\/09\/1995 — trentenaire, 30 ans — terme : 30\/09\/2025/);
      assert.match(etat, new RegExp(`Défunts et destination des restes .* GARNIER Robert 20/09/1995 30/09/1995 Ossuaire ${OSSUAIRE_LIBELLE}`));
      assert.match(etat, /Concessionnaire GARNIER Hélène 2 place du Marché 00100 Libreville/);

      const apres = await one<{ etat: string; famille: string | null; place_occupee: string; acte: string; restes: number }>(`select e.etat, e.famille, e.place_occupee::text,
          (select etat from cimetiere.concession where concession = 3) as acte,
          (select emplacement from cimetiere.defunt where nom = 'GARNIER') as restes
        from cimetiere.emplacement e where e.emplacement = ${GARNIER}`);
      assert.deepEqual({ ...apres, place_occupee: Number(apres.place_occupee) }, { etat: 'libre', famille: null, place_occupee: 0, acte: 'terminee', restes: OSSUAIRE });

      await page.goto('/cimetiere/fin_concession');
      await main.getByRole('table').first().waitFor();
      assert.match(flat(await main.innerText()), /GARNIER|n° 12/);
      await accessible(page, 'archives');
      await page.goto('/cimetiere/recherche');
      await field(main, 'Terme recherché').fill('garnier');
      await submit(page, main.getByRole('button', { name: 'Rechercher' }));
      assert.match(flat(await main.innerText()), /GARNIER/);
      await accessible(page, 'recherche');
      assert.equal((await etatsSurLePlan(page))[GARNIER], 'libre', 'the plan shows the emplacement free again');
    });

    test('les autres pages de l’application, accessibles : reprise, calcul de la place, titres émis, registre des actes, plans', async () => {
      const page = await signIn('chef');
      const main = mainOf(page);
      for (const [path, heading] of [
        ['/cimetiere/reprise/new', /Procédure de reprise/],
        ['/cimetiere/titres-emis', /Titres émis/],
        ['/cimetiere/registre-concessions', /Registre des actes/],
        ['/cimetiere/plans-cimetieres', /Plans des cimetières/],
        ['/cimetiere/tarif', /Tarif/],
        // Last: its form is sent next, from the page as it is.
        ['/cimetiere/calcul-place', /Calcul de la place occupée/],
      ] as const) {
        await page.goto(path);
        assert.match(await main.getByRole('heading', { level: 1 }).innerText(), heading, path);
        await accessible(page, path);
      }
      await submit(page, main.getByRole('button', { name: /Recalculer|Lancer|Calculer/ }));
      assert.match(flat(await messagesOf(page)), /\d+ emplacements? relus?, \d+ corrigés?\./);
      await accessible(page, 'calcul-place résultat');
    });
  },
  {
    postgis: true,
    users: [
      { login: 'chef', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
    ],
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'cimetiere');
      await database.asOwner(PLANS_FIXTURE + PARCOURS_SQL);
      await database.withOwner((db) => configurerPlans(db, 1));
    },
    register: (registry) => {
      cimetiere.register(registry);
      registry.linkIncomingReferences();
    },
  },
);
