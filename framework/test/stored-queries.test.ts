/**
 * Stored queries (« Export › Requêtes mémorisées », openMairie's `reqmo`): the list shows only the
 * queries the user may run (`reqmo` and the object's `_tab`); the form offers the spec's columns,
 * sorts and criteria; the result reads through the record service (chosen columns, sort, criteria
 * as bound values, limit, CSV with each separator, the user's collectivité only); every unknown
 * name and every missing required criterion is refused with a French 400 and the form again.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { storedQueriesOf } from '../src/generator/specs.ts';
import type { ObjectOverride } from '../src/model/override.ts';
import type { StoredQuerySpec } from '../src/model/specs.ts';
import type { TableMeta } from '../src/model/types.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { checkboxesIn, decoded } from './admin-support.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant, withApplicationTitles } from './support/runtime.ts';

const PASSWORD = 'Requetes-de-Libreville-2026';

/** Four people in Libreville (1), one plus 600 generated in Autreville (3). */
const DATA_SQL = `
insert into essai.personne (nom, prenom, date_naissance, taille, actif, categorie, om_collectivite) values
  ('Dupont', 'Hélène', '1980-05-14', 1.65, true, 1, 1),
  ('Durand', 'Éric', '1975-01-02', 1.80, false, 2, 1),
  ('Martin', 'Jean', '1990-12-31', 1.72, true, 1, 1),
  ('Bernard', 'Anne', null, null, true, null, 1),
  ('Dupuis', 'Zoé', '1985-03-03', 1.60, true, 1, 3);
insert into essai.personne (nom, prenom, om_collectivite)
  select 'Zeta ' || lpad(n::text, 3, '0'), 'Auto', 3 from generate_series(1, 600) as n;
-- A status with fixed choices (STATUTS): one value without a choice.
alter table essai.personne add column statut varchar(10);
update essai.personne set statut = case nom when 'Dupont' then 'valide' when 'Durand' then 'brouillon' when 'Martin' then 'ancien' end;
`;

const STATUTS: ObjectOverride = {
  screens: { choices: { statut: [{ value: 'brouillon', label: 'Brouillon' }, { value: 'valide', label: 'Validé' }] } },
};

/** Written by hand: the criteria the generator does not derive (text, ranges). */
const RECHERCHE: StoredQuerySpec = {
  app: 'essai',
  name: 'personne_recherche',
  table: 'personne',
  label: 'Recherche de personnes',
  columns: ['nom', 'prenom', 'date_naissance', 'taille', 'actif', 'categorie'],
  sort: ['nom', 'date_naissance', 'taille'],
  criteria: [
    { field: 'nom', input: 'text', required: false },
    { field: 'date_naissance', input: 'range', required: false },
    { field: 'taille', input: 'range', required: false },
  ],
};

const HTML = { Accept: 'text/html' };

/** The text of each cell of each body row. */
function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decoded((cell[1] ?? '').replace(/<[^>]+>/g, '').trim())),
  );
}

const headersOf = (html: string) => [...(/<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '').matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => decoded(m[1] ?? ''));
const firstCells = (html: string) => tableRows(html).map((row) => row[0]);
const alertsOf = (html: string) => decoded(/<div role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '');
/** The options of a select: [value, text, selected]. */
function optionsOf(html: string, id: string): [string, string, boolean][] {
  const select = new RegExp(`<select id="${id.replace(/[[\]]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [decoded(m[1] ?? ''), decoded(m[3] ?? ''), m[2] !== undefined]);
}

const RESULT = (name: string, query: string) => `/requetes/essai/${name}/resultat?${query}`;

describeEachDatabase('stored queries (reqmo)', (database) => {
  let app: Hono<AppEnv>;
  const clients = new Map<string, TestClient>();
  const as = async (login: string): Promise<TestClient> => {
    const known = clients.get(login);
    if (known) return known;
    const client = new TestClient(app);
    const response = await client.login(login, PASSWORD);
    assert.equal(response.status, 200, response.text);
    clients.set(login, client);
    return client;
  };
  const get = async (login: string, path: string) => (await as(login)).request('GET', path, { headers: HTML });

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL + DATA_SQL, 'essai');
    const runtime = await createTestRuntime(database(), { schemas: ['essai'], overrides: { personne: STATUTS } });
    const known = new Map<string, TableMeta>(runtime.registry.all().map((object) => [`${object.meta.schema}.${object.meta.name}`, object.meta]));
    for (const object of runtime.registry.all().filter((candidate) => candidate.app === 'essai')) {
      for (const spec of storedQueriesOf(object.meta, known)) runtime.registry.storedQueries.add(spec);
    }
    runtime.registry.storedQueries.add(RECHERCHE);
    app = createApp(withApplicationTitles(runtime, { essai: 'Essais de la mairie' }));
    // Hierarchical: what a level is granted, every higher level holds.
    await grant(database(), 'CONSULTATION', ['essai.personne_tab']);
    await grant(database(), 'UTILISATEUR LIMITÉ', ['reqmo']);
    await grant(database(), 'UTILISATEUR', ['essai.categorie_tab', 'essai.personne_exporter']);
    await createUsers(database(), [
      { login: 'sans', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
      { login: 'limite', password: PASSWORD, profil: 'UTILISATEUR LIMITÉ', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'autre', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
    ]);
  });

  test('without `reqmo`: no menu entry and every address is the 403 page', async () => {
    const home = await get('sans', '/');
    assert.doesNotMatch(home.text, /href="\/requetes"/);
    assert.equal((await get('sans', '/requetes')).status, 403);
    assert.equal((await get('sans', '/requetes/essai/personne')).status, 403);
    const result = await get('sans', RESULT('personne', 'colonne=nom'));
    assert.equal(result.status, 403);
    assert.doesNotMatch(result.text, /Dupont/);
  });

  test('the list shows, by application, only the queries whose object the user may list', async () => {
    const home = await get('agent', '/');
    assert.match(home.text, /<summary>Export<\/summary>[\s\S]*?<a href="\/requetes"[^>]*>Requêtes mémorisées<\/a>/);
    const response = await get('agent', '/requetes');
    assert.equal(response.status, 200);
    const html = decoded(response.text);
    assert.match(html, /<h1>Requêtes mémorisées<\/h1>/);
    // The application is named by its title.
    assert.match(html, /<h2 id="requetes-essai">Essais de la mairie<\/h2>/);
    assert.match(html, /<caption class="visuellement-cache">Requêtes de l’application « Essais de la mairie »<\/caption>/);
    const links = [...html.matchAll(/<a href="\/requetes\/essai\/([a-z_]+)">([^<]*)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(links.sort(), ['categorie', 'personne', 'personne_categorie', 'personne_recherche']);
    assert.match(html, /<a href="\/requetes\/essai\/personne_categorie">Personne par catégorie<\/a><\/th><td>Personne \(\d+ colonnes\)<\/td><td>Catégorie \(choix, obligatoire\)<\/td>/);
    assert.match(html, /Recherche de personnes<\/a><\/th><td>[^<]*<\/td><td>Nom \(contient\) ; Date de naissance \(de… à…\) ; Taille \(de… à…\)<\/td>/);

    // Without categorie_tab, the query on categorie is not offered.
    const limited = decoded((await get('limite', '/requetes')).text);
    const limitedLinks = [...limited.matchAll(/<a href="\/requetes\/essai\/([a-z_]+)">/g)].map((m) => m[1]);
    assert.deepEqual(limitedLinks.sort(), ['personne', 'personne_categorie', 'personne_recherche']);
  });

  test('a query on an object the user may not list is a 403; an unknown one a 404', async () => {
    assert.equal((await get('agent', '/requetes/essai/note')).status, 403, 'no note_tab');
    assert.equal((await get('agent', '/requetes/essai/note_personne')).status, 403);
    const result = await get('agent', RESULT('note', 'colonne=texte'));
    assert.equal(result.status, 403);
    assert.equal((await get('limite', '/requetes/essai/categorie')).status, 403);
    assert.equal((await get('agent', '/requetes/essai/inconnue')).status, 404);
    assert.equal((await get('agent', '/requetes/autre/personne')).status, 404);
  });

  test('the form offers every column ticked, the sorts, the criteria and the outputs', async () => {
    const response = await get('agent', '/requetes/essai/personne_recherche');
    assert.equal(response.status, 200);
    const html = decoded(response.text);
    assert.match(html, /<h1>Requête : Recherche de personnes<\/h1>/);
    // Laid out as the record forms: titled sections, a field a block, the buttons at the end.
    assert.match(html, /<form method="get" action="\/requetes\/essai\/personne_recherche\/resultat" class="formulaire"><fieldset class="section"><legend>Colonnes à afficher<\/legend>/);
    assert.match(html, /<div class="champ champ-checkbox case"><input type="checkbox" id="requete-colonne-nom" name="colonne" value="nom" checked="" aria-describedby="requete-colonnes-aide"\/> <label for="requete-colonne-nom">Nom<\/label><\/div>/);
    assert.match(html, /<div class="boutons"><button type="submit">Exécuter la requête<\/button> <a class="bouton bouton-secondaire" href="\/requetes">Retour aux requêtes mémorisées<\/a><\/div>/);
    assert.doesNotMatch(html, /listing-recherche|listing-criteres/);
    const boxes = checkboxesIn(html, 'colonne');
    assert.deepEqual(boxes.map((box) => [box.value, box.checked]), RECHERCHE.columns.map((name) => [name, true]));
    assert.deepEqual(boxes.map((box) => box.label), ['Nom', 'Prénom', 'Date de naissance', 'Taille', 'Actif', 'Catégorie']);
    assert.deepEqual(optionsOf(html, 'requete-tri').map(([value]) => value), ['nom', 'date_naissance', 'taille']);
    assert.deepEqual(optionsOf(html, 'requete-ordre').map(([value, , selected]) => [value, selected]), [['asc', true], ['desc', false]]);
    assert.match(html, /<label for="requete-critere-nom">Nom<\/label><input type="text" id="requete-critere-nom" name="critere\[nom\]"/);
    assert.match(html, /<legend>Date de naissance \(de… à…\)<\/legend><label for="requete-critere-date_naissance-du">du<\/label><input[^>]*name="critere\[date_naissance\]\[du\]"/);
    assert.match(html, /name="critere\[date_naissance\]\[au\]"[^>]*aria-describedby="requete-critere-date_naissance-format"/);
    assert.match(html, /id="requete-critere-date_naissance-format" class="aide">Dates au format JJ\/MM\/AAAA/);
    assert.match(html, /name="critere\[taille\]\[du\]"/);
    assert.match(html, /<input type="radio" id="requete-sortie-tableau" name="sortie" value="tableau" checked=""/);
    assert.match(html, /<input type="radio" id="requete-sortie-csv" name="sortie" value="csv"/);
    assert.match(html, /<input type="number" id="requete-limite" name="limite" value="100" min="1" max="1000"/);
    assert.deepEqual(optionsOf(html, 'requete-separateur').map(([value]) => value), [';', ',', '|']);
  });

  test('a foreign key criterion is a select of the target rows, or the key when the target cannot be listed', async () => {
    const html = decoded((await get('agent', '/requetes/essai/personne_categorie')).text);
    assert.match(html, /<label for="requete-critere-categorie">Catégorie \(obligatoire\)<\/label><select id="requete-critere-categorie" name="critere\[categorie\]" required="">/);
    assert.deepEqual(optionsOf(html, 'requete-critere-categorie'), [
      ['', '— choisir —', false],
      ['2', 'Électeur', false],
      ['1', 'Résident', false],
    ], 'by label, as French sorts it');

    // `limite` may not list categorie: a text input of the key, and no CSV (no personne_exporter).
    const limited = decoded((await get('limite', '/requetes/essai/personne_categorie')).text);
    assert.match(limited, /<input type="text" id="requete-critere-categorie" name="critere\[categorie\]" value="" required=""/);
    assert.match(limited, /Saisissez la clé de l’enregistrement de « Catégorie »/);
    assert.doesNotMatch(limited, /Résident/);
    assert.doesNotMatch(limited, /value="csv"/);
    assert.match(limited, /Le téléchargement CSV demande la permission d’exporter « Personne »/);
  });

  test('the result shows the chosen columns only, in the chosen order, with the screens’ formats', async () => {
    const response = await get('agent', RESULT('personne_recherche', 'colonne=nom&colonne=date_naissance&colonne=taille&colonne=actif&tri=nom&ordre=asc&sortie=tableau&limite=100'));
    assert.equal(response.status, 200);
    const html = decoded(response.text);
    assert.match(html, /<h1>Résultat : Recherche de personnes<\/h1>/);
    assert.match(html, /<caption id="requete-legende">Recherche de personnes<\/caption>/);
    assert.deepEqual(headersOf(html), ['Nom', 'Date de naissance', 'Taille', 'Actif']);
    assert.deepEqual(tableRows(html), [
      ['Bernard', '', '', 'Oui'],
      ['Dupont', '14/05/1980', '1,65', 'Oui'],
      ['Durand', '02/01/1975', '1,80', 'Non'],
      ['Martin', '31/12/1990', '1,72', 'Oui'],
    ]);
    assert.match(html, /<p class="listing-compte" id="requete-compte">4 lignes<\/p>/);
    assert.doesNotMatch(html, /Dupuis|Zeta/, 'another collectivité’s rows are absent');

    const descending = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&tri=date_naissance&ordre=desc'))).text);
    assert.deepEqual(firstCells(descending), ['Martin', 'Dupont', 'Durand', 'Bernard'], 'descending, empty dates last');
    assert.deepEqual(headersOf(descending), ['Nom']);
  });

  test('the result links back to the form with the same choices', async () => {
    const html = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&colonne=taille&tri=taille&ordre=desc&critere[nom]=du&limite=7'))).text);
    const back = /<a href="([^"]*)">Modifier la requête<\/a>/.exec(html)?.[1];
    assert.ok(back?.startsWith('/requetes/essai/personne_recherche?'), back);
    const form = decoded((await get('agent', back ?? '')).text);
    assert.deepEqual(checkboxesIn(form, 'colonne').filter((box) => box.checked).map((box) => box.value), ['nom', 'taille']);
    assert.deepEqual(optionsOf(form, 'requete-tri').find(([, , selected]) => selected)?.[0], 'taille');
    assert.deepEqual(optionsOf(form, 'requete-ordre').find(([, , selected]) => selected)?.[0], 'desc');
    assert.match(form, /name="critere\[nom\]" value="du"/);
    assert.match(form, /name="limite" value="7"/);
  });

  test('the foreign key criterion keeps the rows of that target row, shown with its label', async () => {
    const html = decoded((await get('agent', RESULT('personne_categorie', 'colonne=nom&colonne=categorie&critere[categorie]=1'))).text);
    assert.deepEqual(tableRows(html), [['Dupont', 'Résident'], ['Martin', 'Résident']]);
    const other = decoded((await get('agent', RESULT('personne_categorie', 'colonne=nom&critere[categorie]=2'))).text);
    assert.deepEqual(firstCells(other), ['Durand']);
  });

  test('text and range criteria', async () => {
    const text = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&critere[nom]=DUP'))).text);
    assert.deepEqual(firstCells(text), ['Dupont'], 'contains, case-insensitive; Dupuis is in Autreville');
    const dates = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&critere[date_naissance][du]=01/01/1976&critere[date_naissance][au]=1990-12-31'))).text);
    assert.deepEqual(firstCells(dates), ['Dupont', 'Martin'], 'bounds included, JJ/MM/AAAA or ISO');
    const from = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&critere[taille][du]=1,70'))).text);
    assert.deepEqual(firstCells(from), ['Durand', 'Martin']);
    const both = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&critere[nom]=d&critere[taille][au]=1.70'))).text);
    assert.deepEqual(firstCells(both), ['Dupont']);
    const none = decoded((await get('agent', RESULT('personne_recherche', 'colonne=nom&critere[nom]=personne'))).text);
    assert.match(none, /Aucune ligne ne correspond à ces critères\./);
    assert.doesNotMatch(none, /<table/);
  });

  test('the limit cuts the table and says how many rows match', async () => {
    const html = decoded((await get('agent', RESULT('personne', 'colonne=nom&tri=nom&limite=2'))).text);
    assert.deepEqual(firstCells(html), ['Bernard', 'Dupont']);
    assert.match(html, /2 premières lignes sur 4/);
    // Autreville: 601 people; above the record service's page size, read in two pages.
    const many = decoded((await get('autre', RESULT('personne', 'colonne=nom&tri=nom&limite=550'))).text);
    const names = firstCells(many);
    assert.equal(names.length, 550);
    assert.equal(names[0], 'Dupuis');
    assert.equal(names[549], 'Zeta 549');
    assert.equal(new Set(names).size, 550, 'no row twice');
    assert.match(many, /550 premières lignes sur 601/);
    assert.doesNotMatch(many, /Dupont|Martin/);
  });

  for (const separator of [';', ',', '|']) {
    test(`CSV with the separator « ${separator} »`, async () => {
      const query = `colonne=nom&colonne=date_naissance&colonne=taille&colonne=actif&colonne=categorie&tri=nom&sortie=csv&separateur=${encodeURIComponent(separator)}`;
      const response = await get('agent', RESULT('personne_recherche', query));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(response.headers.get('content-disposition'), 'attachment; filename="personne_recherche.csv"');
      assert.ok(response.text.startsWith('\ufeff'), 'UTF-8 byte-order mark');
      const quoted = (text: string) => (text.includes(separator) ? `"${text}"` : text);
      const line = (cells: string[]) => cells.map(quoted).join(separator);
      assert.deepEqual(response.text.slice(1).trimEnd().split('\n'), [
        line(['Nom', 'Date de naissance', 'Taille', 'Actif', 'Catégorie', 'Catégorie (libellé)']),
        line(['Bernard', '', '', 'Oui', '', '']),
        line(['Dupont', '14/05/1980', '1,65', 'Oui', '1', 'Résident']),
        line(['Durand', '02/01/1975', '1,80', 'Non', '2', 'Électeur']),
        line(['Martin', '31/12/1990', '1,72', 'Oui', '1', 'Résident']),
      ]);
    });
  }

  test('a fixed choice prints its label, in the CSV as in the table; a foreign key sorts by its label', async () => {
    const query = 'colonne=nom&colonne=statut&tri=nom';
    const table = decoded((await get('agent', RESULT('personne', query))).text);
    const expected = [['Bernard', ''], ['Dupont', 'Validé'], ['Durand', 'Brouillon'], ['Martin', 'ancien']];
    assert.deepEqual(tableRows(table), expected, 'a value without a choice as it is');
    const csv = await get('agent', RESULT('personne', `${query}&sortie=csv`));
    assert.equal(csv.status, 200);
    assert.deepEqual(csv.text.slice(1).trimEnd().split('\n'), ['Nom;Statut', ...expected.map((cells) => cells.join(';'))]);
    const byCategory = decoded((await get('agent', RESULT('personne', 'colonne=nom&tri=categorie'))).text);
    assert.deepEqual(firstCells(byCategory), ['Durand', 'Dupont', 'Martin', 'Bernard'], 'Électeur, Résident, then none');
  });

  test('the CSV reads every matching row of the user’s collectivité only, whatever the limit', async () => {
    const response = await get('autre', RESULT('personne', 'colonne=nom&sortie=csv&limite=2'));
    const lines = response.text.slice(1).trimEnd().split('\n');
    assert.equal(lines.length, 602, 'header and 601 rows');
    assert.ok(!lines.some((text) => /Dupont|Durand|Martin|Bernard/.test(text)));
  });

  test('the CSV needs the export permission of the object', async () => {
    const response = await get('limite', RESULT('personne', 'colonne=nom&sortie=csv'));
    assert.equal(response.status, 403);
    assert.doesNotMatch(response.text, /Dupont/);
    const table = await get('limite', RESULT('personne', 'colonne=nom'));
    assert.equal(table.status, 200);
    assert.deepEqual(firstCells(decoded(table.text)).length, 4);
  });

  const refusals: [string, string, RegExp][] = [
    ['an unknown column', 'colonne=nom&colonne=om_collectivite_secrete', /La colonne « om_collectivite_secrete » n’existe pas dans cette requête\./],
    ['a column the spec does not list', 'colonne=nom&colonne=personne', /La colonne « personne » n’existe pas dans cette requête\./],
    ['no column', 'sortie=tableau', /Cochez au moins une colonne à afficher\./],
    ['an unknown sort', 'colonne=nom&tri=prenom', /Le tri « prenom » n’existe pas dans cette requête\./],
    ['an unknown order', 'colonne=nom&ordre=hasard', /L’ordre de tri « hasard » n’existe pas/],
    ['an unknown criterion', 'colonne=nom&critere[prenom]=x', /Le critère « prenom » n’existe pas dans cette requête\./],
    ['a range given to a text criterion', 'colonne=nom&critere[nom][du]=a', /Le critère « nom » n’existe pas dans cette requête\./],
    ['a bad date', 'colonne=nom&critere[date_naissance][du]=31/02/2020', /Date de naissance/],
    ['a limit too high', 'colonne=nom&limite=1001', /Le nombre de lignes doit être un nombre entier de 1 à 1000\./],
    ['a limit that is not a number', 'colonne=nom&limite=dix', /Le nombre de lignes doit être un nombre entier de 1 à 1000\./],
    ['an unknown output', 'colonne=nom&sortie=pdf', /La sortie « pdf » n’existe pas/],
    ['an unknown separator', 'colonne=nom&sortie=csv&separateur=%09', /Le séparateur doit être/],
  ];
  for (const [what, query, message] of refusals) {
    test(`${what} is refused with a French 400 and the form again`, async () => {
      const response = await get('agent', RESULT('personne_recherche', query));
      assert.equal(response.status, 400);
      const html = decoded(response.text);
      assert.match(alertsOf(html), message);
      assert.match(html, /<form method="get" action="\/requetes\/essai\/personne_recherche\/resultat"/);
      assert.doesNotMatch(html, /<tbody>/, 'nothing was read');
    });
  }

  test('a required criterion left empty is refused, naming it', async () => {
    for (const query of ['colonne=nom', 'colonne=nom&critere[categorie]=', 'colonne=nom&critere[categorie]=%20&sortie=csv']) {
      const response = await get('agent', RESULT('personne_categorie', query));
      assert.equal(response.status, 400, query);
      assert.match(alertsOf(decoded(response.text)), /Le critère « Catégorie » est obligatoire : indiquez une valeur\./);
      assert.doesNotMatch(response.text, /Dupont/);
    }
    const many = await get('agent', RESULT('personne_recherche', 'colonne=zz&tri=yy&critere[xx]=1'));
    const alerts = alertsOf(decoded(many.text));
    assert.match(alerts, /« zz »[\s\S]*« yy »[\s\S]*« xx »/, 'every refusal is shown');
  });
});
