/**
 * Shared set-up of the administration screens' tests: the whole web application over a test
 * database (framework objects, permission vocabulary, mail captured), users of both niveaux, and
 * a browser that signs in through the login form.
 */
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { syncPermissionVocabulary } from '../src/access/vocabulary.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { Browser, createUser, type NewUser } from './support/auth.ts';
import type { TestDatabase } from './support/databases.ts';
import { createTestRuntime, type TestRuntime } from './support/runtime.ts';

export const PASSWORD = 'Mot-de-passe-42';

export interface AdminTestApp {
  readonly runtime: TestRuntime;
  readonly app: Hono<AppEnv>;
}

export async function adminTestApp(database: TestDatabase): Promise<AdminTestApp> {
  const runtime = await createTestRuntime(database, { config: { baseUrl: 'http://commun.test' } });
  await syncPermissionVocabulary(runtime.db.kysely, runtime.registry);
  return { runtime, app: createApp(runtime) };
}

/**
 * `admin2`: ADMINISTRATEUR of the niveau-2 collectivité; `admin1`: ADMINISTRATEUR of Libreville
 * (niveau 1); `agent`: UTILISATEUR of Libreville.
 */
export async function createAdminUsers(database: TestDatabase): Promise<Record<'admin2' | 'admin1' | 'agent', number>> {
  const user = (login: string, extra: Partial<NewUser>) => createUser(database, { login, password: PASSWORD, nom: login, ...extra });
  return {
    admin2: await user('admin2', { profil: 1, collectivite: 2, nom: 'Admin Deux' }),
    admin1: await user('admin1', { profil: 1, collectivite: 1, nom: 'Admin Un' }),
    agent: await user('agent', { profil: 3, collectivite: 1, nom: 'Agent Un', email: 'agent@mairie.example' }),
  };
}

export async function signIn(app: Hono<AppEnv>, login: string): Promise<Browser> {
  const browser = new Browser(app);
  assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
  return browser;
}

/** The CSRF token embedded in a page's HTML. */
export function csrfIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page has a CSRF field');
  return token;
}

export interface Checkbox {
  readonly value: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly label: string;
}

/** The checkboxes named `name` of a page, with the text of their `<label for>`. */
export function checkboxesIn(html: string, name: string): Checkbox[] {
  const boxes: Checkbox[] = [];
  for (const match of html.matchAll(/<input([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    if (!attributes.includes('type="checkbox"') || !attributes.includes(`name="${name}"`)) continue;
    const id = /id="([^"]+)"/.exec(attributes)?.[1] ?? '';
    const label = new RegExp(`<label for="${id}"[^>]*>([^<]*)</label>`).exec(html)?.[1] ?? '';
    boxes.push({
      value: /value="([^"]*)"/.exec(attributes)?.[1] ?? '',
      checked: / checked=""/.test(attributes),
      disabled: / disabled=""/.test(attributes),
      label,
    });
  }
  return boxes;
}

/** The values of the hidden inputs named `name`. */
export function hiddenValuesIn(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`, 'g'))].map((match) => match[1] ?? '');
}

/** The form a browser would post: repeated names as repeated fields. */
export function formBody(fields: readonly (readonly [string, string])[]): string {
  const body = new URLSearchParams();
  for (const [name, value] of fields) body.append(name, value);
  return body.toString();
}

export function postBody(browser: Browser, path: string, body: string) {
  return browser.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
}

/** HTML entities as hono/jsx writes them, back to text. */
export const decoded = (html: string) => html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
