/**
 * Election night through the real web application, on both databases: a bureau's entry (saved,
 * audited; each inconsistency refused with its message and nothing changed; a correction),
 * validation and its lock, unlock with a reason, participation per tranche, the follow-up page,
 * and the refusals: a 403 without the permission, a 404 for another collectivité's bureau.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient, type JsonResponse } from '../../../framework/test/support/http.ts';
import { createUsers } from '../../../framework/test/support/runtime.ts';
import { PASSWORD, resultatsRuntime, SOURCES } from './support.ts';

const HTML = { Accept: 'text/html' };

// Élection 1 (ouverte, 3 bureaux, 3 listes, tranches 12:00 et 17:00), élection 2 (close), élection 3 d’Autreville.
const FIXTURE = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
insert into resultats.bureau (bureau, code, libelle, om_collectivite) values
  (1, '001', 'Hôtel de ville', 1), (2, '002', 'École Jules-Ferry', 1), (3, '003', 'Gymnase', 1), (4, '001', 'Mairie d’Autreville', 3);
insert into resultats.election (election, libelle, type, date_scrutin, sieges, etat, om_collectivite) values
  (1, 'Municipales 2026', 'municipales', '2026-03-15', 29, 'ouverte', 1),
  (2, 'Municipales 2020', 'municipales', '2020-03-15', 29, 'close', 1),
  (3, 'Municipales d’Autreville', 'municipales', '2026-03-15', 15, 'ouverte', 3);
insert into resultats.tranche (tranche, election, heure, om_collectivite) values (1, 1, '12:00', 1), (2, 1, '17:00', 1);
insert into resultats.candidature (candidature, election, ordre, libelle, om_collectivite) values
  (1, 1, 1, 'Libreville Avenir', 1), (2, 1, 2, 'Agir pour Libreville', 1), (3, 1, 3, 'Libreville Écologie', 1),
  (4, 2, 1, 'Liste unique', 1), (5, 3, 1, 'Autreville Ensemble', 3);
insert into resultats.election_bureau (election_bureau, election, bureau, inscrits, om_collectivite) values
  (1, 1, 1, 1250, 1), (2, 1, 2, 980, 1), (3, 1, 3, 1400, 1), (4, 2, 1, 1200, 1), (5, 3, 4, 500, 3);
-- CONSULTATION may not follow an election here: the 403 of the follow-up page is tested with it.
delete from om.om_droit where libelle in ('resultats.election_consulter', 'resultats.election')
  and om_profil = (select om_profil from om.om_profil where libelle = 'CONSULTATION');
`;

/** A coherent entry of bureau 001: 1 204 votants = 12 + 8 + 1 184; 1 184 = 600 + 400 + 184. */
const BONNE_SAISIE = { votants: '1 204', blancs: '12', nuls: '8', exprimes: '1184', voix_1: '600', voix_2: '400', voix_3: '184' };

/** Normal spaces for the narrow no-break spaces of French figures. */
const texte = (answer: JsonResponse): string => answer.text.replace(/[\u202f\u00a0]/g, ' ').replace(/&#39;|&#x27;/g, '’');

describeEachDatabase(
  'resultats : saisie de la soirée électorale par les pages',
  (database: () => TestDatabase) => {
    let app: Hono<AppEnv>;
    const signedIn = async (login: string) => {
      const browser = new TestClient(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 200);
      return browser;
    };
    const get = (browser: TestClient, path: string) => browser.request('GET', path, { headers: HTML });
    const post = (browser: TestClient, path: string, form: Record<string, string>) => browser.request('POST', path, { form, headers: HTML });
    const bureau = async (electionBureau: number) =>
      (await database().ownerQuery<Record<string, unknown>>(`select etat, votants, blancs, nuls, exprimes, saisi_par, valide_par from resultats.election_bureau where election_bureau = ${electionBureau}`))[0];
    const voix = async (electionBureau: number) =>
      (await database().ownerQuery<{ candidature: number; nombre: number }>(`select candidature, nombre from resultats.voix where election_bureau = ${electionBureau} order by candidature`)).map(
        (row) => [Number(row.candidature), Number(row.nombre)],
      );
    const audits = async (action: string) =>
      database().ownerQuery<{ login: string; objet: string; cle: string; avant: Record<string, unknown> | null; apres: Record<string, unknown> }>(
        `select login, objet, cle, avant, apres from om.om_audit where application = 'resultats' and action = '${action}' order by om_audit`,
      );

    before(async () => {
      await database().asOwner(FIXTURE);
      const runtime = await resultatsRuntime(database());
      app = createApp(runtime);
      await createUsers(database(), [
        { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'chef', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
        { login: 'agent3', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
      ]);
    });

    test('the entry form: inscrits shown, one labelled numeric field per figure and per candidature, the next bureau offered', async () => {
      const page = await get(await signedIn('agent'), '/resultats/saisie/1');
      assert.equal(page.status, 200, page.text);
      const html = texte(page);
      assert.match(html, /<h1>Saisie des résultats — 001 — Hôtel de ville<\/h1>/);
      assert.match(html, /Inscrits : <strong>1 250<\/strong>/);
      assert.match(html, /<legend>Bulletins<\/legend>/);
      assert.match(html, /<legend>Voix par candidature<\/legend>/);
      assert.match(html, /<label for="saisie-votants">Votants \*<\/label><input type="text" inputmode="numeric"/);
      assert.match(html, /<label for="saisie-voix_2">n° 2 — Agir pour Libreville \*<\/label>/);
      assert.match(html, /href="\/resultats\/saisie\/2" id="saisie-suivant">Bureau suivant : 002 — École Jules-Ferry<\/a>/);
      assert.doesNotMatch(html, /Valider ce bureau/, 'nothing to validate yet');
    });

    test('each inconsistency is refused with its figures named, the typed values shown again, and nothing saved', async () => {
      const agent = await signedIn('agent');
      const cas: [Record<string, string>, string][] = [
        [{ ...BONNE_SAISIE, exprimes: '1180', voix_3: '180' }, 'Votants (1 204) ≠ blancs (12) + nuls (8) + exprimés (1 180) = 1 200.'],
        [{ ...BONNE_SAISIE, voix_3: '175' }, 'Exprimés (1 184) ≠ total des voix (1 175).'],
        [{ votants: '1300', blancs: '16', nuls: '0', exprimes: '1284', voix_1: '700', voix_2: '400', voix_3: '184' }, 'Votants (1 300) &gt; inscrits (1 250)'],
      ];
      for (const [form, attendu] of cas) {
        const answer = await post(agent, '/resultats/saisie/1', form);
        assert.equal(answer.status, 422, attendu);
        const html = texte(answer);
        assert.ok(html.includes(attendu), `${attendu}\n${html.slice(0, 400)}`);
        assert.match(html, /Rien n’est enregistré : les chiffres saisis ne sont pas cohérents\./);
        assert.match(html, new RegExp(`name="voix_3" value="${form.voix_3}"`), 'the typed value is shown again');
      }
      const manquant = await post(agent, '/resultats/saisie/1', { ...BONNE_SAISIE, nuls: '', blancs: '-3' });
      assert.equal(manquant.status, 422);
      assert.match(texte(manquant), /id="saisie-nuls-erreur">Saisissez ce nombre \(0 s’il n’y en a aucun\)\./);
      assert.match(texte(manquant), /« -3 » n’est pas un nombre entier positif ou nul\./);
      assert.deepEqual(await bureau(1), { etat: 'non_arrive', votants: null, blancs: null, nuls: null, exprimes: null, saisi_par: null, valide_par: null });
      assert.deepEqual(await voix(1), []);
      assert.equal((await audits('saisie')).length, 0);
    });

    test('a coherent entry is saved in one go (figures, state, votes) and audited; a correction is accepted', async () => {
      const agent = await signedIn('agent');
      const saved = await post(agent, '/resultats/saisie/1', BONNE_SAISIE);
      assert.equal(saved.status, 303, saved.text);
      assert.equal(saved.headers.get('location'), '/resultats/saisie/1');
      const shown = texte(await get(agent, '/resultats/saisie/1'));
      assert.match(shown, /Résultats du bureau 001 — Hôtel de ville enregistrés\./);
      assert.match(shown, /état du bureau : Saisi \(saisi par agent\)/);
      assert.match(shown, /name="votants" value="1204"/);
      assert.deepEqual(await bureau(1), { etat: 'saisi', votants: 1204, blancs: 12, nuls: 8, exprimes: 1184, saisi_par: 'agent', valide_par: null });
      assert.deepEqual(await voix(1), [[1, 600], [2, 400], [3, 184]]);
      const [audit] = await audits('saisie');
      assert.equal(audit?.login, 'agent');
      assert.equal(audit?.objet, 'election_bureau');
      assert.equal(audit?.cle, '1');
      assert.equal(audit?.avant?.['etat'], 'non_arrive');
      assert.equal(audit?.apres['votants'], 1204);
      assert.deepEqual(audit?.apres['voix'], { 1: 600, 2: 400, 3: 184 });

      const corrige = await post(agent, '/resultats/saisie/1', { ...BONNE_SAISIE, votants: '1205', nuls: '9' });
      assert.equal(corrige.status, 303, corrige.text);
      assert.equal((await bureau(1))?.['nuls'], 9);
      assert.equal((await audits('saisie')).length, 2);
    });

    test('validation locks the bureau: entry refused, then an unlock with a reason opens it again', async () => {
      const agent = await signedIn('agent');
      const chef = await signedIn('chef');
      assert.equal((await post(agent, '/resultats/valider/1', { retour: 'saisie' })).status, 403, 'UTILISATEUR may not validate');
      const nonSaisi = await post(chef, '/resultats/valider/2', { retour: 'suivi' });
      assert.equal(nonSaisi.headers.get('location'), '/resultats/suivi/1');
      assert.match(texte(await get(chef, '/resultats/suivi/1')), /Le bureau 002 — École Jules-Ferry n’est pas saisi : saisissez ses résultats avant de le valider\./);
      assert.equal((await bureau(2))?.['etat'], 'non_arrive');

      const valide = await post(chef, '/resultats/valider/1', { retour: 'saisie' });
      assert.equal(valide.status, 303);
      assert.match(texte(await get(chef, '/resultats/saisie/1')), /Bureau 001 — Hôtel de ville validé/);
      assert.deepEqual(await bureau(1), { etat: 'valide', votants: 1205, blancs: 12, nuls: 9, exprimes: 1184, saisi_par: 'agent', valide_par: 'chef' });
      assert.equal((await audits('validation')).length, 1);

      const verrouille = await post(agent, '/resultats/saisie/1', { ...BONNE_SAISIE, votants: '1206', nuls: '10' });
      assert.equal(verrouille.status, 422);
      assert.match(texte(verrouille), /Ce bureau est validé : ses chiffres ne peuvent plus être modifiés\. Pour les corriger, demandez son déverrouillage/);
      assert.equal((await bureau(1))?.['votants'], 1205);

      assert.equal((await get(agent, '/resultats/deverrouiller/1')).status, 403, 'UTILISATEUR may not unlock');
      const sansMotif = await post(chef, '/resultats/deverrouiller/1', { motif: ' abc ' });
      assert.equal(sansMotif.status, 422);
      assert.match(texte(sansMotif), /Donnez le motif du déverrouillage \(5 caractères au moins\)\./);
      assert.equal((await bureau(1))?.['etat'], 'valide');
      assert.equal((await database().ownerQuery('select * from resultats.deverrouillage')).length, 0);

      const ouvert = await post(chef, '/resultats/deverrouiller/1', { motif: 'Erreur de report des nuls' });
      assert.equal(ouvert.status, 303, ouvert.text);
      const [journal] = await database().ownerQuery<{ election_bureau: number; motif: string; par: string }>('select election_bureau, motif, par from resultats.deverrouillage');
      assert.deepEqual({ ...journal, election_bureau: Number(journal?.election_bureau) }, { election_bureau: 1, motif: 'Erreur de report des nuls', par: 'chef' });
      assert.deepEqual(await bureau(1), { etat: 'saisi', votants: 1205, blancs: 12, nuls: 9, exprimes: 1184, saisi_par: 'agent', valide_par: null });
      const [audit] = await audits('deverrouillage');
      assert.equal(audit?.apres['motif'], 'Erreur de report des nuls');

      const encore = await post(agent, '/resultats/saisie/1', BONNE_SAISIE);
      assert.equal(encore.status, 303, 'entry possible again');
      assert.equal((await bureau(1))?.['votants'], 1204);
    });

    test('a closed election refuses entry; without the permission a 403; another collectivité’s bureau a 404', async () => {
      const agent = await signedIn('agent');
      const close = await post(agent, '/resultats/saisie/4', { votants: '10', blancs: '0', nuls: '0', exprimes: '10', voix_4: '10' });
      assert.equal(close.status, 422);
      assert.match(texte(close), /L’élection « Municipales 2020 » est close : les résultats ne peuvent plus être saisis ni modifiés\./);
      assert.equal((await bureau(4))?.['etat'], 'non_arrive');

      const lecteur = await signedIn('lecteur');
      assert.equal((await get(lecteur, '/resultats/saisie/1')).status, 403);
      assert.equal((await post(lecteur, '/resultats/saisie/1', BONNE_SAISIE)).status, 403);
      assert.equal((await get(lecteur, '/resultats/suivi/1')).status, 403);
      assert.equal((await get(lecteur, '/resultats/participation-saisie/1')).status, 403);

      const autreville = await signedIn('agent3');
      assert.equal((await get(autreville, '/resultats/saisie/1')).status, 404);
      assert.equal((await post(autreville, '/resultats/saisie/1', BONNE_SAISIE)).status, 404);
      assert.equal((await get(autreville, '/resultats/suivi/1')).status, 404);
      assert.equal((await get(autreville, '/resultats/saisie/5')).status, 200, 'its own bureau');
      assert.equal((await get(agent, '/resultats/saisie/999999999999')).status, 404);
    });

    test('participation: checks per field (inscrits, earlier and later tranches), nothing saved on an error, rates once saved', async () => {
      const agent = await signedIn('agent');
      const page = texte(await get(agent, '/resultats/participation-saisie/1'));
      assert.match(page, /<label for="participation-tranche">Tranche horaire<\/label>/);
      assert.match(page, /Votants à 12:00/);

      const dixSept = await post(agent, '/resultats/participation-saisie/1', { tranche: '2', votants_1: '800', votants_2: '500', votants_3: '' });
      assert.equal(dixSept.status, 303, dixSept.text);
      assert.equal(dixSept.headers.get('location'), '/resultats/participation-saisie/1?tranche=2');

      const refus = await post(agent, '/resultats/participation-saisie/1', { tranche: '1', votants_1: '900', votants_2: '1000', votants_3: '300' });
      assert.equal(refus.status, 422);
      const html = texte(refus);
      assert.match(html, /id="participation-votants_1-erreur">900 votants à 12:00 : plus que les 800 relevés à 17:00\./);
      assert.match(html, /id="participation-votants_2-erreur">1 000 votants à 12:00 : plus que les 980 inscrits du bureau\./);
      assert.doesNotMatch(html, /participation-votants_3-erreur/);
      assert.equal((await database().ownerQuery('select * from resultats.participation where tranche = 1')).length, 0, 'nothing saved');

      assert.equal((await post(agent, '/resultats/participation-saisie/1', { tranche: '1', votants_1: '400', votants_2: '300', votants_3: '' })).status, 303);
      const midi = texte(await get(agent, '/resultats/participation-saisie/1?tranche=1'));
      assert.match(midi, /Participation de 12:00 enregistrée \(2 bureau\(x\) relevé\(s\)\)\./);
      assert.match(midi, /<td>32,00 %<\/td>/, 'bureau 001: 400 / 1 250');
      assert.match(midi, /id="participation-taux-total">31,39 %<\/td>/, '700 / 2 230');
      assert.match(midi, /action="\/resultats\/participation-saisie\/1\?tranche=1"/);
      const plusBas = await post(agent, '/resultats/participation-saisie/1', { tranche: '2', votants_1: '350', votants_2: '500', votants_3: '' });
      assert.equal(plusBas.status, 422);
      assert.match(texte(plusBas), /350 votants à 17:00 : moins que les 400 déjà relevés à 12:00\./);

      assert.equal((await database().ownerQuery('select * from resultats.participation where tranche = 2 and votants = 350')).length, 0, 'nothing saved');
      assert.equal((await audits('saisie_participation')).length, 2);
    });

    test('participation: a tranche’s votants may not exceed the bureau’s final votants once its results are entered; a bureau without results is not limited', async () => {
      const agent = await signedIn('agent');
      assert.equal((await bureau(1))?.['votants'], 1204, 'bureau 001’s results are entered');
      assert.equal((await bureau(2))?.['votants'], null, 'bureau 002’s are not');
      const trop = await post(agent, '/resultats/participation-saisie/1', { tranche: '2', votants_1: '1205', votants_2: '950', votants_3: '' });
      assert.equal(trop.status, 422);
      const html = texte(trop);
      assert.match(html, /id="participation-votants_1-erreur">1 205 votants à 17:00 : plus que les 1 204 votants des résultats saisis du bureau ; corrigez le relevé ou les résultats\./);
      assert.doesNotMatch(html, /participation-votants_2-erreur/);
      const dixSept = async () =>
        (await database().ownerQuery<{ election_bureau: number; votants: number }>('select election_bureau, votants from resultats.participation where tranche = 2 order by election_bureau')).map((row) => [
          Number(row.election_bureau),
          Number(row.votants),
        ]);
      assert.deepEqual(await dixSept(), [[1, 800], [2, 500]], 'nothing saved');
      const egal = await post(agent, '/resultats/participation-saisie/1', { tranche: '2', votants_1: '1204', votants_2: '950', votants_3: '' });
      assert.equal(egal.status, 303, egal.text);
      assert.deepEqual(await dixSept(), [[1, 1204], [2, 950]]);
    });

    test('the follow-up page: states, figures, links, « n bureaux comptés sur N », totals over validated bureaux, participation', async () => {
      const chef = await signedIn('chef');
      const before = texte(await get(chef, '/resultats/suivi/1'));
      assert.match(before, /0 bureau\(x\) compté\(s\) sur 3/);
      assert.match(before, /<th scope="row">001 — Hôtel de ville<\/th><td>Saisi<\/td><td>1 250<\/td><td>1 204<\/td><td>12<\/td><td>8<\/td><td>1 184<\/td>/);
      assert.match(before, /<a href="\/resultats\/saisie\/2">Saisir 002<\/a>/);
      assert.match(before, /<button type="submit">Valider 001<\/button>/);
      assert.equal((await post(chef, '/resultats/valider/1', { retour: 'suivi' })).headers.get('location'), '/resultats/suivi/1');
      const after = texte(await get(chef, '/resultats/suivi/1'));
      assert.match(after, /1 bureau\(x\) compté\(s\) sur 3/);
      assert.match(after, /<td>1<\/td><th scope="row">Libreville Avenir<\/th><td>600<\/td><td>50,68 %<\/td>/);
      assert.match(after, /<a href="\/resultats\/deverrouiller\/1">Déverrouiller 001<\/a>/);
      assert.match(after, /<th scope="row">12:00<\/th><td>2 sur 3<\/td><td>700<\/td><td>31,39 %<\/td>/);
      const liste = texte(await get(chef, '/resultats/suivi'));
      assert.match(liste, /<a href="\/resultats\/suivi\/1">Municipales 2026<\/a>/);
      assert.match(liste, /<a href="\/resultats\/suivi"[^>]*>Soirée électorale<\/a>/, 'its menu entry');
    });
  },
  { sources: SOURCES },
);
