/**
 * The instruction of movements in Chromium (issue 11 points 3–5): an inscription refused as a
 * possible duplicate then saved once arbitrated and accepted; a modification from the fiche
 * électeur that changes bureau; a radiation; a refusal and its letter (PDF text); a movement
 * refused after the scrutin's deadline. axe-core on each page type met: movement form and page,
 * action confirmation, fiche électeur, listing.
 * The agent signs in once; the tests share that page (a new browser context, its first page load
 * and a sign-in cost more than most steps).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elections } from '../apps/elections/src/index.ts';
import { dateCourte } from '../apps/elections/src/rules/dates.ts';
import { addDays } from '../apps/elections/src/rules/dates.ts';
import { dateLimiteInscription } from '../apps/elections/src/rules/calendrier.ts';
import { FIXTURE_SQL, PREMIER_TOUR } from '../apps/elections/test/mouvements-fixture.ts';
import { AUTREVILLE_SQL } from '../apps/elections/test/support.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { field, mainOf, messagesOf, pathOf } from './support/screens.ts';
import { browserSuite, checkAccessibility, login, sharedPage, submit, type Page } from './support/index.ts';

const PASSWORD = 'Mouvements-Electoraux-2026';
const MIGRATIONS = readMigrations(elections.migrations).map((migration) => migration.text);

/** Two movements to instruct, written as an import would: Durand (to refuse) and Tardif (late). */
const PENDING_SQL = `
insert into elections.mouvement (type_mouvement, liste, date_demande, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu,
    pays_naissance, libelle_lieu_naissance, nationalite, voie, numero, om_collectivite)
select 'VOL1', 'LP', d.demande::date, 'Mme', 'F', d.nom, d.prenoms, '1992-07-14', 'etranger', '99134', 'Madrid', 'FRA', v.voie, 75, 1
  from (values ('Durand', 'Lucie', '2026-10-01'), ('Tardif', 'Thomas', '2026-10-02')) as d (nom, prenoms, demande)
  join elections.voie v on v.code = 'V002' and v.om_collectivite = 1;
insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, libelle_lieu_naissance,
    nationalite, voie, numero, bureau, om_collectivite)
select 'LP', 'M.', 'M', 'Partant', 'Pierre', '1960-06-06', 'etranger', '99134', 'Madrid', 'FRA', v.voie, 12, b.bureau, 1
  from elections.voie v join elections.bureau b on b.code = '001' and b.om_collectivite = 1
 where v.code = 'V001' and v.om_collectivite = 1;
`;

browserSuite(
  'élections : instruction des mouvements',
  (suite) => {
    const keyOf = async (query: string): Promise<number> => {
      const [row] = await suite().app.database.ownerQuery<{ key: number }>(query);
      return Number(row?.key ?? assert.fail(query));
    };
    /** The agent's page, signed in by the first test that needs it and shared by the others. */
    const signIn = sharedPage(async () => {
      const page = await suite().openPage();
      await login(page, 'agent', PASSWORD);
      return page;
    });
    /** Follows an action of the record's portlet, then confirms it on its page. */
    const runAction = async (page: Page, label: string, confirm = true): Promise<void> => {
      await submit(page, mainOf(page).getByRole('link', { name: label, exact: true }));
      if (confirm) await submit(page, mainOf(page).getByRole('button', { name: label, exact: true }));
    };

    test('une inscription signalée comme doublon possible, enregistrée une fois vérifiée, puis acceptée', async () => {
      const page = await signIn();
      const main = mainOf(page);
      await page.goto('/elections/mouvement/new');
      await field(main, 'Type de mouvement').selectOption({ label: 'Inscription volontaire' });
      await field(main, 'Liste').selectOption({ label: 'Liste principale' });
      await field(main, 'Date de la demande').fill('01/10/2026');
      await field(main, 'Civilité').selectOption({ label: 'M.' });
      await field(main, 'Sexe').selectOption({ label: 'Masculin' });
      await field(main, 'Nom de naissance').fill('ZOLA');
      await field(main, 'Prénoms').fill('Émile');
      await field(main, 'Date de naissance').fill('02/04/1940');
      await field(main, 'Lieu de naissance').selectOption({ label: 'À l’étranger' });
      const pays = main.getByRole('combobox', { name: /^Pays de naissance/ });
      await pays.click();
      await page.keyboard.type('espa');
      await main.getByRole('option', { name: /^Espagne/ }).first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await field(main, 'Ville de naissance').fill('Barcelone');
      await field(main, 'Nationalité').selectOption({ label: 'Française' });
      await field(main, 'Voie').selectOption({ label: 'Avenue Foch' });
      await field(main, 'Numéro').fill('75');
      await checkAccessibility(page, 'formulaire de mouvement');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), /Cette personne est peut-être déjà inscrite.*Zola Émile, né\(e\) le 02\/04\/1940, liste LP, bureau 001/s);
      await checkAccessibility(page, 'mouvement refusé : doublon possible');

      await main.getByRole('checkbox', { name: /J’ai vérifié : ce n’est pas la même personne/ }).check();
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(pathOf(page), /^\/elections\/mouvement\/\d+$/);
      assert.match(await main.innerText(), /Bureau de vote\s+École Jules-Ferry/, 'the bureau of Avenue Foch, 75, from the découpage');
      await checkAccessibility(page, 'fiche d’un mouvement');
      await runAction(page, 'Accepter', false);
      await checkAccessibility(page, 'confirmation d’une action');
      await submit(page, main.getByRole('button', { name: 'Accepter', exact: true }));
      assert.match(await messagesOf(page), /Inscription acceptée : Émile ZOLA est inscrit\(e\) sur la liste LP, bureau 002/);
    });

    test('une modification depuis la fiche électeur change le bureau', async () => {
      const page = await signIn();
      const main = mainOf(page);
      const zola = await keyOf(`select electeur as key from elections.electeur where nom = 'Zola'`);
      await page.goto(`/elections/electeur/${zola}`);
      await main.getByText('Historique des mouvements').first().waitFor();
      await checkAccessibility(page, 'fiche électeur');
      await submit(page, main.getByRole('link', { name: 'Modifier l’électeur', exact: true }));
      await field(main, 'Type de modification').selectOption({ label: 'Changement d’adresse dans la commune' });
      await checkAccessibility(page, 'modifier l’électeur : type du mouvement');
      await submit(page, main.getByRole('button', { name: 'Modifier l’électeur', exact: true }));
      assert.match(pathOf(page), /^\/elections\/mouvement\/\d+$/, 'the movement created is opened');
      assert.match(await messagesOf(page), /Le mouvement n° \d+ est créé/);
      await submit(page, main.getByRole('link', { name: 'Modifier', exact: true }));
      await field(main, 'Voie').selectOption({ label: 'Avenue Foch' });
      await field(main, 'Numéro').fill('120');
      await submit(page, main.getByRole('button', { name: /^Enregistrer/ }));
      await runAction(page, 'Accepter');
      assert.match(await messagesOf(page), /Modification acceptée : la fiche de Émile Zola est mise à jour \(bureau 002\)/);
      const [row] = await suite().app.database.ownerQuery<{ code: string }>(`select b.code from elections.electeur e join elections.bureau b using (bureau) where e.electeur = ${zola}`);
      assert.equal(row?.code, '002');
    });

    test('une radiation retire l’électeur de la liste ; son mouvement reste dans la liste des mouvements', async () => {
      const page = await signIn();
      const main = mainOf(page);
      const partant = await keyOf(`select electeur as key from elections.electeur where nom = 'Partant'`);
      await page.goto(`/elections/electeur/${partant}`);
      await submit(page, main.getByRole('link', { name: 'Radier l’électeur', exact: true }));
      await field(main, 'Type de radiation').selectOption({ label: 'Départ dans une autre commune' });
      await submit(page, main.getByRole('button', { name: 'Radier l’électeur', exact: true }));
      await runAction(page, 'Accepter');
      assert.match(await messagesOf(page), /Radiation acceptée : Pierre Partant est retiré\(e\) de la liste LP\./);
      await page.goto('/elections/mouvement?q=partant');
      await main.getByRole('cell', { name: 'Partant' }).first().waitFor();
      await checkAccessibility(page, 'liste des mouvements');
      assert.equal((await page.goto(`/elections/electeur/${partant}`))?.status(), 404);
    });

    test('un refus et sa lettre', async () => {
      const page = await signIn();
      const main = mainOf(page);
      const durand = await keyOf(`select mouvement as key from elections.mouvement where nom = 'Durand'`);
      await page.goto(`/elections/mouvement/${durand}`);
      await runAction(page, 'Refuser', false);
      await submit(page, main.getByRole('button', { name: 'Refuser', exact: true }));
      assert.match(await messagesOf(page), /Le refus demande un motif/);
      await checkAccessibility(page, 'refus sans motif');
      await field(main, 'Motif du refus').fill('Le justificatif de domicile a plus de trois mois.');
      await submit(page, main.getByRole('button', { name: 'Refuser', exact: true }));
      assert.match(await messagesOf(page), /est refusé/);
      const letter = main.getByRole('link', { name: /Notification du refus d’une demande/ });
      const href = (await letter.getAttribute('href')) ?? assert.fail('letter link');
      const response = await page.request.get(href);
      assert.equal(response.status(), 200);
      const text = (await pdfPages(new Uint8Array(await response.body()))).join('\n').replace(/\s+/g, ' ');
      assert.match(text, /Mme Lucie Durand/);
      assert.match(text, /75 Avenue Foch/);
      assert.match(text, /Le justificatif de domicile a plus de trois mois\./);
    });

    test('un mouvement refusé après la date limite d’inscription du scrutin', async () => {
      const page = await signIn();
      const main = mainOf(page);
      const tardif = await keyOf(`select mouvement as key from elections.mouvement where nom = 'Tardif'`);
      await page.goto(`/elections/mouvement/${tardif}/edit`);
      await field(main, 'Scrutin').selectOption({ label: 'Municipales 2027' });
      await field(main, 'Date de la demande').fill(dateCourte(addDays(dateLimiteInscription(PREMIER_TOUR), 3)));
      await submit(page, main.getByRole('button', { name: /^Enregistrer/ }));
      assert.match(await messagesOf(page), /La date limite d’inscription pour le scrutin du 14 mars 2027 était le 5 février 2027/);
      await checkAccessibility(page, 'mouvement refusé après la date limite');
    });
  },
  {
    users: [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }],
    postgis: true,
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'elections');
      await database.asOwner(AUTREVILLE_SQL);
      await database.asOwner(FIXTURE_SQL + PENDING_SQL);
    },
    register: (registry) => {
      elections.register(registry);
      registry.linkIncomingReferences();
    },
  },
);
