/**
 * Logos of états and lettres types (issue 10 §7): uploaded as PNG or JPEG (checked on the content;
 * SVG and disguised files refused in French), shown as an image on the consult page and in the
 * listing, served only to those who may consult the logo in its collectivité, and given to the
 * renderer with their size (`logoImage`: the collectivité's active logo, else the niveau-2 one's).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { DEMO_LOGO_CODE, demoLogoPng, installDemoLogo } from '../src/documents/logos/demo.ts';
import { imageDimensions, logoImage } from '../src/documents/logos/index.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { testActor } from './support/actors.ts';
import { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, createUsers, type TestRuntime } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';

/** A valid PNG of `width` × `height` pixels, all blue. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0, 0, 200]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
const HTML = new TextEncoder().encode('<html><body><script>alert(document.cookie)</script></body></html>');

describeEachDatabase('logos', (database) => {
  let app: Hono<AppEnv>;
  let runtime: TestRuntime;
  const rows = <T>(query: string) => database().ownerQuery<T>(query);
  const signedIn = async (login: string) => {
    const browser = new Browser(app);
    assert.equal((await browser.login(login, PASSWORD)).status, 303);
    return browser;
  };
  const hidden = (html: string) => {
    const fields: Record<string, string> = {};
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[match[1] ?? ''] = match[2] ?? '';
    return fields;
  };
  const addLogo = async (browser: Browser, id: string, file: [string, Uint8Array, string], actif = true) => {
    const form = await (await browser.get('/om/om_logo/new')).text();
    const body = new FormData();
    for (const [name, value] of Object.entries({ ...hidden(form), id, libelle: `Logo ${id}`, actif: actif ? 'true' : 'false' })) body.append(name, value);
    body.append('fichier', new File([file[1] as Uint8Array<ArrayBuffer>], file[0], { type: file[2] }));
    return browser.request('/om/om_logo', { method: 'POST', body });
  };
  const keyOf = (response: Response) => Number(/\/(\d+)$/.exec(response.headers.get('Location') ?? '')?.[1]);

  before(async () => {
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`);
    const dataDir = mkdtempSync(join(tmpdir(), 'commun-logos-'));
    runtime = await createTestRuntime(database(), { config: { dataDir, baseUrl: 'http://commun.test' } });
    app = createApp(runtime);
    await createUsers(database(), [
      { login: 'redacteur', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
      { login: 'redacteur3', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 3 },
      { login: 'redacteur2', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 2 },
    ]);
  });

  test('a PNG is stored with its collectivité and shown as an image on the consult page and in the listing', async () => {
    const redacteur = await signedIn('redacteur');
    const created = await addLogo(redacteur, 'entete', ['armoiries.png', png(30, 20), 'image/png']);
    assert.equal(created.status, 303);
    const key = keyOf(created);
    const [stored] = await rows<{ fichier: string; om_collectivite: number }>(`select fichier, om_collectivite from om.om_logo where om_logo = ${key}`);
    assert.equal(stored?.om_collectivite, 1);
    const [file] = await rows<{ type_mime: string; om_collectivite: number; temporaire: boolean }>(
      `select type_mime, om_collectivite, temporaire from om.om_fichier where om_fichier = '${stored?.fichier}'`,
    );
    assert.deepEqual(file, { type_mime: 'image/png', om_collectivite: 1, temporaire: false });

    const view = await (await redacteur.get(`/om/om_logo/${key}`)).text();
    assert.match(view, new RegExp(`<img src="/om/om_logo/${key}/fichier/fichier" alt="Aperçu de « Image »" class="apercu-image"/>`));
    const image = await redacteur.get(`/om/om_logo/${key}/fichier/fichier`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('Content-Type'), 'image/png');
    assert.equal(image.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.deepEqual(imageDimensions(new Uint8Array(await image.arrayBuffer())), { width: 30, height: 20, type: 'image/png' });

    const listing = await (await redacteur.get('/om/om_logo')).text();
    assert.match(listing, new RegExp(`<img src="/om/om_logo/${key}/fichier/fichier" alt="Aperçu de « Image »" class="vignette"/>`));

    // Another collectivité sees neither the logo nor its image.
    const other = await signedIn('redacteur3');
    assert.equal((await other.get(`/om/om_logo/${key}/fichier/fichier`)).status, 404);
    assert.equal((await other.get(`/om/om_logo/${key}`)).status, 404);
    assert.doesNotMatch(await (await other.get('/om/om_logo')).text(), /fichier\/fichier/);
  });

  test('SVG and files disguised as images are refused in French, and nothing is stored', async () => {
    const redacteur = await signedIn('redacteur');
    const before = await rows<{ n: number }>('select count(*)::int as n from om.om_logo');
    const svg = await addLogo(redacteur, 'vectoriel', ['logo.svg', SVG, 'image/svg+xml']);
    assert.equal(svg.status, 422);
    assert.match(await svg.text(), /Le type du fichier « logo\.svg » n’est pas accepté pour « Image »\. Types acceptés : PNG, JPEG\./);
    const disguised = await addLogo(redacteur, 'deguise', ['logo.png', HTML, 'image/png']);
    assert.equal(disguised.status, 422);
    assert.match(await disguised.text(), /Le contenu du fichier « logo\.png » ne correspond pas à son type/);
    assert.deepEqual(await rows<{ n: number }>('select count(*)::int as n from om.om_logo'), before);
    assert.deepEqual(await rows<{ n: number }>("select count(*)::int as n from om.om_fichier where nom in ('logo.svg', 'logo.png')"), [{ n: 0 }]);
    // The form says so before anyone tries.
    assert.match(await (await redacteur.get('/om/om_logo/new')).text(), /les images SVG sont refusées/);
  });

  test('logoImage: the active logo of the collectivité, else the niveau-2 one’s, with its size', async () => {
    const redacteur = await signedIn('redacteur');
    assert.equal((await addLogo(redacteur, 'pied', ['ancien.png', png(5, 5), 'image/png'], false)).status, 303);
    assert.equal((await addLogo(redacteur, 'pied', ['pied.png', png(40, 10), 'image/png'])).status, 303);
    const agent1 = testActor({ collectivite: 1, permissions: [] });
    const agent3 = testActor({ collectivite: 3, permissions: [] });
    const logo = await logoImage(runtime, agent1, 'pied');
    assert.deepEqual(logo && { width: logo.width, height: logo.height, type: logo.type }, { width: 40, height: 10, type: 'image/png' });
    assert.equal(await logoImage(runtime, agent3, 'pied'), undefined, 'another town’s logo is not used');
    assert.equal(await logoImage(runtime, agent1, 'inconnu'), undefined);

    // The niveau-2 collectivité's logo serves the towns that have none of that code.
    const redacteur2 = await signedIn('redacteur2');
    assert.equal((await addLogo(redacteur2, 'pied', ['commun.png', png(12, 12), 'image/png'])).status, 303);
    const shared = await logoImage(runtime, agent3, 'pied');
    assert.deepEqual(shared && [shared.width, shared.height], [12, 12]);
    const own = await logoImage(runtime, agent1, 'pied');
    assert.deepEqual(own && [own.width, own.height], [40, 10], 'a town’s own logo comes first');
  });

  test('the demo logo: a small PNG stored as an upload, once', async () => {
    assert.ok(demoLogoPng().byteLength < 10 * 1024);
    await installDemoLogo(runtime, 3);
    await installDemoLogo(runtime, 3);
    assert.deepEqual(await rows(`select id, actif, om_collectivite from om.om_logo where id = '${DEMO_LOGO_CODE}'`), [{ id: DEMO_LOGO_CODE, actif: true, om_collectivite: 3 }]);
    const logo = await logoImage(runtime, testActor({ collectivite: 3, permissions: [] }), DEMO_LOGO_CODE);
    assert.deepEqual(logo && [logo.width, logo.height, logo.type, logo.resolution], [90, 60, 'image/png', 150]);
    const other = await signedIn('redacteur3');
    const key = (await rows<{ om_logo: number }>(`select om_logo from om.om_logo where id = '${DEMO_LOGO_CODE}'`))[0]?.om_logo;
    assert.equal((await other.get(`/om/om_logo/${key}/fichier/fichier`)).headers.get('Content-Type'), 'image/png');
  });
});
