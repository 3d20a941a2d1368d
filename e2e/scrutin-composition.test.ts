/**
 * Staffing a scrutin in Chromium (issue 12 part 2): as an agent, a person typed in and one chosen
 * from the electoral list of « Élections » (« Choisir dans la liste électorale »); the affectations
 * that make bureau 1 complete and leave bureau 2 short, one refused for overlapping hours with its
 * French message next to the field; the « Contrôle de la composition » page reached from the
 * scrutin; the convocations printed for the scrutin's search and for one affectation, the
 * préfecture's list and the planning, their PDF text read back. axe-core on every page type met.
 * The agent signs in once; the tests share that page (a new browser context and its first page
 * load cost more than most steps).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elections } from '../apps/elections/src/index.ts';
import { DOCUMENTS_DATA_SQL } from '../apps/elections/test/documents-data.ts';
import { AUTREVILLE_SQL } from '../apps/elections/test/support.ts';
import { scrutin } from '../apps/scrutin/src/index.ts';
import { registerApplications } from '../framework/src/application.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { field, mainOf, messagesOf, pathOf } from './support/screens.ts';
import { browserSuite, checkAccessibility, login, sharedPage, submit, type Locator, type Page } from './support/index.ts';

const PASSWORD = 'Composition-Bureaux-2026';
const ELECTIONS_MIGRATIONS = readMigrations(elections.migrations).map((migration) => migration.text);
const SCRUTIN_MIGRATIONS = readMigrations(scrutin.migrations).map((migration) => migration.text);

/**
 * Libreville's two bureaux and a scrutin in the future (so the lists' designations are in time),
 * its two lists, and three persons already typed in (département 33); the electors come from the
 * élections fixture (ZOLA Émile, DUPONT Jean… in Libreville, AUTRE Albert in Autreville).
 */
const COMPOSITION_SQL = `
  insert into scrutin.bureau (code, libelle, adresse, om_collectivite) values
    ('1', 'Hôtel de ville', '1 place de la Mairie, Libreville', 1), ('2', 'École Jules-Ferry', '12 rue Jules Ferry, Libreville', 1);
  insert into scrutin.scrutin (libelle, type, date_scrutin, tour, departement, om_collectivite) values
    ('Municipales 2027', 'municipales', '2027-03-14', 1, '33', 1);
  insert into scrutin.candidature (scrutin, libelle, mandataire, om_collectivite)
    select scrutin, v.libelle, v.mandataire, 1 from scrutin.scrutin, (values ('Libreville Avenir', 'Paul Girard'), ('Ensemble pour Libreville', 'Sophie Roux')) as v (libelle, mandataire);
  insert into scrutin.personne (nom, prenom, date_naissance, adresse, commune_inscription, departement_inscription, om_collectivite) values
    ('ROUSSEAU', 'Claire', '1968-09-12', '4 rue Voltaire, 00100 Libreville', 'Libreville', '33', 1),
    ('FAURE', 'Henri', '1955-02-28', '9 allée des Tilleuls, 00100 Libreville', 'Libreville', '33', 1),
    ('PETIT', 'Louise', '1979-06-01', '2 impasse du Lavoir, 00100 Libreville', 'Libreville', '33', 1);`;

const flat = (text: string) => text.replace(/\s+/g, ' ');

browserSuite(
  'composition des bureaux : personnes, affectations, contrôle et convocations',
  (suite) => {
    const keyOf = async (query: string): Promise<number> => {
      const [row] = await suite().app.database.ownerQuery<{ key: number }>(query);
      return Number(row?.key ?? assert.fail(query));
    };
    const scrutinKey = () => keyOf(`select scrutin as key from scrutin.scrutin where libelle = 'Municipales 2027'`);
    /** The agent's page, signed in by the first test that needs it and shared by the others. */
    const signIn = sharedPage(async () => {
      const page = await suite().openPage();
      await login(page, 'agent', PASSWORD);
      return page;
    });
    /** axe-core finds nothing at all on the page, whatever the impact. */
    const accessible = async (page: Page, name: string): Promise<void> => {
      const { violations } = await checkAccessibility(page, name);
      assert.deepEqual(violations.map((violation) => `${violation.id} (${violation.impact ?? '?'}) : ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], name);
    };
    const pdfText = async (page: Page, href: string, name: string): Promise<string[]> => {
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, name);
      assert.equal(response.headers()['content-type'], 'application/pdf', name);
      return (await pdfPages(new Uint8Array(await response.body()))).map(flat);
    };
    const hrefOf = async (link: Locator, name: string): Promise<string> => {
      await link.waitFor();
      return (await link.getAttribute('href')) ?? assert.fail(name);
    };
    /** Fills the affectation form (bureau, person, function by their labels; hours as HH:MM) and saves it; unless `refused`, the record is opened. */
    const affect = async (page: Page, values: { bureau: string; personne: string; fonction: string; debut: string; fin: string; liste?: string }, refused = false): Promise<void> => {
      const main = mainOf(page);
      await page.goto('/scrutin/affectation/new');
      await field(main, 'Scrutin').selectOption({ label: 'Municipales 2027' });
      await field(main, 'Bureau de vote').selectOption({ label: values.bureau });
      await field(main, 'Personne').selectOption({ label: values.personne });
      await field(main, 'Fonction').selectOption({ label: values.fonction });
      await field(main, 'Début de la permanence').fill(values.debut);
      await field(main, 'Fin de la permanence').fill(values.fin);
      if (values.liste) await field(main, 'Désignée par').selectOption({ label: values.liste });
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      if (!refused) assert.match(pathOf(page), /^\/scrutin\/affectation\/\d+$/, `${values.personne} : ${await messagesOf(page)}`);
    };

    test('une personne saisie, une autre choisie dans la liste électorale', async () => {
      const page = await signIn();
      const main = mainOf(page);
      await page.goto('/scrutin/personne');
      await main.getByText('ROUSSEAU').first().waitFor();
      await accessible(page, 'liste des personnes');
      await page.goto('/scrutin/personne/new');
      await field(main, 'Nom').fill('LEGRAND');
      await field(main, 'Prénom').fill('Marc');
      await field(main, 'Date de naissance').fill('31/02/1972');
      await field(main, 'Adresse').fill('7 rue de la Gare, 00100 Libreville');
      await field(main, 'Commune inscription').fill('Libreville');
      await field(main, 'Département d’inscription').fill('33');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), /Le champ « Date de naissance » doit être une date valide au format JJ\/MM\/AAAA\./);
      assert.equal(await field(main, 'Date de naissance').inputValue(), '31/02/1972', 'what was typed is kept');
      assert.equal(await field(main, 'Nom').inputValue(), 'LEGRAND');
      await accessible(page, 'formulaire de personne avec une date invalide');
      await field(main, 'Date de naissance').fill('14/07/1972');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(pathOf(page), /^\/scrutin\/personne\/\d+$/);
      assert.match(await main.innerText(), /LEGRAND/);
      await accessible(page, 'fiche d’une personne');

      await page.goto('/scrutin/choisir-electeur');
      await accessible(page, 'choix dans la liste électorale : recherche');
      await field(main, 'Nom de naissance (début du nom)').fill('zola');
      await submit(page, main.getByRole('button', { name: 'Rechercher' }));
      const zola = main.getByRole('row', { name: /ZOLA Émile/ });
      await zola.waitFor();
      assert.match(await zola.innerText(), /02\/04\/1950\s+3 RUE DES LILAS\s+B01 École Jules Ferry/);
      assert.equal(await main.getByRole('row', { name: /AUTRE Albert/ }).count(), 0, 'Autreville’s electors never show');
      await accessible(page, 'choix dans la liste électorale : électeurs trouvés');
      await submit(page, main.getByRole('button', { name: 'Choisir ZOLA Émile' }));
      assert.match(pathOf(page), /^\/scrutin\/personne\/\d+$/);
      assert.match(await messagesOf(page), /Émile ZOLA est enregistré\(e\) comme personne à partir de la liste électorale/);
      assert.match(flat(await main.innerText()), /3 RUE DES LILAS, 75001 Libreville/);
    });

    test('les affectations : le bureau 1 complet, le bureau 2 incomplet, une affectation refusée pour des heures qui se chevauchent', async () => {
      const page = await signIn();
      const main = mainOf(page);
      await affect(page, { bureau: '1 — Hôtel de ville', personne: 'ZOLA Émile', fonction: 'Président', debut: '08:00', fin: '18:00' });
      await accessible(page, 'fiche d’une affectation');
      await affect(page, { bureau: '1 — Hôtel de ville', personne: 'ROUSSEAU Claire', fonction: 'Assesseur titulaire', debut: '08:00', fin: '13:00' });
      await affect(page, { bureau: '1 — Hôtel de ville', personne: 'LEGRAND Marc', fonction: 'Assesseur titulaire', debut: '08:00', fin: '18:00', liste: 'Libreville Avenir' });
      await affect(page, { bureau: '1 — Hôtel de ville', personne: 'FAURE Henri', fonction: 'Secrétaire', debut: '08:00', fin: '18:00' });
      await affect(page, { bureau: '2 — École Jules-Ferry', personne: 'PETIT Louise', fonction: 'Président', debut: '08:00', fin: '18:00' });

      await affect(page, { bureau: '2 — École Jules-Ferry', personne: 'ROUSSEAU Claire', fonction: 'Assesseur titulaire', debut: '12:00', fin: '18:00' }, true);
      await main.getByRole('heading', { name: 'Ajouter : Affectation' }).waitFor();
      assert.equal(await field(main, 'Personne').inputValue(), String(await keyOf(`select personne as key from scrutin.personne where nom = 'ROUSSEAU'`)), 'the form is shown again as filled');
      const overlap = /« Claire ROUSSEAU » est déjà affecté\(e\) au bureau 1 Hôtel de ville comme assesseur titulaire de 8 h à 13 h pour ce scrutin : les heures se chevauchent\. Choisissez d’autres heures ou une autre personne\./;
      const debut = field(main, 'Début de la permanence');
      const described = (await debut.getAttribute('aria-describedby')) ?? assert.fail('the field names its error');
      const errorNextToField = main.locator(described.split(/\s+/).map((id) => `#${id}`).join(', '));
      assert.match(flat((await errorNextToField.allInnerTexts()).join(' ')), overlap);
      assert.equal(await debut.getAttribute('aria-invalid'), 'true');
      await accessible(page, 'formulaire d’affectation refusé');
      await debut.fill('13:00');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(pathOf(page), /^\/scrutin\/affectation\/\d+$/, await messagesOf(page));

      const [{ n } = { n: 0 }] = await suite().app.database.ownerQuery<{ n: number }>('select count(*)::int as n from scrutin.affectation');
      assert.equal(n, 6, 'the refused one was not saved');

      await page.goto(`/scrutin/scrutin/${await scrutinKey()}`);
      await accessible(page, 'fiche du scrutin');
      await submit(page, main.getByRole('link', { name: 'Contrôle de la composition' }));
      assert.equal(pathOf(page), `/scrutin/controle/${await scrutinKey()}`);
      assert.match(await main.locator('#controle-synthese').innerText(), /1 bureau sur 2 incomplet : 2\. Affectez les membres manquants avant le jour du scrutin\./);
      const bureau1 = main.getByRole('row', { name: /1 Hôtel de ville/ });
      const bureau2 = main.getByRole('row', { name: /2 École Jules-Ferry/ });
      assert.match(flat(await bureau1.innerText()), /Président : Émile ZOLA \(8 h – 18 h\).*Assesseur titulaire : Marc LEGRAND \(8 h – 18 h\), désigné par « Libreville Avenir ».*Complet/);
      assert.match(flat(await bureau2.innerText()), /Assesseur titulaire : Claire ROUSSEAU \(13 h – 18 h\).*Manque : un assesseur titulaire \(il en faut au moins deux\), un secrétaire/);
      await accessible(page, 'contrôle de la composition');
    });

    test('les convocations du scrutin, celle d’une affectation, la liste pour la préfecture et le planning', async () => {
      const page = await signIn();
      const main = mainOf(page);
      const key = await scrutinKey();
      await page.goto(`/scrutin/affectation?filter[scrutin]=${key}`);
      const print = main.getByRole('link', { name: 'Imprimer « Convocation au bureau de vote »' });
      const href = await hrefOf(print, 'Imprimer les convocations');
      assert.match(decodeURIComponent(href), new RegExp(`filter\\[scrutin\\]=${key}`));
      await accessible(page, 'liste des affectations d’un scrutin avec « Imprimer »');
      const convocations = await pdfText(page, href, 'convocations du scrutin');
      assert.equal(convocations.length, 6, 'one letter per affectation');
      const all = convocations.join('\n');
      assert.match(all, /Émile ZOLA.*en qualité de président du bureau de vote n° 1 « Hôtel de ville », 1 place de la Mairie, Libreville.*le 14\/03\/2027, de 8 h à 18 h/);
      assert.match(all, /Claire ROUSSEAU.*bureau de vote n° 2 « École Jules-Ferry ».*de 13 h à 18 h/);
      assert.match(all, /sur désignation de la liste « Libreville Avenir », en qualité de assesseur titulaire du bureau de vote n° 1/);

      const bureau2 = await keyOf(`select bureau as key from scrutin.bureau where code = '2'`);
      await page.goto(`/scrutin/affectation/pdf/lettretype/convocation?filter[scrutin]=${key}&filter[bureau]=${bureau2}&filter[fonction]=secretaire`);
      assert.match(await main.innerText(), /Aucun enregistrement à imprimer : la recherche ne trouve rien/, 'bureau 2 has no secrétaire to convene');
      await accessible(page, 'impression d’une recherche vide');

      const legrand = await keyOf(`select affectation as key from scrutin.affectation join scrutin.personne using (personne) where nom = 'LEGRAND'`);
      await page.goto(`/scrutin/affectation/${legrand}`);
      const one = await hrefOf(main.getByRole('link', { name: /Convocation au bureau de vote/ }), 'convocation de l’affectation');
      const [letter = '', ...more] = await pdfText(page, one, 'convocation d’une affectation');
      assert.equal(more.length, 0);
      assert.match(letter, /Mairie de Libreville/);
      assert.match(letter, /Marc LEGRAND/);
      assert.match(letter, /Objet : convocation au bureau de vote n° 1/);
      assert.match(letter, /en qualité de assesseur titulaire du bureau de vote n° 1 « Hôtel de ville »/);
      assert.match(letter, /le 14\/03\/2027, de 8 h à 18 h/);
      assert.doesNotMatch(letter, /Émile ZOLA|ROUSSEAU/);
      await accessible(page, 'fiche d’une affectation avec ses documents');

      await page.goto(`/scrutin/scrutin/${key}`);
      const prefecture = (await pdfText(page, await hrefOf(main.getByRole('link', { name: /Composition des bureaux \(liste pour la préfecture\)/ }), 'préfecture'), 'liste pour la préfecture')).join(' ');
      assert.match(prefecture, /Composition des bureaux de vote/);
      assert.match(prefecture, /département 33/);
      assert.match(prefecture, /Président ZOLA Émile 02\/04\/1950 3 RUE DES LILAS/);
      assert.match(prefecture, /Assesseur titulaire LEGRAND Marc 14\/07\/1972 7 rue de la Gare, 00100 Libreville Libreville Avenir/);
      assert.match(prefecture, /Secrétaire FAURE Henri/);
      const planning = (await pdfText(page, await hrefOf(main.getByRole('link', { name: /Planning des permanences par bureau/ }), 'planning'), 'planning')).join(' ');
      assert.match(planning, /Planning des permanences/);
      assert.match(planning, /Scrutin ouvert de 8 h à 18 h — 2 bureaux de vote/);
      assert.match(planning, /1 Hôtel de ville Président ZOLA Émile 8 h – 18 h/);
      assert.match(planning, /2 École Jules-Ferry Assesseur titulaire ROUSSEAU Claire 13 h – 18 h/);
      // This page, with the same data and the same document links, was checked by axe in the test before (« fiche du scrutin »).
    });
  },
  {
    users: [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }],
    postgis: true,
    setup: async (database) => {
      for (const migration of ELECTIONS_MIGRATIONS) await database.asOwner(migration, 'elections');
      for (const migration of SCRUTIN_MIGRATIONS) await database.asOwner(migration, 'scrutin');
      await database.asOwner(AUTREVILLE_SQL);
      await database.asOwner(DOCUMENTS_DATA_SQL + COMPOSITION_SQL);
    },
    register: (registry) => {
      registerApplications(registry, [elections, scrutin]);
      registry.linkIncomingReferences();
    },
  },
);
