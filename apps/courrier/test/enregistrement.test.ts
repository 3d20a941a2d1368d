/**
 * Registering mail through the records service (as a form or the API does), on both databases: the
 * numbers of each register by year, the defaults, each refusal with its exact French message on its
 * field (and no number consumed), 200 registrations in parallel giving ranks 1..200, the copies to
 * the élus, the reply task and its due date, a departure answering a mail, the new correspondent
 * block, the bible, and the prefilled add form over HTTP.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Row } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { MESSAGES } from '../src/enregistrement/messages.ts';
import { courrierFixture, courrierRuntime, inserer, organisation, PASSWORD, refusal, service, SOURCES, type Organisation } from './support.ts';

describeEachDatabase(
  'courrier : enregistrement',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const parametre = (libelle: string, valeur: string) =>
      query(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('${libelle}', '${valeur}', 1)
             on conflict (libelle, om_collectivite) do update set valeur = excluded.valeur`);
    const sansParametre = (libelle: string) => query(`delete from om.om_parametre where om_collectivite = 1 and libelle = '${libelle}'`);
    const arrivee = (extra: Row = {}): Row => ({
      registre: 'arrivee',
      nature: org.natures.LET,
      date_arrivee: '2025-03-02',
      date_courrier: '2025-02-27',
      correspondant: org.correspondant,
      objet: 'Demande de permis de construire',
      service: org.services.URBA,
      ...extra,
    });
    const depart = (extra: Row = {}): Row => ({
      registre: 'depart',
      nature: org.natures.LET,
      date_signature: '2025-03-10',
      correspondant: org.correspondant,
      objet: 'Réponse à votre demande',
      service: org.services.URBA,
      ...extra,
    });
    const enregistrer = (input: Row, login: 'agent' | 'urba' | 'chef' = 'agent') => service(runtime, org.actors[login], 'courrier').create(input);
    const taches = (courrier: unknown) =>
      query<{ date_butoir: string; solde: boolean; reponse: number | null; automatique: boolean; service: number }>(
        `select to_char(date_butoir, 'YYYY-MM-DD') as date_butoir, solde, reponse, automatique, service from courrier.tache where courrier = ${Number(courrier)} order by tache`,
      );

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
      app = createApp(runtime);
    });

    test('an arrival and a departure are numbered in their registers by the year of their date; state, author; the number never changes', async () => {
      const premier = await enregistrer(arrivee());
      assert.equal(premier['numero'], '2025-1');
      assert.equal(premier['rang'], 1);
      assert.equal(premier['etat'], 'enregistre');
      assert.equal(premier['cree_par'], 'agent');
      assert.equal((await enregistrer(arrivee({ date_arrivee: '2025-12-31', date_courrier: '2025-12-30' })))['numero'], '2025-2');
      const envoi = await enregistrer(depart());
      assert.equal(envoi['numero'], '2025-D-1');
      assert.equal(envoi['etat'], 'projet');
      // Without a signature date, the departure date gives the year; without either, today.
      assert.equal((await enregistrer(depart({ date_signature: null, date_depart: '2024-07-01' })))['numero'], '2024-D-1');
      const sansDate = await enregistrer(depart({ date_signature: null }));
      assert.equal(sansDate['numero'], `${new Date().getFullYear()}-D-1`);
      // Read-only: the number, the rank and the state are not written by a client.
      const changer = await refusal(() => service(runtime, org.actors.agent, 'courrier').update(premier['courrier'], { numero: '2025-99' }));
      assert.deepEqual(Object.keys(changer.fields), ['numero']);
      const modifie = await service(runtime, org.actors.agent, 'courrier').update(premier['courrier'], { objet: 'Demande de permis (complément)', date_arrivee: '2025-03-03' });
      assert.equal(modifie['numero'], '2025-1');
    });

    test('each rule refuses with its French message on its field, and a refused registration consumes no number', async () => {
      const avant = await enregistrer(arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01' }));
      assert.equal(avant['numero'], '2023-1');
      const cas: [Row, string, string, ('agent' | 'urba')?][] = [
        [arrivee({ date_arrivee: null }), 'date_arrivee', MESSAGES.dateArriveeObligatoire],
        [arrivee({ date_arrivee: '2023-05-02', date_courrier: null }), 'date_courrier', MESSAGES.dateCourrierObligatoire],
        [arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-03' }), 'date_courrier', MESSAGES.dateCourrierApres],
        [arrivee({ date_arrivee: '2099-01-02', date_courrier: '2023-05-03' }), 'date_arrivee', MESSAGES.dateArriveeFuture],
        [arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', referent: org.agents.etat }), 'referent', MESSAGES.referentHorsService],
        [arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', service: org.services.ETAT, confidentiel: true }), 'confidentiel', MESSAGES.confidentielInvisible, 'urba'],
        [arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', registre: 'autre' }), 'registre', MESSAGES.registreInconnu],
        [
          arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', correspondant: null, nouveau_nom: 'Durand', nouveau_prenom: 'jean', nouveau_adresse: '3 RUE DES LILAS', nouveau_cp: '97100' }),
          'nouveau_nom',
          'Ce correspondant existe déjà : DURAND Jean, 3 rue des Lilas, 97100 Libreville. Choisissez-le dans la liste.',
        ],
        [arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', nouveau_nom: 'Martin' }), 'correspondant', MESSAGES.correspondantEtNouveau],
      ];
      for (const [input, champ, message, login] of cas) {
        const refus = await refusal(() => enregistrer(input, login ?? 'agent'));
        assert.equal(refus.code, 'validation', champ);
        assert.equal(refus.fields[champ], message, champ);
      }
      // A référent of a service under the processing service is accepted (VOIRIE is under URBA).
      const voirie = await enregistrer(arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', referent: org.agents.voirie }));
      assert.equal(voirie['numero'], '2023-2');
      // URBA registers a confidential mail for its own service.
      assert.equal((await enregistrer(arrivee({ date_arrivee: '2023-05-02', date_courrier: '2023-05-01', confidentiel: true }), 'urba'))['numero'], '2023-3');
      assert.equal((await query<{ n: number }>(`select count(*)::int as n from courrier.correspondant where nom = 'Martin'`))[0]?.n, 0);
    });

    test('the departure register: refused when not in use, a reply to an arrival only, the registre never changes', async () => {
      await parametre('option_courrier_depart', 'false');
      try {
        const refus = await refusal(() => enregistrer(depart({ date_signature: '2022-01-03' })));
        assert.equal(refus.fields['registre'], MESSAGES.departNonUtilise);
      } finally {
        await sansParametre('option_courrier_depart');
      }
      const premier = await enregistrer(depart({ date_signature: '2022-01-03' }));
      assert.equal(premier['numero'], '2022-D-1');
      const refus = await refusal(() => enregistrer(depart({ date_signature: '2022-01-03', reponse_a: premier['courrier'] })));
      assert.equal(refus.fields['reponse_a'], MESSAGES.reponseADepart);
      const registre = await refusal(() => service(runtime, org.actors.agent, 'courrier').update(premier['courrier'], { registre: 'arrivee' }));
      assert.equal(registre.fields['registre'], MESSAGES.registreFixe);
    });

    test('200 arrivals registered in parallel through the service get ranks 1..200 and 200 distinct numbers', async () => {
      const faits = await Promise.all(
        Array.from({ length: 200 }, (_, index) => enregistrer(arrivee({ date_arrivee: '2021-06-01', date_courrier: '2021-05-30', objet: `Courrier ${index}` }))),
      );
      assert.deepEqual(faits.map((fait) => Number(fait['rang'])).sort((a, b) => a - b), Array.from({ length: 200 }, (_, index) => index + 1));
      assert.equal(new Set(faits.map((fait) => fait['numero'])).size, 200);
      assert.ok(faits.every((fait) => /^2021-\d{1,3}$/.test(String(fait['numero']))));
    });

    test('copies to the élus « copie automatique » when autoinsertion_diffusion and option_elu are true', async () => {
      const maire = await inserer(database(), 'elu', { nom: 'OBAME', prenom: 'Paul', copie_auto: true, om_collectivite: 1 });
      await inserer(database(), 'elu', { nom: 'NZE', prenom: 'Marie', copie_auto: false, om_collectivite: 1 });
      const sans = await enregistrer(arrivee());
      assert.equal((await query(`select 1 from courrier.copie where courrier = ${Number(sans['courrier'])}`)).length, 0);
      await parametre('autoinsertion_diffusion', 'true');
      try {
        const avec = await enregistrer(arrivee());
        assert.deepEqual(await query(`select elu, service from courrier.copie where courrier = ${Number(avec['courrier'])}`), [{ elu: maire, service: null }]);
        await parametre('option_elu', 'false');
        const horsOption = await enregistrer(arrivee());
        assert.equal((await query(`select 1 from courrier.copie where courrier = ${Number(horsOption['courrier'])}`)).length, 0);
      } finally {
        await sansParametre('autoinsertion_diffusion');
        await sansParametre('option_elu');
      }
    });

    test('the reply task: arrival + the category’s delay (REC 8 days) or delai_reponse (15); none without autocreation_tache', async () => {
      const reclamation = await enregistrer(arrivee({ reponse_souhaitee: true, categorie: org.categories.REC, referent: org.agents.urba }));
      assert.deepEqual(await taches(reclamation['courrier']), [{ date_butoir: '2025-03-10', solde: false, reponse: null, automatique: true, service: org.services.URBA }]);
      const simple = await enregistrer(arrivee({ reponse_souhaitee: true }));
      assert.deepEqual((await taches(simple['courrier'])).map((tache) => tache.date_butoir), ['2025-03-17']);
      assert.deepEqual(await taches((await enregistrer(arrivee()))['courrier']), []);
      await parametre('autocreation_tache', 'false');
      try {
        assert.deepEqual(await taches((await enregistrer(arrivee({ reponse_souhaitee: true })))['courrier']), []);
      } finally {
        await sansParametre('autocreation_tache');
      }
      // A departure answering the arrival becomes the reply of its open reply task, which stays open.
      const reponse = await enregistrer(depart({ reponse_a: reclamation['courrier'] }));
      assert.deepEqual(await taches(reclamation['courrier']), [
        { date_butoir: '2025-03-10', solde: false, reponse: Number(reponse['courrier']), automatique: true, service: org.services.URBA },
      ]);
    });

    test('the new correspondent block creates it (frequent or not); the bible’s text goes into the objet', async () => {
      const fait = await enregistrer(
        arrivee({ correspondant: undefined, nouveau_civilite: String(org.civilites.MME), nouveau_nom: 'Mbina', nouveau_prenom: 'Claire', nouveau_adresse: '12 avenue du Port', nouveau_cp: '97100', nouveau_ville: 'Libreville', nouveau_frequent: false }),
      );
      const [cree] = await query<{ nom: string; civilite: number; frequent: boolean; om_collectivite: number }>(
        `select nom, civilite, frequent, om_collectivite from courrier.correspondant where correspondant = ${Number(fait['correspondant'])}`,
      );
      assert.deepEqual(cree, { nom: 'Mbina', civilite: org.civilites.MME, frequent: false, om_collectivite: 1 });
      const bible = await inserer(database(), 'bible', { libelle: 'Permis', texte: 'Demande de permis de construire.', registre: 'arrivee', om_collectivite: 1 });
      const depuisBible = await enregistrer(arrivee({ objet: 'Parcelle AB 12 :', bible: String(bible) }));
      assert.equal(depuisBible['objet'], 'Parcelle AB 12 : Demande de permis de construire.');
      const autre = await refusal(() => enregistrer(depart({ bible: String(bible) })));
      assert.equal(autre.fields['bible'], MESSAGES.bibleAutreRegistre);
    });

    test('the add form is prefilled from its address; « Répondre » and the register entries lead to it', async () => {
      const navigateur = new TestClient(app);
      assert.equal((await navigateur.login('agent', PASSWORD)).status, 200);
      const entree = await navigateur.request('GET', '/courrier/enregistrer/arrivee', { headers: { Accept: 'text/html' } });
      assert.equal(entree.status, 303);
      const cible = entree.headers.get('location') ?? '';
      assert.match(cible, /^\/courrier\/courrier\/new\?registre=arrivee&date_arrivee=\d{4}-\d{2}-\d{2}$/);
      const arrive = await courrierFixture(database(), org, { objet: 'Nuisances sonores' });
      const fiche = (await navigateur.request('GET', `/courrier/courrier/${arrive}`, { headers: { Accept: 'text/html' } })).text;
      const repondre = /<a[^>]*href="([^"]*registre=depart[^"]*)"[^>]*>Répondre<\/a>/.exec(fiche)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(repondre, 'le lien « Répondre »');
      const formulaire = (await navigateur.request('GET', repondre, { headers: { Accept: 'text/html' } })).text;
      assert.match(formulaire, /<option value="depart" selected/);
      assert.match(formulaire, /Réponse : Nuisances sonores/);
      assert.match(formulaire, new RegExp(`<option value="${arrive}" selected|name="reponse_a"[^>]*value="${arrive}"`));
    });

    test('the add form over HTTP: its sections and extra inputs; posted, it registers the mail and creates the new correspondent', async () => {
      const navigateur = new TestClient(app);
      assert.equal((await navigateur.login('agent', PASSWORD)).status, 200);
      const formulaire = await navigateur.request('GET', '/courrier/courrier/new?registre=arrivee&date_arrivee=2025-04-01', { headers: { Accept: 'text/html' } });
      assert.equal(formulaire.status, 200);
      for (const legende of ['Registre', 'Dates', 'Correspondant', 'Nouveau correspondant', 'Objet', 'Traitement', 'Scan', 'Suite']) assert.match(formulaire.text, new RegExp(`>${legende}<`), legende);
      assert.match(formulaire.text, /value="01\/04\/2025"/);
      assert.match(formulaire.text, /name="nouveau_nom"/);
      assert.match(formulaire.text, /<label[^>]*>Enregistrer comme correspondant fréquent/);
      const jeton = /name="_soumission" value="([^"]+)"/.exec(formulaire.text)?.[1] ?? '';
      const envoi = await navigateur.request('POST', '/courrier/courrier', {
        headers: { Accept: 'text/html' },
        form: {
          _soumission: jeton, registre: 'arrivee', nature: String(org.natures.LRAR), priorite: 'haute', date_arrivee: '01/04/2025', date_courrier: '28/03/2025',
          nouveau_nom: 'Ekomi', nouveau_prenom: 'Rose', nouveau_adresse: '4 rue du Marché', nouveau_cp: '97100', nouveau_ville: 'Libreville',
          objet: 'Demande d’acte', service: String(org.services.ETAT), reponse_souhaitee: 'true',
        },
      });
      assert.equal(envoi.status, 303, envoi.text.slice(0, 2000));
      const [cree] = await query<{ numero: string; frequent: boolean; taches: number }>(
        `select c.numero, k.frequent, (select count(*)::int from courrier.tache t where t.courrier = c.courrier) as taches
           from courrier.courrier c join courrier.correspondant k on k.correspondant = c.correspondant where k.nom = 'Ekomi'`,
      );
      assert.equal(cree?.frequent, false);
      assert.equal(cree?.taches, 1);
      assert.match(cree?.numero ?? '', /^2025-\d+$/);
      // A refused form comes back with the message on its field.
      const nouveau = await navigateur.request('GET', '/courrier/courrier/new?registre=arrivee', { headers: { Accept: 'text/html' } });
      const second = /name="_soumission" value="([^"]+)"/.exec(nouveau.text)?.[1] ?? '';
      const refus = await navigateur.request('POST', '/courrier/courrier', {
        headers: { Accept: 'text/html' },
        form: { _soumission: second, registre: 'arrivee', nature: String(org.natures.LET), date_arrivee: '01/04/2025', correspondant: String(org.correspondant), objet: 'Sans date', service: String(org.services.URBA) },
      });
      assert.equal(refus.status, 422);
      assert.match(refus.text, /Le champ « Daté du » est obligatoire\./);
      // The menu's entries; the departures' listing shows departures only, most recent first.
      const accueil = (await navigateur.request('GET', '/courrier/courrier?filter%5Bregistre%5D=depart&adv=1', { headers: { Accept: 'text/html' } })).text;
      for (const entree of ['Courrier arrivé', 'Courrier départ', 'Enregistrer un courrier arrivé', 'Enregistrer un courrier départ', 'Recherche courrier', 'Correspondants']) {
        assert.match(accueil, new RegExp(`>${entree}</a>`), entree);
      }
      assert.match(accueil, /2025-D-1/);
      assert.doesNotMatch(accueil, />2025-1</);
    });
  },
  { sources: SOURCES },
);
