import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { AppEnv } from '../src/web/env.ts';
import {
  adminTestApp,
  checkboxesIn,
  createAdminUsers,
  csrfIn,
  decoded,
  formBody,
  hiddenValuesIn,
  postBody,
  signIn,
} from './admin-support.ts';
import { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';

const MATRIX = '/administration/droits';

describeEachDatabase('administration: the profile × permission matrix', (database) => {
  let app: Hono<AppEnv>;

  const droits = async (libelle: string) =>
    (
      await database().ownerQuery<{ profil: string }>(
        `select p.libelle as profil from om.om_droit d join om.om_profil p using (om_profil) where d.libelle = '${libelle}' order by p.hierarchie`,
      )
    ).map((row) => row.profil);

  before(async () => {
    ({ app } = await adminTestApp(database()));
    await createAdminUsers(database());
  });

  test('only a user holding om_droit_tab sees it', async () => {
    const agent = await signIn(app, 'agent');
    assert.equal((await agent.get(MATRIX)).status, 403);
    const anonymous = await new Browser(app).get(MATRIX);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('Location') ?? '', /^\/login\?/);
  });

  test('the grid: profiles as columns by hierarchy, permissions grouped by object, labelled checkboxes', async () => {
    const admin = await signIn(app, 'admin2');
    const response = await admin.get(MATRIX);
    assert.equal(response.status, 200);
    const html = decoded(await response.text());
    assert.match(html, /<h1>Matrice des droits<\/h1>/);
    const headers = [...html.matchAll(/<th scope="col">([^<]*)<span class="hierarchie">/g)].map((match) => match[1]);
    assert.deepEqual(headers, ['CONSULTATION', 'UTILISATEUR LIMITÉ', 'UTILISATEUR', 'SUPER UTILISATEUR', 'ADMINISTRATEUR']);
    assert.match(html, /<th scope="rowgroup" colspan="6">Utilisateur \(om_utilisateur\)<\/th>/);
    assert.match(html, /<th scope="rowgroup" colspan="6">Autres permissions \(modules\)<\/th>/);
    const boxes = checkboxesIn(html, 'droit');
    const box = (label: string) => boxes.find((candidate) => candidate.label === label);
    // Granted directly: ticked and editable.
    assert.deepEqual(box('om_utilisateur pour ADMINISTRATEUR'), { value: 'om_utilisateur:1', checked: true, disabled: false, label: 'om_utilisateur pour ADMINISTRATEUR' });
    assert.equal(box('om_utilisateur pour UTILISATEUR')?.checked, false);
    // `password` is granted to CONSULTATION: every higher profile holds it, marked and locked.
    const inherited = box('password pour ADMINISTRATEUR (hérité de CONSULTATION)');
    assert.deepEqual([inherited?.checked, inherited?.disabled], [true, true]);
    assert.equal(box('password pour CONSULTATION')?.disabled, false);
    // The whole-object permission covers the specific ones.
    assert.ok(box('om_utilisateur_tab pour ADMINISTRATEUR (déjà compris dans « om_utilisateur »)'));
    assert.match(html, /<span class="marque marque-herite" aria-hidden="true">hérité<\/span>/);
    assert.match(html, /<button type="submit">Enregistrer<\/button>/);
  });

  test('a text filter and a profile choice narrow the grid', async () => {
    const admin = await signIn(app, 'admin2');
    const html = decoded(await (await admin.get(`${MATRIX}?q=widget&profil=3&profil=1`)).text());
    const rows = hiddenValuesIn(html, 'permission');
    assert.ok(rows.length > 0);
    assert.ok(rows.every((permission) => permission.includes('widget')), rows.join());
    assert.ok(rows.includes('om_widget_tab'));
    const profiles = new Set(checkboxesIn(html, 'droit').map((box) => box.value.split(':')[1]));
    assert.deepEqual([...profiles].sort(), ['1', '3']);
    assert.match(html, /value="widget"/, 'the filter is kept');
    const none = decoded(await (await admin.get(`${MATRIX}?q=introuvable`)).text());
    assert.match(none, /Aucune permission ne correspond à ce filtre\./);
  });

  test('« Enregistrer » grants and removes through the record service, audited, and says what changed', async () => {
    const admin = await signIn(app, 'admin2');
    const page = decoded(await (await admin.get(`${MATRIX}?q=om_widget`)).text());
    const ticked = checkboxesIn(page, 'droit').filter((box) => box.checked && !box.disabled).map((box) => box.value);
    assert.ok(ticked.includes('om_widget:1'));
    // As a user would: untick om_widget for ADMINISTRATEUR, tick om_widget_tab for UTILISATEUR.
    const wanted = [...ticked.filter((value) => value !== 'om_widget:1'), 'om_widget_tab:3'];
    const fields: [string, string][] = [
      ['_csrf', csrfIn(page)],
      ['q', 'om_widget'],
      ...hiddenValuesIn(page, 'profil').map((id): [string, string] => ['profil', id]),
      ...hiddenValuesIn(page, 'permission').map((permission): [string, string] => ['permission', permission]),
      ...wanted.map((value): [string, string] => ['droit', value]),
    ];
    const saved = await postBody(admin, MATRIX, formBody(fields));
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get('Location') ?? '', /^\/administration\/droits\?q=om_widget/);
    assert.deepEqual(await droits('om_widget'), []);
    assert.deepEqual(await droits('om_widget_tab'), ['UTILISATEUR']);
    const audit = await database().ownerQuery<{ action: string; login: string }>(
      `select action, login from om.om_audit where objet = 'om_droit' order by om_audit`,
    );
    assert.deepEqual(audit.map((row) => `${row.action} ${row.login}`).sort(), ['create admin2', 'delete admin2']);

    const after = decoded(await (await admin.get(saved.headers.get('Location') ?? MATRIX)).text());
    assert.match(after, /<div role="status"><p class="message message-succes">Droits enregistrés : 1 droit accordé, 1 droit retiré\. Accordés : om_widget_tab pour UTILISATEUR\. Retirés : om_widget pour ADMINISTRATEUR\.<\/p>/);
    // UTILISATEUR's grant is now inherited by the higher profiles.
    const boxes = checkboxesIn(after, 'droit');
    assert.ok(boxes.some((box) => box.label === 'om_widget_tab pour SUPER UTILISATEUR (hérité de UTILISATEUR)' && box.checked && box.disabled));

    // Posting the same page again changes nothing.
    const again = await postBody(admin, MATRIX, formBody(fields));
    assert.equal(again.status, 303);
    assert.match(decoded(await (await admin.get(MATRIX)).text()), /Aucune modification : rien n’a été coché ni décoché\./);
    assert.deepEqual(await droits('om_widget_tab'), ['UTILISATEUR']);

    // Restore the initial grants for the other tests.
    await database().asOwner(`delete from om.om_droit where libelle = 'om_widget_tab'; insert into om.om_droit (libelle, om_profil) values ('om_widget', 1)`);
  });

  test('cells the page did not show, and names outside the vocabulary, are left alone', async () => {
    const admin = await signIn(app, 'admin2');
    const page = decoded(await (await admin.get(`${MATRIX}?q=om_logo`)).text());
    const body = formBody([
      ['_csrf', csrfIn(page)],
      ['q', 'om_logo'],
      ['permission', 'om_logo_tab'],
      ['permission', 'inconnue'],
      ['droit', 'om_logo_tab:5'],
      ['droit', 'inconnue:5'],
      // om_utilisateur was not shown: unticking it (absent) must not remove it.
      ['permission', 'om_utilisateur'],
    ]);
    assert.equal((await postBody(admin, MATRIX, body)).status, 303);
    assert.deepEqual(await droits('om_logo_tab'), ['CONSULTATION']);
    assert.deepEqual(await droits('inconnue'), []);
    assert.deepEqual(await droits('om_utilisateur'), ['ADMINISTRATEUR']);
    await database().asOwner(`delete from om.om_droit where libelle = 'om_logo_tab'`);
  });

  test('a niveau-1 administrator sees the grid read-only and is refused in French when posting', async () => {
    const admin = await signIn(app, 'admin1');
    const page = decoded(await (await admin.get(MATRIX)).text());
    assert.match(page, /seul un utilisateur d’une collectivité de niveau 2 peut le modifier/);
    assert.ok(checkboxesIn(page, 'droit').every((box) => box.disabled));
    assert.doesNotMatch(page, /<button type="submit">Enregistrer<\/button>/);
    const refused = await postBody(admin, MATRIX, formBody([['_csrf', csrfIn(page)], ['permission', 'om_parametre_tab'], ['droit', 'om_parametre_tab:5']]));
    assert.equal(refused.status, 403);
    assert.match(decoded(await refused.text()), /<p class="message message-erreur">Droits insuffisants : « Droit » est commun à toutes les collectivités/);
    assert.deepEqual(await droits('om_parametre_tab'), []);
  });

  test('without the CSRF token nothing changes', async () => {
    const admin = await signIn(app, 'admin2');
    const response = await postBody(admin, MATRIX, formBody([['permission', 'om_parametre_tab'], ['droit', 'om_parametre_tab:5']]));
    assert.equal(response.status, 403);
    assert.deepEqual(await droits('om_parametre_tab'), []);
  });
});
