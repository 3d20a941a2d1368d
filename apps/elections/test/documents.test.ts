/**
 * The documents shipped by migration 0005 (issue 11 §6), printed through the print routes from a
 * small Libreville and read back: lists by bureau and for the commune, the émargement (its two
 * options, and the whole commune's as a job), the card, the attestation, the propaganda labels,
 * the préfecture's statistics and the tableau des inscriptions et radiations. Autreville's electors
 * never show.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { jobRunnerOf } from '../../../framework/src/jobs/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, electionsRuntime, PASSWORD, SOURCES } from './support.ts';
import { DOCUMENTS_DATA_SQL } from './documents-data.ts';

interface Pdf {
  readonly status: number;
  readonly pages: string[];
  readonly text: string;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describeEachDatabase(
  'élections : listes, émargement, carte, attestation, étiquettes, statistiques et tableau',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const keyOf = async (sql: string): Promise<number> => {
      const rows = await database().ownerQuery<{ key: number }>(sql);
      assert.ok(rows[0], sql);
      return Number(rows[0].key);
    };
    const bureau = (code: string) => keyOf(`select bureau as key from elections.bureau where code = '${code}' and om_collectivite = 1`);
    const electeur = (nom: string) => keyOf(`select electeur as key from elections.electeur where nom = '${nom}'`);
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
      return { status: response.status, pages, text: flat(isPdf ? pages.join('\n') : new TextDecoder().decode(bytes)) };
    };
    const setParametre = (libelle: string, valeur: string) =>
      database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('${libelle}', '${valeur}', 1)
        on conflict (libelle, om_collectivite) do update set valeur = excluded.valeur`);
    const dropParametre = (libelle: string) => database().asOwner(`delete from om.om_parametre where libelle = '${libelle}'`);

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await electionsRuntime(database());
      await database().asOwner(DOCUMENTS_DATA_SQL);
      app = createApp(runtime); // the runtime's own job runner runs the prints
      await actorsFor(database(), [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
      ]);
    });

    test('the documents belong to the niveau-2 collectivité and are listed on their records', async () => {
      const owners = await database().ownerQuery<{ id: string; niveau: string }>(
        `select d.id, c.niveau from om.om_etat d join om.om_collectivite c using (om_collectivite) where d.objet like 'elections.%' order by id`,
      );
      assert.deepEqual(owners.map((row) => row.id), [
        'attestation_inscription', 'carte_electorale', 'emargement', 'liste_electorale', 'liste_electorale_bureau', 'statistiques', 'tableau_inscriptions_radiations',
      ]);
      assert.ok(owners.every((row) => row.niveau === '2'));
      const html = await (await (await signIn('agent')).get(`/elections/bureau/${await bureau('B01')}`, { Accept: 'text/html' })).text();
      assert.match(html, /\/pdf\/etat\/emargement/);
      assert.match(html, /\/pdf\/etat\/liste_electorale_bureau/);
    });

    test('the list of a bureau: its electors by list and number, birth, address; not another bureau’s', async () => {
      const pdf = await fetchPdf(await signIn('agent'), `/elections/bureau/${await bureau('B01')}/pdf/etat/liste_electorale_bureau`);
      assert.equal(pdf.status, 200, pdf.text);
      assert.match(pdf.text, /Liste électorale/);
      assert.match(pdf.text, /Libreville — bureau B01 École Jules Ferry/);
      assert.match(pdf.text, /Électeurs inscrits : 4/);
      assert.match(pdf.text, /N° Liste Nom, prénoms Né\(e\) le, à Adresse/);
      assert.match(pdf.text, /1 LP ZOLA Émile 02\/04\/1950 à Madrid, Espagne 3 RUE DES LILAS/);
      assert.match(pdf.text, /2 LP DUPONT \(LEROY\) Jean 12\/05\/1980 à Alger \(Algérie\) 5 bis RUE DES LILAS, Bâtiment A/);
      assert.match(pdf.text, /1 LCE GARCIA Maria/);
      assert.doesNotMatch(pdf.text, /BERNARD|AUTRE/);
      assert.doesNotMatch(pdf.text, /\[[a-z_]+\]|&aujourdhui|&idx/);
    });

    test('the list of the commune: every bureau of Libreville, none of Autreville', async () => {
      const pdf = await fetchPdf(await signIn('lecteur'), '/elections/liste/LP/pdf/etat/liste_electorale');
      assert.equal(pdf.status, 403, 'printing needs the edition permission');
      const agent = await fetchPdf(await signIn('agent'), '/elections/liste/LP/pdf/etat/liste_electorale');
      assert.equal(agent.status, 200, agent.text);
      assert.match(agent.text, /Liste électorale de Libreville/);
      assert.match(agent.text, /Liste principale/);
      assert.match(agent.text, /Électeurs inscrits : 4/);
      assert.match(agent.text, /BERNARD Luc .* B02/);
      assert.doesNotMatch(agent.text, /AUTRE|GARCIA/);
    });

    test('the émargement: one signature column in alphabetical order by default; two and by number when set', async () => {
      const path = `/elections/bureau/${await bureau('B01')}/pdf/etat/emargement`;
      const simple = await fetchPdf(await signIn('agent'), path);
      assert.equal(simple.status, 200, simple.text);
      assert.match(simple.text, /Liste d’émargement/);
      assert.match(simple.text, /N° Liste Nom, prénoms Né\(e\) le, à Adresse Mentions Émargement/);
      assert.doesNotMatch(simple.text, /Second tour/);
      assert.match(simple.text, /DUPONT .* MARTIN .* ZOLA .* GARCIA/, 'alphabetical, LP before LCE');

      await setParametre('option_double_emargement', 'true');
      await setParametre('option_tri_liste_emargement', 'numero');
      try {
        const double = await fetchPdf(await signIn('agent'), path);
        assert.equal(double.status, 200, double.text);
        assert.match(double.text, /Mentions Premier tour Second tour/);
        assert.doesNotMatch(double.text, /Émargement/);
        assert.match(double.text, /ZOLA .* DUPONT .* MARTIN .* GARCIA/, 'by number in the bureau');
      } finally {
        await dropParametre('option_double_emargement');
        await dropParametre('option_tri_liste_emargement');
      }
    });

    test('the émargement of the whole commune always goes to a job, even for two bureaux', async () => {
      const agent = await signIn('agent');
      const path = '/elections/bureau/pdf/etat/emargement?sort=code';
      const offer = await agent.get(path);
      assert.equal(offer.status, 200);
      const html = await offer.text();
      assert.match(html, /Cette impression compte 2 documents, chacun long : elle est toujours préparée en arrière-plan/);
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const started = await agent.postForm(path, { _csrf: token });
      assert.equal(started.status, 303);
      assert.equal(started.headers.get('location'), '/traitements');
      const [row] = await database().ownerQuery<{ id: string }>(`select om_traitement as id from om.om_traitement where type = 'impression' order by cree_le desc limit 1`);
      assert.ok(row);
      await jobRunnerOf(runtime).settled(row.id);
      const [done] = await database().ownerQuery<{ etat: string }>(`select etat from om.om_traitement where om_traitement = '${row.id}'`);
      assert.equal(done?.etat, 'termine');
      const file = await fetchPdf(agent, `/traitements/${row.id}/fichiers/impression-emargement.pdf`);
      assert.equal(file.status, 200);
      assert.match(file.text, /bureau B01 École Jules Ferry .* DUPONT .* bureau B02 Mairie .* BERNARD/);
      // A list of a few bureaux (not always a job) stays direct.
      const direct = await agent.get('/elections/bureau/pdf/etat/liste_electorale_bureau?sort=code');
      assert.equal(direct.headers.get('content-type'), 'application/pdf');
    });

    test('the electoral card: for one elector, a bureau, a selection, since a date; the mairie’s stamp text', async () => {
      const agent = await signIn('agent');
      const dupont = await electeur('DUPONT');
      const one = await fetchPdf(agent, `/elections/electeur/${dupont}/pdf/etat/carte_electorale`);
      assert.equal(one.status, 200, one.text);
      assert.match(one.text, /Carte électorale/);
      assert.match(one.text, /DUPONT Jean/);
      assert.match(one.text, /Né\(e\) le 12\/05\/1980 à Alger \(Algérie\)/);
      assert.match(one.text, /Liste principale — n° 2 — INE : 123456789012/);
      assert.match(one.text, /Bureau de vote : B01 École Jules Ferry/);
      assert.match(one.text, /Cachet de la mairie : Libreville/);

      await setParametre('carte_electorale_texte_cachet_de_la_mairie', 'Le maire de Libreville, par délégation');
      try {
        const stamped = await fetchPdf(agent, `/elections/electeur/${dupont}/pdf/etat/carte_electorale`);
        assert.match(stamped.text, /Cachet de la mairie : Le maire de Libreville, par délégation/);
      } finally {
        await dropParametre('carte_electorale_texte_cachet_de_la_mairie');
      }

      const byBureau = await fetchPdf(agent, `/elections/electeur/pdf/etat/carte_electorale?filter[bureau]=${await bureau('B01')}&sort=nom`);
      assert.equal(byBureau.status, 200, byBureau.text);
      assert.equal(byBureau.pages.length, 4);
      const selection = await fetchPdf(agent, `/elections/electeur/pdf/etat/carte_electorale?cles=${dupont},${await electeur('BERNARD')}`);
      assert.equal(selection.pages.length, 2);
      const since = await fetchPdf(agent, '/elections/electeur/pdf/etat/carte_electorale?filter[date_inscription][gte]=2026-06-01');
      assert.equal(since.pages.length, 1);
      assert.match(since.text, /MARTIN Anne/);
    });

    test('the attestation of inscription', async () => {
      const pdf = await fetchPdf(await signIn('agent'), `/elections/electeur/${await electeur('MARTIN')}/pdf/etat/attestation_inscription`);
      assert.equal(pdf.status, 200, pdf.text);
      assert.match(pdf.text, /Attestation d’inscription/);
      assert.match(pdf.text, /Mme MARTIN Anne/);
      assert.match(pdf.text, /est inscrit\(e\) sur la Liste principale de la commune depuis le 15\/09\/2026, sous le numéro 3/);
      assert.match(pdf.text, /À Libreville, le \d{2}\/\d{2}\/\d{4}/);
    });

    test('the propaganda labels: a 2 × 7 sheet, one label per elector of the search', async () => {
      const pdf = await fetchPdf(await signIn('agent'), `/elections/electeur/pdf/etiquettes/propagande?filter[bureau]=${await bureau('B01')}&sort=nom`);
      assert.equal(pdf.status, 200, pdf.text);
      assert.match(pdf.text, /M\. DUPONT Jean/);
      assert.match(pdf.text, /Mme MARTIN Anne/);
      assert.match(pdf.text, /RUE DES LILAS/);
      assert.doesNotMatch(pdf.text, /BERNARD/);
      const [sheet] = await database().ownerQuery<{ colonnes: number; lignes: number }>(`select colonnes, lignes from om.om_etiquette where id = 'propagande'`);
      assert.deepEqual([Number(sheet?.colonnes), Number(sheet?.lignes)], [2, 7]);
    });

    test('the préfecture’s statistics: by bureau, sex, age, nationality, birthplace and voie, with totals', async () => {
      const pdf = await fetchPdf(await signIn('agent'), '/elections/liste/LP/pdf/etat/statistiques');
      assert.equal(pdf.status, 200, pdf.text);
      const { text } = pdf;
      assert.match(text, /Statistiques de la liste électorale/);
      assert.match(text, /Électeurs par bureau de vote Bureau Hommes Femmes Total B01 École Jules Ferry 2 1 3 B02 Mairie 1 0 1 Total 3 1 4/);
      assert.match(text, /Électeurs par sexe Sexe Électeurs Hommes 3 Femmes 1 Total 4/);
      assert.match(text, /Électeurs par tranche d’âge .* Total 3 1 4/);
      assert.match(text, /Électeurs par nationalité Nationalité Hommes Femmes Total Française 3 1 4/);
      assert.match(text, /Algérie \(ancien département\) 1 0 1/);
      assert.match(text, /Espagne 1 1 2/);
      assert.match(text, /Électeurs par voie Voie Hommes Femmes Total .*RUE DES LILAS 3 1 4/);
      assert.doesNotMatch(text, /AUTRE/);
    });

    test('the tableau des inscriptions et radiations: decisions since the previous commission, by category', async () => {
      const scrutin = await keyOf(`select scrutin as key from elections.scrutin where libelle = 'Municipales 2027'`);
      const pdf = await fetchPdf(await signIn('agent'), `/elections/scrutin/${scrutin}/pdf/etat/tableau_inscriptions_radiations`);
      assert.equal(pdf.status, 200, pdf.text);
      const { text } = pdf;
      assert.match(text, /Tableau des inscriptions et radiations/);
      assert.match(text, /commission de contrôle précédente \(22\/02\/2026\) et jusqu’à la commission de contrôle du 18\/03\/2027 au 21\/03\/2027/);
      assert.match(text, /Inscriptions Liste Motif Nom, prénoms Né\(e\) le Décision LP Inscription d’office NOUVEAU Paul 01\/01\/2008 01\/10\/2026/);
      assert.match(text, /Radiations Liste Motif Nom, prénoms Né\(e\) le Décision LP Décès ANCIEN Pierre 03\/03\/1930 05\/11\/2026/);
      assert.doesNotMatch(text, /TROPTOT|ENCOURS/, 'before the previous commission, or not decided');
    });
  },
  { sources: SOURCES },
);
