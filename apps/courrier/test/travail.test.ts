/**
 * The work queues and the dashboard widgets (« Courrier » H2), on both databases, for urba, voirie,
 * etat and chef over one set of mails: « mon courrier » (référent, open task given to me, visa step
 * waiting for me and not a later one), « courrier de mon service » (its mail and its copies, the
 * sub-services when configured), the tasks not soldées and late per service, the widgets' counts;
 * never a confidential mail of another service. The pages answer in French, with captioned tables.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { servicesVisibles } from '../src/core/agents.ts';
import { comptesParService, courrierDuService, monCourrier, tachesOuvertes } from '../src/travail/requetes.ts';
import { mesTachesWidget, tachesEnRetardWidget, tachesParServiceWidget } from '../src/travail/widgets.ts';
import { courrierFixture, courrierRuntime, inserer, organisation, PASSWORD, SOURCES, type Organisation } from './support.ts';

const HTML = { Accept: 'text/html' };

describeEachDatabase(
  'courrier : files de travail et tableau de bord',
  (database) => {
    let org: Organisation;
    let app: Hono<AppEnv>;
    let retard: number;
    const m = {} as Record<'urba' | 'voirie' | 'etatSecret' | 'copie' | 'visa', number>;
    const lire = <T>(actor: Actor, work: Parameters<typeof readAs<T>>[2]) => readAs(database().db.kysely, actor, work);
    const numeros = (page: { lignes: readonly { courrier: number }[] }) => page.lignes.map((ligne) => ligne.courrier).sort((a, b) => a - b);
    const tri = (ids: number[]) => [...ids].sort((a, b) => a - b);
    const widget = <W extends { render: typeof mesTachesWidget.render }>(w: W, actor: Actor) => w.render({ actor, locale: 'fr', read: (work) => lire(actor, work) });
    const page = async (login: string, path: string) => {
      const client = new TestClient(app);
      assert.equal((await client.login(login, PASSWORD)).status, 200);
      return client.request('GET', path, { headers: HTML });
    };

    before(async () => {
      org = await organisation(database());
      app = createApp(await courrierRuntime(database()));
      const { services, agents } = org;
      const tache = (courrier: number, extra: Record<string, string | number | boolean | null>) =>
        inserer(database(), 'tache', { courrier, tache_categorie: org.tacheCategories.INT, tache_etat: org.tacheEtats.NT, om_collectivite: 1, date_creation: '2020-01-01', ...extra });
      m.urba = await courrierFixture(database(), org, { numero: '2026-1', service: services.URBA, referent: agents.urba, objet: 'Alignement de clôture' });
      m.voirie = await courrierFixture(database(), org, { numero: '2026-2', service: services.VOIRIE, objet: 'Nid-de-poule avenue de l’Indépendance' });
      m.etatSecret = await courrierFixture(database(), org, { numero: '2026-3', service: services.ETAT, confidentiel: true, objet: 'Rectification d’acte (confidentiel)' });
      m.copie = await courrierFixture(database(), org, { numero: '2026-4', service: services.ETAT, objet: 'Recensement' });
      m.visa = await courrierFixture(database(), org, { numero: '2026-D-1', registre: 'depart', etat: 'en_visa', date_arrivee: null, date_courrier: null, date_signature: '2026-03-04', service: services.DG, objet: 'Réponse au préfet' });
      await inserer(database(), 'copie', { courrier: m.copie, service: services.URBA, om_collectivite: 1 });
      await inserer(database(), 'visa', { courrier: m.visa, rang: 1, agent: agents.chef, decision: 'vise', decide_le: '2026-03-04 10:00:00+00', om_collectivite: 1 });
      await inserer(database(), 'visa', { courrier: m.visa, rang: 2, agent: agents.urba, om_collectivite: 1 });
      await inserer(database(), 'visa', { courrier: m.visa, rang: 3, agent: agents.voirie, om_collectivite: 1 });
      await tache(m.urba, { libelle: 'Déjà faite', service: services.URBA, agent: agents.urba, solde: true, date_execution: '2020-01-02' });
      await tache(m.urba, { libelle: 'Mesurer la clôture', service: services.URBA, date_butoir: '2099-12-31' });
      await tache(m.voirie, { libelle: 'Reboucher le nid-de-poule', service: services.VOIRIE, agent: agents.voirie, date_butoir: '2020-01-10' });
      await tache(m.etatSecret, { libelle: 'Rectifier l’acte secret', service: services.ETAT, agent: agents.etat, date_butoir: '2020-01-05' });
      retard = Number((await database().ownerQuery<{ jours: number }>(`select current_date - date '2020-01-10' as jours`))[0]?.jours);
    });

    test('« mon courrier »: référent, an open task given to me, a visa step waiting for me (not a later one)', async () => {
      const { urba, voirie, etat } = org.actors;
      const pour = (actor: Actor, agent: number) => lire(actor, (db) => monCourrier(db, agent, 1));
      const deUrba = await pour(urba, org.agents.urba);
      assert.deepEqual(numeros(deUrba), tri([m.urba, m.visa]));
      assert.deepEqual(Object.fromEntries(deUrba.lignes.map((l) => [l.numero, l.motifs])), { '2026-1': ['referent'], '2026-D-1': ['visa'] });
      const deVoirie = await pour(voirie, org.agents.voirie);
      assert.deepEqual(numeros(deVoirie), [m.voirie]);
      assert.deepEqual(deVoirie.lignes[0]?.motifs, ['tache']);
      assert.deepEqual(numeros(await pour(etat, org.agents.etat)), [m.etatSecret]);
      // The confidential mail of ÉTAT CIVIL stays hidden even when asked for its agent.
      assert.deepEqual(numeros(await pour(org.actors.chef, org.agents.etat)), []);
    });

    test('« courrier de mon service »: its mail and its copies; the sub-services when configured; never another’s secret', async () => {
      const du = async (actor: Actor, agent: number) => lire(actor, async (db) => courrierDuService(db, agent, await servicesVisibles(db), 1));
      const urba = await du(org.actors.urba, org.agents.urba);
      assert.deepEqual(numeros(urba), tri([m.urba, m.copie]));
      assert.deepEqual(Object.fromEntries(urba.lignes.map((l) => [l.numero, l.enCopie])), { '2026-1': false, '2026-4': true });
      assert.deepEqual(numeros(await du(org.actors.etat, org.agents.etat)), tri([m.etatSecret, m.copie]));
      await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('vue_sous_service', 'true', 1)`);
      try {
        assert.deepEqual(numeros(await du(org.actors.urba, org.agents.urba)), tri([m.urba, m.voirie, m.copie]));
      } finally {
        await database().asOwner(`delete from om.om_parametre where libelle = 'vue_sous_service' and om_collectivite = 1`);
      }
    });

    test('tasks not soldées and late, counted per service as each one sees them', async () => {
      const comptes = (actor: Actor) => lire(actor, (db) => comptesParService(db));
      const urba = { service: org.services.URBA, libelle: 'Urbanisme', nonSoldees: 1, enRetard: 0 };
      const voirie = { service: org.services.VOIRIE, libelle: 'Voirie', nonSoldees: 1, enRetard: 1 };
      const etat = { service: org.services.ETAT, libelle: 'État civil', nonSoldees: 1, enRetard: 1 };
      assert.deepEqual(await comptes(org.actors.chef), [urba, voirie]);
      assert.deepEqual(await comptes(org.actors.urba), [urba, voirie]);
      assert.deepEqual(await comptes(org.actors.etat), [etat, urba, voirie]);
      const late = await lire(org.actors.etat, (db) => tachesOuvertes(db, { enRetard: true }, 1));
      assert.deepEqual(late.lignes.map((t) => [t.libelle, t.numero, t.service, t.agent, t.butoir, t.retard]), [
        ['Rectifier l’acte secret', '2026-3', 'État civil', 'etat', '2020-01-05', retard + 5],
        ['Reboucher le nid-de-poule', '2026-2', 'Voirie', 'voirie', '2020-01-10', retard],
      ]);
      const filtrees = await lire(org.actors.chef, (db) => tachesOuvertes(db, { enRetard: false, service: org.services.URBA }, 1));
      assert.deepEqual(filtrees.lignes.map((t) => [t.libelle, t.retard]), [['Mesurer la clôture', 0]]);
    });

    test('the widgets: my open tasks, the late ones per service, the chart per service', async () => {
      assert.deepEqual(await widget(mesTachesWidget, org.actors.voirie), {
        kind: 'list',
        items: [{ label: 'Reboucher le nid-de-poule (courrier 2026-2)', href: (await lire(org.actors.voirie, (db) => tachesOuvertes(db, { enRetard: true }, 1))).lignes.map((t) => `/courrier/tache/${t.tache}`)[0], detail: `En retard de ${retard.toLocaleString('fr-FR')} jours` }],
        more: { label: '1 tâche non soldée : voir mon courrier', href: '/courrier/mon-courrier' },
      });
      assert.deepEqual(await widget(mesTachesWidget, org.actors.urba), { kind: 'counter', value: 0, label: 'tâche non soldée vous est confiée', href: '/courrier/mon-courrier' });
      assert.deepEqual(await widget(tachesEnRetardWidget, org.actors.chef), {
        kind: 'list',
        items: [{ label: 'Voirie', href: `/courrier/taches-en-retard?service=${org.services.VOIRIE}`, detail: '1 tâche en retard' }],
        more: { label: '1 tâche en retard : voir la liste', href: '/courrier/taches-en-retard' },
      });
      const etat = await widget(tachesEnRetardWidget, org.actors.etat);
      assert.equal(etat.kind === 'list' ? etat.items.map((item) => item.label).join(', ') : '', 'État civil, Voirie');
      assert.deepEqual(await widget(tachesParServiceWidget, org.actors.chef), {
        kind: 'chart',
        chart: 'bar',
        title: 'Tâches non soldées par service (2 tâches au total)',
        labels: ['Urbanisme', 'Voirie'],
        series: [{ label: 'Non soldées', values: [1, 1] }, { label: 'Dont en retard', values: [0, 1] }],
      });
    });

    test('the pages: captioned tables, the filter by service, no secret; a user without agent record is told', async () => {
      const mien = await page('urba', '/courrier/mon-courrier');
      assert.equal(mien.status, 200);
      assert.match(mien.text, /<caption>Mon courrier \(2\)<\/caption>/);
      assert.match(mien.text, /Alignement de clôture/);
      assert.match(mien.text, /Visa attendu/);
      const retards = await page('chef', '/courrier/taches-en-retard');
      assert.equal(retards.status, 200);
      assert.match(retards.text, /<caption>Tâches non soldées par service<\/caption>/);
      assert.match(retards.text, /Reboucher le nid-de-poule/);
      assert.doesNotMatch(retards.text, /secret/);
      const filtre = await page('chef', `/courrier/taches-non-soldees?service=${org.services.URBA}`);
      assert.match(filtre.text, /<caption>Tâches non soldées — Urbanisme \(1\)<\/caption>/);
      assert.match(filtre.text, /Mesurer la clôture/);
      assert.doesNotMatch(filtre.text, /Reboucher/);
      const service = await page('etat', '/courrier/courrier-du-service');
      assert.match(service.text, /Rectification d’acte \(confidentiel\) \(confidentiel\)/);
      const lecteur = await page('lecteur', '/courrier/mon-courrier');
      assert.equal(lecteur.status, 200);
      assert.match(lecteur.text, /Vous n’avez pas de fiche d’agent du courrier/);
      assert.equal((await page('lecteur', '/courrier/taches-en-retard')).status, 200, 'CONSULTATION reads the tasks');
      // The objects' screens of this part open with their layout.
      const [tache] = await database().ownerQuery<{ tache: number }>(`select tache from courrier.tache where libelle = 'Mesurer la clôture'`);
      for (const chemin of ['/courrier/tache/new', `/courrier/tache/${tache?.tache}`, `/courrier/tache/${tache?.tache}/edit`, '/courrier/agent/new', `/courrier/service/${org.services.URBA}`, '/courrier/tache_etat']) {
        const ecran = await page('chef', chemin);
        assert.equal(ecran.status, 200, chemin);
      }
      const agentForm = await page('chef', '/courrier/agent/new');
      assert.match(agentForm.text, />urba \(urba\)</);
    });
  },
  { sources: SOURCES },
);
