/**
 * The dashboard (`GET /`): the widgets of the user's profile in their columns and order; web
 * widgets sanitised; server widgets (counter, list, chart with its data table, empty, failing,
 * permission-hidden, unknown); the framework's own widgets. The composer: add, move, remove
 * through the record service (audit, niveau-2 rule), and its refusals.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { createApp } from '../src/web/app.tsx';
import { FRAMEWORK_WIDGETS, lastDays, registerFrameworkWidgets } from '../src/web/dashboard/framework-widgets.ts';
import { planMove } from '../src/web/dashboard/composer/moves.ts';
import { safeLink } from '../src/web/dashboard/safe-link.ts';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';
const COMPOSER = '/administration/tableau-de-bord';

interface LogLine {
  level: number;
  msg: string;
  lien?: string;
}

/** The widgets of a dashboard page, in document order: [title, class, body]. */
function widgetsOf(html: string): { title: string; kind: string; body: string }[] {
  return [...html.matchAll(/<section class="widget widget-(\w+)" aria-labelledby="widget-\d+"><h2 id="widget-\d+">([^<]+)<\/h2>([\s\S]*?)<\/section>/g)].map((match) => ({
    kind: match[1] as string,
    title: match[2] as string,
    body: match[3] as string,
  }));
}

/** The titles of each column. */
function columnsOf(html: string): string[][] {
  const parts = html.split(/<div class="colonne colonne-\d">/).slice(1);
  return parts.map((part) => widgetsOf(part).map((widget) => widget.title));
}

const decode = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

describeEachDatabase('dashboard and composer', (database) => {
  let app: Hono<AppEnv>;
  const logs: LogLine[] = [];
  const widgetIds = new Map<string, number>();
  const signedIn = async (login: string): Promise<TestClient> => {
    const client = new TestClient(app);
    assert.equal((await client.login(login, PASSWORD)).status, 200);
    return client;
  };
  const page = (client: TestClient, path: string) => client.request('GET', path, { headers: { Accept: 'text/html' } });
  const post = (client: TestClient, path: string, form: Record<string, string>) =>
    client.request('POST', path, { form: { _csrf: client.csrf ?? '', ...form }, headers: { Accept: 'text/html' }, csrf: false });
  const placements = (profil: number) =>
    database().ownerQuery<{ om_dashboard: number; bloc: string; position: number; libelle: string }>(
      `select d.om_dashboard, d.bloc, d.position, w.libelle from om.om_dashboard d join om.om_widget w using (om_widget)
        where d.om_profil = ${profil} order by d.bloc, d.position, d.om_dashboard`,
    );

  before(async () => {
    const base = await createTestRuntime(database());
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
    const runtime = { ...base, logger };
    registerFrameworkWidgets(runtime.registry);
    const { registry } = runtime;
    registry.addWidget({ id: 'essai.compteur', label: 'Compteur', render: async () => ({ kind: 'counter', value: 1234, label: 'dossiers à traiter', href: '/essai/dossier?etat=ouvert' }) });
    registry.addWidget({
      id: 'essai.liste',
      label: 'Liste',
      render: async ({ actor }) => ({
        kind: 'list',
        items: [{ label: 'Dossier 12', href: '/essai/dossier/12', detail: 'ouvert le 02/03/2026' }, { label: `Vu par ${actor.login}` }, { label: 'Piège', href: 'javascript:alert(1)' }],
        more: { label: 'Voir tous les dossiers', href: '/essai/dossier' },
      }),
    });
    registry.addWidget({
      id: 'essai.graphique',
      label: 'Graphique',
      render: async ({ read }) => {
        // Reads as the user: the query runs under the tenant rules.
        const rows = await read(async (db) => (await db.selectFrom('om.om_profil' as never).select('libelle' as never).execute()) as unknown[]);
        return { kind: 'chart', chart: 'pie', title: 'Répartition des dossiers par état', labels: ['Ouverts', 'Clos', 'Profils'], series: [{ label: 'Dossiers', values: [7, 3, rows.length] }] };
      },
    });
    registry.addWidget({ id: 'essai.vide', label: 'Vide', render: async () => ({ kind: 'empty' }) });
    registry.addWidget({
      id: 'essai.panne',
      label: 'Panne',
      render: async () => {
        throw new Error('détail interne : connexion refusée');
      },
    });
    registry.addWidget({ id: 'essai.reserve', label: 'Réservé', permissions: ['om_audit_tab'], render: async () => ({ kind: 'counter', value: 7, label: 'secrets' }) });
    app = createApp(runtime);

    const widgets: [string, string, string, string][] = [
      ['Bienvenue', 'web', '/essai/personne', '<p>Bonjour <strong>à tous</strong></p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">lien</a>'],
      ['Compteur', 'file', 'essai.compteur', ''],
      ['Liste', 'file', 'essai.liste', ''],
      ['Graphique', 'file', 'essai.graphique', ''],
      ['Vide', 'file', 'essai.vide', ''],
      ['En panne', 'file', 'essai.panne', ''],
      ['Réservé', 'file', 'essai.reserve', ''],
      ['Inconnu', 'file', 'essai.inexistant', ''],
      ['Lien douteux', 'web', 'javascript:alert(4)', '<p>Texte</p>'],
      ['Mes informations', 'file', FRAMEWORK_WIDGETS.info, ''],
      ['Activité récente', 'file', FRAMEWORK_WIDGETS.activity, ''],
      ['Modifications', 'file', FRAMEWORK_WIDGETS.changes, ''],
    ];
    for (const [libelle, type, lien, texte] of widgets) {
      const rows = await database().ownerQuery<{ om_widget: number }>(
        `insert into om.om_widget (libelle, type, lien, texte) values ('${libelle}', '${type}', '${lien}', '${texte.replaceAll("'", "''")}') returning om_widget`,
      );
      widgetIds.set(libelle, Number(rows[0]?.om_widget));
    }
    // UTILISATEUR (3): C1 Bienvenue, Compteur; C2 Graphique, Vide, En panne; C3 Liste, Réservé, Inconnu, Lien douteux.
    const placed: [string, string, number][] = [
      ['Compteur', 'C1', 2],
      ['Bienvenue', 'C1', 1],
      ['Graphique', 'C2', 1],
      ['Vide', 'C2', 2],
      ['En panne', 'C2', 3],
      ['Liste', 'C3', 1],
      ['Réservé', 'C3', 2],
      ['Inconnu', 'C3', 3],
      ['Lien douteux', 'C3', 4],
    ];
    for (const [libelle, bloc, position] of placed) {
      await database().asOwner(`insert into om.om_dashboard (om_profil, bloc, position, om_widget) values (3, '${bloc}', ${position}, ${widgetIds.get(libelle)})`);
    }
    await grant(database(), 'UTILISATEUR', []);
    await createUsers(database(), [
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'lecteur', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
      { login: 'chef', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 1 },
      { login: 'syndic', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 2 },
    ]);
  });

  test('the widgets of the profile, column by column, in their order; hidden ones left out', async () => {
    const response = await page(await signedIn('agent'), '/');
    assert.equal(response.status, 200);
    assert.match(response.text, /<title>Accueil — Commun<\/title>/);
    assert.match(response.text, /<h1>Accueil<\/h1>/);
    assert.deepEqual(columnsOf(response.text), [
      ['Bienvenue', 'Compteur'],
      ['Graphique', 'En panne'],
      ['Liste', 'Lien douteux'],
    ]);
    // Empty content, a permission the user lacks, an unknown widget: not shown at all.
    assert.doesNotMatch(response.text, /Vide|Réservé|secrets|Inconnu/);
    assert.ok(logs.some((line) => line.level === 40 && line.lien === 'essai.inexistant'), 'an unknown widget is logged as a warning');
  });

  test('a web widget is sanitised rich text with its « Voir » link', async () => {
    const widgets = widgetsOf((await page(await signedIn('agent'), '/')).text);
    const welcome = widgets.find((widget) => widget.title === 'Bienvenue');
    assert.ok(welcome);
    assert.equal(welcome.kind, 'web');
    assert.match(welcome.body, /<div class="widget-texte"><p>Bonjour <strong>à tous<\/strong><\/p>/);
    assert.doesNotMatch(welcome.body, /<script|alert\(|onerror|<img/);
    assert.match(welcome.body, /<p class="widget-pied"><a href="\/essai\/personne">Voir<span class="visuellement-cache"> : Bienvenue<\/span><\/a><\/p>/);
    const doubtful = widgets.find((widget) => widget.title === 'Lien douteux');
    assert.ok(doubtful);
    assert.doesNotMatch(doubtful.body, /javascript|widget-pied/, 'a link with another scheme is dropped');
  });

  test('server widgets: counter, list, chart with its data and table, failure isolated', async () => {
    const html = (await page(await signedIn('agent'), '/')).text;
    const widgets = widgetsOf(html);
    const counter = widgets.find((widget) => widget.title === 'Compteur');
    assert.match(
      counter?.body ?? '',
      /<p class="compteur"><a href="\/essai\/dossier\?etat=ouvert"><span class="compteur-valeur">1\u202f234<\/span> <span class="compteur-libelle">dossiers à traiter<\/span><\/a><\/p>/,
    );
    const list = widgets.find((widget) => widget.title === 'Liste');
    assert.match(list?.body ?? '', /<li><a href="\/essai\/dossier\/12">Dossier 12<\/a><span class="widget-detail"> ouvert le 02\/03\/2026<\/span><\/li><li>Vu par agent<\/li><li>Piège<\/li>/);
    assert.match(list?.body ?? '', /<p class="widget-pied"><a href="\/essai\/dossier">Voir tous les dossiers<\/a><\/p>/);

    const chart = widgets.find((widget) => widget.title === 'Graphique');
    assert.equal(chart?.kind, 'chart');
    const canvas = /<canvas role="img" aria-label="Répartition des dossiers par état" data-graphique="([^"]+)">/.exec(chart?.body ?? '');
    assert.ok(canvas, 'a canvas named by the chart’s title');
    const data = JSON.parse(decode(canvas[1] as string)) as { type: string; labels: string[]; series: { label: string; values: number[] }[] };
    assert.equal(data.type, 'pie');
    assert.deepEqual(data.labels, ['Ouverts', 'Clos', 'Profils']);
    assert.deepEqual(data.series[0]?.values, [7, 3, 5], 'the widget read the five profiles as the user');
    // The text alternative: the same data as a table.
    assert.match(chart?.body ?? '', /<details class="graphique-donnees"><summary>Données du graphique<\/summary><table><caption>Répartition des dossiers par état<\/caption>/);
    assert.match(chart?.body ?? '', /<thead><tr><th scope="col">Libellé<\/th><th scope="col">Dossiers<\/th><\/tr><\/thead>/);
    assert.match(chart?.body ?? '', /<tr><th scope="row">Ouverts<\/th><td>7<\/td><\/tr><tr><th scope="row">Clos<\/th><td>3<\/td><\/tr>/);
    // Chart.js is loaded on this page, before the screens' script that draws.
    assert.match(html, /<script src="\/static\/chart\.umd\.min\.js\?v=[0-9a-f]+" defer=""><\/script><script src="\/static\/commun\.js/);

    const failed = widgets.find((widget) => widget.title === 'En panne');
    assert.match(failed?.body ?? '', /<p class="message message-erreur" role="alert">Ce widget n’a pas pu être affiché\.<\/p>/);
    assert.doesNotMatch(html, /détail interne|connexion refusée/);
    assert.ok(logs.some((line) => line.level === 50 && line.lien === 'essai.panne'), 'the failure is logged as an error');
  });

  test('an empty dashboard says so; an administrator is offered the composer', async () => {
    const lecteur = (await page(await signedIn('lecteur'), '/')).text;
    assert.match(lecteur, /Aucun widget n’est placé sur le tableau de bord de votre profil\./);
    assert.doesNotMatch(lecteur, /tableau-de-bord\?profil|chart\.umd/);
    const chef = (await page(await signedIn('chef'), '/')).text;
    assert.match(chef, /Aucun widget n’est placé/);
    assert.match(chef, /<a href="\/administration\/tableau-de-bord\?profil=1">Composer les tableaux de bord<\/a>/);
    // The composer is in the administrator's menu.
    assert.match(chef, /<a href="\/administration\/tableau-de-bord">Composition des tableaux de bord<\/a>/);
    assert.doesNotMatch(lecteur, /Composition des tableaux de bord/);
  });

  test('the composer needs om_dashboard: 403 for others', async () => {
    const response = await page(await signedIn('agent'), COMPOSER);
    assert.equal(response.status, 403);
    assert.match(response.text, /<h1>Droits insuffisants<\/h1>/);
    const write = await post(await signedIn('agent'), `${COMPOSER}/ajouter`, { profil: '3', om_widget: String(widgetIds.get('Compteur')), bloc: 'C1' });
    assert.equal(write.status, 403);
  });

  test('composer: add, move up, move to another column, remove — each a write of the record service', async () => {
    const syndic = await signedIn('syndic');
    const view = await page(syndic, `${COMPOSER}?profil=1`);
    assert.equal(view.status, 200);
    assert.match(view.text, /<option value="1" selected="">ADMINISTRATEUR<\/option>/);
    assert.equal((view.text.match(/Aucun widget dans cette colonne\./g) ?? []).length, 3);
    assert.match(view.text, /<legend>Ajouter un widget au tableau de bord du profil « ADMINISTRATEUR »<\/legend>/);

    // Without the CSRF token: refused, nothing written.
    const forged = await syndic.request('POST', `${COMPOSER}/ajouter`, { form: { profil: '1', om_widget: '1', bloc: 'C1' }, csrf: false, headers: { Accept: 'text/html' } });
    assert.equal(forged.status, 403);
    assert.deepEqual(await placements(1), []);

    for (const libelle of ['Mes informations', 'Activité récente', 'Modifications']) {
      const added = await post(syndic, `${COMPOSER}/ajouter`, { profil: '1', om_widget: String(widgetIds.get(libelle)), bloc: 'C1' });
      assert.equal(added.status, 303, added.text);
      assert.equal(added.headers.get('Location'), `${COMPOSER}?profil=1`);
    }
    const after = await page(syndic, `${COMPOSER}?profil=1`);
    assert.match(after.text, /<div role="status"><p class="message message-succes">Le widget « Modifications » a été ajouté au tableau de bord du profil « ADMINISTRATEUR »\.<\/p><\/div>/);
    assert.deepEqual((await placements(1)).map((row) => [row.libelle, row.bloc, row.position]), [
      ['Mes informations', 'C1', 1],
      ['Activité récente', 'C1', 2],
      ['Modifications', 'C1', 3],
    ]);

    const [, second, third] = await placements(1);
    assert.equal((await post(syndic, `${COMPOSER}/${third?.om_dashboard}/deplacer`, { vers: 'haut', colonne: 'C2' })).status, 303);
    assert.deepEqual((await placements(1)).map((row) => row.libelle), ['Mes informations', 'Modifications', 'Activité récente']);

    assert.equal((await post(syndic, `${COMPOSER}/${second?.om_dashboard}/deplacer`, { vers: 'colonne', colonne: 'C3' })).status, 303);
    assert.deepEqual((await placements(1)).map((row) => [row.libelle, row.bloc, row.position]), [
      ['Mes informations', 'C1', 1],
      ['Modifications', 'C1', 2],
      ['Activité récente', 'C3', 1],
    ]);

    // The dashboard of an administrator now shows the framework's widgets.
    const home = (await page(syndic, '/')).text;
    assert.deepEqual(columnsOf(home), [['Mes informations', 'Modifications'], [], ['Activité récente']]);
    const widgets = widgetsOf(home);
    assert.match(widgets[0]?.body ?? '', /<li>Identifiant : syndic<\/li>.*<li>Profil : ADMINISTRATEUR<\/li><li>Collectivité : Syndicat intercommunal<\/li><li><a href="\/password">Changer mon mot de passe<\/a><\/li>/);
    const activity = widgets.find((widget) => widget.title === 'Activité récente');
    assert.match(activity?.body ?? '', /<a href="\/om\/om_dashboard\/\d+">Modification : Tableau de bord \d+<\/a><span class="widget-detail"> \d\d\/\d\d\/\d{4} \d\d:\d\d, par syndic<\/span>/);
    assert.match(activity?.body ?? '', /<a href="\/om\/om_audit">Voir tout le journal<\/a>/);
    const chart = /data-graphique="([^"]+)"/.exec(widgets.find((widget) => widget.title === 'Modifications')?.body ?? '');
    const data = JSON.parse(decode(chart?.[1] ?? '{}')) as { type: string; labels: string[]; series: { values: number[] }[] };
    assert.equal(data.type, 'bar');
    assert.equal(data.labels.length, 7);
    assert.ok((data.series[0]?.values[6] ?? 0) >= 6, `today: 3 additions and 3 changes at least (${JSON.stringify(data)})`);

    const removed = await post(syndic, `${COMPOSER}/${second?.om_dashboard}/retirer`, {});
    assert.equal(removed.status, 303);
    assert.deepEqual((await placements(1)).map((row) => row.libelle), ['Mes informations', 'Modifications']);

    // Every change went through the record service: the audit log has them, with the user.
    const audit = await database().ownerQuery<{ action: string; n: number }>(
      `select action, count(*)::int as n from om.om_audit where objet = 'om_dashboard' and login = 'syndic' group by action order by action`,
    );
    assert.deepEqual(audit.map((row) => [row.action, row.n]), [['create', 3], ['delete', 1], ['update', 3]]);
  });

  test('composer: a niveau-1 administrator sees the service’s refusal, nothing changes', async () => {
    const chef = await signedIn('chef');
    assert.equal((await page(chef, `${COMPOSER}?profil=3`)).status, 200);
    const before = await placements(3);
    const refused = await post(chef, `${COMPOSER}/ajouter`, { profil: '3', om_widget: String(widgetIds.get('Compteur')), bloc: 'C2' });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /<div role="alert"><p class="message message-erreur">Droits insuffisants : « Tableau de bord » est commun à toutes les collectivités ; seul un utilisateur d’une collectivité de niveau 2 peut le modifier\.<\/p><\/div>/);
    const move = await post(chef, `${COMPOSER}/${before[1]?.om_dashboard}/deplacer`, { vers: 'haut' });
    assert.equal(move.status, 403);
    const remove = await post(chef, `${COMPOSER}/${before[0]?.om_dashboard}/retirer`, {});
    assert.equal(remove.status, 403);
    assert.deepEqual(await placements(3), before);
  });

  test('composer: unknown profile, widget, column, move or placement', async () => {
    const syndic = await signedIn('syndic');
    const noProfile = await page(syndic, `${COMPOSER}?profil=999`);
    assert.equal(noProfile.status, 404);
    assert.match(noProfile.text, /Ce profil n’existe pas : choisissez-en un dans la liste\./);
    const column = await post(syndic, `${COMPOSER}/ajouter`, { profil: '1', om_widget: String(widgetIds.get('Compteur')), bloc: 'C9' });
    assert.equal(column.status, 400);
    assert.match(column.text, /Choisissez une colonne parmi celles proposées\./);
    const widget = await post(syndic, `${COMPOSER}/ajouter`, { profil: '1', om_widget: '99999', bloc: 'C1' });
    assert.equal(widget.status, 400);
    assert.match(widget.text, /Ce widget n’existe pas : choisissez-en un dans la liste\./);
    const [first] = await placements(1);
    const move = await post(syndic, `${COMPOSER}/${first?.om_dashboard}/deplacer`, { vers: 'ailleurs' });
    assert.equal(move.status, 400);
    const gone = await post(syndic, `${COMPOSER}/999999/retirer`, {});
    assert.equal(gone.status, 404);
    assert.match(gone.text, /Ce widget n’est plus sur ce tableau de bord/);
    assert.equal((await placements(1)).length, 2);
  });
});

describe('dashboard helpers (no database)', () => {
  test('planMove: renumbers the columns it touches, the moved row first', () => {
    const spots = [
      { id: 1, bloc: 'C1', position: 1 },
      { id: 2, bloc: 'C1', position: 5 },
      { id: 3, bloc: 'C1', position: null },
      { id: 4, bloc: 'C2', position: 1 },
    ];
    assert.deepEqual(planMove(spots, 2, { kind: 'up' }), [
      { id: 2, bloc: 'C1', position: 1 },
      { id: 1, bloc: 'C1', position: 2 },
      { id: 3, bloc: 'C1', position: 3 },
    ]);
    assert.deepEqual(planMove(spots, 1, { kind: 'up' }), [], 'the first one stays');
    assert.deepEqual(planMove(spots, 3, { kind: 'down' }), [], 'the last one stays');
    assert.deepEqual(planMove(spots, 1, { kind: 'column', column: 'C2' }), [
      { id: 1, bloc: 'C2', position: 2 },
      { id: 2, bloc: 'C1', position: 1 },
      { id: 3, bloc: 'C1', position: 2 },
    ]);
    assert.equal(planMove(spots, 99, { kind: 'up' }), undefined);
  });

  test('lastDays: seven Paris days, across a change of time', () => {
    assert.deepEqual(lastDays(new Date('2026-03-30T00:30:00+02:00'), 7), ['2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']);
    // 23:30 UTC on 31 December is already 1 January in Paris.
    assert.equal(lastDays(new Date('2026-12-31T23:30:00Z'), 1)[0], '2027-01-01');
  });

  test('safeLink: this site or http(s) only', () => {
    assert.equal(safeLink('/essai/personne?q=1'), '/essai/personne?q=1');
    assert.equal(safeLink('https://www.service-public.fr/'), 'https://www.service-public.fr/');
    for (const bad of ['javascript:alert(1)', '//evil.example/', '/\\evil.example', 'data:text/html,x', 'vbscript:x', '', '   ', undefined]) {
      assert.equal(safeLink(bad), undefined, String(bad));
    }
  });
});
