/**
 * The election documents shipped by migration 0003, printed through the real print routes and
 * read back: the procès-verbal (validated bureaux only, « 2 bureaux sur 3 », seats and names
 * elected), the proclamation (provisional while a bureau is not validated; a présidentielle), the
 * bureau's results. Another collectivité's election is a 404.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import { createUsers } from '../../../framework/test/support/runtime.ts';
import { DOCUMENTS_FIXTURE } from './documents-data.ts';
import { PASSWORD, resultatsRuntime, SOURCES } from './support.ts';

interface Pdf {
  readonly status: number;
  readonly text: string;
}

/** One line of text, ordinary spaces for the narrow no-break spaces of French figures. */
const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

describeEachDatabase(
  'resultats : procès-verbal, proclamation et résultats du bureau',
  (database: () => TestDatabase) => {
    let app: Hono<AppEnv>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const fetchPdf = async (browser: Browser, path: string): Promise<Pdf> => {
      const response = await browser.get(path, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const isPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
      const text = isPdf ? (await pdfPages(bytes.slice())).join('\n') : new TextDecoder().decode(bytes);
      return { status: response.status, text: flat(text) };
    };
    const validate = (electionBureau: number, votants: number, voix: readonly [number, number][]) =>
      database().asOwner(`update resultats.election_bureau set etat = 'valide', valide_le = now(), valide_par = 'chef' where election_bureau = ${electionBureau} and votants = ${votants};
        ${voix.map(([candidature, nombre]) => `update resultats.voix set nombre = ${nombre} where election_bureau = ${electionBureau} and candidature = ${candidature};`).join('\n')}`);
    const unvalidate = (electionBureau: number, voix: readonly [number, number][]) =>
      database().asOwner(`update resultats.election_bureau set etat = 'saisi', valide_le = null, valide_par = null where election_bureau = ${electionBureau};
        ${voix.map(([candidature, nombre]) => `update resultats.voix set nombre = ${nombre} where election_bureau = ${electionBureau} and candidature = ${candidature};`).join('\n')}`);

    before(async () => {
      await database().asOwner(DOCUMENTS_FIXTURE);
      app = createApp(await resultatsRuntime(database()));
      await createUsers(database(), [
        { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'agent3', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
      ]);
    });

    test('the documents belong to the niveau-2 collectivité and are offered on the election and on a bureau’s result', async () => {
      const owners = await database().ownerQuery<{ id: string; niveau: string }>(
        `select d.id, c.niveau from (select id, om_collectivite from om.om_etat union all select id, om_collectivite from om.om_lettretype) d
           join om.om_collectivite c using (om_collectivite) where d.id like 'resultats%' order by id`,
      );
      assert.deepEqual(owners.map((row) => `${row.id}:${row.niveau}`), ['resultats_bureau:2', 'resultats_proces_verbal:2', 'resultats_proclamation:2']);
      const agent = await signIn('agent');
      const election = await (await agent.get('/resultats/election/1', { Accept: 'text/html' })).text();
      assert.match(election, /\/resultats\/election\/1\/pdf\/etat\/resultats_proces_verbal/);
      assert.match(election, /\/resultats\/election\/1\/pdf\/lettretype\/resultats_proclamation/);
      const bureau = await (await agent.get('/resultats/election_bureau/1', { Accept: 'text/html' })).text();
      assert.match(bureau, /\/resultats\/election_bureau\/1\/pdf\/etat\/resultats_bureau/);
    });

    test('the procès-verbal counts the validated bureaux only, says « 2 bureaux sur 3 » and shows the provisional seats', async () => {
      const pv = await fetchPdf(await signIn('agent'), '/resultats/election/1/pdf/etat/resultats_proces_verbal');
      assert.equal(pv.status, 200, pv.text);
      const text = pv.text;
      assert.match(text, /Procès-verbal de recensement général des votes/);
      assert.match(text, /Libreville — Municipales 2026/);
      assert.match(text, /Scrutin : Élections municipales du 15\/03\/2026, premier tour/);
      assert.match(text, /Résultats provisoires : 2 bureaux sur 3/);
      assert.match(text, /Inscrits : 1 800 — votants : 1 200 \(66,67 %\) — abstentions : 600 — blancs : 16 — nuls : 9 — exprimés : 1 175/);
      // Per validated bureau, then the total row.
      assert.match(text, /001 Hôtel de ville 1 000 700 10 5 685/);
      assert.match(text, /002 École Jules-Ferry 800 500 6 4 490/);
      assert.match(text, /Total 1 800 1 200 16 9 1 175/);
      assert.doesNotMatch(text, /Gymnase/, 'the bureau only entered is not listed');
      assert.doesNotMatch(text, /613/, 'nor counted');
      assert.match(text, /1 Libreville Avenir LDVG 650 55,32/);
      assert.match(text, /2 Agir pour Libreville LDVD 360 30,64/);
      assert.match(text, /3 Libreville Écologie LECO 165 14,04/);
      // Seats: 4 of bonus to the majority list, 3 at the highest average (A 650, B 360, A 325).
      assert.match(text, /Répartition provisoire des sièges/);
      assert.match(text, /Libreville Avenir — sièges au conseil municipal : 6, au conseil communautaire : 2/);
      assert.match(text, /Agir pour Libreville — sièges au conseil municipal : 1, au conseil communautaire : 0/);
      assert.match(text, /Libreville Écologie — sièges au conseil municipal : 0, au conseil communautaire : 0/);
      assert.match(text, /Libreville Avenir : PrénomAvenir1 ARNAUD, PrénomAvenir2 AUBERT, PrénomAvenir3 ALLARD, PrénomAvenir4 ADAM, PrénomAvenir5 ANDRE, PrénomAvenir6 ANTOINE/);
      assert.doesNotMatch(text, /ASTIER/, 'the seventh of the list is not elected');
      assert.match(text, /Agir pour Libreville : PrénomAgir1 BERNARD/);
      assert.match(text, /Libreville Avenir \(conseil communautaire\) : PrénomAvenir1 ARNAUD, PrénomAvenir2 AUBERT/);
      assert.match(text, /Résultats provisoires \(2 bureaux sur 3\) : la proclamation attend la validation de tous les bureaux\./);
      // Detail per bureau and candidature.
      assert.match(text, /001 1 Libreville Avenir 400 58,39/);
      assert.match(text, /002 3 Libreville Écologie 80 16,33/);
      assert.match(text, /Le président du bureau centralisateur/);
      assert.match(text, /Le secrétaire/);
    });

    test('once every bureau is validated without a majority: « 3 bureaux sur 3 », a second round, nobody proclaimed', async () => {
      await validate(3, 613, []);
      try {
        const agent = await signIn('agent');
        const pv = await fetchPdf(agent, '/resultats/election/1/pdf/etat/resultats_proces_verbal');
        assert.match(pv.text, /Résultats définitifs : 3 bureaux sur 3/);
        assert.match(pv.text, /Total 2 700 1 813 16 9 1 788/);
        // A 761 of 1 788 exprimés (42,56 %): no absolute majority.
        assert.match(pv.text, /1 Libreville Avenir LDVG 761 42,56/);
        const secondTour = /Aucune liste n’ayant obtenu la majorité absolue des suffrages exprimés, aucun siège n’est attribué : un second tour est nécessaire\./g;
        assert.equal(pv.text.match(secondTour)?.length, 1, 'said once');
        assert.doesNotMatch(pv.text, /sièges au conseil municipal :/);
        const proclamation = await fetchPdf(agent, '/resultats/election/1/pdf/lettretype/resultats_proclamation');
        assert.match(proclamation.text, secondTour);
        assert.doesNotMatch(proclamation.text, /ARNAUD/);
      } finally {
        await unvalidate(3, [[1, 111], [2, 222], [3, 280]]);
      }
    });

    test('once every bureau is validated with a majority: the proclamation names the elected of each list', async () => {
      await validate(3, 613, [[1, 400], [2, 100], [3, 113]]);
      try {
        const proclamation = await fetchPdf(await signIn('agent'), '/resultats/election/1/pdf/lettretype/resultats_proclamation');
        assert.equal(proclamation.status, 200, proclamation.text);
        assert.match(proclamation.text, /Proclamation des résultats/);
        assert.match(proclamation.text, /Résultats définitifs : 3 bureaux sur 3/);
        assert.match(proclamation.text, /N° 1 Libreville Avenir : 1 050 voix \(58,72 % des exprimés\)/);
        assert.match(proclamation.text, /Sont proclamés élus conseillers municipaux les candidats ci-dessous, dans l’ordre de leur liste\./);
        // 4 of bonus, then A 1 050, A 525, B 460.
        assert.match(proclamation.text, /Libreville Avenir — sièges au conseil municipal : 6, au conseil communautaire : 2/);
        assert.match(proclamation.text, /Agir pour Libreville — sièges au conseil municipal : 1, au conseil communautaire : 0/);
        assert.match(proclamation.text, /Agir pour Libreville : PrénomAgir1 BERNARD/);
        assert.doesNotMatch(proclamation.text, /CHEVALIER/);
        assert.match(proclamation.text, /Le maire,/);
      } finally {
        await unvalidate(3, [[1, 111], [2, 222], [3, 280]]);
      }
    });

    test('the proclamation while a bureau is not validated proclaims nobody', async () => {
      const proclamation = await fetchPdf(await signIn('agent'), '/resultats/election/1/pdf/lettretype/resultats_proclamation');
      assert.match(proclamation.text, /Résultats provisoires \(2 bureaux sur 3\) : la proclamation attend la validation de tous les bureaux\./);
      assert.doesNotMatch(proclamation.text, /ARNAUD/);
      assert.doesNotMatch(proclamation.text, /Sont proclamés élus/);
    });

    test('a présidentielle: the candidate with the absolute majority, for the commission de recensement', async () => {
      const proclamation = await fetchPdf(await signIn('agent'), '/resultats/election/2/pdf/lettretype/resultats_proclamation');
      assert.match(proclamation.text, /Élection présidentielle du 11\/04\/2027, premier tour/);
      assert.match(proclamation.text, /Résultats de la commune, transmis à la commission de recensement des votes/);
      assert.match(proclamation.text, /Au vu de ces résultats, Jeanne Martin obtient la majorité absolue des suffrages exprimés : élu\(e\) au premier tour\./);
      assert.doesNotMatch(proclamation.text, /Répartition/);
    });

    test('the bureau’s results: its figures, its votes, its state', async () => {
      const agent = await signIn('agent');
      const bureau = await fetchPdf(agent, '/resultats/election_bureau/2/pdf/etat/resultats_bureau');
      assert.equal(bureau.status, 200, bureau.text);
      assert.match(bureau.text, /Résultats du bureau 002/);
      assert.match(bureau.text, /Inscrits 800 Votants 500 Abstentions 300 Bulletins blancs 6 Bulletins nuls 4 Suffrages exprimés 490/);
      assert.match(bureau.text, /1 Libreville Avenir 250 51,02/);
      assert.match(bureau.text, /Total 490/);
      assert.match(bureau.text, /État : validé le 15\/03\/2026 à 20:40 par chef/);
      const saisi = await fetchPdf(agent, '/resultats/election_bureau/3/pdf/etat/resultats_bureau');
      assert.match(saisi.text, /État : saisi, non validé : chiffres provisoires/);
    });

    test('another collectivité’s election is not printed', async () => {
      const other = await fetchPdf(await signIn('agent3'), '/resultats/election/1/pdf/etat/resultats_proces_verbal');
      assert.equal(other.status, 404);
    });
  },
  { sources: SOURCES },
);
