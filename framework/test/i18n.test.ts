/**
 * The message catalogue: every language has exactly the French keys and placeholders, `t`
 * substitutes and falls back to French, and the language configured for a runtime
 * (`config.locale`, passed to the record service as `deps.locale`) reaches the messages users see.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { loadConfig } from '../src/config/index.ts';
import { introspectSchema } from '../src/db/introspect.ts';
import { en } from '../src/i18n/en.ts';
import { fr } from '../src/i18n/fr.ts';
import {
  catalogue,
  defaultLocale,
  defineMessages,
  keysOf,
  LOCALES,
  localeFrom,
  placeholdersOf,
  rawMessage,
  registerMessages,
  setDefaultLocale,
  t,
  tParts,
  translator,
  type MessageKey,
  type Messages,
} from '../src/i18n/index.ts';
import type { KeyOf } from '../src/i18n/types.ts';
import { Registry, type RegisteredObject } from '../src/model/registry.ts';
import { createRecord, listRecords, ServiceError, type ReadDeps } from '../src/records/index.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { testActor } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

// ---- type level: checked by `tsc --noEmit` -------------------------------------------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameKeys: Equal<KeyOf<Messages>, MessageKey> = true;
const englishKeys: Equal<KeyOf<typeof en>, MessageKey> = true;
// @ts-expect-error a translation that lacks a key is refused by the compiler
const incomplete: Messages = { ...en, records: { ...en.records, rules: { required: 'The field “{label}” is required.' } } };
// @ts-expect-error a key that does not exist is refused
const unknownKey = () => t('records.rules.nonexistent');
// @ts-expect-error a missing parameter is refused
const missingParameter = () => t('records.rules.required');
// @ts-expect-error a misspelt parameter is refused
const misspelt = () => t('records.rules.required', { lable: 'Nom' });
void [sameKeys, englishKeys, incomplete, unknownKey, missingParameter, misspelt];

// ---- the catalogues ------------------------------------------------------------------------------

/** Sample parameters of the function messages (a new function message needs one here). */
const FUNCTION_SAMPLES: Record<string, Record<string, unknown>> = {
  'records.rules.uniqueTogether': { labels: ['Nom', 'Prénom'] },
  'access.throttled': { minutes: 7 },
  'pages.formErrors': { count: 3 },
  'cli.gen.upToDate': { files: 16 },
  'cli.gen.nothingWritten': { files: 2 },
  'cli.gen.done': { written: 4, unchanged: 11, removed: 1 },
  'admin.matrix.shown': { count: 3 },
  'admin.matrix.saved': { granted: 2, revoked: 1 },
  'admin.matrix.partial': { done: 2 },
  'admin.journal.changedCount': { count: 2 },
  'traitements.follow.range': { first: 2, last: 1001 },
  'referenceCheck.found': { count: 2 },
  'traitements.list.documents.count': { done: 3, total: 500 },
  'traitements.list.documents.doneOnly': { done: 1 },
  'traitements.list.documents.stoppedAt': { done: 3, total: 500 },
  'traitements.list.documents.stoppedAtNoTotal': { done: 3 },
  'traitements.list.lines.count': { done: 3, total: 500 },
  'traitements.list.lines.doneOnly': { done: 1 },
  'traitements.list.lines.stoppedAt': { done: 3, total: 500 },
  'traitements.list.lines.stoppedAtNoTotal': { done: 3 },
  'templates.preview.offered': { count: 1 },
  'templates.preview.found': { count: 3, search: 'dup*' },
};

/** Every text a rendered message shows: the values it was given, flattened. */
const shownValues = (params: Record<string, unknown>) => Object.values(params).flatMap((value) => (Array.isArray(value) ? value : [value])).map(String);

describe('message catalogues', () => {
  test('every language has exactly the keys of the French catalogue', () => {
    const french = keysOf(catalogue('fr')).sort();
    assert.ok(french.length > 200, `only ${french.length} French messages`);
    assert.equal(new Set(french).size, french.length);
    for (const locale of LOCALES) assert.deepEqual(keysOf(catalogue(locale)).sort(), french, locale);
    assert.deepEqual(keysOf(en as never).sort(), keysOf(fr).sort());
  });

  test('a translation keeps the placeholders of the French text', () => {
    for (const key of keysOf(catalogue('fr'))) {
      const french = rawMessage('fr', key);
      const english = rawMessage('en', key);
      assert.ok(french !== undefined && english !== undefined, key);
      if (typeof french === 'string') {
        const names = placeholdersOf(french);
        if (typeof english === 'string') {
          assert.deepEqual(new Set(placeholdersOf(english)), new Set(names), `${key}: ${english}`);
        } else {
          // English needs a function here (plural): it must show every value French shows.
          const params = Object.fromEntries(names.map((name, index) => [name, 101 + index]));
          const text = english(params);
          for (const value of shownValues(params)) assert.ok(text.includes(value), `${key}: « ${text} » lacks ${value}`);
        }
      } else {
        assert.equal(typeof english, 'function', key);
        const params = FUNCTION_SAMPLES[key];
        assert.ok(params, `no sample parameters for the function message ${key}`);
        const [frenchText, englishText] = [french(params), (english as (p: unknown) => string)(params)];
        assert.ok(frenchText.length > 0 && englishText.length > 0, key);
        for (const value of shownValues(params)) {
          if (frenchText.includes(value)) assert.ok(englishText.includes(value), `${key}: « ${englishText} » lacks ${value}`);
        }
      }
    }
  });

  test('English is a translation, not a copy', () => {
    const keys = keysOf(catalogue('fr'));
    const copies = keys.filter((key) => {
      const [french, english] = [rawMessage('fr', key), rawMessage('en', key)];
      // A single word (« Administration », « Widgets », « Action ») may be the same in both languages; a phrase may not.
      const words = typeof french === 'string' ? (french.replace(/\{\w+\}/g, '').match(/[a-zà-ÿ]{4,}/gi) ?? []) : [];
      return typeof french === 'string' && french === english && words.length >= 2;
    });
    assert.deepEqual(copies, []);
  });
});

// ---- t -------------------------------------------------------------------------------------------

describe('t', () => {
  test('substitutes the parameters, in the language asked', () => {
    assert.equal(t('records.rules.required', { label: 'Nom' }, 'fr'), 'Le champ « Nom » est obligatoire.');
    assert.equal(t('records.rules.required', { label: 'Nom' }, 'en'), 'The field “Nom” is required.');
    assert.equal(t('records.rules.tooLong', { label: 'Nom', max: 30, length: 31 }, 'fr'), 'Le champ « Nom » ne doit pas dépasser 30 caractères (31 saisis).');
    assert.equal(t('records.invalidForm', undefined, 'en'), 'The form contains errors: correct the fields shown.');
    assert.equal(translator('en')('pages.login.title'), 'Sign in');
  });

  test('plurals follow the language: 0 and 1 singular in French, only 1 in English', () => {
    assert.equal(t('access.throttled', { minutes: 1 }, 'fr'), 'Trop de tentatives de connexion. Réessayez dans 1 minute.');
    assert.equal(t('access.throttled', { minutes: 2 }, 'fr'), 'Trop de tentatives de connexion. Réessayez dans 2 minutes.');
    assert.equal(t('cli.gen.upToDate', { files: 0 }, 'fr'), 'Les modules générés sont à jour (0 fichier).');
    assert.equal(t('cli.gen.upToDate', { files: 0 }, 'en'), 'The generated modules are up to date (0 files).');
    assert.equal(t('records.linkedRows', { count: 1, table: 'Note' }, 'en'), '1 record in the table “Note” is linked to this record.');
    assert.equal(t('records.linkedRows', { count: 2, table: 'Note' }, 'en'), '2 records in the table “Note” are linked to this record.');
  });

  test('a value is never read as a template', () => {
    assert.equal(
      t('access.resetMailText', { nom: 'M. {login}', login: 'jdupont', link: 'https://x/{nom}' }, 'en').split('\n')[0],
      'Hello M. {login},',
    );
  });

  test('markup goes in place of a placeholder, untouched', () => {
    const link = { tag: 'a' };
    assert.deepEqual(tParts('pages.home.apiDescription', { link }, 'fr'), ['Description de l’API : ', link]);
    assert.deepEqual(tParts('http.page.reference', { requestId: link }, 'en'), ['Reference: ', link]);
  });

  test('the process language comes from COMMUN_LOCALE, French when unset or unknown', () => {
    assert.equal(loadConfig({}).locale, 'fr');
    assert.equal(loadConfig({ COMMUN_LOCALE: 'en' }).locale, 'en');
    assert.equal(loadConfig({ COMMUN_LOCALE: 'en_GB.UTF-8' }).locale, 'en');
    assert.equal(loadConfig({ COMMUN_LOCALE: 'de' }).locale, 'fr');
    assert.equal(localeFrom(''), 'fr');
    try {
      setDefaultLocale('en');
      assert.equal(t('records.notFound'), 'This record does not exist or you do not have access to it.');
    } finally {
      setDefaultLocale(undefined);
    }
    assert.equal(defaultLocale(), localeFrom(process.env.COMMUN_LOCALE));
  });

  test('applications add their messages; a message missing in a language is shown in French', () => {
    const te = defineMessages(
      'essai_i18n',
      { bureau: { ferme: 'Le bureau {code} est fermé.' }, accueil: 'Bienvenue' },
      { en: { bureau: { ferme: 'Polling station {code} is closed.' }, accueil: 'Welcome' } },
    );
    assert.equal(te('bureau.ferme', { code: 'B12' }, 'fr'), 'Le bureau B12 est fermé.');
    assert.equal(te('bureau.ferme', { code: 'B12' }, 'en'), 'Polling station B12 is closed.');
    // A translation registered later, incomplete: the missing message falls back to French.
    registerMessages('en', 'essai_i18n', { accueil: 'Welcome' });
    assert.equal(te('bureau.ferme', { code: 'B7' }, 'en'), 'Le bureau B7 est fermé.');
    assert.equal(te('accueil', undefined, 'en'), 'Welcome');
    assert.throws(() => registerMessages('en', 'records', {}), /framework/);
  });
});

// ---- end to end: the runtime's language reaches the user ---------------------------------------

const PASSWORD = 'Mairie-de-Libreville-2026';

describeEachDatabase('messages in the configured language', (database) => {
  let personne: RegisteredObject;
  let deps: ReadDeps;
  const agent = testActor({ login: 'agent', collectivite: 1, permissions: ['essai.personne'] });

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    const { tables } = await introspectSchema(database().db.kysely, 'essai', { app: 'essai' });
    const registry = new Registry();
    for (const meta of tables) registry.register(meta, {});
    registry.linkIncomingReferences();
    personne = registry.get('essai', 'personne') as RegisteredObject;
    deps = { db: database().db, registry, exactCountLimit: 1000 };
  });

  /** The refusal of a promise that must fail with a ServiceError. */
  async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof ServiceError, `expected a ServiceError, got ${String(error)}`);
    return error;
  }

  test('the record service words its refusals in deps.locale (French without one)', async () => {
    const english = await refusal(createRecord({ ...deps, locale: 'en' }, agent, personne, { prenom: 'Léa', date_naissance: '32/01/2000' }));
    assert.equal(english.code, 'validation');
    assert.equal(english.message, 'The form contains errors: correct the fields shown.');
    assert.equal(english.fields.nom, 'The field “Nom” is required.');
    assert.equal(english.fields.date_naissance, 'The field “Date de naissance” must be a valid date in the format DD/MM/YYYY.');

    const french = await refusal(createRecord(deps, agent, personne, { prenom: 'Léa' }));
    assert.equal(french.fields.nom, 'Le champ « Nom » est obligatoire.');

    const badSort = await refusal(listRecords({ ...deps, locale: 'en' }, agent, personne, { sort: 'inconnu' }));
    assert.equal(badSort.message, 'Cannot sort on “inconnu”: there is no such field in “Personne”.');
    const forbidden = await refusal(createRecord({ ...deps, locale: 'en' }, testActor({ permissions: [] }), personne, { nom: 'X' }));
    assert.equal(forbidden.message, 'Insufficient rights: you do not have permission to do this.');
  });

  describe('through the web application, with COMMUN_LOCALE=en', () => {
    let app: Hono<AppEnv>;
    before(async () => {
      const runtime = await createTestRuntime(database(), { schemas: ['essai'], config: { locale: 'en' } });
      app = createApp(runtime);
      await grant(database(), 'UTILISATEUR', ['essai.personne']);
      await createUsers(database(), [{ login: 'agent_en', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
    });

    test('API errors, default messages and pages are in English', async () => {
      const client = new TestClient(app);
      const anonymous = await client.get('/api/v1/essai/personne');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.message, 'Authentication required: sign in or use an API token.');

      const wrong = await client.login('agent_en', 'not the password');
      assert.equal(wrong.body.error.message, 'Incorrect username or password.');
      assert.equal((await client.login('agent_en', PASSWORD)).status, 200);

      const invalid = await client.request('POST', '/api/v1/essai/personne', { json: { prenom: 'Léa' } });
      assert.equal(invalid.status, 422);
      assert.equal(invalid.body.error.fields.nom, 'The field “Nom” is required.');
      const unknown = await client.get('/api/v1/essai/personne?zorglub=1');
      assert.equal(unknown.body.error.message, 'Unknown parameter: “zorglub”.');
      const missing = await client.get('/api/v1/nulle/part/ici/vraiment');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.message, 'Resource not found.');

      const page = await app.request('/login', { headers: { Accept: 'text/html' } });
      const html = await page.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<title>Sign in — Commun<\/title>/);
      const openapi = await client.get('/api/v1/openapi.json');
      assert.match(openapi.body.info.description, /^REST API of Commun/);
    });
  });
});
