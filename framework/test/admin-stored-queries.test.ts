/**
 * Issue 10 §1: stored queries written by an administrator (`om_requete.reqmo`) appear in
 * « Requêtes mémorisées » under their own heading, ask for their declared parameters, and give a
 * table, a CSV, an XLSX (read back with exceljs), an ODS (its content.xml) and a PDF (its text),
 * always of the user's collectivité only. A bad parameter or a hostile query comes back on the
 * form as a French 400.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Hono } from 'hono';
import { createRecord, ServiceError } from '../src/records/index.ts';
import type { Runtime } from '../src/runtime.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { decoded } from './admin-support.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { pdfText } from './support/pdf-text.ts';
import { testActor } from './support/actors.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Requetes-administrateur-2026';

const DATA_SQL = `
insert into essai.personne (nom, prenom, date_naissance, taille, om_collectivite) values
  ('Dupont', 'Hélène', '1980-05-14', 1.65, 1),
  ('Durand', 'Éric', '1975-01-02', 1.80, 1),
  ('Martin', 'Jean', '1990-12-31', 1.72, 1),
  ('Dupuis', 'Zoé', '1985-03-03', 1.60, 3);
insert into om.om_requete (code, libelle, description, type, reqmo, requete, merge_fields, parametres) values
  ('naissances', 'Personnes nées après une date', 'Par date de naissance', 'sql', true,
   'select nom, prenom, date_naissance, taille from essai.personne where (&depuis is null or date_naissance >= &depuis) and (&nom is null or nom like &nom) order by nom',
   E'nom: Nom de famille\\ndate_naissance: Née le', E'depuis: date Née depuis\\nnom: texte Nom (motif)'),
  ('piege', 'Requête piégée', null, 'sql', true, 'select pwd from om.om_utilisateur', null, null),
  ('cachee', 'Source de document', null, 'sql', false, 'select 1 as un', null, null);
`;

describeEachDatabase('stored queries written by an administrator', (database) => {
  let app: Hono<AppEnv>;
  let runtime: Runtime;
  let ids: Record<string, number>;
  const clients = new Map<string, TestClient>();
  const as = async (login: string): Promise<TestClient> => {
    const known = clients.get(login);
    if (known) return known;
    const client = new TestClient(app);
    const response = await client.login(login, PASSWORD);
    assert.equal(response.status, 200, response.text);
    clients.set(login, client);
    return client;
  };
  const get = async (login: string, path: string) => (await as(login)).request('GET', path, { headers: { Accept: 'text/html' } });
  /** The bytes of a download, as the browser gets them. */
  const bytes = async (login: string, path: string) => {
    const client = await as(login);
    const response = await app.request(path, { headers: { Cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
    return { status: response.status, type: response.headers.get('Content-Type') ?? '', body: new Uint8Array(await response.arrayBuffer()) };
  };
  const result = (code: string, query: string) => `/requetes/administrateur/${ids[code]}/resultat?${query}`;

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL + DATA_SQL, 'essai');
    const rows = await database().ownerQuery<{ code: string; om_requete: number }>('select code, om_requete from om.om_requete');
    ids = Object.fromEntries(rows.map((row) => [row.code, row.om_requete]));
    runtime = await createTestRuntime(database(), { schemas: ['essai'] });
    app = createApp(runtime);
    await grant(database(), 'UTILISATEUR LIMITÉ', ['reqmo']);
    await createUsers(database(), [
      { login: 'sans', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'autre', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
    ]);
  });

  test('listed under their own heading; sources not marked reqmo are not offered', async () => {
    const page = await get('agent', '/requetes');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h2 id="requetes-administrateur">Requêtes de l’administrateur<\/h2>/);
    assert.match(page.text, new RegExp(`href="/requetes/administrateur/${ids.naissances}">Personnes nées après une date</a>`));
    assert.match(decoded(page.text), /Née depuis ; Nom \(motif\)/);
    assert.doesNotMatch(page.text, /Source de document/);
    assert.equal((await get('agent', `/requetes/administrateur/${ids.cachee}`)).status, 404);
    assert.equal((await get('agent', '/requetes/administrateur/999999')).status, 404);
    assert.equal((await get('sans', `/requetes/administrateur/${ids.naissances}`)).status, 403);
  });

  test('the form asks for the declared parameters and offers five outputs', async () => {
    const form = await get('agent', `/requetes/administrateur/${ids.naissances}`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<label for="requete-parametre-depuis">Née depuis<\/label>/);
    assert.match(form.text, /name="parametre\[nom\]"/);
    for (const output of ['tableau', 'csv', 'xlsx', 'ods', 'pdf']) assert.match(form.text, new RegExp(`name="sortie" value="${output}"`));
  });

  test('the table: the user’s collectivité only, parameters bound, merge-field labels as headers', async () => {
    const page = await get('agent', result('naissances', 'sortie=tableau&parametre[depuis]=01/01/1978'));
    assert.equal(page.status, 200, page.text);
    const text = decoded(page.text);
    assert.match(text, /<th scope="col">Nom de famille<\/th>/);
    assert.match(text, /<th scope="col">Née le<\/th>/);
    assert.match(text, /Dupont[\s\S]*Martin/);
    assert.match(text, /14\/05\/1980/);
    assert.doesNotMatch(text, /Durand|Dupuis/);
    const other = decoded((await get('autre', result('naissances', 'sortie=tableau'))).text);
    assert.match(other, /Dupuis/);
    assert.doesNotMatch(other, /Dupont/);
    const injected = decoded((await get('agent', result('naissances', `sortie=tableau&parametre[nom]=${encodeURIComponent("x' or '1'='1")}`))).text);
    assert.match(injected, /Aucune ligne ne correspond/);
  });

  test('a bad parameter or output, and a query the read role may not run, come back on the form (400)', async () => {
    const bad = await get('agent', result('naissances', 'sortie=tableau&parametre[depuis]=demain'));
    assert.equal(bad.status, 400);
    assert.match(decoded(bad.text), /« Née depuis » doit être une date JJ\/MM\/AAAA/);
    const output = await get('agent', result('naissances', 'sortie=docx'));
    assert.equal(output.status, 400);
    assert.match(decoded(output.text), /La sortie « docx » n’existe pas/);
    const trap = await get('agent', result('piege', 'sortie=tableau'));
    assert.equal(trap.status, 400);
    assert.match(decoded(trap.text), /Cette source ne peut lire que .*om_utilisateur/);
    assert.doesNotMatch(trap.text, /\$argon|md5/);
  });

  test('CSV, XLSX (read back with exceljs), ODS (content.xml) and PDF (its text)', async () => {
    const csv = await get('agent', result('naissances', 'sortie=csv&separateur=%3B'));
    assert.equal(csv.status, 200);
    assert.equal(csv.text, '\uFEFFNom de famille;Prenom;Née le;Taille\nDupont;Hélène;14/05/1980;1.65\nDurand;Éric;02/01/1975;1.80\nMartin;Jean;31/12/1990;1.72\n');

    const xlsx = await bytes('agent', result('naissances', 'sortie=xlsx'));
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.type, /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells = (row: number) => (sheet?.getRow(row).values as unknown[]).slice(1);
    assert.deepEqual(cells(1), ['Nom de famille', 'Prenom', 'Née le', 'Taille']);
    assert.deepEqual(cells(2), ['Dupont', 'Hélène', '14/05/1980', 1.65]);
    assert.equal(sheet?.rowCount, 4);

    const ods = await bytes('agent', result('naissances', 'sortie=ods'));
    assert.equal(ods.status, 200);
    assert.equal(ods.type, 'application/vnd.oasis.opendocument.spreadsheet');
    const files = unzipSync(ods.body);
    assert.equal(strFromU8(files.mimetype ?? new Uint8Array()), 'application/vnd.oasis.opendocument.spreadsheet');
    const content = strFromU8(files['content.xml'] ?? new Uint8Array());
    assert.match(content, /<text:p>Nom de famille<\/text:p>/);
    assert.match(content, /office:value-type="float" office:value="1.65"/);
    assert.match(content, /<text:p>Hélène<\/text:p>/);
    assert.doesNotMatch(content, /Dupuis/);

    const pdf = await bytes('agent', result('naissances', 'sortie=pdf'));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    const text = await pdfText(pdf.body);
    assert.match(text, /Personnes nées après une date/);
    assert.match(text, /Nom de famille/);
    assert.match(text, /Hélène/);
    assert.match(text, /14\/05\/1980/);
    assert.doesNotMatch(text, /Dupuis/);
  });

  test('saving a source checks its SQL and its parameters as running it would', async () => {
    const admin = testActor({ login: 'admin', collectivite: 2, niveau: '2', permissions: ['om_requete'] });
    const requete = runtime.registry.get('om', 'om_requete');
    assert.ok(requete);
    const deps = { db: runtime.db, registry: runtime.registry };
    const refusal = async (values: Record<string, unknown>) => {
      try {
        await createRecord(deps, admin, requete, { code: 'essai', libelle: 'Essai', type: 'sql', ...values });
      } catch (error) {
        assert.ok(error instanceof ServiceError, String(error));
        assert.equal(error.code, 'validation', error.message);
        return error.fields;
      }
      assert.fail('saved');
    };
    assert.match((await refusal({ requete: 'delete from om.om_parametre' })).requete ?? '', /ne peut que lire/);
    assert.match((await refusal({ requete: "select set_config('role', 'postgres', false)" })).requete ?? '', /« set_config »/);
    assert.match((await refusal({ requete: 'select &inconnu as x' })).requete ?? '', /« &inconnu » n’est pas déclaré/);
    assert.match((await refusal({ requete: 'select 1', parametres: 'depuis date' })).parametres ?? '', /Ligne 1 des paramètres/);
    const saved = await createRecord(deps, admin, requete, { code: 'bonne', libelle: 'Bonne', type: 'sql', requete: 'select &depuis as d', parametres: 'depuis: date Depuis', reqmo: true });
    assert.equal(saved.reqmo, true);
  });
});
