/**
 * Issue 10 §1 in the browser: an agent opens « Requêtes mémorisées », picks a query written by the
 * administrator, fills its parameter with the keyboard, reads the result table, then meets a
 * refusal on the form. axe-core on the list, the form, the result and the refused form.
 * Screenshots: e2e/screenshots/requete-admin-*.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, checkAccessibility, screenshot, submit } from './support/index.ts';
import { assertNoPageProblems, field, followMenu, mainOf, messagesOf } from './support/screens.ts';
import { signIn } from './support/journey.ts';

const AGENT = { login: 'agent-requetes', password: 'Requetes-Libreville-2026' } as const;

const SETUP_SQL = `
insert into om.om_parametre (libelle, valeur, om_collectivite) values ('maire', 'Jeanne Martin', 1), ('devise', 'Liberté', 1);
insert into om.om_requete (code, libelle, description, type, reqmo, requete, merge_fields, parametres) values
  ('parametres', 'Paramètres de la collectivité', 'Les réglages, par nom', 'sql', true,
   'select libelle, valeur from om.om_parametre where (&nom is null or libelle = &nom) order by libelle',
   E'libelle: Nom du paramètre\\nvaleur: Valeur', 'nom: texte Nom du paramètre'),
  ('piege', 'Requête piégée', null, 'sql', true, 'select pwd from om.om_utilisateur', null, null);
`;

browserSuite(
  'requêtes mémorisées de l’administrateur',
  (suite) => {
    test('un agent exécute une requête de l’administrateur, avec son paramètre', async () => {
      const { openPage, tag } = suite();
      const page = await signIn(await openPage(), AGENT.login, AGENT.password);
      await followMenu(page, 'Export', 'Requêtes mémorisées');
      const main = mainOf(page);
      await main.getByRole('heading', { name: 'Requêtes de l’administrateur' }).waitFor();
      await checkAccessibility(page, `requete-admin-liste${tag}`);
      await submit(page, main.getByRole('link', { name: 'Paramètres de la collectivité', exact: true }));
      await field(main, 'Nom du paramètre').fill('maire');
      await checkAccessibility(page, `requete-admin-formulaire${tag}`);
      await submit(page, main.getByRole('button', { name: 'Exécuter la requête' }));
      const table = main.getByRole('table');
      await table.getByText('Jeanne Martin', { exact: true }).waitFor();
      assert.equal(await table.getByText('Liberté').count(), 0, 'le paramètre filtre');
      assert.equal(await table.getByRole('columnheader', { name: 'Nom du paramètre' }).count(), 1);
      await checkAccessibility(page, `requete-admin-resultat${tag}`);
      await screenshot(page, `requete-admin-resultat${tag}`);
      assertNoPageProblems(page);
    });

    test('une requête qui lit un mot de passe est refusée sur le formulaire, en français', async () => {
      const { openPage, tag } = suite();
      const page = await signIn(await openPage(), AGENT.login, AGENT.password);
      await page.goto('/requetes');
      const main = mainOf(page);
      await submit(page, main.getByRole('link', { name: 'Requête piégée', exact: true }));
      await submit(page, main.getByRole('button', { name: 'Exécuter la requête' }));
      assert.match(await messagesOf(page), /Cette source ne peut lire que/);
      await checkAccessibility(page, `requete-admin-refus${tag}`);
    });
  },
  {
    users: [{ login: AGENT.login, password: AGENT.password, profil: 'UTILISATEUR', collectivite: 1 }],
    grants: { 'UTILISATEUR LIMITÉ': ['reqmo'] },
    setup: (database) => database.asOwner(SETUP_SQL),
  },
);
