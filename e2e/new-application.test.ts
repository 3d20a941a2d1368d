/**
 * Issue 9 §2, « Done when »: a new application created from a schema file with `commun new`,
 * generated, served and used by its administrator. As a newcomer would, in an instance folder of
 * their own: `commun new crise`, the crisis-management schema (string keys, comments that name the
 * columns) put in its first migration, `commun gen --app apps/crise`, `commun start` on the
 * embedded database; then, in Chromium, the administrator finds the application under its heading,
 * opens a listing, adds a row and sees it listed. Screenshots go to e2e/screenshots/ (nouvelle-app-*).
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { CRISE_SCHEMA } from '../framework/test/support/crise-schema.ts';
import { checkAccessibility, fileBrowser, openPage, screenshot, submit, type BrowserContext, type Page } from './support/index.ts';
import { SAVED, signIn } from './support/journey.ts';
import { assertNoPageProblems, field, followMenu, listingTable, mainOf, messagesOf, pathOf } from './support/screens.ts';

const COMMAND = fileURLToPath(new URL('../framework/bin/commun.js', import.meta.url));
const ADMIN_PASSWORD = 'Cellule-de-Crise-2026!';
const TITLE = 'Gestion de crise';
const run = promisify(execFile);

/** A port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `commun <args>` in the instance folder; its output, in French. */
async function commun(cwd: string, ...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, [COMMAND, ...args], { cwd, env: { ...process.env, COMMUN_LOCALE: 'fr' } });
  return `${stdout}${stderr}`;
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) assert.fail(`commun start s’est arrêté (code ${server.exitCode}) :\n${log()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - started > 120_000) assert.fail(`pas de réponse de /health en 120 s :\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('une nouvelle application, de commun new au navigateur [embarquée]', () => {
  const instance = mkdtempSync(join(tmpdir(), 'commun-nouvelle-app-'));
  let server: ChildProcess | undefined;
  let url = '';
  let output = '';
  const contexts: BrowserContext[] = [];

  const page = async (): Promise<Page> => {
    const opened = await openPage(await fileBrowser(), url);
    contexts.push(opened.context);
    return opened.page;
  };

  before(async () => {
    const created = await commun(instance, 'new', 'crise', '--titre', TITLE);
    assert.match(created, /2\. npx commun gen --app apps\/crise/);
    writeFileSync(join(instance, 'apps', 'crise', 'migrations', '0001_crise.sql'), CRISE_SCHEMA);
    const generated = await commun(instance, 'gen', '--app', 'apps/crise');
    assert.match(generated, /Étape suivante : npx commun start/);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [COMMAND, 'start'], {
      cwd: instance,
      env: {
        ...process.env,
        PORT: String(port),
        COMMUN_DATA_DIR: join(instance, 'data'),
        COMMUN_ADMIN_PASSWORD: ADMIN_PASSWORD,
        COMMUN_BASE_URL: url,
        COMMUN_LOCALE: 'fr',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    await waitForHealth(url, server, () => output);
  });

  after(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(instance, { recursive: true, force: true });
  });

  test('l’administrateur trouve l’application sous son titre, ajoute un évènement et le voit dans la liste', async () => {
    const admin = await signIn(await page(), 'admin', ADMIN_PASSWORD);
    const menu = admin.getByRole('navigation', { name: 'Menu principal' });
    const application = menu.locator('details', { has: admin.locator('summary', { hasText: /^Application$/ }) });
    assert.deepEqual((await application.locator('.menu-categorie').allTextContents()).map((text) => text.trim()), [TITLE]);
    assert.deepEqual((await application.getByRole('link').allTextContents()).map((text) => text.trim()), ['Évènement de crise', 'Intervention', 'Véhicule']);
    const parametrage = menu.locator('details', { has: admin.locator('summary', { hasText: /^Paramétrage$/ }) });
    assert.ok((await parametrage.locator('.menu-categorie').allTextContents()).map((text) => text.trim()).includes(TITLE), 'son paramétrage a son titre');
    // A folded rubrique's links are hidden from roles: read them as elements.
    assert.ok((await parametrage.locator('a').allTextContents()).map((text) => text.trim()).includes('Type d’évènement'));
    await checkAccessibility(admin, 'nouvelle application : tableau de bord');

    await followMenu(admin, 'Application', 'Évènement de crise');
    assert.equal(pathOf(admin), '/crise/evenement');
    const main = mainOf(admin);
    await submit(admin, main.getByRole('link', { name: /^Ajouter/ }));
    await field(main, 'Référence').fill('INOND-2026-01');
    await field(main, 'Intitulé').fill('Crue de la Garonne');
    await field(main, 'Type d’événement').selectOption({ label: 'Inondation' });
    await field(main, 'Collectivité').selectOption({ label: 'Libreville' });
    await checkAccessibility(admin, 'nouvelle application : formulaire d’ajout');
    await screenshot(admin, 'nouvelle-app-01-formulaire');
    await submit(admin, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
    assert.match(await messagesOf(admin), SAVED);
    assert.equal(pathOf(admin), '/crise/evenement/INOND-2026-01');

    await followMenu(admin, 'Application', 'Évènement de crise');
    const table = listingTable(mainOf(admin), 'Évènement de crise');
    const row = table.getByRole('row', { name: /INOND-2026-01/ });
    await row.waitFor();
    assert.match(await row.innerText(), /Crue de la Garonne[\s\S]*Inondation/);
    await checkAccessibility(admin, 'nouvelle application : liste');
    await screenshot(admin, 'nouvelle-app-02-liste');
    assertNoPageProblems(admin);
  });

  test('le formulaire d’une intervention nomme ses champs comme les commentaires du schéma', async () => {
    const admin = await signIn(await page(), 'admin', ADMIN_PASSWORD);
    await admin.goto('/crise/intervention/new');
    const main = mainOf(admin);
    assert.ok(await field(main, 'Véhicule attribué').isVisible(), 'le champ « Véhicule attribué » (commentaire de la colonne)');
    assert.ok(await field(main, 'Mission').isVisible());
    assertNoPageProblems(admin);
  });
});
