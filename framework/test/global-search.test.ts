/**
 * The global search (`GET /recherche?q=`): every object the user may list, on its searchable
 * fields, accent- and case-insensitive, grouped by object with links; objects without `_tab` or
 * without a searchable field never appear; another collectivité's rows never appear.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { mapBounded } from '../src/web/navigation/concurrency.ts';
import { queryProblem } from '../src/web/navigation/global-search.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';

interface Group {
  label: string;
  count: string;
  links: [string, string][];
  all: string | undefined;
}

/** The result groups of a search page, in order. */
function groupsOf(html: string): Group[] {
  return [...html.matchAll(/<section class="resultats-objet"[^>]*><h2 id="[^"]+">([^<]+) <span class="resultats-nombre">\(([^)]+)\)<\/span><\/h2>([\s\S]*?)<\/section>/g)].map((match) => {
    const body = match[3] as string;
    const list = /<ul>([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
    return {
      label: match[1] as string,
      count: match[2] as string,
      links: [...list.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((link) => [link[1] as string, link[2] as string]),
      all: /<p class="resultats-tous"><a href="([^"]+)">Voir tous les résultats/.exec(body)?.[1],
    };
  });
}

describeEachDatabase('global search', (database) => {
  let app: Hono<AppEnv>;
  const signedIn = async (login: string): Promise<TestClient> => {
    const client = new TestClient(app);
    assert.equal((await client.login(login, PASSWORD)).status, 200);
    return client;
  };
  const search = async (client: TestClient, q: string) => client.request('GET', `/recherche?q=${encodeURIComponent(q)}`, { headers: { Accept: 'text/html' } });
  let eleveId = 0;

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    await database().asOwner(`
      insert into essai.categorie (libelle) values ('Élèves majeurs');
      insert into essai.personne (nom, prenom, om_collectivite) values ('Élève', 'Jean', 1), ('ÉLEVÉ', 'Autreville', 3);
      insert into essai.personne (nom, prenom, om_collectivite) select 'Dupont', 'P' || n, 1 from generate_series(1, 6) n;
      insert into essai.note (texte, personne, om_collectivite) select 'Élève absent', personne, 1 from essai.personne where nom = 'Élève';
      insert into essai.dossier (dossier, libelle) values (1, 'Élève boursier');
      insert into essai.piece (libelle, dossier) values ('Élève : certificat', 1);
    `);
    eleveId = Number((await database().ownerQuery<{ personne: number }>(`select personne from essai.personne where nom = 'Élève'`))[0]?.personne);
    const runtime = await createTestRuntime(database(), {
      schemas: ['essai'],
      // `piece` has no searchable field: it is left out, without an error.
      overrides: { piece: { searchColumns: [] }, personne: { label: 'Personnes' } },
    });
    // An object whose table is missing: its search fails, the others must still be shown.
    const note = runtime.registry.get('essai', 'note');
    assert.ok(note);
    runtime.registry.register({ ...note.meta, name: 'fantome', label: 'Fantôme' });
    app = createApp(runtime);
    await grant(database(), 'CONSULTATION', ['essai.personne_tab']);
    await grant(database(), 'UTILISATEUR', ['essai.personne', 'essai.note', 'essai.categorie_tab', 'essai.piece_tab']);
    await grant(database(), 'SUPER UTILISATEUR', ['essai.fantome_tab']);
    await createUsers(database(), [
      { login: 'lecteur', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'agent3', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
      { login: 'super', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
    ]);
  });

  test('results grouped by object, accent- and case-insensitive, with links to the records and to the listing', async () => {
    const response = await search(await signedIn('agent'), 'eleve');
    assert.equal(response.status, 200);
    const groups = groupsOf(response.text);
    assert.deepEqual(
      groups.map((group) => [group.label, group.count]),
      [
        ['Catégorie', '1 résultat'],
        ['Note', '1 résultat'],
        ['Personnes', '1 résultat'],
      ],
      'no Dossier (no dossier_tab), no Pièce (no searchable field)',
    );
    const personnes = groups.find((group) => group.label === 'Personnes');
    assert.deepEqual(personnes?.links, [[`/essai/personne/${eleveId}`, `${eleveId} Élève`]]);
    assert.equal(personnes?.all, '/essai/personne?q=eleve');
    assert.match(response.text, /<p role="status" class="resultats-resume">Résultats pour « eleve » dans 3 listes\.<\/p>/);
    // The header's box keeps the query; the title says what was searched.
    assert.match(response.text, /<input type="search" id="recherche-globale" name="q" value="eleve"/);
    assert.match(response.text, /<title>Recherche « eleve » — Commun<\/title>/);
    assert.match(response.text, /<h1>Recherche<\/h1>/);
    assert.doesNotMatch(response.text, /n’a pas pu aboutir/, 'no object refused the search');
  });

  test('another collectivité’s rows never appear; each user finds their own', async () => {
    const mine = groupsOf((await search(await signedIn('agent'), 'ÉLÈVE')).text);
    assert.ok(!JSON.stringify(mine).includes('ÉLEVÉ'), 'the row of Autreville is not found from Libreville');
    const theirs = groupsOf((await search(await signedIn('agent3'), 'eleve')).text);
    const personnes = theirs.find((group) => group.label === 'Personnes');
    assert.deepEqual(personnes?.links.map(([, label]) => label.replace(/^\d+ /, '')), ['ÉLEVÉ']);
    assert.ok(!theirs.some((group) => group.label === 'Note'), 'the note belongs to Libreville');
  });

  test('an object the user may not list never appears, and is not even searched', async () => {
    const response = await search(await signedIn('lecteur'), 'eleve');
    assert.deepEqual(groupsOf(response.text).map((group) => group.label), ['Personnes']);
    assert.doesNotMatch(response.text, /n’a pas pu aboutir|Catégorie|Note/);
  });

  test('an object whose search fails is named; the other results are still shown', async () => {
    const response = await search(await signedIn('super'), 'eleve');
    assert.equal(response.status, 200);
    assert.deepEqual(groupsOf(response.text).map((group) => group.label), ['Catégorie', 'Note', 'Personnes']);
    assert.match(response.text, /<p role="alert" class="message message-avertissement">La recherche n’a pas pu aboutir dans : Fantôme\. Réessayez plus tard/);
    assert.doesNotMatch(response.text, /does not exist|n’existe pas|relation/);
  });

  test('a few rows per object, the count of all of them, and the way to the rest', async () => {
    const groups = groupsOf((await search(await signedIn('agent'), 'dupont')).text);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.count, '6 résultats');
    assert.equal(groups[0]?.links.length, 5);
    assert.equal(groups[0]?.all, '/essai/personne?q=dupont');
  });

  test('empty, too short, too long, no result, odd characters', async () => {
    const agent = await signedIn('agent');
    const empty = await search(agent, '  ');
    assert.equal(empty.status, 200);
    assert.match(empty.text, /la recherche porte sur tout ce que vous pouvez consulter/);
    assert.doesNotMatch(empty.text, /resultats-objet/);
    const short = await search(agent, 'e*');
    assert.equal(short.status, 400);
    assert.match(short.text, /<div role="alert"><p class="message message-erreur">Saisissez au moins 2 caractères pour lancer la recherche\.<\/p><\/div>/);
    const long = await search(agent, 'x'.repeat(201));
    assert.equal(long.status, 400);
    assert.match(long.text, /La recherche est trop longue : saisissez 200 caractères au plus\./);
    const none = await search(agent, 'zzzqqq');
    assert.equal(none.status, 200);
    assert.match(none.text, /<p role="status" class="resultats-resume"><strong>Aucun résultat\.<\/strong> Rien ne correspond à « zzzqqq »/);
    for (const odd of ["'; drop table essai.personne; --", '100%', 'a_b', '<script>alert(1)</script>']) {
      const response = await search(agent, odd);
      assert.equal(response.status, 200, odd);
      assert.doesNotMatch(response.text, /<script>alert/);
    }
    assert.equal((await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne'))[0]?.n, 8);
    // The wildcard works as in the listings.
    assert.equal(groupsOf((await search(agent, 'dup*t')).text)[0]?.count, '6 résultats');
  });

  test('anonymous: to the login form, then back to the search', async () => {
    const response = await new TestClient(app).request('GET', '/recherche?q=eleve', { headers: { Accept: 'text/html' } });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/login?came_from=%2Frecherche%3Fq%3Deleve');
  });
});

describe('global search helpers (no database)', () => {
  test('queryProblem', () => {
    assert.equal(queryProblem('', 200), 'empty');
    assert.equal(queryProblem('***', 200), 'empty');
    assert.equal(queryProblem('a', 200), 'tooShort');
    assert.equal(queryProblem('ab', 200), undefined);
    assert.equal(queryProblem('a'.repeat(201), 200), 'tooLong');
  });

  test('mapBounded keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (value) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, value * 3));
      running -= 1;
      return value * 10;
    });
    assert.deepEqual(results, [50, 10, 40, 20, 30, 0]);
    assert.equal(most, 2);
    assert.deepEqual(await mapBounded([], 3, async () => 1), []);
  });
});
