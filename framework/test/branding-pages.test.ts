/**
 * Identité visuelle (issue 16 §4) through the web application, on both databases: the
 * administration page's rights (niveau 1: his own collectivité; niveau 2: any), a colour refused
 * for its contrast and a logo refused for its type or size (nothing saved), the header of an agent's
 * pages (logo with the name as alternative, name, the theme's stylesheet), the theme and logo
 * addresses (typed, cacheable, nosniff, another collectivité's a 404), and a lettre type's PDF
 * printing the collectivité's logo unless the template names its own.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { syncPermissionVocabulary } from '../src/access/vocabulary.ts';
import { installDemoBranding } from '../src/branding/index.ts';
import { demoLogoPng } from '../src/documents/logos/demo.ts';
import { renderDocument } from '../src/documents/render/index.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { createAdminUsers, csrfIn, PASSWORD, signIn } from './admin-support.ts';
import { testActor } from './support/actors.ts';
import { createUser, type Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { pdfImages } from './support/pdf-images.ts';
import { createTestRuntime, type TestRuntime } from './support/runtime.ts';

const PAGE = '/administration/identite-visuelle';
const HTML = { Accept: 'text/html' };
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

const DOCUMENTS_SQL = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
insert into om.om_requete (om_requete, code, libelle, requete, type) values
  (951, 'identite_collectivite', 'La collectivité', 'select libelle from om.om_collectivite where om_collectivite = &idx', 'sql');
insert into om.om_lettretype (om_collectivite, id, libelle, actif, titre_om_htmletat, titreleft, titretop, titrelargeur, corps_om_htmletatex, om_sql, logo) values
  (1, 'courrier', 'Courrier', true, '<p>Courrier de [libelle]</p>', 60, 10, 140, '<p>Madame, Monsieur.</p>', 951, null),
  (1, 'armoiries', 'Courrier aux armoiries', true, '<p>Armoiries de [libelle]</p>', 60, 10, 140, '<p>Blason.</p>', 951, 'armoiries');
`;

async function upload(browser: Browser, collectivite: number, file: [string, Uint8Array, string]): Promise<Response> {
  const csrf = csrfIn(await (await browser.get(`${PAGE}?collectivite=${collectivite}`, HTML)).text());
  const body = new FormData();
  body.append('_csrf', csrf);
  body.append('collectivite', String(collectivite));
  body.append('logo', new File([file[1] as Uint8Array<ArrayBuffer>], file[0], { type: file[2] }));
  return browser.request(`${PAGE}/logo`, { method: 'POST', body, headers: HTML });
}

async function postColour(browser: Browser, collectivite: number, couleur: string): Promise<Response> {
  const csrf = csrfIn(await (await browser.get(`${PAGE}?collectivite=${collectivite}`, HTML)).text());
  return browser.postForm(`${PAGE}/couleur`, { _csrf: csrf, collectivite: String(collectivite), couleur }, HTML);
}

describeEachDatabase('identité visuelle', (database) => {
  let runtime: TestRuntime;
  let app: Hono<AppEnv>;
  const rows = <T>(query: string) => database().ownerQuery<T>(query);
  const brandingRows = () => rows<{ om_collectivite: number; couleur: string }>('select om_collectivite, couleur from om.om_identite_visuelle order by 1');
  const logoRows = () => rows<{ om_collectivite: number; fichier: string }>(`select om_collectivite, fichier from om.om_logo where id = 'logo' order by 1`);

  before(async () => {
    await database().asOwner(DOCUMENTS_SQL);
    runtime = await createTestRuntime(database(), { config: { baseUrl: 'http://commun.test', dataDir: mkdtempSync(join(tmpdir(), 'commun-identite-')) } });
    await syncPermissionVocabulary(runtime.db.kysely, runtime.registry);
    app = createApp(runtime);
    await createAdminUsers(database());
    await createUser(database(), { login: 'agent3', password: PASSWORD, profil: 3, collectivite: 3, nom: 'Agent Trois' });
  });

  test('the page is for those who administer collectivités: a niveau-1 one edits only his own', async () => {
    const agent = await signIn(app, 'agent');
    assert.equal((await agent.get(PAGE, HTML)).status, 403);
    assert.doesNotMatch(await (await agent.get('/', HTML)).text(), /href="\/administration\/identite-visuelle"/);
    const admin1 = await signIn(app, 'admin1');
    const page = await admin1.get(PAGE, HTML);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1[^>]*>Identité visuelle<\/h1>/);
    assert.match(html, /<input type="hidden" name="collectivite" value="1"\/>/);
    assert.doesNotMatch(html, /name="collectivite"><option/, 'no choice of collectivité at niveau 1');
    assert.equal((await admin1.get(`${PAGE}?collectivite=3`, HTML)).status, 404);
    assert.equal((await postColour(admin1, 3, '#1f6f43')).status, 404);
    const admin2 = await signIn(app, 'admin2');
    const chosen = await (await admin2.get(`${PAGE}?collectivite=3`, HTML)).text();
    assert.match(chosen, /<option value="3" selected="">Autreville<\/option>/);
    assert.deepEqual(await brandingRows(), []);
  });

  test('a colour without enough contrast, or not a colour, is refused in French and nothing is saved', async () => {
    const admin1 = await signIn(app, 'admin1');
    const refused = await postColour(admin1, 1, '#ff7f50');
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /La couleur #ff7f50 n’est pas assez contrastée : rapport de 2,\d\d:1 [^<]*il faut au moins 4,5:1/);
    assert.match(html, /id="identite-couleur" name="couleur" value="#ff7f50"/);
    assert.match(html, /aria-invalid="true"/);
    const wrong = await postColour(admin1, 1, 'vert');
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /La couleur « vert » n’est pas reconnue/);
    assert.deepEqual(await brandingRows(), []);
    const noCsrf = await admin1.postForm(`${PAGE}/couleur`, { collectivite: '1', couleur: '#1f6f43' }, HTML);
    assert.equal(noCsrf.status, 403);
    assert.deepEqual(await brandingRows(), []);
  });

  test('a logo that is not a PNG or a JPEG, or too big, is refused in French and nothing is stored', async () => {
    const admin1 = await signIn(app, 'admin1');
    const svg = await upload(admin1, 1, ['blason.svg', SVG, 'image/svg+xml']);
    assert.equal(svg.status, 422);
    assert.match(await svg.text(), /Le type du fichier « blason\.svg » n’est pas accepté pour « Logo »\. Types acceptés : PNG, JPEG\./);
    const disguised = await upload(admin1, 1, ['blason.png', new TextEncoder().encode('<html>pas une image</html>'), 'image/png']);
    assert.equal(disguised.status, 422);
    assert.match(await disguised.text(), /Le contenu du fichier « blason\.png » ne correspond pas à son type/);
    const big = new Uint8Array(600 * 1024);
    big.set(demoLogoPng());
    const tooBig = await upload(admin1, 1, ['grand.png', big, 'image/png']);
    assert.equal(tooBig.status, 422);
    assert.match(await tooBig.text(), /Le fichier « grand\.png » est trop volumineux \(600 Ko\) : la taille maximale pour « Logo » est de 512 Ko\./);
    const none = await upload(admin1, 1, ['', new Uint8Array(), 'application/octet-stream']);
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Choisissez un fichier de logo \(PNG ou JPEG\)\./);
    assert.deepEqual(await logoRows(), []);
    assert.deepEqual(await rows(`select nom from om.om_fichier where nom in ('blason.svg', 'blason.png', 'grand.png')`), []);
  });

  test('an agent’s pages wear his collectivité’s colour, logo and name; the theme and logo addresses are his collectivité’s only', async () => {
    const admin1 = await signIn(app, 'admin1');
    const saved = await postColour(admin1, 1, ' #1F6F43 ');
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('Location'), `${PAGE}?collectivite=1`);
    assert.deepEqual(await brandingRows(), [{ om_collectivite: 1, couleur: '#1f6f43' }]);
    assert.equal((await upload(admin1, 1, ['armoiries.png', demoLogoPng(30, 20), 'image/png'])).status, 303);
    const [logo] = await logoRows();
    assert.equal(logo?.om_collectivite, 1);
    const audit = await rows<{ objet: string; action: string }>(`select objet, action from om.om_audit where login = 'admin1' order by om_audit`);
    assert.deepEqual(audit, [{ objet: 'om_collectivite', action: 'update' }, { objet: 'om_logo', action: 'create' }]);

    const agent = await signIn(app, 'agent');
    const home = await (await agent.get('/', HTML)).text();
    const logoUrl = `/theme/collectivite-1/logo?v=${logo?.fichier.slice(0, 8)}`;
    assert.match(home, /<link rel="stylesheet" href="\/theme\/collectivite-1\.css\?v=1f6f43"\/>/);
    assert.match(home, /<body class="theme-collectivite-1">/);
    assert.ok(home.includes(`<img class="marque-logo" src="${logoUrl}" alt="Libreville"/>`), 'the logo, its name as alternative');
    assert.match(home, /<p class="marque-collectivite">Libreville<\/p>/);

    const css = await agent.get('/theme/collectivite-1.css?v=1f6f43');
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('Content-Type'), 'text/css; charset=utf-8');
    assert.match(css.headers.get('Cache-Control') ?? '', /private/);
    assert.match(await css.text(), /\.theme-collectivite-1 \{\n {2}--primaire: #1f6f43;/);
    const etag = css.headers.get('ETag') ?? '';
    assert.equal((await agent.get('/theme/collectivite-1.css?v=1f6f43', { 'If-None-Match': etag })).status, 304);
    const image = await agent.get(logoUrl);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('Content-Type'), 'image/png');
    assert.equal(image.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await image.arrayBuffer()), demoLogoPng(30, 20));

    // Another collectivité's agent: default look, and Libreville's theme and logo are not found.
    const agent3 = await signIn(app, 'agent3');
    const other = await (await agent3.get('/', HTML)).text();
    assert.doesNotMatch(other, /theme\/collectivite|marque-logo/);
    assert.match(other, /<p class="marque-collectivite">Autreville<\/p>/);
    assert.equal((await agent3.get('/theme/collectivite-1.css')).status, 404);
    assert.equal((await agent3.get(logoUrl)).status, 404);
    assert.equal((await agent3.get('/theme/collectivite-3.css')).status, 404, 'no colour: no stylesheet');
    assert.equal((await agent3.get('/theme/autre.css')).status, 404);
    // The niveau-2 administrator previews it; nobody signed out gets it; the login page keeps the default look.
    const admin2 = await signIn(app, 'admin2');
    assert.equal((await admin2.get('/theme/collectivite-1.css')).status, 200);
    assert.match(await (await admin2.get(`${PAGE}?collectivite=1`, HTML)).text(), /<link rel="stylesheet" href="\/theme\/collectivite-1\.css\?v=1f6f43"\/>[\s\S]*<figure class="apercu-identite theme-collectivite-1">/);
    const anonymous = await app.request('http://commun.test/theme/collectivite-1.css');
    assert.equal(anonymous.status, 303);
    assert.doesNotMatch(await (await app.request('http://commun.test/login')).text(), /theme\/collectivite|marque-logo/);
  });

  test('a lettre type prints the collectivité’s logo unless its template names another; replaced then removed', async () => {
    const actor = testActor({ collectivite: 1, permissions: ['edition'] });
    const print = async (id: string) =>
      (await renderDocument(runtime, { actor, locale: 'fr', kind: 'lettretype', id, key: 1, objet: 'om.om_collectivite' })).pdf;
    const sizes = async (pdf: Buffer) => (await pdfImages(pdf, 1)).map((image) => `${image.width}×${image.height}`);
    assert.deepEqual(await sizes(await print('courrier')), ['30×20'], 'the collectivité’s logo');
    assert.deepEqual(await sizes(await print('armoiries')), [], 'the template names a logo that does not exist: none, not the collectivité’s');
    const other = await renderDocument(runtime, { actor: testActor({ collectivite: 3, permissions: ['edition'] }), locale: 'fr', kind: 'lettretype', id: 'courrier', key: 3, objet: 'om.om_collectivite' }).catch(() => undefined);
    assert.equal(other, undefined, 'Libreville’s lettre type is not Autreville’s');

    const admin1 = await signIn(app, 'admin1');
    const [before] = await logoRows();
    assert.equal((await upload(admin1, 1, ['nouveau.png', demoLogoPng(45, 30), 'image/png'])).status, 303);
    const [after] = await logoRows();
    assert.notEqual(after?.fichier, before?.fichier);
    assert.deepEqual(await rows(`select om_fichier from om.om_fichier where om_fichier = '${before?.fichier}'`), [], 'the replaced file is removed');
    assert.deepEqual(await sizes(await print('courrier')), ['45×30']);

    const csrf = csrfIn(await (await admin1.get(PAGE, HTML)).text());
    assert.equal((await admin1.postForm(`${PAGE}/logo/supprimer`, { _csrf: csrf, collectivite: '1' }, HTML)).status, 303);
    assert.deepEqual(await logoRows(), []);
    assert.deepEqual(await sizes(await print('courrier')), []);
    assert.doesNotMatch(await (await (await signIn(app, 'agent')).get('/', HTML)).text(), /marque-logo/);
    // An empty colour goes back to the default look.
    assert.equal((await postColour(admin1, 1, '')).status, 303);
    assert.deepEqual(await brandingRows(), []);
  });

  test('the demo gives both demo collectivités a checked colour and a logo, once', async () => {
    await installDemoBranding(runtime);
    await installDemoBranding(runtime);
    assert.deepEqual(await brandingRows(), [{ om_collectivite: 1, couleur: '#1f6f43' }, { om_collectivite: 2, couleur: '#5b2a86' }]);
    assert.deepEqual((await logoRows()).map((row) => row.om_collectivite), [1, 2]);
    const home = await (await (await signIn(app, 'agent')).get('/', HTML)).text();
    assert.match(home, /<img class="marque-logo" src="\/theme\/collectivite-1\/logo\?v=[0-9a-f]{8}" alt="Libreville"\/>/);
  });
});
