/**
 * Les plans des cimetières (issue 14 §8–9) : « Localiser » un emplacement sur sa voie, la carte de
 * la collectivité écrite par `configurerPlans` et relue par le moteur, la page « Plan du
 * cimetière » (couches, plan scanné, légende comptée, politique de sécurité inchangée), la source
 * GeoJSON des emplacements d’un cimetière, la fiche emplacement et les deux états de la voie (PDF relus).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { frameworkMigrations, type MigrationSource } from '../../../framework/src/db/index.ts';
import { readAs } from '../../../framework/src/db/tenant-context.ts';
import { BUILT_IN_MAP, mapConfiguration, type MapConfiguration } from '../../../framework/src/maps/configuration.ts';
import { withImageLayers } from '../../../framework/src/maps/image-layer.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { CONTENT_SECURITY_POLICY } from '../../../framework/src/web/operations/security-headers.ts';
import { actorsFor, applicationsRuntime } from '../../../framework/test/support/app-runtime.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { cimetiere } from '../src/index.ts';
import { configurerPlans } from '../src/plans/configuration.ts';
import { lienPlanDeLEmplacement, lienPlanDuCimetiere } from '../src/plans/liens.ts';
import { localisateurEmplacement } from '../src/plans/localiser.ts';
import { PLAN_PNG, PLANS_FIXTURE } from './plans-donnees.ts';
import { rangerPlanScanne } from './plans-fichier.ts';

const SOURCES: MigrationSource[] = [frameworkMigrations, cimetiere.migrations];
const PASSWORD = 'Plans-Libreville-2026';

/** Une ligne de texte, espaces ordinaires pour les espaces insécables. */
const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

interface FeatureLue {
  id: number;
  geometry: { type: string; coordinates: [number, number] };
  properties: { libelle: string; url: string; etat: string };
}

test('une image de fond ne vient que du site, sur une emprise non vide, sous les autres fonds', () => {
  const emprise = [651990, 6861990, 652210, 6862210] as const;
  const refusees = ['https://ailleurs.example/plan.png', '//ailleurs.example/plan.png', 'javascript:alert(1)', '/\\ailleurs/plan.png', 'plan.png'];
  for (const url of refusees) assert.deepEqual(withImageLayers(BUILT_IN_MAP, [{ label: 'Plan', url, extent: emprise }]).baseLayers, [], url);
  assert.deepEqual(withImageLayers(BUILT_IN_MAP, [{ label: 'Plan', url: '/cimetiere/plan/1/fichier/fichier', extent: [5, 0, 5, 10] }]).baseLayers, [], 'emprise vide');
  const avecFond: MapConfiguration = { ...BUILT_IN_MAP, baseLayers: [{ id: 7, label: 'Orthophoto', kind: 'xyz', url: 'https://tuiles.example/{z}/{x}/{y}.png', visible: true, order: 1 }] };
  const couches = withImageLayers(avecFond, [{ label: 'Plan', url: '/cimetiere/plan/1/fichier/fichier', extent: emprise }]).baseLayers;
  assert.deepEqual(couches.map((layer) => [layer.kind, layer.id, layer.order < 1]), [['image', -1, true], ['xyz', 7, false]]);
});

test('les liens des fiches vers les plans', () => {
  assert.equal(lienPlanDuCimetiere.href({ cimetiere: 4 }), '/cimetiere/plan-cimetiere/4');
  assert.equal(lienPlanDeLEmplacement.href({ emplacement: 12 }), '/cimetiere/plan-emplacement/12');
  assert.deepEqual(lienPlanDuCimetiere.permissions, ['cimetiere.emplacement_tab']);
});

describeEachDatabase(
  'cimetiere : plans, localiser, fiche emplacement et états de la voie',
  (database: () => TestDatabase) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<string, Actor>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} se connecte`);
      return browser;
    };
    const localiser = (login: string, valeurs: Record<string, string>) =>
      readAs(runtime.db.kysely, actors[login] as Actor, (db) => localisateurEmplacement.localiser({ db, actor: actors[login] as Actor, valeurs, locale: 'fr' }));
    const pdf = async (browser: Browser, path: string): Promise<{ status: number; text: string }> => {
      const response = await browser.get(path, { Accept: 'text/html' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const isPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
      return { status: response.status, text: flat(isPdf ? (await pdfPages(bytes.slice())).join('\n') : new TextDecoder().decode(bytes)) };
    };
    const configurationDeLaPage = (html: string): MapConfiguration => {
      const match = /data-carte-configuration="([^"]*)"/.exec(html);
      assert.ok(match?.[1], 'la page porte la configuration de la carte');
      const json = match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      return JSON.parse(json) as MapConfiguration;
    };

    before(async () => {
      await database().asOwner(PLANS_FIXTURE);
      runtime = await applicationsRuntime(database(), [cimetiere]);
      app = createApp(runtime);
      actors = await actorsFor(database(), PASSWORD, [
        { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'autre', profil: 'UTILISATEUR', collectivite: 3 },
      ]);
    });

    test('localiser : entre les voisins placés de la même voie (interpolé), le même numéro (adresse)', async () => {
      assert.deepEqual(await localiser('agent', { voie: '1', numero: '4' }), {
        x: 652040, y: 6862105, srid: 2154, precision: 'interpolee', libelle: 'n° 4, Allée des Tilleuls',
      });
      const meme = await localiser('agent', { voie: '1', numero: '6' });
      assert.deepEqual([meme?.x, meme?.y, meme?.precision], [652060, 6862105, 'adresse']);
      const entreHuitEtNeuf = await localiser('agent', { voie: '1', numero: '8' });
      assert.equal(entreHuitEtNeuf?.precision, 'adresse');
    });

    test('localiser : le long du tracé au rang du numéro quand un voisin manque', async () => {
      // Voie 1 : plus grand numéro 9, donc le n° 1 au dixième du tracé (652000 → 652100 à y 6862100).
      const premier = await localiser('agent', { voie: '1', numero: '1' });
      assert.deepEqual([premier?.x, premier?.y, premier?.precision], [652010, 6862100, 'voie']);
      // Au-delà du dernier placé : 20 / 21 du tracé.
      const loin = await localiser('agent', { voie: '1', numero: '20' });
      assert.deepEqual([loin?.x, loin?.y, loin?.precision], [652095.24, 6862100, 'voie']);
      // Voie 2 sans emplacement, tracé vertical de 6862060 à 6862140 : le n° 3 aux trois quarts.
      const cypres = await localiser('agent', { voie: '2', numero: '3' });
      assert.deepEqual([cypres?.x, cypres?.y, cypres?.precision, cypres?.libelle], [652000, 6862120, 'voie', 'n° 3, Allée des Cyprès']);
    });

    test('localiser : rien sans tracé ni voisins, pour une voie inconnue, un numéro illisible ou une autre collectivité', async () => {
      assert.equal(await localiser('agent', { voie: '4', numero: '1' }), null);
      assert.equal(await localiser('agent', { voie: '99', numero: '1' }), null);
      assert.equal(await localiser('agent', { voie: '1', numero: 'douze' }), null);
      assert.equal(await localiser('agent', { voie: '1' }), null);
      assert.equal(await localiser('agent', { voie: '5', numero: '1' }), null, 'la voie d’Autreville ne se lit pas depuis Libreville');
      const autreville = await localiser('autre', { voie: '5', numero: '1' });
      assert.deepEqual([autreville?.x, autreville?.precision], [652010, 'adresse']);
    });

    test('configurerPlans écrit la carte des emplacements une fois, et le moteur la relit', async () => {
      const carte = await database().withOwner((db) => configurerPlans(db, 1));
      assert.equal(await database().withOwner((db) => configurerPlans(db, 1)), carte, 'pas de seconde carte');
      const configuration = await mapConfiguration(runtime, actors['lecteur'] as Actor, 'cimetiere', 'emplacement');
      assert.equal(configuration.projection, 'EPSG:2154');
      assert.deepEqual(configuration.overlays.map((overlay) => [overlay.label, overlay.table, overlay.geometryField]), [
        ['Cimetières', 'cimetiere', 'perimetre'],
        ['Zones', 'zone', 'geom'],
        ['Voies', 'voie', 'geom'],
        ['Emplacements', 'emplacement', 'geom'],
      ]);
      const emplacements = configuration.overlays[3];
      assert.equal(emplacements?.style?.field, 'etat');
      assert.deepEqual(emplacements?.style?.legend.map((entry) => [entry.value, entry.label, entry.color]), [
        ['libre', 'Libre', '#1b7a3a'],
        ['occupe', 'Occupé', '#3d5a80'],
        ['a_terme', 'À terme', '#b35900'],
        ['en_reprise', 'En reprise', '#b3261e'],
      ]);
      const autre = await mapConfiguration(runtime, actors['autre'] as Actor, 'cimetiere', 'emplacement');
      assert.deepEqual(autre.overlays, [], 'la carte de Libreville n’est pas celle d’Autreville');
    });

    test('la page « Plan du cimetière » : couches du cimetière, plan scanné dessous, légende comptée, politique de sécurité inchangée', async () => {
      const lecteur = await signIn('lecteur');
      const response = await lecteur.get('/cimetiere/plan-cimetiere/1');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      const html = await response.text();
      assert.match(html, /<h1[^>]*>Plan — Cimetière du Centre<\/h1>/);
      assert.match(html, /data-carte="plan"/);
      assert.match(html, /data-carte-elements="\/api\/v1\/cimetiere\/plan-cimetiere\/1\/emplacements"/);
      const configuration = configurationDeLaPage(html);
      assert.equal(configuration.projection, 'EPSG:2154');
      const [ouest, sud, est, nord] = configuration.extent ?? [];
      assert.ok(ouest !== undefined && sud !== undefined && est !== undefined && nord !== undefined);
      assert.ok(ouest < est && sud < nord && est - ouest < 0.01, `emprise du seul cimetière : ${configuration.extent?.join(',')}`);
      assert.deepEqual(configuration.baseLayers.map((layer) => [layer.kind, layer.label, layer.url, layer.extent]), [
        ['image', 'Plan scanné : Plan de 1932', '/cimetiere/plan/1/fichier/fichier', [651990, 6861990, 652210, 6862210]],
      ]);
      const sources = Object.fromEntries(configuration.overlays.map((overlay) => [overlay.table, overlay.source]));
      assert.equal(sources['emplacement'], '/api/v1/cimetiere/plan-cimetiere/1/emplacements');
      assert.match(sources['zone'] ?? '', /filter%5Bcimetiere%5D=1$/);
      const zones = (await (await lecteur.get(sources['zone'] ?? '')).json()) as { features: { properties: { libelle: string } }[] };
      assert.deepEqual(zones.features.map((feature) => feature.properties.libelle), ['Carré A'], 'les zones du seul cimetière');
      assert.match(html, /Plan scanné sous les emplacements : Plan de 1932\./);
      const legende = flat(html.replace(/<[^>]+>/g, ' '));
      assert.match(legende, /Emplacements par état État Emplacements Placés sur le plan Libre 1 1 Occupé 2 1 À terme 1 1 En reprise 1 1/);
      assert.match(legende, /Un emplacement n’a pas encore de position/);
    });

    test('« Voir sur le plan » depuis un emplacement : le plan de son cimetière, ouvert autour de lui', async () => {
      const lecteur = await signIn('lecteur');
      const place = await lecteur.get('/cimetiere/plan-emplacement/2');
      assert.equal(place.status, 303);
      assert.equal(place.headers.get('location'), '/cimetiere/plan-cimetiere/1?emplacement=2');
      const sansPosition = await lecteur.get('/cimetiere/plan-emplacement/5');
      assert.equal(sansPosition.headers.get('location'), '/cimetiere/plan-cimetiere/1?emplacement=5');
      const plan = await (await lecteur.get('/cimetiere/plan-cimetiere/1')).text();
      assert.match(plan, /Cet emplacement n’a pas encore de position sur le plan/);
      assert.equal((await lecteur.get('/cimetiere/plan-emplacement/7')).status, 404, 'l’emplacement d’Autreville');
      const autour = configurationDeLaPage(await (await lecteur.get('/cimetiere/plan-cimetiere/1?emplacement=2')).text()).extent;
      const entier = configurationDeLaPage(plan).extent;
      assert.ok(autour && entier);
      assert.ok(Math.abs(autour[2] - autour[0] - 0.0008) < 1e-9, `vue resserrée : ${autour.join(',')}`);
      assert.ok(autour[0] > entier[0] && autour[2] < entier[2] + 0.001, 'autour de l’emplacement, dans le cimetière');
      // Un emplacement d’un autre cimetière ne déplace pas la vue.
      assert.deepEqual(configurationDeLaPage(await (await lecteur.get('/cimetiere/plan-cimetiere/1?emplacement=6')).text()).extent, entier);
    });

    test('l’image du plan scanné est servie par le site à qui peut consulter le plan, pas à une autre collectivité', async () => {
      await rangerPlanScanne(runtime, database());
      const lecteur = await signIn('lecteur');
      const image = await lecteur.get('/cimetiere/plan/1/fichier/fichier');
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/png');
      assert.deepEqual(new Uint8Array(await image.arrayBuffer()), PLAN_PNG);
      assert.equal((await (await signIn('autre')).get('/cimetiere/plan/1/fichier/fichier')).status, 404);
    });

    test('« Plans des cimetières » : au menu, chaque cimetière de la collectivité avec son plan', async () => {
      const lecteur = await signIn('lecteur');
      const html = await (await lecteur.get('/cimetiere/plans-cimetieres')).text();
      assert.match(html, /<a href="\/cimetiere\/plans-cimetieres"[^>]*>Plans des cimetières<\/a>/, 'au menu');
      const texte = flat(html.replace(/<[^>]+>/g, ' '));
      assert.match(texte, /Cimetières de la collectivité Cimetière Emplacements Placés sur le plan Plans scannés Plan — Cimetière de l’Est 1 1 0 Plan — Cimetière du Centre 5 4 1/);
      assert.match(html, /href="\/cimetiere\/plan-cimetiere\/2"/);
      assert.doesNotMatch(texte, /Autreville/);
    });

    test('sans carte réglée, le plan garde ses couches par défaut ; un autre cimetière n’a pas le plan scanné', async () => {
      const autre = await signIn('autre');
      const html = await (await autre.get('/cimetiere/plan-cimetiere/3')).text();
      const configuration = configurationDeLaPage(html);
      assert.deepEqual(configuration.overlays.map((overlay) => overlay.table), ['cimetiere', 'zone', 'voie', 'emplacement']);
      assert.deepEqual(configuration.baseLayers, []);
      assert.equal((await autre.get('/cimetiere/plan-cimetiere/1')).status, 404, 'le cimetière de Libreville est introuvable depuis Autreville');
      assert.equal((await autre.get('/cimetiere/plan-cimetiere/abc')).status, 404);
    });

    test('la source GeoJSON : les emplacements placés du seul cimetière, avec leur état, dans la boîte demandée', async () => {
      const lecteur = await signIn('lecteur');
      const answer = (await (await lecteur.get('/api/v1/cimetiere/plan-cimetiere/1/emplacements')).json()) as { features: FeatureLue[]; limite_atteinte: boolean };
      assert.deepEqual(answer.features.map((feature) => [feature.id, feature.properties.etat]), [
        [1, 'libre'], [2, 'occupe'], [3, 'a_terme'], [4, 'en_reprise'],
      ]);
      assert.equal(answer.limite_atteinte, false);
      const durand = answer.features[1];
      assert.equal(durand?.properties.libelle, 'Allée des Tilleuls, n° 6 — famille DURAND (occupé)');
      assert.equal(durand?.properties.url, '/cimetiere/emplacement/2');
      assert.equal(durand?.geometry.type, 'Point');
      const [longitude, latitude] = durand?.geometry.coordinates ?? [0, 0];
      assert.ok(longitude > 2 && longitude < 3 && latitude > 48 && latitude < 49, `en degrés : ${longitude}, ${latitude}`);
      // Une boîte autour du seul n° 6.
      const boite = [longitude - 0.00005, latitude - 0.00005, longitude + 0.00005, latitude + 0.00005].map((value) => value.toFixed(7)).join(',');
      const dedans = (await (await lecteur.get(`/api/v1/cimetiere/plan-cimetiere/1/emplacements?bbox=${boite}`)).json()) as { features: FeatureLue[] };
      assert.deepEqual(dedans.features.map((feature) => feature.id), [2]);
      const illisible = await lecteur.get('/api/v1/cimetiere/plan-cimetiere/1/emplacements?bbox=nord');
      assert.equal(illisible.status, 400);
      assert.match(JSON.stringify(await illisible.json()), /La boîte « nord » est illisible/);
      const est = (await (await lecteur.get('/api/v1/cimetiere/plan-cimetiere/2/emplacements')).json()) as { features: FeatureLue[] };
      assert.deepEqual(est.features.map((feature) => feature.id), [6]);
      const autre = await signIn('autre');
      assert.equal((await autre.get('/api/v1/cimetiere/plan-cimetiere/1/emplacements')).status, 404);
    });

    test('la fiche emplacement : adresse, acte en vigueur, bâti, place, défunts et concessionnaires', async () => {
      const agent = await signIn('agent');
      const page = await (await agent.get('/cimetiere/emplacement/2')).text();
      assert.match(page, /\/cimetiere\/emplacement\/2\/pdf\/etat\/cimetiere_fiche_emplacement/, 'la fiche est offerte sur l’emplacement');
      const fiche = await pdf(agent, '/cimetiere/emplacement/2/pdf/etat/cimetiere_fiche_emplacement');
      assert.equal(fiche.status, 200, fiche.text.slice(0, 300));
      for (const attendu of [
        'Fiche emplacement',
        'Concession, Allée des Tilleuls, n° 6, zone Carré A, Cimetière du Centre',
        'Famille : DURAND — état : Occupé',
        'Acte en vigueur : 2020-4 trentenaire, vendu le 15/03/2020, terme : 15/03/2050',
        'Place : 1,5 occupée sur 3',
        'Bâti : Caveau ; superficie : 4,5 m² ; monument : oui (bon)',
        'DURAND (née LEFÈVRE)', 'Louise', 'Urne', '03/11/2023', '10/11/2023',
        'Jean', '10/01/2021', '15/01/2021',
        'Concessionnaire', 'Paul', '3 rue des Lilas 75011 Paris',
        'Ayant droit', 'Marie', 'fille',
      ]) {
        assert.ok(fiche.text.includes(attendu), `« ${attendu} » dans : ${fiche.text}`);
      }
      const libre = await pdf(agent, '/cimetiere/emplacement/1/pdf/etat/cimetiere_fiche_emplacement');
      assert.match(libre.text, /Acte en vigueur : aucun/);
      assert.equal((await pdf(await signIn('autre'), '/cimetiere/emplacement/2/pdf/etat/cimetiere_fiche_emplacement')).status, 404);
    });

    test('l’état de la voie et l’état de la voie par concession', async () => {
      const agent = await signIn('agent');
      const page = await (await agent.get('/cimetiere/voie/1')).text();
      const offerts = [...page.matchAll(/\/cimetiere\/voie\/1\/pdf\/etat\/(\w+)/g)].map((match) => match[1]);
      assert.deepEqual([...new Set(offerts)].sort(), ['cimetiere_etat_voie', 'cimetiere_etat_voie_concessions'], 'les deux états sont offerts sur la voie');
      const etat = await pdf(agent, '/cimetiere/voie/1/pdf/etat/cimetiere_etat_voie');
      assert.equal(etat.status, 200, etat.text.slice(0, 300));
      for (const attendu of [
        'État de la voie',
        '5 emplacements : 1 libres, 2 occupés, 1 à terme, 1 en reprise.',
        'DURAND', 'Occupé', '1,5 / 3', '2020-4', '15/03/2050',
        'LEROY', 'À terme', '1996-12', '01/06/2026',
        'MOREAU', 'En reprise', 'PETIT',
      ]) {
        assert.ok(etat.text.includes(attendu), `« ${attendu} » dans : ${etat.text}`);
      }
      assert.ok(etat.text.indexOf('PETIT') < etat.text.indexOf('DURAND'), 'par numéro : le 4 avant le 6');
      const parConcession = await pdf(agent, '/cimetiere/voie/1/pdf/etat/cimetiere_etat_voie_concessions');
      assert.equal(parConcession.status, 200);
      for (const attendu of [
        'État de la voie par concession',
        '2020-4 du 15/03/2020, 30 ans, terme 15/03/2050',
        'DURAND — DURAND Paul',
        'DURAND Marie (fille)',
        'DURAND Jean †10/01/2021', 'DURAND Louise †03/11/2023',
        'LEROY André †20/05/1996',
        'aucune concession en vigueur',
      ]) {
        assert.ok(parConcession.text.includes(attendu), `« ${attendu} » dans : ${parConcession.text}`);
      }
    });
  },
  { sources: SOURCES },
);
