/**
 * The demo (Libreville's municipales of 15 March 2026, twelve bureaux, four lists) loaded on both
 * databases: it respects every rule of the forms; the control page shows bureau 12 incomplete and
 * the others complete; the convocation (one affectation, and a whole scrutin's), the planning and
 * the préfecture's list print, read back from the PDFs; Autreville sees nothing of it.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { loadScrutinDemo } from '../src/demo.ts';
import { actorsFor, AUTREVILLE_SQL, PASSWORD, scrutinRuntime, SOURCES } from './support.ts';

const FIRST_PEOPLE = [
  { nom: 'BOYER', prenom: 'Sylvie', date_naissance: '1958-04-04' },
  { nom: 'GARNIER', prenom: 'Nathalie', date_naissance: '1950-08-22' },
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

describeEachDatabase(
  'composition des bureaux : démonstration, contrôle et documents',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let scrutin: number;
    const query = <T>(sql: string) => database().ownerQuery<T>(sql);
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const fetchPdf = async (browser: Browser, path: string): Promise<{ status: number; text: string; pages: number }> => {
      const response = await browser.get(path, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const isPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
      const pages = isPdf ? await pdfPages(bytes.slice()) : [];
      return { status: response.status, pages: pages.length, text: flat(isPdf ? pages.join('\n') : new TextDecoder().decode(bytes)) };
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await scrutinRuntime(database());
      const summary = await loadScrutinDemo(runtime.db.kysely);
      assert.deepEqual({ ...summary }, { bureaux: 12, personnes: 146, affectations: 146 });
      app = createApp(runtime);
      await actorsFor(database(), PASSWORD, [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'agent3', profil: 'UTILISATEUR', collectivite: 3 },
      ]);
      scrutin = Number((await query<{ scrutin: number }>('select scrutin from scrutin.scrutin'))[0]?.scrutin);
    });

    test('the demo is reproducible and respects the rules of the forms', async () => {
      const [figures] = await query<{ listes: number; bureaux: string; overlaps: number; hors_departement: number; hors_delai: number; doubles: number }>(`
        select (select count(*) from scrutin.candidature)::int as listes,
               (select string_agg(code, ',' order by code::int) from scrutin.bureau) as bureaux,
               (select count(*) from scrutin.affectation a join scrutin.affectation b on a.personne = b.personne and a.affectation < b.affectation
                  and a.scrutin = b.scrutin and a.heure_debut < b.heure_fin and b.heure_debut < a.heure_fin)::int as overlaps,
               (select count(*) from scrutin.affectation a join scrutin.fonction f using (fonction) join scrutin.personne p using (personne)
                  join scrutin.scrutin s using (scrutin) where f.membre_bureau and p.departement_inscription <> s.departement)::int as hors_departement,
               (select count(*) from scrutin.affectation a join scrutin.scrutin s using (scrutin)
                  where a.candidature is not null and a.date_designation > s.date_scrutin - 3)::int as hors_delai,
               (select count(*) from (select 1 from scrutin.affectation where candidature is not null
                  group by scrutin, bureau, candidature, fonction having count(*) > 1) d)::int as doubles`);
      assert.deepEqual({ ...figures }, { listes: 4, bureaux: '1,2,3,4,5,6,7,8,9,10,11,12', overlaps: 0, hors_departement: 0, hors_delai: 0, doubles: 0 });
      // Seeded: the same people on every machine.
      const first = await query<{ nom: string; prenom: string; date_naissance: string }>(
        `select nom, prenom, to_char(date_naissance, 'YYYY-MM-DD') as date_naissance from scrutin.personne order by personne limit 2`,
      );
      assert.deepEqual(first.map((row) => ({ ...row })), FIRST_PEOPLE);
    });

    test('the control page: bureau 12 lacks an assesseur and a secrétaire, the others are complete', async () => {
      const lecteur = await signIn('lecteur');
      const list = await (await lecteur.get('/scrutin/controle', { Accept: 'text/html' })).text();
      assert.match(list, new RegExp(`href="/scrutin/controle/${scrutin}"`));
      const response = await lecteur.get(`/scrutin/controle/${scrutin}`, { Accept: 'text/html' });
      assert.equal(response.status, 200);
      const html = flat(await response.text());
      assert.match(html, /1 bureau sur 12 incomplet : 12\. Affectez les membres manquants avant le jour du scrutin\./);
      assert.equal((html.match(/>Complet</g) ?? []).length, 11);
      assert.match(html, /12 École maternelle du Parc<\/th>.*Manque : un assesseur titulaire \(il en faut au moins deux\), un secrétaire/);
      assert.match(html, /Président : [^<]+ \(8 h – 13 h\)/);
      assert.match(html, /Assesseur titulaire : [^<]+ \(8 h – 13 h\), désigné par « Libreville Avenir »/);
      const autreville = await (await signIn('agent3')).get(`/scrutin/controle/${scrutin}`, { Accept: 'text/html' });
      assert.equal(autreville.status, 404);
    });

    test('the convocation of one affectation: who, where, as what, when, signed by the mayor', async () => {
      const [row] = await query<{ affectation: number; nom: string; prenom: string }>(`
        select a.affectation, p.nom, p.prenom from scrutin.affectation a join scrutin.personne p using (personne) join scrutin.bureau b using (bureau)
         where b.code = '3' and a.fonction = 'assesseur_titulaire' and a.candidature = (select candidature from scrutin.candidature where libelle = 'Ensemble pour Libreville')`);
      assert.ok(row);
      const lecteur = await fetchPdf(await signIn('lecteur'), `/scrutin/affectation/${row.affectation}/pdf/lettretype/convocation`);
      assert.equal(lecteur.status, 403, 'printing needs the edition permission');
      const pdf = await fetchPdf(await signIn('agent'), `/scrutin/affectation/${row.affectation}/pdf/lettretype/convocation`);
      assert.equal(pdf.status, 200, pdf.text);
      assert.match(pdf.text, /Mairie de Libreville/);
      assert.match(pdf.text, new RegExp(`${row.prenom} ${row.nom}`));
      assert.match(pdf.text, /Objet : convocation au bureau de vote n° 3 — Élections municipales 2026 — premier tour/);
      assert.match(pdf.text, /sur désignation de la liste « Ensemble pour Libreville », en qualité de assesseur titulaire du bureau de vote n° 3 « Salle des fêtes », 4 place du Marché, Libreville/);
      assert.match(pdf.text, /le 15\/03\/2026, de 8 h à 13 h/);
      assert.match(pdf.text, /Le maire de Libreville/);
      assert.doesNotMatch(pdf.text, /\[[a-z_]+\]|&aujourdhui|&idx/);
    });

    test('the convocations of a whole scrutin print from the search of its affectations', async () => {
      const pdf = await fetchPdf(await signIn('agent'), `/scrutin/affectation/pdf/lettretype/convocation?filter[scrutin]=${scrutin}&filter[bureau]=${await bureau('12')}`);
      assert.equal(pdf.status, 200, pdf.text);
      assert.equal(pdf.pages, 3, 'one letter per affectation of bureau 12');
      assert.equal((pdf.text.match(/Objet : convocation au bureau de vote n° 12/g) ?? []).length, 3);
      assert.match(pdf.text, /en qualité de président .* en qualité de vice-président|en qualité de vice-président .* en qualité de président/);
    });

    test('the planning of shifts per bureau, and the list for the préfecture with births and addresses', async () => {
      const agent = await signIn('agent');
      const planning = await fetchPdf(agent, `/scrutin/scrutin/${scrutin}/pdf/etat/planning_permanences`);
      assert.equal(planning.status, 200, planning.text);
      assert.match(planning.text, /Planning des permanences/);
      assert.match(planning.text, /Scrutin ouvert de 8 h à 18 h — 12 bureaux de vote/);
      assert.match(planning.text, /Bureau Fonction Nom, prénom Permanence/);
      assert.match(planning.text, /1 Hôtel de ville Président [^]*8 h – 13 h/);
      const [president] = await query<{ nom: string; prenom: string; naissance: string; adresse: string }>(`
        select p.nom, p.prenom, to_char(p.date_naissance, 'DD/MM/YYYY') as naissance, p.adresse from scrutin.affectation a join scrutin.personne p using (personne)
          join scrutin.bureau b using (bureau) where b.code = '1' and a.fonction = 'president'`);
      assert.ok(president);
      const prefecture = await fetchPdf(agent, `/scrutin/scrutin/${scrutin}/pdf/etat/liste_prefecture`);
      assert.equal(prefecture.status, 200, prefecture.text);
      assert.match(prefecture.text, /Composition des bureaux de vote/);
      assert.match(prefecture.text, /département 33/);
      assert.match(prefecture.text, /Bureau Fonction Nom, prénom Né\(e\) le Adresse Désigné par/);
      assert.match(prefecture.text, new RegExp(`Président ${president.nom} ${president.prenom} ${president.naissance.replace(/\//g, '\\/')} ${president.adresse.split(',')[0]}`));
      assert.match(prefecture.text, /Délégué titulaire/);
      assert.match(prefecture.text, /Secrétaire/);
      assert.match(prefecture.text, /Certifié exact/);
    });

    test('the screens: the scrutin with its sub-forms and documents, the affectation form, the listing', async () => {
      const agent = await signIn('agent');
      const record = await agent.get(`/scrutin/scrutin/${scrutin}`, { Accept: 'text/html' });
      assert.equal(record.status, 200);
      const html = flat(await record.text());
      assert.match(html, /Composition des bureaux/);
      assert.match(html, /Listes et candidats/);
      assert.match(html, /\/pdf\/etat\/planning_permanences/);
      assert.match(html, /\/pdf\/etat\/liste_prefecture/);
      const form = await agent.get('/scrutin/affectation/new', { Accept: 'text/html' });
      assert.equal(form.status, 200);
      assert.match(flat(await form.text()), /Début de la permanence/);
      const listing = await agent.get(`/scrutin/affectation?filter[scrutin]=${scrutin}`, { Accept: 'text/html' });
      assert.equal(listing.status, 200);
      const [one] = await query<{ affectation: number }>('select affectation from scrutin.affectation order by affectation limit 1');
      const page = flat(await (await agent.get(`/scrutin/affectation/${one?.affectation}`, { Accept: 'text/html' })).text());
      assert.match(page, /\/pdf\/lettretype\/convocation/);
    });

    const bureau = async (code: string) => Number((await query<{ bureau: number }>(`select bureau from scrutin.bureau where code = '${code}'`))[0]?.bureau);
  },
  { sources: SOURCES },
);
