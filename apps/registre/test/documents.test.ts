/**
 * The register prints its register (issue 10 §9, §10): the documents shipped by migration 0003 for
 * the niveau-2 collectivité serve Libreville, printed through the print route from the demo data —
 * the fiche of an activity with each of its sub-tables, the whole register of the collectivité
 * (controller, DPO, every activity of its own and none of another's), the letter to a
 * sub-processor — and the collectivité's SIRET is checked.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { normalizedSiret } from '../../../framework/src/objects/siret.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { pdfImages } from '../../../framework/test/support/pdf-images.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { COLLECTIVITE, TRAITEMENTS } from '../demo/libreville.ts';
import { registre } from '../src/index.ts';
import { actorsFor, AUTREVILLE_SQL, PASSWORD, registreRuntime, SOURCES } from './support.ts';

/** An activity of Autreville (collectivité 3), which Libreville's register must not show. */
const AUTREVILLE_DATA_SQL = `
insert into registre.traitement (libelle, finalite, base_legale, om_collectivite)
  values ('Cimetière d’Autreville', 'Gérer les concessions d’Autreville.', (select base_legale from registre.base_legale where code = '6.1.c'), 3);
`;

interface Pdf {
  readonly status: number;
  readonly pages: string[];
  /** Every page's text on one line, spaces collapsed: words wrapped in a cell read as written. */
  readonly text: string;
  readonly bytes: Uint8Array;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

test('SIRET: 14 digits and a right Luhn key; spaces tolerated; La Poste’s own rule', () => {
  assert.equal(normalizedSiret('21750001600019'), '21750001600019');
  assert.equal(normalizedSiret('217 500 016 00019'), '21750001600019');
  assert.equal(normalizedSiret(COLLECTIVITE.siret), COLLECTIVITE.siret);
  assert.equal(normalizedSiret('21750001600018'), undefined, 'wrong key');
  assert.equal(normalizedSiret('2175000160001'), undefined, '13 digits');
  assert.equal(normalizedSiret('2175000160001A'), undefined);
  assert.equal(normalizedSiret('35600000049837'), '35600000049837', 'La Poste: digits summing to a multiple of 5');
});

describeEachDatabase(
  'registre : fiche de traitement, registre de la collectivité et lettre au sous-traitant',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const keyOf = async (libelle: string, table = 'traitement'): Promise<number> => {
      const rows = await database().ownerQuery<{ key: number }>(`select ${table} as key from registre.${table} where libelle = '${libelle.replaceAll("'", "''")}'`);
      assert.ok(rows[0], libelle);
      return Number(rows[0].key);
    };
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const fetchPdf = async (browser: Browser, path: string): Promise<Pdf> => {
      const response = await browser.get(path, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const isPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
      const pages = isPdf ? await pdfPages(bytes.slice()) : [];
      return { status: response.status, pages, bytes, text: flat(isPdf ? pages.join('\n') : new TextDecoder().decode(bytes)) };
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await registreRuntime(database());
      await registre.loadDemo?.(runtime);
      await database().asOwner(AUTREVILLE_DATA_SQL);
      app = createApp({ ...runtime, applications: [registre] });
      await actorsFor(database(), [
        { login: 'dpo', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'dpo3', profil: 'SUPER UTILISATEUR', collectivite: 3 },
        { login: 'admin', profil: 'ADMINISTRATEUR', collectivite: 1 },
      ]);
    });

    test('the documents are the niveau-2 collectivité’s, listed on an activity’s consult page', async () => {
      const owners = await database().ownerQuery<{ id: string; niveau: string }>(
        `select d.id, c.niveau from om.om_etat d join om.om_collectivite c using (om_collectivite) where d.objet like 'registre.%'
         union all select d.id, c.niveau from om.om_lettretype d join om.om_collectivite c using (om_collectivite) where d.objet like 'registre.%'
         order by id`,
      );
      assert.deepEqual(owners.map((row) => [row.id, row.niveau]), [['fiche_traitement', '2'], ['garanties_sous_traitant', '2'], ['registre', '2']]);
      const cantine = await keyOf('Inscriptions à la cantine scolaire');
      const page = await (await signIn('dpo')).get(`/registre/traitement/${cantine}`, { Accept: 'text/html' });
      const html = await page.text();
      assert.equal(page.status, 200);
      assert.match(html, new RegExp(`/registre/traitement/${cantine}/pdf/etat/fiche_traitement`));
      assert.match(html, new RegExp(`/registre/traitement/${cantine}/pdf/etat/registre`));
    });

    test('the fiche of an activity: title, purpose, legal basis, dates, and every sub-table’s rows', async () => {
      const cantine = await keyOf('Inscriptions à la cantine scolaire');
      const pdf = await fetchPdf(await signIn('dpo'), `/registre/traitement/${cantine}/pdf/etat/fiche_traitement`);
      assert.equal(pdf.status, 200, pdf.text);
      const { text } = pdf;
      assert.match(text, new RegExp(`Fiche de traitement n° ${cantine}`));
      assert.match(text, /Inscriptions à la cantine scolaire/);
      assert.match(text, /Finalité : Inscrire les enfants à la restauration scolaire, adapter les repas et facturer les familles\./);
      assert.match(text, /Base légale : Mission d'intérêt public \(article 6\.1\.e du RGPD\)/);
      assert.match(text, /Responsable de traitement : Libreville — DPO : Claire Martin/);
      assert.match(text, /données sensibles : Oui — AIPD : 15\/03\/2024/);
      assert.match(text, /Fiche créée le \d{2}\/\d{2}\/\d{4}, mise à jour le \d{2}\/\d{2}\/\d{4}/);
      // Each sub-table, its header and its rows.
      assert.match(text, /Catégories de personnes concernées Catégorie de personnes Précisions Élèves et leurs responsables légaux/);
      assert.match(text, /Catégorie de données Précisions Sensible Coordonnées Adresse postale, téléphone, courriel\. Non/);
      assert.match(text, /Données de santé Allergies, régimes alimentaires médicaux, handicap\. Oui/);
      assert.match(text, /État civil, identité/);
      assert.match(text, /Situation économique et financière/);
      assert.match(text, /Toutes les données Durée de la scolarité Inscription de l’enfant/);
      assert.match(text, /Données de santé 1 an Fin de l’année scolaire/);
      assert.match(text, /Agents habilités du service Interne/);
      assert.match(text, /Trésor public Externe/);
      assert.match(text, /Restauration Collective du Centre contact@rcc\.example 01\/09\/2023 31\/08\/2027/);
      assert.match(text, /Chiffrement des flux \(HTTPS\)/);
      assert.match(text, /Transferts hors de l’Union européenne (Page 1\/2 )?Pays Garanties Aucun transfert Les données restent dans l’Union européenne\./);
      assert.doesNotMatch(text, /\[[a-z_]+\]|&aujourdhui|&idx/, 'every merge field replaced');
      assert.match(text, /Page 1\/\d+/);

      const lettre = await fetchPdf(await signIn('dpo'), `/registre/traitement/${await keyOf('Lettre d’information municipale par courriel')}/pdf/etat/fiche_traitement`);
      assert.match(lettre.text, /États-Unis Clauses contractuelles types de la Commission européenne/);
      assert.doesNotMatch(lettre.text, /Aucun transfert/);
      assert.doesNotMatch(lettre.text, /Cantine|cantine/, 'the other activity’s rows only');
    });

    test('the register: controller and DPO, then every activity of the collectivité, none of another’s', async () => {
      const cantine = await keyOf('Inscriptions à la cantine scolaire');
      const pdf = await fetchPdf(await signIn('dpo'), `/registre/traitement/${cantine}/pdf/etat/registre`);
      assert.equal(pdf.status, 200, pdf.text);
      const { text } = pdf;
      assert.match(text, /Registre des activités de traitement/);
      assert.match(text, /Responsable de traitement Libreville Adresse : Hôtel de ville, 1 place de la Mairie, 00000 Libreville/);
      assert.match(text, /Téléphone : 01 23 45 67 89 — courriel : mairie@libreville\.example/);
      assert.match(text, /SIRET : 21009900100013/);
      assert.match(text, /Délégué à la protection des données Claire Martin Contact : dpo@libreville\.example, 01 23 45 67 00/);
      // Each activity's name is printed in capitals, to stand out.
      const capitals = text.toLocaleUpperCase('fr');
      for (const traitement of TRAITEMENTS) assert.ok(capitals.includes(`ACTIVITÉ N° `) && capitals.includes(traitement.libelle.toLocaleUpperCase('fr')), traitement.libelle);
      assert.match(text, new RegExp(`Activité n° ${TRAITEMENTS.length} `));
      assert.doesNotMatch(text, new RegExp(`Activité n° ${TRAITEMENTS.length + 1} `));
      assert.doesNotMatch(text, /Autreville/iu, 'no activity of another collectivité');
      // The CNIL's headings, for an activity.
      for (const heading of ['Finalité', 'Base légale', 'Catégories de personnes', 'Catégories de données', 'Données sensibles', 'Destinataires',
        'Sous-traitants', 'Transferts hors UE', 'Durées de conservation', 'Mesures de sécurité', 'Fiche créée, mise à jour']) {
        assert.ok(text.includes(`${heading} `), heading);
      }
      assert.match(text, /Transferts hors UE États-Unis : Clauses contractuelles types/);
      assert.match(text, /Données sensibles Oui, analyse d’impact du 15\/03\/2024/);
      assert.ok(pdf.pages.length >= 3, 'the activities run over several pages');
      assert.match(text, new RegExp(`Page ${pdf.pages.length}/${pdf.pages.length}`));

      // Autreville prints its own register: its activity only, and cannot print from Libreville's.
      const autreville = await signIn('dpo3');
      const own = await fetchPdf(autreville, `/registre/traitement/${await keyOf('Cimetière d’Autreville')}/pdf/etat/registre`);
      assert.equal(own.status, 200, own.text);
      assert.match(own.text, /Cimetière d’Autreville/iu);
      assert.doesNotMatch(own.text, /Libreville|cantine/iu);
      assert.equal((await fetchPdf(autreville, `/registre/traitement/${cantine}/pdf/etat/registre`)).status, 404);
      // CONSULTATION reads the register but does not hold `edition`.
      assert.equal((await fetchPdf(await signIn('lecteur'), `/registre/traitement/${cantine}/pdf/etat/registre`)).status, 403);
    });

    test('the letter to a sub-processor asks for its guarantees, with the demo logo', async () => {
      const sousTraitant = await keyOf('Restauration Collective du Centre', 'sous_traitant');
      const pdf = await fetchPdf(await signIn('dpo'), `/registre/sous_traitant/${sousTraitant}/pdf/lettretype/garanties_sous_traitant`);
      assert.equal(pdf.status, 200, pdf.text);
      const { text } = pdf;
      assert.match(text, /Restauration Collective du Centre À l’attention de : contact@rcc\.example Zone artisanale, 00000 Libreville/);
      assert.match(text, /Objet : garanties de protection des données personnelles \(article 28 du RGPD\)/);
      assert.match(text, /traitements suivants : Inscriptions à la cantine scolaire\. Le contrat qui nous lie court du 01\/09\/2023 au 31\/08\/2027\./);
      assert.match(text, /Notre délégué à la protection des données, Claire Martin, se tient à votre disposition : dpo@libreville\.example/);
      assert.doesNotMatch(text, /\[[a-z_]+\]/);
      const images = await pdfImages(pdf.bytes.slice(), 1);
      assert.equal(images.length, 1, 'the demo logo is on the page');
    });

    test('the sub-processors’ address labels: one per sub-processor of the collectivité, from the listing’s link', async () => {
      const dpo = await signIn('dpo');
      const listing = await (await dpo.get('/registre/sous_traitant', { Accept: 'text/html' })).text();
      assert.match(listing, /href="\/registre\/sous_traitant\/pdf\/etiquettes\/adresses_sous_traitants"/);
      const pdf = await fetchPdf(dpo, '/registre/sous_traitant/pdf/etiquettes/adresses_sous_traitants');
      assert.equal(pdf.status, 200, pdf.text);
      assert.equal(pdf.pages.length, 1);
      assert.match(pdf.text, /Restauration Collective du Centre contact@rcc\.example Zone artisanale, 00000 Libreville/);
      assert.doesNotMatch(pdf.text, /\[[a-z_]+\]/);
    });

    test('the collectivité’s SIRET is checked: a wrong one refused in French and nothing changed, spaces accepted', async () => {
      const admin = new TestClient(app);
      assert.equal((await admin.login('admin', PASSWORD)).status, 200);
      const wrong = await admin.request('PATCH', '/api/v1/om/om_collectivite/1', { json: { siret: '21750001600018' } });
      assert.equal(wrong.status, 422, wrong.text);
      assert.match(String(wrong.body.error.fields.siret), /Le champ « SIRET » doit contenir les 14 chiffres du numéro SIRET, sans erreur de clé/);
      const short = await admin.request('PATCH', '/api/v1/om/om_collectivite/1', { json: { siret: '123' } });
      assert.equal(short.status, 422, short.text);
      const stored = async () => (await database().ownerQuery<{ siret: string }>('select siret from om.om_collectivite where om_collectivite = 1'))[0]?.siret;
      assert.equal(await stored(), COLLECTIVITE.siret, 'nothing changed');
      const spaced = await admin.request('PATCH', '/api/v1/om/om_collectivite/1', { json: { siret: '217 500 016 00019' } });
      assert.equal(spaced.status, 200, spaced.text);
      assert.equal(await stored(), '21750001600019');
    });
  },
  { sources: SOURCES },
);
