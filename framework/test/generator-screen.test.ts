/**
 * The generator screen (issue 4, point 5): administration, permission `gen`; an application's
 * tables and the files `commun gen` would write, with their status; « Générer » writes exactly the
 * ticked files, refuses any other name, and never overwrites an override.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { provideGeneratorTargets } from '../src/web/generator/targets.ts';
import type { AppEnv } from '../src/web/env.ts';
import { adminTestApp, checkboxesIn, createAdminUsers, csrfIn, decoded, signIn } from './admin-support.ts';
import type { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/gen/tout/', import.meta.url));
const INDEX = '/administration/generateur';
const PAGE = `${INDEX}/tout`;

const temporaryDirs: string[] = [];
after(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

function copyOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commun-gen-screen-'));
  temporaryDirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** Every file under a folder, relative, sorted (empty when the folder does not exist). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Posts the form with repeated `fichier` fields. */
function generate(browser: Browser, token: string | undefined, files: readonly string[]): Promise<Response> {
  const body = new URLSearchParams();
  if (token !== undefined) body.append('_csrf', token);
  for (const file of files) body.append('fichier', file);
  return browser.request(PAGE, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
}

describeEachDatabase('administration: the generator screen', (database) => {
  let app: Hono<AppEnv>;
  let folder: string;
  let admin: Browser;
  let pageHtml: string;

  before(async () => {
    const test = await adminTestApp(database());
    app = test.app;
    await createAdminUsers(database());
    folder = copyOfFixture();
    provideGeneratorTargets(test.runtime, { apps: new Map([['tout', folder]]) });
    admin = await signIn(app, 'admin1');
    const response = await admin.get(PAGE);
    assert.equal(response.status, 200);
    pageHtml = decoded(await response.text());
  });

  test('without the permission `gen`, every address is the 403 page and nothing is written', async () => {
    const agent = await signIn(app, 'agent');
    assert.equal((await agent.get(INDEX)).status, 403);
    assert.equal((await agent.get(PAGE)).status, 403);
    const token = csrfIn(await (await agent.get('/compte/jetons')).text());
    assert.equal((await generate(agent, token, ['gen/pays.ts'])).status, 403);
    assert.deepEqual(filesUnder(join(folder, 'gen')), []);
  });

  test('the administration menu and the index list the applications', async () => {
    const response = await admin.get(INDEX);
    assert.equal(response.status, 200);
    const html = decoded(await response.text());
    assert.match(html, /<h1>Générateur<\/h1>/);
    assert.match(html, /<a href="\/administration\/generateur"[^>]*>Générateur<\/a>/, 'menu entry');
    assert.match(html, /<th scope="row"><a href="\/administration\/generateur\/tout">tout<\/a><\/th>/);
    assert.match(html, /une dizaine de secondes/);
    assert.doesNotMatch(html, /generateur\/om"/, 'the framework is not offered here');
    assert.equal((await admin.get(`${INDEX}/inconnue`)).status, 404);
  });

  test('the application page shows the tables with their fields and keys', () => {
    assert.match(pageHtml, /<h1>Générateur : tout<\/h1>/);
    assert.match(pageHtml, /<th scope="col">Champ<\/th>/);
    assert.match(pageHtml, /<caption>Champs de personne<\/caption>/);
    assert.match(pageHtml, /<th scope="row">nom<\/th><td>varchar\(40\)<\/td><td>oui<\/td>/);
    assert.match(pageHtml, /Clé primaire : code/);
    assert.match(pageHtml, /pays_naissance → tout\.pays \(code\)/);
    assert.match(pageHtml, /pays_residence → tout\.pays \(code\)/);
    assert.match(pageHtml, /parent → tout\.personne \(personne\)/, 'self-reference');
    assert.match(pageHtml, /<dd>tout\.dossier \(personne\)<\/dd>/, 'sub-form of personne');
    assert.match(pageHtml, /<dd>personne, annee<\/dd>/, 'multi-column unique key');
    assert.match(pageHtml, /tout\.v_personne <span class="nature">\(vue\)<\/span>/);
    assert.match(pageHtml, /Lecture seule : /);
  });

  test('the files are listed with their status and a labelled checkbox, ticked when absent', () => {
    const boxes = checkboxesIn(pageHtml, 'fichier');
    const names = boxes.map((box) => box.value);
    for (const name of ['gen/index.ts', 'gen/pays.ts', 'gen/docs/pays.md', 'gen/permissions.ts', 'src/objects/pays.ts']) {
      assert.ok(names.includes(name), `${name} is offered`);
    }
    const pays = boxes.find((box) => box.value === 'gen/pays.ts');
    assert.deepEqual(pays, { value: 'gen/pays.ts', checked: true, disabled: false, label: 'Générer gen/pays.ts' });
    assert.match(pageHtml, /<th scope="row"><code>gen\/pays\.ts<\/code><\/th><td>généré<\/td><td><span class="etat etat-absent">absent<\/span>/);
  });

  test('a POST without the CSRF token is refused and writes nothing', async () => {
    assert.equal((await generate(admin, undefined, ['gen/pays.ts'])).status, 403);
    assert.deepEqual(filesUnder(folder).filter((name) => !name.startsWith('migrations')), ['commun.app.ts', 'package.json']);
  });

  test('a name that is not a candidate is refused in French and nothing is written', async () => {
    for (const name of ['../../evil.ts', 'gen/../commun.app.ts', 'gen/inconnue.ts']) {
      const response = await generate(admin, csrfIn(pageHtml), ['gen/pays.ts', name]);
      assert.equal(response.status, 400);
      const html = decoded(await response.text());
      assert.ok(html.includes(`Le fichier « ${name} » n’est pas un des fichiers que le générateur produit pour cette application : rien n’a été écrit.`));
    }
    assert.deepEqual(filesUnder(join(folder, 'gen')), []);
    assert.equal(existsSync(join(folder, '..', 'evil.ts')), false);
    const nothing = await generate(admin, csrfIn(pageHtml), []);
    assert.equal(nothing.status, 400);
    assert.match(decoded(await nothing.text()), /Aucun fichier coché/);
  });

  test('« Générer » writes exactly the ticked files, then shows them up to date', async () => {
    const response = await generate(admin, csrfIn(pageHtml), ['gen/pays.ts', 'src/objects/pays.ts']);
    assert.equal(response.status, 200);
    const html = decoded(await response.text());
    assert.match(html, /2 fichier\(s\) écrit\(s\) : gen\/pays\.ts, src\/objects\/pays\.ts/);
    assert.deepEqual(filesUnder(join(folder, 'gen')), ['pays.ts']);
    assert.deepEqual(filesUnder(join(folder, 'src')), ['objects/pays.ts']);
    assert.match(readFileSync(join(folder, 'gen', 'pays.ts'), 'utf8'), /Generated by `commun gen`/);

    const boxes = checkboxesIn(html, 'fichier');
    assert.deepEqual(boxes.find((box) => box.value === 'gen/pays.ts')?.checked, false, 'up to date: not ticked');
    assert.deepEqual(boxes.find((box) => box.value === 'src/objects/pays.ts')?.disabled, true, 'existing override: never offered');
    assert.match(html, /<code>gen\/pays\.ts<\/code><\/th><td>généré<\/td><td><span class="etat etat-current">à jour<\/span>/);
  });

  test('a changed generated file is « à regénérer »; an existing override is never overwritten', async () => {
    writeFileSync(join(folder, 'gen', 'pays.ts'), '// modifié à la main\n');
    writeFileSync(join(folder, 'src', 'objects', 'pays.ts'), '// surcharge écrite à la main\n');
    const html = decoded(await (await admin.get(PAGE)).text());
    assert.match(html, /<code>gen\/pays\.ts<\/code><\/th><td>généré<\/td><td><span class="etat etat-stale">à regénérer<\/span>/);
    assert.equal(checkboxesIn(html, 'fichier').find((box) => box.value === 'gen/pays.ts')?.checked, true);

    const refused = await generate(admin, csrfIn(html), ['gen/pays.ts', 'src/objects/pays.ts']);
    assert.equal(refused.status, 400);
    assert.match(decoded(await refused.text()), /Le module de surcharge « src\/objects\/pays\.ts » existe déjà : il n’est jamais écrasé\./);
    assert.equal(readFileSync(join(folder, 'gen', 'pays.ts'), 'utf8'), '// modifié à la main\n', 'refused: nothing written');
    assert.equal(readFileSync(join(folder, 'src', 'objects', 'pays.ts'), 'utf8'), '// surcharge écrite à la main\n');

    const regenerated = await generate(admin, csrfIn(html), ['gen/pays.ts']);
    assert.equal(regenerated.status, 200);
    assert.match(readFileSync(join(folder, 'gen', 'pays.ts'), 'utf8'), /Generated by `commun gen`/);
    assert.equal(readFileSync(join(folder, 'src', 'objects', 'pays.ts'), 'utf8'), '// surcharge écrite à la main\n');
  });
});
