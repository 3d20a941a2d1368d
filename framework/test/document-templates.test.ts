/**
 * The templates of états and lettres types (issue 10 §2): their HTML reduced to the limited rich
 * text of `template-html.ts` on every write (form, service, import), rendered (never shown as
 * source) on the consult page, the editor's input and helpers, and the actions « Copier » and
 * « Activer ».
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { sanitizeTemplateHtml, templateDisplayHtml } from '../src/documents/template-sanitize.ts';
import { createRecord, updateRecord } from '../src/records/index.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { parseMergeFieldsHelp } from '../src/web/templates/merge-fields.ts';
import { testActor } from './support/actors.ts';
import { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, createUsers, type TestRuntime } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';

const HOSTILE = `<p class="aligne-centre" onclick="voler()">Madame <strong>[nom]</strong><script>alert(1)</script></p>
<p style="position: fixed; top: 0; text-align: right; font-size: 14pt; color: red">Arles, le &aujourdhui</p>
<iframe src="https://exemple.invalid/"></iframe><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">lien</a>
<div data-sousetat="liste_bureaux">Sous-état « liste_bureaux » <b>x</b></div>
<span data-code-barre="qrcode" data-valeur="[numero]" data-taille="20" onmouseover="y()">QR code : [numero]</span>
<span data-code-barre="pdf417" data-valeur="[numero]">z</span><div data-sousetat="../../etc">w</div>
<hr class="saut-de-page autre"><ul><li><em>un</em></li></ul><table><tbody><tr><td colspan="2" rowspan="3">c</td></tr></tbody></table><style>p { display: none }</style>`;

const SAFE =
  '<p style="text-align:center">Madame <strong>[nom]</strong></p>\n' +
  '<p style="text-align:right;font-size:14pt">Arles, le &amp;aujourdhui</p>\nlien\n' +
  '<div data-sousetat="liste_bureaux"></div>\n' +
  '<span data-code-barre="qrcode" data-valeur="[numero]" data-taille="20"></span>\n' +
  '<span>z</span><div>w</div>\n' +
  '<hr class="saut-de-page" /><ul><li><em>un</em></li></ul><table><tbody><tr><td colspan="2">c</td></tr></tbody></table>';

describe('template HTML', () => {
  test('script, event handlers, other styles, iframes, images and links are removed; the limited rich text is kept', () => {
    assert.equal(sanitizeTemplateHtml(HOSTILE), SAFE);
    assert.equal(sanitizeTemplateHtml(SAFE), SAFE, 'saving again changes nothing');
    assert.equal(sanitizeTemplateHtml('<h1 style="text-align: justify">Titre</h1><span class="taille-18">grand</span>'), '<h1 style="text-align:justify">Titre</h1><span style="font-size:18pt">grand</span>');
  });

  test('displayed with classes instead of styles (the CSP refuses inline styles), placeholders labelled', () => {
    assert.equal(
      templateDisplayHtml(SAFE),
      '<p class="aligne-centre">Madame <strong>[nom]</strong></p>\n' +
        '<p class="aligne-droite taille-14">Arles, le &amp;aujourdhui</p>\nlien\n' +
        '<div data-sousetat="liste_bureaux" class="gabarit-sousetat">Sous-état « liste_bureaux »</div>\n' +
        '<span data-code-barre="qrcode" data-valeur="[numero]" data-taille="20" class="gabarit-code-barre">QR code : [numero]</span>\n' +
        '<span>z</span><div>w</div>\n' +
        '<hr class="saut-de-page" /><ul><li><em>un</em></li></ul><table><tbody><tr><td colspan="2">c</td></tr></tbody></table>',
    );
    assert.doesNotMatch(templateDisplayHtml(HOSTILE), /script|onclick|style=|iframe|javascript/);
  });

  test('the merge fields a data source declares in its help', () => {
    assert.deepEqual(parseMergeFieldsHelp('[nom] Nom de l’électeur\nprenom : Prénom\n\nnumero\n[nom] doublon'), [
      { name: 'nom', label: 'Nom de l’électeur' },
      { name: 'prenom', label: 'Prénom' },
      { name: 'numero', label: 'numero' },
    ]);
    assert.deepEqual(parseMergeFieldsHelp(null), []);
  });
});

describeEachDatabase('états and lettres types', (database) => {
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
  const deps = () => ({ db: runtime.db, registry: runtime.registry });
  const etat = () => runtime.registry.bySchemaTable('om', 'om_etat')!;
  const lettretype = () => runtime.registry.bySchemaTable('om', 'om_lettretype')!;
  const redacteur1 = testActor({ collectivite: 1, permissions: ['om_etat', 'om_lettretype'] });
  let requete = 0;

  before(async () => {
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
      insert into om.om_requete (code, libelle, requete, merge_fields) values
        ('electeur', 'Électeur', 'select nom from elections.electeur where electeur = &idx', E'[nom] Nom de l''électeur\\n[numero] Numéro'),
        ('bureau', 'Bureau', 'select ''Salle des fêtes''::text as libelle, 3 as numero_bureau', 'libelle: Nom du bureau');
      insert into om.om_sousetat (om_collectivite, id, libelle, actif, om_sql) values (1, 'liste_bureaux', 'Liste des bureaux', true, 'select 1'),
        (3, 'autre_ville', 'Autre ville', true, 'select 1');`);
    runtime = await createTestRuntime(database(), { config: { baseUrl: 'http://commun.test' } });
    app = createApp(runtime);
    requete = (await rows<{ om_requete: number }>("select om_requete from om.om_requete where code = 'electeur'"))[0]?.om_requete ?? 0;
    await createUsers(database(), [
      { login: 'redacteur', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
    ]);
  });

  test('the service sanitises the title and body of états and lettres types on create and update', async () => {
    const created = await createRecord(deps(), redacteur1, etat(), { id: 'carte', libelle: 'Carte', om_sql: requete, titre_om_htmletat: HOSTILE, corps_om_htmletatex: HOSTILE });
    const [stored] = await rows<{ titre_om_htmletat: string; corps_om_htmletatex: string }>(`select titre_om_htmletat, corps_om_htmletatex from om.om_etat where om_etat = ${created.om_etat}`);
    assert.deepEqual(stored, { titre_om_htmletat: SAFE, corps_om_htmletatex: SAFE });
    await updateRecord(deps(), redacteur1, etat(), String(created.om_etat), { corps_om_htmletatex: '<p onclick="x()">Nouveau</p><script>y()</script>' });
    assert.deepEqual(await rows(`select corps_om_htmletatex from om.om_etat where om_etat = ${created.om_etat}`), [{ corps_om_htmletatex: '<p>Nouveau</p>' }]);
    const lettre = await createRecord(deps(), redacteur1, lettretype(), { id: 'courrier', libelle: 'Courrier', om_sql: requete, corps_om_htmletatex: HOSTILE });
    assert.deepEqual(await rows(`select corps_om_htmletatex from om.om_lettretype where om_lettretype = ${lettre.om_lettretype}`), [{ corps_om_htmletatex: SAFE }]);
  });

  test('the form posts the editor’s textarea; the consult page renders the HTML, never its source', async () => {
    const redacteur = await signedIn('redacteur');
    const form = await (await redacteur.get('/om/om_lettretype/new')).text();
    assert.match(form, /<textarea id="champ-corps_om_htmletatex" name="corps_om_htmletatex"[^>]*class="gabarit-source" data-gabarit="[^"]*\/gabarits\/champs/);
    assert.match(form, /Sans JavaScript, le texte se saisit en HTML\./);
    const posted = await redacteur.postForm('/om/om_lettretype', {
      ...hidden(form),
      id: 'convocation',
      libelle: 'Convocation',
      actif: 'true',
      orientation: 'P',
      format: 'A4',
      om_sql: String(requete),
      titre_om_htmletat: '<h1 class="aligne-centre">Convocation</h1>',
      corps_om_htmletatex: '<p>Bonjour <strong>[nom]</strong><script>alert(1)</script></p><div data-sousetat="liste_bureaux">Sous-état</div><span data-code-barre="qrcode" data-valeur="[numero]"></span>',
    });
    assert.equal(posted.status, 303, await posted.clone().text());
    const key = /\/(\d+)$/.exec(posted.headers.get('Location') ?? '')?.[1];
    const view = await (await redacteur.get(`/om/om_lettretype/${key}`)).text();
    assert.match(view, /<div class="gabarit"><h1 class="aligne-centre">Convocation<\/h1><\/div>/);
    assert.match(
      view,
      /<div class="gabarit"><p>Bonjour <strong>\[nom\]<\/strong><\/p><div data-sousetat="liste_bureaux" class="gabarit-sousetat">Sous-état « liste_bureaux »<\/div><span data-code-barre="qrcode" data-valeur="\[numero\]" class="gabarit-code-barre">QR code : \[numero\]<\/span><\/div>/,
    );
    assert.doesNotMatch(view, /&lt;p&gt;|alert\(1\)/);
  });

  test('the editor’s helpers: merge fields of the chosen source, the collectivité’s sous-états; refused to others', async () => {
    const redacteur = await signedIn('redacteur');
    // A source that cannot run (its schema does not exist): the fields its help declares.
    assert.deepEqual(await (await redacteur.get(`/gabarits/champs?requete=${requete}`)).json(), {
      fields: [
        { name: 'nom', label: "Nom de l'électeur" },
        { name: 'numero', label: 'Numéro' },
      ],
    });
    assert.deepEqual(await (await redacteur.get('/gabarits/champs?requete=abc')).json(), { fields: [] });
    // A source that runs gives its columns, labelled by its help where it has one.
    const bureau = (await rows<{ om_requete: number }>("select om_requete from om.om_requete where code = 'bureau'"))[0]?.om_requete;
    assert.deepEqual(await (await redacteur.get(`/gabarits/champs?requete=${bureau}`)).json(), {
      fields: [
        { name: 'libelle', label: 'Nom du bureau' },
        { name: 'numero_bureau', label: 'Numero bureau' },
      ],
    });
    assert.deepEqual(await (await redacteur.get('/gabarits/sous-etats')).json(), { sousetats: [{ value: 'liste_bureaux', label: 'Liste des bureaux (liste_bureaux)' }] });
    const agent = await signedIn('agent');
    assert.equal((await agent.get(`/gabarits/champs?requete=${requete}`)).status, 403);
    assert.equal((await agent.get('/gabarits/sous-etats')).status, 403);
  });

  test('« Copier » makes an inactive copy with a new code; « Activer » leaves one active per code and collectivité', async () => {
    const original = await createRecord(deps(), redacteur1, etat(), { id: 'fiche', libelle: 'Fiche', actif: true, om_sql: requete, corps_om_htmletatex: '<p>Texte</p>', margeleft: 15 });
    const key = Number(original.om_etat);
    const redacteur = await signedIn('redacteur');
    const copy = async (from: number) => {
      const page = await (await redacteur.get(`/om/om_etat/${from}/copier`)).text();
      return redacteur.postForm(`/om/om_etat/${from}/copier`, hidden(page));
    };
    const first = await copy(key);
    assert.equal(first.status, 303);
    assert.match(await (await redacteur.get(first.headers.get('Location') ?? '')).text(), /Copie « fiche_copie » créée \(inactive\)\./);
    assert.equal((await copy(key)).status, 303);
    const copies = await rows<{ om_etat: number; id: string; actif: boolean; libelle: string; corps_om_htmletatex: string; margeleft: number; om_collectivite: number }>(
      "select om_etat, id, actif, libelle, corps_om_htmletatex, margeleft, om_collectivite from om.om_etat where id like 'fiche%' order by om_etat",
    );
    assert.deepEqual(
      copies.map(({ om_etat: _key, ...rest }) => rest),
      [
        { id: 'fiche', actif: true, libelle: 'Fiche', corps_om_htmletatex: '<p>Texte</p>', margeleft: 15, om_collectivite: 1 },
        { id: 'fiche_copie', actif: false, libelle: 'Fiche', corps_om_htmletatex: '<p>Texte</p>', margeleft: 15, om_collectivite: 1 },
        { id: 'fiche_copie2', actif: false, libelle: 'Fiche', corps_om_htmletatex: '<p>Texte</p>', margeleft: 15, om_collectivite: 1 },
      ],
    );

    // Two of the same code: activating one deactivates the other, in this collectivité only.
    await rows(`update om.om_etat set id = 'fiche' where id = 'fiche_copie'`);
    await database().asOwner(`insert into om.om_etat (om_collectivite, id, libelle, actif, om_sql) values (3, 'fiche', 'Fiche d’Autreville', true, ${requete})`);
    const second = copies[1]?.om_etat ?? 0;
    const page = await (await redacteur.get(`/om/om_etat/${second}/activer`)).text();
    const activated = await redacteur.postForm(`/om/om_etat/${second}/activer`, hidden(page));
    assert.equal(activated.status, 303);
    assert.match(await (await redacteur.get(activated.headers.get('Location') ?? '')).text(), /« fiche » est maintenant actif/);
    assert.deepEqual(await rows("select om_collectivite, actif from om.om_etat where id = 'fiche' order by om_collectivite, om_etat"), [
      { om_collectivite: 1, actif: false },
      { om_collectivite: 1, actif: true },
      { om_collectivite: 3, actif: true },
    ]);
    // An agent has neither action.
    const agent = await signedIn('agent');
    assert.equal((await agent.get(`/om/om_etat/${key}/copier`)).status, 403);
  });
});
