/**
 * The main menu: built from the registered objects (`screens.menu`) and the applications'
 * declared entries, each shown only with its permission; rubriques without an entry hidden;
 * entries ordered by order then label (French collation), under their category headings; the
 * current entry marked `aria-current="page"` and its rubrique unfolded.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../src/access/actor.ts';
import type { ObjectOverride } from '../src/model/override.ts';
import { Registry } from '../src/model/registry.ts';
import { tables } from '../gen/index.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { buildMenu } from '../src/web/navigation/menu.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';

const OVERRIDES: Record<string, ObjectOverride> = {
  personne: { screens: { menu: { rubrique: 'application', order: 5, label: 'Personnes' } } },
  categorie: { screens: { menu: { rubrique: 'parametrage', category: 'Référentiels', order: 10 } } },
  dossier: { screens: { menu: { rubrique: 'traitement', order: 1, label: 'Dossiers' } } },
  // Reached from its parent only.
  note: { screens: { menu: false } },
};

/** The menu's `<nav>` of a page. */
function menuOf(html: string): string {
  return /<nav class="menu"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
}

/** The links of the menu, in order: [href, text]. */
function linksOf(menu: string): [string, string][] {
  return [...menu.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((match) => [match[1] as string, match[2] as string]);
}

/** The rubriques shown, in order, with whether each is unfolded. */
function rubriquesOf(menu: string): { label: string; open: boolean }[] {
  return [...menu.matchAll(/<details class="rubrique rubrique-\w+"( open="")?><summary>([^<]+)<\/summary>/g)].map((match) => ({
    label: match[2] as string,
    open: match[1] !== undefined,
  }));
}

describeEachDatabase('main menu', (database) => {
  let app: Hono<AppEnv>;
  const signedIn = async (login: string): Promise<TestClient> => {
    const client = new TestClient(app);
    assert.equal((await client.login(login, PASSWORD)).status, 200);
    return client;
  };
  const page = async (client: TestClient, path: string) => (await client.request('GET', path, { headers: { Accept: 'text/html' } })).text;

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    const runtime = await createTestRuntime(database(), { schemas: ['essai'], overrides: OVERRIDES });
    runtime.registry.addMenuEntry({ rubrique: 'export', label: 'Requêtes mémorisées', href: '/essai/requetes', permissions: ['reqmo', 'essai.personne_exporter'] });
    runtime.registry.addMenuEntry({ rubrique: 'traitement', label: 'Zèbre', href: '/essai/zebre', permissions: ['essai.personne_tab'] });
    runtime.registry.addMenuEntry({ rubrique: 'traitement', label: 'Envoi des courriers', href: '/essai/envoi', permissions: ['essai.personne_tab'] });
    runtime.registry.addMenuEntry({ rubrique: 'traitement', label: 'Édition des étiquettes', href: '/essai/etiquettes', permissions: ['essai.personne_tab'] });
    runtime.registry.addMenuEntry({ rubrique: 'traitement', label: 'Clôture annuelle', href: '/essai/cloture', permissions: ['essai.dossier_cloturer'] });
    app = createApp(runtime);
    await grant(database(), 'CONSULTATION', ['essai.personne_tab']);
    await grant(database(), 'UTILISATEUR', ['essai.personne', 'essai.note', 'essai.categorie_tab', 'essai.dossier_tab']);
    await createUsers(database(), [
      { login: 'lecteur', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'chef', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 1 },
    ]);
  });

  test('a user holding only personne_tab sees only that entry; empty rubriques are hidden', async () => {
    const menu = menuOf(await page(await signedIn('lecteur'), '/'));
    const links = linksOf(menu);
    // Personnes, and the declared entries that ask for personne_tab; of the framework, only
    // « Mes traitements » and « Mes notifications », every signed-in user's (orders 900, 910: last of their rubrique).
    assert.deepEqual(links, [
      ['/essai/personne', 'Personnes'],
      ['/essai/etiquettes', 'Édition des étiquettes'],
      ['/essai/envoi', 'Envoi des courriers'],
      ['/essai/zebre', 'Zèbre'],
      ['/traitements', 'Mes traitements'],
      ['/notifications', 'Mes notifications'],
    ]);
    const rubriques = rubriquesOf(menu).map((rubrique) => rubrique.label);
    assert.ok(rubriques.includes('Application'));
    assert.ok(!rubriques.includes('Export'), 'no allowed entry in Export');
    assert.ok(!rubriques.includes('Paramétrage'));
    assert.ok(!rubriques.includes('Administration'));
  });

  test('rubriques in openMairie order, entries by order then French label, category headings', async () => {
    const menu = menuOf(await page(await signedIn('agent'), '/'));
    const rubriques = rubriquesOf(menu).map((rubrique) => rubrique.label);
    assert.deepEqual(
      rubriques.filter((label) => ['Application', 'Export', 'Traitement', 'Paramétrage'].includes(label)),
      ['Application', 'Export', 'Traitement', 'Paramétrage'],
    );
    const traitement = /<summary>Traitement<\/summary>([\s\S]*?)<\/details>/.exec(menu)?.[1] ?? '';
    // Dossiers first (order 1), then by label as French sorts it: « Édition » among the E.
    assert.deepEqual(
      linksOf(traitement).map(([, label]) => label),
      ['Dossiers', 'Édition des étiquettes', 'Envoi des courriers', 'Zèbre', 'Mes traitements', 'Mes notifications'],
      'Clôture annuelle needs dossier_cloturer, which the agent does not hold',
    );
    // The whole-object permission `personne` gives `personne_exporter`: the export entry shows.
    // The framework's « Éditions » (permission `edition`, held by UTILISATEUR) sorts before it.
    assert.match(menu, /<summary>Export<\/summary><ul class="menu-liens"><li><a href="\/editions">Éditions<\/a><\/li><li><a href="\/essai\/requetes">Requêtes mémorisées<\/a><\/li><\/ul>/);
    assert.match(
      menu,
      /<summary>Paramétrage<\/summary>[\s\S]*?<div class="menu-groupe"><p class="menu-categorie" id="menu-parametrage-\d+">Référentiels<\/p><ul class="menu-liens" aria-labelledby="menu-parametrage-\d+"><li><a href="\/essai\/categorie">Catégorie<\/a><\/li><\/ul><\/div>/,
    );
    // `menu: false`: no entry, although the agent may list notes.
    assert.ok(!linksOf(menu).some(([href]) => href === '/essai/note'));
    // The menu is a labelled navigation landmark.
    assert.match(await page(await signedIn('agent'), '/'), /<nav class="menu" id="menu" aria-label="Menu principal" tabindex="-1">/);
  });

  test('the current entry is marked and its rubrique unfolded, the others folded', async () => {
    const agent = await signedIn('agent');
    const menu = menuOf(await page(agent, '/essai/categorie/999999'));
    assert.match(menu, /<a href="\/essai\/categorie" aria-current="page" class="menu-courant">Catégorie<\/a>/);
    assert.equal((menu.match(/aria-current="page"/g) ?? []).length, 1, 'one current entry');
    const rubriques = rubriquesOf(menu);
    assert.deepEqual(
      rubriques.filter((rubrique) => rubrique.open).map((rubrique) => rubrique.label),
      ['Paramétrage'],
    );
    // On the home page no entry is current; the first rubrique is unfolded.
    const home = menuOf(await page(agent, '/'));
    assert.doesNotMatch(home, /aria-current/);
    assert.deepEqual(rubriquesOf(home).filter((rubrique) => rubrique.open).map((rubrique) => rubrique.label), ['Application']);
  });

  test('the menu is on error pages too, and the API is not affected', async () => {
    const lecteur = await signedIn('lecteur');
    const forbidden = await lecteur.request('GET', '/administration/tableau-de-bord', { headers: { Accept: 'text/html' } });
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.text, /<a href="\/essai\/personne">Personnes<\/a>/);
    const api = await lecteur.get('/api/v1/essai/personne');
    assert.equal(api.status, 200);
    assert.doesNotMatch(api.text, /menu/);
  });
});

describe('buildMenu (no database)', () => {
  const registry = new Registry();
  for (const meta of tables) registry.register(meta);
  registry.addMenuEntry({ rubrique: 'application', label: 'Accueil bis', href: '/', permissions: [] });
  registry.addMenuEntry({ rubrique: 'export', label: 'Éditions', href: '/om/om_etat/editions?x=1', permissions: ['om_etat_tab'] });
  const actor = (permissions: string[]): Actor => ({
    userId: 1,
    login: 'x',
    nom: 'X',
    email: '',
    profileId: 1,
    profileLabel: 'P',
    hierarchy: 1,
    collectivite: 1,
    niveau: '1',
    workingCollectivite: 1,
    permissions: new Set(permissions),
    via: 'session',
  });

  test('the longest matching address is the current entry; « / » only matches the home page', () => {
    const menu = buildMenu(registry, actor(['om_etat']), '/om/om_etat/editions/3', 'fr');
    const links = menu.rubriques.flatMap((rubrique) => rubrique.groups.flatMap((group) => group.links));
    assert.deepEqual(links.filter((link) => link.current).map((link) => link.label), ['Éditions']);
    assert.equal(links.find((link) => link.href === '/')?.current, false);
    const home = buildMenu(registry, actor([]), '/', 'fr').rubriques.flatMap((rubrique) => rubrique.groups.flatMap((group) => group.links));
    assert.deepEqual(home.map((link) => [link.label, link.current]), [['Accueil bis', true]]);
  });

  test('an address that only starts like an entry is not under it', () => {
    const menu = buildMenu(registry, actor(['om_etat']), '/om/om_etatx', 'fr');
    assert.ok(menu.rubriques.every((rubrique) => rubrique.groups.every((group) => group.links.every((link) => !link.current))));
  });

  test('the whole-object permission gives an entry that asks for <object>_tab', () => {
    const labels = (permissions: string[]) =>
      buildMenu(registry, actor(permissions), '/', 'fr').rubriques.flatMap((rubrique) => rubrique.groups.flatMap((group) => group.links.map((link) => link.label)));
    assert.ok(labels(['om_etat']).includes('Éditions'));
    assert.ok(labels(['om_etat_tab']).includes('Éditions'));
    assert.ok(!labels(['om_etat_consulter']).includes('Éditions'));
    assert.ok(!labels(['om_eta']).includes('Éditions'));
  });
});
