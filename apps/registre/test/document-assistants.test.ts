/**
 * The generator's document assistants (issue 10 §8) on registre.traitement: the inactive état,
 * sous-états (one per table pointing at traitement) and lettre type, written once (idempotent per
 * id), render through the renderer with the fields' labels and values; the generator screen's
 * buttons (permission `gen`, CSRF) and `commun gen --documents`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { writeAssistantDocuments, niveau2Collectivite, type WrittenDocument } from '../../../framework/src/documents/assistants/index.ts';
import { renderDefinition, type DocumentDefinition, type DocumentKind } from '../../../framework/src/documents/render/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { csrfIn, decoded, formBody, postBody } from '../../../framework/test/admin-support.ts';
import { testActor } from '../../../framework/test/support/actors.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { createTestDatabase, databaseKinds, describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { copyMigratedInstance, INSTANCE_ADMIN_PASSWORD, REGISTRE_INSTANCE } from '../../../framework/test/support/instance-folder.ts';
import { pdfText } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { registre } from '../src/index.ts';
import { actorsFor, PASSWORD, registreRuntime, SOURCES } from './support.ts';
import { COMMUN_NODE_FLAGS } from '../../../framework/test/support/node-flags.ts';

const DATA_SQL = `
insert into registre.service (service, libelle, om_collectivite) values (901, 'Service de l’état civil', 1);
insert into registre.traitement (traitement, libelle, finalite, base_legale, service, responsable, om_collectivite)
  values (901, 'Tenue des actes d’état civil', 'Établir les actes de naissance.', (select base_legale from registre.base_legale where code = '6.1.c'), 901, 'Mme Durand', 1);
insert into registre.transfert_hors_ue (traitement, pays, garanties, om_collectivite)
  values (901, 'Islande', 'Décision d’adéquation', 1);
`;

const flat = (text: string) => text.replace(/\s+/g, ' ');
const ACTOR = testActor({ permissions: ['registre.traitement'], collectivite: 1 });

describeEachDatabase(
  'registre : assistants du générateur (état, sous-états, lettre type)',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let first: WrittenDocument[];
    const definitionOf = async (kind: DocumentKind, id: string): Promise<DocumentDefinition> => {
      const rows = await database().ownerQuery<Record<string, unknown>>(`select * from om.om_${kind} where id = '${id}'`);
      assert.equal(rows.length, 1, `${kind} ${id}`);
      return { ...(rows[0] as unknown as DocumentDefinition), kind };
    };
    const render = async (kind: DocumentKind, id: string) =>
      flat(await pdfText((await renderDefinition(runtime, await definitionOf(kind, id), { actor: ACTOR, locale: 'fr', kind, id, key: 901, objet: 'registre.traitement' })).pdf));
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };

    before(async () => {
      runtime = await registreRuntime(database());
      app = createApp({ ...runtime, applications: [registre] });
      await database().ownerQuery(DATA_SQL);
      await actorsFor(database(), [
        { login: 'admin2', profil: 'ADMINISTRATEUR', collectivite: 2 },
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
      ]);
      const object = runtime.registry.get('registre', 'traitement');
      assert.ok(object);
      const collectivite = await niveau2Collectivite(runtime.db);
      assert.equal(collectivite, 2);
      first = await writeAssistantDocuments(runtime.db, runtime.registry, object, ['etat', 'sousetat', 'lettretype'], 2);
    });

    test('the documents are written inactive in the niveau-2 collectivité, with one sous-état per child table', async () => {
      assert.ok(first.every((document) => document.status === 'created'));
      const ids = first.map((document) => `${document.kind}:${document.id}`);
      assert.ok(ids.includes('etat:registre_traitement'));
      assert.ok(ids.includes('lettretype:registre_traitement'));
      for (const child of ['transfert_hors_ue', 'duree_conservation', 'traitement_destinataire']) {
        assert.ok(ids.includes(`sousetat:registre_traitement_${child}`), child);
      }
      const rows = await database().ownerQuery<{ actif: boolean | null; om_collectivite: number; objet: string | null }>(
        `select actif, om_collectivite, objet from om.om_etat where id = 'registre_traitement'
         union all select actif, om_collectivite, objet from om.om_lettretype where id = 'registre_traitement'
         union all select actif, om_collectivite, null from om.om_sousetat where id like 'registre_traitement_%'`,
      );
      assert.ok(rows.length >= 5);
      for (const row of rows) {
        assert.equal(row.actif, false);
        assert.equal(Number(row.om_collectivite), 2);
      }
      assert.equal(rows[0]?.objet, 'registre.traitement');
    });

    test('the état renders the fields’ labels and values, a foreign key by its target’s label', async () => {
      const text = await render('etat', 'registre_traitement');
      assert.match(text, /Traitement/);
      assert.match(text, /Nom du traitement : Tenue des actes d’état civil/);
      assert.match(text, /Base légale : Obligation légale/);
      assert.match(text, /Collectivité : Libreville/);
      assert.match(text, /Finalité : Établir les actes de naissance\./);
      assert.match(text, /Service : Service de l’état civil/);
      assert.match(text, /Responsable : Mme Durand/);
      assert.doesNotMatch(text, /\[\w+\]/, 'every merge field replaced');
    });

    test('a sous-état lists the child rows with the labels as headers, embedded in the état', async () => {
      await database().ownerQuery(`update om.om_sousetat set actif = true where id = 'registre_traitement_transfert_hors_ue';
        update om.om_etat set corps_om_htmletatex = corps_om_htmletatex || '<div data-sousetat="registre_traitement_transfert_hors_ue"></div>' where id = 'registre_traitement'`);
      const text = await render('etat', 'registre_traitement');
      assert.match(text, /Pays/);
      assert.match(text, /Garanties/);
      assert.match(text, /Islande/);
      assert.match(text, /Décision d’adéquation/);
    });

    test('the lettre type renders the address block, « Madame, Monsieur, » and the fields', async () => {
      const text = await render('lettretype', 'registre_traitement');
      assert.match(text, /Madame, Monsieur,/);
      assert.match(text, /Le \d{2}\/\d{2}\/\d{4}/, '&aujourdhui replaced by the date');
      assert.match(text, /Tenue des actes d’état civil/);
      assert.match(text, /Finalité : Établir les actes de naissance\./);
    });

    test('idempotent: a second run writes nothing and says each document exists', async () => {
      const object = runtime.registry.get('registre', 'traitement');
      assert.ok(object);
      const count = async () => (await database().ownerQuery<{ n: number }>(`select (select count(*) from om.om_etat) + (select count(*) from om.om_sousetat) + (select count(*) from om.om_lettretype) + (select count(*) from om.om_requete) as n`))[0]?.n;
      const before = await count();
      const again = await writeAssistantDocuments(runtime.db, runtime.registry, object, ['etat', 'sousetat', 'lettretype'], 2);
      assert.deepEqual(again.map((document) => [document.id, document.key, document.status]), first.map((document) => [document.id, document.key, 'exists']));
      assert.equal(Number(await count()), Number(before));
    });

    test('the screen: buttons per table; 403 without `gen`; CSRF required; a confirmation with links', async () => {
      const admin = await signIn('admin2');
      const page = await admin.get('/administration/generateur/registre');
      assert.equal(page.status, 200);
      const html = decoded(await page.text());
      assert.match(html, /action="\/administration\/generateur\/registre\/documents"[\s\S]*?name="table" value="service"/);
      assert.match(html, /<button type="submit" name="document" value="etat">Créer un état<\/button>/);
      assert.match(html, /Créer les sous-états/);
      assert.match(html, /Créer une lettre type/);
      const token = csrfIn(html);
      const path = '/administration/generateur/registre/documents';

      const agent = await signIn('agent');
      const agentToken = csrfIn(await (await agent.get('/compte/jetons')).text());
      assert.equal((await postBody(agent, path, formBody([['_csrf', agentToken], ['table', 'service'], ['document', 'etat']]))).status, 403);
      assert.equal((await postBody(admin, path, formBody([['table', 'service'], ['document', 'etat']]))).status, 403);
      const none = await database().ownerQuery(`select 1 from om.om_etat where id = 'registre_service'`);
      assert.equal(none.length, 0, 'nothing written');

      const unknown = await postBody(admin, path, formBody([['_csrf', token], ['table', 'inexistante'], ['document', 'etat']]));
      assert.equal(unknown.status, 400);
      assert.match(decoded(await unknown.text()), /La table « inexistante » n’est pas un objet servi/);
      const badKind = await postBody(admin, path, formBody([['_csrf', token], ['table', 'service'], ['document', 'rapport']]));
      assert.equal(badKind.status, 400);

      const created = await postBody(admin, path, formBody([['_csrf', token], ['table', 'service'], ['document', 'etat']]));
      assert.equal(created.status, 200);
      const result = decoded(await created.text());
      const key = (await database().ownerQuery<{ om_etat: number }>(`select om_etat from om.om_etat where id = 'registre_service' and om_collectivite = 2 and not actif`))[0]?.om_etat;
      assert.ok(key !== undefined);
      assert.match(result, new RegExp(`<a href="/om/om_etat/${key}">Document créé — État « registre_service » : Service</a>`));
      const again = decoded(await (await postBody(admin, path, formBody([['_csrf', token], ['table', 'service'], ['document', 'etat']]))).text());
      assert.match(again, /Document déjà présent dans la collectivité, laissé tel quel — État « registre_service »/);
    });
  },
  { sources: SOURCES },
);

const COMMAND = fileURLToPath(new URL('../../../framework/bin/commun.js', import.meta.url));
// The registre's folder as the instance's working directory names it (a relative path, as a user types it).
const APP = relative(REGISTRE_INSTANCE, fileURLToPath(new URL('..', import.meta.url)));

/** `commun` in the registre-only instance (the command opens its database much faster than the repository's six applications'). */
function commun(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], {
    cwd: REGISTRE_INSTANCE,
    env: { ...process.env, DATABASE_URL: '', COMMUN_ADMIN_PASSWORD: INSTANCE_ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Refused before any database is opened: the same on both kinds, so checked once.
test('commun gen --documents: usage and refused arguments', { timeout: 120_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'commun-gen-documents-'));
  try {
    const env = { COMMUN_DATA_DIR: join(folder, 'data') };
    const help = commun(['gen', '--documents', '--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage : commun gen --documents/);
    const bogus = commun(['gen', '--documents', '--bogus'], env);
    assert.equal(bogus.code, 2);
    assert.match(bogus.err, /Option inconnue : --bogus/);
    const missingValue = commun(['gen', '--documents', '--table'], env);
    assert.equal(missingValue.code, 2);
    assert.match(missingValue.err, /Arguments invalides/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

const KINDS = await databaseKinds();
// Refused once the database is open but before it is read: the refusal path of the unknown
// collectivité's, which each kind goes through; so checked on one kind (the server's when there is one: cheaper).
const UNKNOWN_TABLE_KIND = KINDS.at(-1);

for (const kind of KINDS) {
  test(`commun gen --documents (${kind})`, { timeout: 300_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'commun-gen-documents-'));
    let database: TestDatabase | undefined;
    try {
      let env: Record<string, string> = { COMMUN_DATA_DIR: join(folder, 'data') };
      // The database as `commun migrate` leaves it: the subject is the command, not the first migration.
      if (kind === 'pglite') await copyMigratedInstance(join(folder, 'data'), REGISTRE_INSTANCE);
      if (kind === 'postgres') {
        database = await createTestDatabase('postgres', SOURCES);
        env = { ...env, DATABASE_URL: database.url ?? '' };
      }
      const noCollectivite = commun(['gen', '--documents', '--app', APP, '--table', 'traitement', '--collectivite', '99'], env);
      assert.equal(noCollectivite.code, 2, noCollectivite.err);
      assert.match(noCollectivite.err, /La collectivité n° 99 n’existe pas/);
      if (kind === UNKNOWN_TABLE_KIND) {
        const unknown = commun(['gen', '--documents', '--app', APP, '--table', 'inexistante'], env);
        assert.equal(unknown.code, 2, unknown.err);
        assert.match(unknown.err, /La table « inexistante » n’est pas un objet servi/);
      }

      const run = commun(['gen', '--documents', '--app', APP, '--table', 'traitement'], env);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /registre\.traitement :/);
      assert.match(run.out, /Document créé — État « registre_traitement » : Traitement/);
      assert.match(run.out, /Document créé — Sous-état « registre_traitement_transfert_hors_ue »/);
      assert.match(run.out, /Document créé — Lettre type « registre_traitement »/);
      const again = commun(['gen', '--documents', '--app', APP, '--table', 'traitement'], env);
      assert.equal(again.code, 0, again.err);
      assert.match(again.out, /Document déjà présent dans la collectivité, laissé tel quel — État « registre_traitement »/);
      assert.match(again.out, /^0 document\(s\) créé\(s\)/m);
    } finally {
      await database?.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
