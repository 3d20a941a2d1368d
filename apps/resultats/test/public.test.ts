/**
 * The public results page and its JSON endpoint (apps/resultats/src/public): anonymous, no session
 * cookie; only validated bureaux counted, the others « en attente » without figures; an election in
 * preparation, of another collectivité or unknown is a 404; the endpoint answers an ETag and 304
 * while nothing changed; the figures are cached about a second. Both databases.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { resultatsRuntime, SOURCES } from './support.ts';

const FIXTURE = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
insert into resultats.bureau (bureau, code, libelle, om_collectivite) values
  (901, '0001', 'Mairie', 1), (902, '0002', 'École Jaurès', 1), (903, '0003', 'Gymnase', 1), (904, '0001', 'Salle des fêtes', 3);
insert into resultats.election (election, libelle, type, date_scrutin, sieges, etat, om_collectivite) values
  (801, 'Municipales 2026', 'municipales', '2026-03-15', 29, 'ouverte', 1),
  (802, 'Municipales 2020', 'municipales', '2020-03-15', 29, 'archivee', 1),
  (803, 'Législatives 2027', 'legislatives', '2027-06-13', null, 'preparation', 1),
  (804, 'Municipales 2026', 'municipales', '2026-03-15', 19, 'ouverte', 3);
insert into resultats.candidature (candidature, election, ordre, libelle, tete_de_liste, couleur, om_collectivite) values
  (701, 801, 1, 'Libreville Avenir', 'Anne Martin', '#0b4f8a', 1), (702, 801, 2, 'Libreville Ensemble', 'Paul Durand', null, 1),
  (703, 804, 1, 'Autreville Demain', null, null, 3);
insert into resultats.election_bureau (election_bureau, election, bureau, inscrits, votants, blancs, nuls, exprimes, etat, om_collectivite) values
  (601, 801, 901, 1000, 600, 10, 20, 570, 'valide', 1),
  (602, 801, 902, 800, 4321, 5, 6, 4310, 'saisi', 1),
  (603, 801, 903, 900, null, null, null, null, 'non_arrive', 1),
  (604, 804, 904, 500, 300, 0, 0, 300, 'valide', 3);
insert into resultats.voix (election_bureau, candidature, nombre, om_collectivite) values
  (601, 701, 400, 1), (601, 702, 170, 1), (602, 701, 4000, 1), (602, 702, 310, 1), (604, 703, 300, 3);
insert into resultats.tranche (tranche, election, heure, om_collectivite) values (501, 801, '12:00', 1), (502, 801, '17:00', 1);
insert into resultats.participation (election_bureau, tranche, votants, om_collectivite) values (601, 501, 250, 1), (602, 501, 200, 1), (601, 502, 500, 1);
`;

/** The text of an HTML page, tags removed and spaces collapsed. */
const texteDe = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();

const attendreLeCache = () => new Promise((resolve) => setTimeout(resolve, 1100));

describeEachDatabase(
  'Public results page',
  (database) => {
    let app: Hono<AppEnv>;
    const anonyme = () => new TestClient(app);
    const page = (path: string) => anonyme().request('GET', path, { headers: { Accept: 'text/html' } });

    before(async () => {
      const runtime = await resultatsRuntime(database());
      await database().asOwner(FIXTURE, 'resultats');
      app = createApp(runtime);
    });

    test('the page, without login nor cookie: validated bureaux only, the others « en attente »', async () => {
      const reponse = await page('/resultats/public/1/801');
      assert.equal(reponse.status, 200, reponse.text);
      const texte = texteDe(reponse.text);
      assert.match(texte, /Municipales 2026/);
      assert.match(texte, /1 bureaux dépouillés sur 3/);
      assert.match(texte, /Résultats provisoires/);
      assert.match(texte, /0001 — Mairie dépouillé 1 000 600 570 400 170/);
      assert.match(texte, /0002 — École Jaurès en attente 800 — — — —/);
      assert.match(texte, /0003 — Gymnase en attente 900 — — — —/);
      // The figures entered but not validated are nowhere.
      assert.doesNotMatch(texte, /4 ?321|4 ?310|4 ?000/);
      // Libreville Avenir: 400 of 570 exprimés.
      assert.match(texte, /Libreville Avenir \(Anne Martin\) 400 70,18 %/);
      assert.match(texte, /Participation 60,00 %/);
      assert.match(texte, /12 h 00 450 25,00 % 2 sur 3/);
      assert.match(texte, /Actualiser/);
      assert.match(reponse.text, /data-source="\/api\/v1\/resultats\/public\/1\/801"/);
      assert.match(reponse.text, /data-chart-src="\/static\/chart\.umd\.min\.js\?v=/);
      assert.match(reponse.text, /aria-live="polite"/);
    });

    test('the JSON endpoint: the same figures, nothing of a bureau not validated', async () => {
      const reponse = await anonyme().get('/api/v1/resultats/public/1/801');
      assert.equal(reponse.status, 200, reponse.text);
      const donnees = reponse.body;
      assert.deepEqual(donnees.bureaux, { depouilles: 1, total: 3 });
      assert.equal(donnees.provisoire, true);
      assert.deepEqual(donnees.chiffres, { inscrits: 1000, votants: 600, blancs: 10, nuls: 20, exprimes: 570, participation: 60 });
      assert.deepEqual(
        donnees.candidatures.map((candidature: { libelle: string; voix: number; pourcentage: number }) => [candidature.libelle, candidature.voix, candidature.pourcentage]),
        [
          ['Libreville Avenir', 400, 70.18],
          ['Libreville Ensemble', 170, 29.82],
        ],
      );
      assert.deepEqual(donnees.parBureau[1], { code: '0002', libelle: 'École Jaurès', depouille: false, inscrits: 800, votants: null, blancs: null, nuls: null, exprimes: null, voix: [null, null] });
      assert.deepEqual(donnees.participation, [
        { heure: '12:00', votants: 450, bureaux: 2, pourcentage: 25 },
        { heure: '17:00', votants: 500, bureaux: 1, pourcentage: 50 },
      ]);
      assert.doesNotMatch(reponse.text, /4321|4310|4000/);
      // Municipales (L262): 15 seats of bonus to the absolute majority, then 14 by highest average:
      // 400 and 170 voix give 9 and 4, the last one to 400/10 = 40 over 170/5 = 34; 25 and 4.
      assert.equal(donnees.avecSieges, true);
      assert.deepEqual(
        donnees.candidatures.map((candidature: { sieges: number }) => candidature.sieges),
        [25, 4],
      );
    });

    test('the list of a collectivité’s published elections, newest first, without those in preparation', async () => {
      const reponse = await page('/resultats/public/1');
      assert.equal(reponse.status, 200, reponse.text);
      const texte = texteDe(reponse.text);
      assert.match(texte, /Résultats des élections — Libreville/);
      assert.match(texte, /Municipales 2026 — Municipales, premier tour, 15\/03\/2026 \(dépouillement en cours\) Municipales 2020/);
      assert.doesNotMatch(texte, /Législatives 2027/);
      assert.match(reponse.text, /href="\/resultats\/public\/1\/801"/);
    });

    test('another collectivité’s election, one in preparation, an unknown one or collectivité: 404 in French', async () => {
      for (const path of ['/api/v1/resultats/public/3/801', '/api/v1/resultats/public/1/804', '/api/v1/resultats/public/1/803', '/api/v1/resultats/public/1/999', '/api/v1/resultats/public/1/abc']) {
        const reponse = await anonyme().get(path);
        assert.equal(reponse.status, 404, path);
        assert.match(reponse.body.error.message, /Cette élection n’existe pas ou ses résultats ne sont pas publiés/, path);
      }
      const inconnue = await anonyme().get('/api/v1/resultats/public/99/801');
      assert.equal(inconnue.status, 404);
      assert.equal(inconnue.body.error.message, 'Cette collectivité n’existe pas : vérifiez l’adresse de la page.');
      const pageAutre = await page('/resultats/public/3/801');
      assert.equal(pageAutre.status, 404);
      assert.match(texteDe(pageAutre.text), /Page introuvable/);
      assert.equal((await page('/resultats/public/99')).status, 404);
      // Its own collectivité sees it.
      assert.deepEqual((await anonyme().get('/api/v1/resultats/public/3/804')).body.bureaux, { depouilles: 1, total: 1 });
    });

    test('ETag and 304 while nothing changed; a bureau validated appears within a second', async () => {
      const premiere = await anonyme().get('/api/v1/resultats/public/1/801');
      const etag = premiere.headers.get('ETag') ?? '';
      assert.match(etag, /"/);
      assert.equal(premiere.headers.get('Set-Cookie'), null);
      const inchangee = await anonyme().request('GET', '/api/v1/resultats/public/1/801', { headers: { 'If-None-Match': etag } });
      assert.equal(inchangee.status, 304);
      assert.equal(inchangee.text, '');

      await database().asOwner(`update resultats.election_bureau set votants = 500, blancs = 5, nuls = 5, exprimes = 490, etat = 'valide' where election_bureau = 602;
        update resultats.voix set nombre = 300 where election_bureau = 602 and candidature = 701;
        update resultats.voix set nombre = 190 where election_bureau = 602 and candidature = 702;`, 'resultats');
      await attendreLeCache();
      const apres = await anonyme().request('GET', '/api/v1/resultats/public/1/801', { headers: { 'If-None-Match': etag } });
      assert.equal(apres.status, 200);
      assert.notEqual(apres.headers.get('ETag'), etag);
      assert.deepEqual(apres.body.bureaux, { depouilles: 2, total: 3 });
      assert.equal(apres.body.chiffres.votants, 1100);
      assert.deepEqual(apres.body.parBureau[1].voix, [300, 190]);
      assert.match(texteDe((await page('/resultats/public/1/801')).text), /0002 — École Jaurès dépouillé 800 500 490 300 190/);

      await database().asOwner(`update resultats.election_bureau set etat = 'valide', votants = 700, blancs = 0, nuls = 0, exprimes = 700 where election_bureau = 603;
        insert into resultats.voix (election_bureau, candidature, nombre, om_collectivite) values (603, 701, 350, 1), (603, 702, 350, 1);`, 'resultats');
      await attendreLeCache();
      const complete = await anonyme().get('/api/v1/resultats/public/1/801');
      assert.equal(complete.body.provisoire, false);
      assert.equal(complete.body.statut, 'complet');
      assert.match(texteDe((await page('/resultats/public/1/801')).text), /3 bureaux dépouillés sur 3 Tous les bureaux sont dépouillés/);
    });
  },
  { sources: SOURCES },
);
