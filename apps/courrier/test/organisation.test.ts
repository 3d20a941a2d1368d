/**
 * The organisation of « Courrier » (H2), on both databases: a service's parent may be neither
 * itself nor one of its sub-services; one agent per user, with a service or « tous services »;
 * agents and users named readably in the choices; only the responsable writes the organisation;
 * the dashboard widgets placed for the working profiles and the reopening right given to
 * SUPER UTILISATEUR (migration 0004).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { MESSAGES_AGENT, nomAgent } from '../src/objects/agent.ts';
import { MESSAGE_PARENT_BOUCLE } from '../src/objects/service.ts';
import { courrierObject, courrierRuntime, organisation, refusal, service, SOURCES, type Organisation } from './support.ts';

test('an agent is named by his user and his service', () => {
  assert.equal(nomAgent({ agent: 4, om_utilisateur__label: 'MARTIN Claire', service__label: 'Urbanisme (URBA)', tous_services: false }), 'MARTIN Claire — Urbanisme (URBA)');
  assert.equal(nomAgent({ agent: 5, om_utilisateur__label: 'DUPONT Marc', service__label: null, tous_services: true }), 'DUPONT Marc — tous services');
});

describeEachDatabase(
  'courrier : organisation',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
    });

    test('a service’s parent: neither itself nor one of its sub-services', async () => {
      const services = service(runtime, org.actors.chef, 'service');
      assert.equal(MESSAGE_PARENT_BOUCLE, 'Le service père ne peut être ni le service lui-même ni l’un de ses sous-services.');
      for (const parent of [org.services.DG, org.services.URBA, org.services.VOIRIE]) {
        const refus = await refusal(() => services.update(org.services.DG, { service_parent: parent }));
        assert.deepEqual(refus.fields, { service_parent: MESSAGE_PARENT_BOUCLE });
      }
      const deplace = await services.update(org.services.VOIRIE, { service_parent: org.services.ETAT });
      assert.equal(deplace.service_parent, org.services.ETAT);
      await services.update(org.services.VOIRIE, { service_parent: org.services.URBA });
      // An agent does not write the organisation.
      assert.equal((await refusal(() => service(runtime, org.actors.urba, 'service').create({ code: 'SPORTS', libelle: 'Sports' }))).code, 'forbidden');
    });

    test('one agent per user, with a service or « tous services »', async () => {
      const agents = service(runtime, org.actors.chef, 'agent');
      const double = await refusal(() => agents.create({ om_utilisateur: org.actors.urba.userId, service: org.services.ETAT }));
      assert.equal(double.message, 'Cet utilisateur a déjà une fiche d’agent : modifiez-la plutôt que d’en créer une seconde.');
      assert.deepEqual(double.fields, { om_utilisateur: MESSAGES_AGENT.unUtilisateur });
      const sansService = await refusal(() => agents.create({ om_utilisateur: org.actors.lecteur.userId, tous_services: false }));
      assert.deepEqual(sansService.fields, { service: 'Indiquez le service de l’agent, ou cochez « Tous services ».' });
      const cree = await agents.create({ om_utilisateur: org.actors.lecteur.userId, service: org.services.ETAT, notification: false });
      assert.equal(cree.service, org.services.ETAT);
      // Changing one's own record is no duplicate.
      const modifie = await agents.update(cree.agent, { notification: true });
      assert.equal(modifie.notification, true);
      await agents.delete(cree.agent);
    });

    test('the choices: users as « nom (login) » of the collectivité only', async () => {
      const choix = courrierObject(runtime, 'agent').override.screens?.dynamicChoices?.om_utilisateur;
      assert.ok(choix);
      const offerts = await choix({ actor: org.actors.chef, db: database().db.kysely, locale: 'fr' });
      const libelles = offerts.map((c) => c.label);
      assert.ok(libelles.includes('urba (urba)'), libelles.join(', '));
      assert.ok(!libelles.includes('autre (autre)'), 'Autreville’s user is not offered');
      assert.equal(offerts.find((c) => c.label === 'voirie (voirie)')?.value, String(org.actors.voirie.userId));
    });

    test('migration 0004: the widgets on the working profiles’ dashboards, the reopening right', async () => {
      const places = await database().ownerQuery<{ profil: string; widgets: string }>(`
        select p.libelle as profil, string_agg(w.lien, ',' order by d.bloc) as widgets
          from om.om_dashboard d join om.om_widget w using (om_widget) join om.om_profil p using (om_profil)
         where w.lien like 'courrier.%taches%' group by p.libelle order by p.libelle`);
      const trois = 'courrier.mes_taches,courrier.taches_en_retard,courrier.taches_par_service';
      assert.deepEqual(places, [
        { profil: 'ADMINISTRATEUR', widgets: trois },
        { profil: 'SUPER UTILISATEUR', widgets: trois },
        { profil: 'UTILISATEUR', widgets: trois },
      ]);
      assert.equal(org.actors.chef.permissions.has('courrier.rouvrir_tache'), true);
      assert.equal(org.actors.urba.permissions.has('courrier.rouvrir_tache'), false);
      assert.deepEqual(['courrier.mes_taches', 'courrier.taches_en_retard', 'courrier.taches_par_service'].map((id) => runtime.registry.widget(id)?.label), [
        'Courrier : mes tâches', 'Courrier : tâches en retard', 'Courrier : tâches non soldées par service',
      ]);
    });
  },
  { sources: SOURCES },
);
