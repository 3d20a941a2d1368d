/**
 * The visa circuit of a departure mail (part H3), on both databases: the steps' rules (departure
 * only, free rang, an agent of the collectivité once, frozen during the visa), every transition
 * with two visers (urba then etat) — submit, vise, refuse with its reason, resubmit with the
 * previous round in the audit journal, visé, parti — each refusal's exact message, the e-mails
 * queued for the next viser and for the author, and the lock of a parti mail.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { runAction } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { verifierDepartModifiable } from '../src/depart/verrou.ts';
import { courrierFixture, courrierObject, courrierRuntime, depsOf, inserer, organisation, refusal, service, SOURCES, type Organisation } from './support.ts';

test('a parti mail: only its observation changes, it is not deleted', () => {
  const previous = { etat: 'parti', objet: 'Réponse', date_depart: '2026-03-05', observation: null };
  assert.doesNotThrow(() => verifierDepartModifiable({ action: 'update', previous, values: { objet: 'Réponse', date_depart: '2026-03-05', observation: 'Reçu en mairie.' } }));
  assert.throws(() => verifierDepartModifiable({ action: 'update', previous, values: { objet: 'Autre objet', observation: 'x' } }), {
    message: 'Un courrier parti ne se modifie plus, sauf son observation.',
    fields: { objet: 'Un courrier parti ne se modifie plus, sauf son observation.' },
  });
  assert.throws(() => verifierDepartModifiable({ action: 'delete', previous, values: {} }), { message: 'Un courrier parti ne se supprime pas : il sera archivé.' });
  assert.doesNotThrow(() => verifierDepartModifiable({ action: 'update', previous: { ...previous, etat: 'vise' }, values: { objet: 'Autre objet' } }));
});

describeEachDatabase(
  'courrier : circuit de visa',
  (database) => {
    let runtime: TestRuntime;
    let org: Organisation;
    const action = (actor: Actor, courrier: number, nom: string, input: Record<string, string> = {}) =>
      runAction(depsOf(runtime), actor, courrierObject(runtime, 'courrier'), String(courrier), nom, input);
    const etat = async (courrier: number) => (await database().ownerQuery<{ etat: string }>(`select etat from courrier.courrier where courrier = ${courrier}`))[0]?.etat;
    const visas = async (courrier: number) =>
      (await database().ownerQuery<{ rang: number; decision: string | null; annotation: string | null; decide: boolean }>(
        `select rang, decision, annotation, decide_le is not null as decide from courrier.visa where courrier = ${courrier} order by rang`,
      )).map((row) => ({ ...row, rang: Number(row.rang) }));
    const boite = async (depuis: number) =>
      database().ownerQuery<{ destinataire: string; sujet: string; lien: string }>(`select destinataire, sujet, lien from om.om_courriel where om_courriel > ${depuis} order by om_courriel`);
    const dernierCourriel = async () => Number((await database().ownerQuery<{ n: number | null }>('select max(om_courriel) as n from om.om_courriel'))[0]?.n ?? 0);
    const depart = (numero: string, extra: Record<string, string | number | boolean | null> = {}) =>
      courrierFixture(database(), org, { registre: 'depart', etat: 'projet', numero, date_arrivee: null, date_courrier: null, date_signature: '2026-03-04', service: org.services.COURRIER, objet: 'Réponse à votre demande', cree_par: 'agent', ...extra });

    before(async () => {
      runtime = await courrierRuntime(database());
      org = await organisation(database());
    });

    test('the steps: a departure only, one per rang, an agent of the collectivité once; written by the responsable', async () => {
      const mail = await depart('2026-D-1');
      const etapes = service(runtime, org.actors.chef, 'visa');
      await etapes.create({ courrier: mail, rang: 1, agent: org.agents.urba });
      const rangPris = await refusal(() => etapes.create({ courrier: mail, rang: 1, agent: org.agents.etat }));
      assert.deepEqual(rangPris.fields, { courrier: 'La combinaison des champs « Courrier de départ », « Rang dans le circuit » existe déjà, veuillez saisir d’autres valeurs.' });
      const deuxFois = await refusal(() => etapes.create({ courrier: mail, rang: 2, agent: org.agents.urba }));
      assert.deepEqual(deuxFois.fields, { agent: 'Cet agent est déjà viseur dans ce circuit.' });
      const serviceAutreville = await inserer(database(), 'service', { code: 'AUT', libelle: 'Mairie d’Autreville', om_collectivite: 3 });
      const agentAutreville = await inserer(database(), 'agent', { om_utilisateur: org.actors.autre.userId, service: serviceAutreville, om_collectivite: 3 });
      const horsCollectivite = await refusal(() => etapes.create({ courrier: mail, rang: 2, agent: agentAutreville }));
      assert.deepEqual(horsCollectivite.fields, { agent: 'La valeur du champ « Viseur » ne correspond à aucun enregistrement disponible.' });
      const arrivee = await courrierFixture(database(), org);
      const surArrivee = await refusal(() => etapes.create({ courrier: arrivee, rang: 1, agent: org.agents.urba }));
      assert.equal(surArrivee.message, 'Un circuit de visa ne se prépare que pour un courrier de départ.');
      const decisionTapee = await refusal(() => etapes.create({ courrier: mail, rang: 2, agent: org.agents.etat, decision: 'vise' }));
      assert.deepEqual(decisionTapee.fields, { decision: 'Ce champ ne peut pas être modifié.' });
      await assert.rejects(() => service(runtime, org.actors.agent, 'visa').create({ courrier: mail, rang: 2, agent: org.agents.etat }), { code: 'forbidden' });
      assert.deepEqual(await visas(mail), [{ rang: 1, decision: null, annotation: null, decide: false }]);
    });

    test('step by step with two visers, a refusal with its reason, resubmission, visé, then parti', async () => {
      const { chef, agent, urba, etat: etatCivil, lecteur } = org.actors;
      const mail = await depart('2026-D-2');
      const etapes = service(runtime, chef, 'visa');
      await refusal(() => action(agent, mail, 'soumettre_visa')).then((error) =>
        assert.equal(error.message, 'Ajoutez d’abord au moins une étape au circuit de visa (onglet « Visas »).'),
      );
      const premiere = await etapes.create({ courrier: mail, rang: 1, agent: org.agents.urba });
      const seconde = await etapes.create({ courrier: mail, rang: 2, agent: org.agents.etat });

      const pasEnVisa = await refusal(() => action(urba, mail, 'viser'));
      assert.equal(pasEnVisa.code, 'unavailable_action');
      assert.equal(pasEnVisa.message, 'Le courrier est en projet : il n’attend aucun visa.');
      assert.equal((await refusal(() => action(agent, mail, 'marquer_parti'))).message, 'Le courrier a un circuit de visa : soumettez-le au visa, il partira une fois visé.');

      let depuis = await dernierCourriel();
      assert.equal((await action(agent, mail, 'soumettre_visa')).message, 'Courrier 2026-D-2 soumis au visa : la première étape revient à urba.');
      assert.equal(await etat(mail), 'en_visa');
      assert.deepEqual(await boite(depuis), [{ destinataire: 'urba@example.org', sujet: 'Courrier : visa attendu — 2026-D-2', lien: `/courrier/courrier/${mail}` }]);

      // The circuit is frozen while the mail is under visa.
      const fige = 'Le circuit de visa ne se modifie plus : le courrier est en visa.';
      assert.equal((await refusal(() => etapes.create({ courrier: mail, rang: 3, agent: org.agents.voirie }))).message, fige);
      assert.equal((await refusal(() => etapes.update(seconde['visa'], { rang: 5 }))).message, fige);
      assert.equal((await refusal(() => etapes.delete(premiere['visa']))).message, fige);
      assert.equal((await refusal(() => action(agent, mail, 'soumettre_visa'))).message, 'Le courrier est en visa : seul un courrier en projet ou refusé se soumet au visa.');
      assert.equal((await refusal(() => action(agent, mail, 'marquer_parti'))).message, 'Le courrier est en visa : il ne peut partir qu’une fois visé.');

      // Only the current step's viser decides.
      assert.equal((await refusal(() => action(etatCivil, mail, 'viser'))).message, 'L’étape en cours du circuit (rang 1) revient à urba : vous ne pouvez pas la viser ni la refuser.');
      assert.equal((await refusal(() => action(chef, mail, 'refuser', { annotation: 'Non.' }))).message, 'L’étape en cours du circuit (rang 1) revient à urba : vous ne pouvez pas la viser ni la refuser.');
      await assert.rejects(() => action(lecteur, mail, 'viser'), { code: 'forbidden' });

      depuis = await dernierCourriel();
      assert.equal((await action(urba, mail, 'viser', { annotation: '  Vu pour l’urbanisme.  ' })).message, 'Visa enregistré : l’étape suivante (rang 2) revient à etat.');
      assert.deepEqual(await boite(depuis), [{ destinataire: 'etat@example.org', sujet: 'Courrier : visa attendu — 2026-D-2', lien: `/courrier/courrier/${mail}` }]);
      assert.equal((await refusal(() => action(urba, mail, 'viser'))).message, 'L’étape en cours du circuit (rang 2) revient à etat : vous ne pouvez pas la viser ni la refuser.');

      const sansMotif = await refusal(() => action(etatCivil, mail, 'refuser', { annotation: '   ' }));
      assert.equal(sansMotif.message, 'Indiquez le motif du refus.');
      assert.deepEqual(sansMotif.fields, { annotation: 'Indiquez le motif du refus.' });
      depuis = await dernierCourriel();
      assert.equal((await action(etatCivil, mail, 'refuser', { annotation: 'Le nom de l’enfant est mal orthographié.' })).message, 'Courrier 2026-D-2 refusé au visa : il revient à son rédacteur.');
      assert.equal(await etat(mail), 'refuse');
      assert.deepEqual(await boite(depuis), [{ destinataire: 'agent@example.org', sujet: 'Courrier : visa refusé — 2026-D-2', lien: `/courrier/courrier/${mail}` }]);
      assert.deepEqual(await visas(mail), [
        { rang: 1, decision: 'vise', annotation: 'Vu pour l’urbanisme.', decide: true },
        { rang: 2, decision: 'refuse', annotation: 'Le nom de l’enfant est mal orthographié.', decide: true },
      ]);
      assert.equal((await refusal(() => action(agent, mail, 'marquer_parti'))).message, 'Le courrier a été refusé au visa : corrigez-le et soumettez-le de nouveau.');
      assert.equal((await refusal(() => action(etatCivil, mail, 'viser'))).message, 'Le courrier est refusé au visa : il n’attend aucun visa.');

      // Refused: the circuit may change again; the new round starts from blank decisions, the old ones in the journal.
      await etapes.update(seconde['visa'], { rang: 3 });
      assert.equal((await action(agent, mail, 'soumettre_visa')).message, 'Courrier 2026-D-2 soumis au visa : la première étape revient à urba.');
      assert.deepEqual(await visas(mail), [
        { rang: 1, decision: null, annotation: null, decide: false },
        { rang: 3, decision: null, annotation: null, decide: false },
      ]);
      const journal = await database().ownerQuery<{ cle: string; decision: string; annotation: string; login: string }>(
        `select cle, avant->>'decision' as decision, avant->>'annotation' as annotation, login from om.om_audit
          where application = 'courrier' and objet = 'visa' and action = 'nouveau_tour' order by om_audit`,
      );
      assert.deepEqual(journal.map((row) => ({ ...row })), [
        { cle: String(premiere['visa']), decision: 'vise', annotation: 'Vu pour l’urbanisme.', login: 'agent' },
        { cle: String(seconde['visa']), decision: 'refuse', annotation: 'Le nom de l’enfant est mal orthographié.', login: 'agent' },
      ]);

      await action(urba, mail, 'viser');
      assert.equal((await action(etatCivil, mail, 'viser', { annotation: 'Corrigé.' })).message, 'Courrier 2026-D-2 visé : le circuit est terminé, il peut partir.');
      assert.equal(await etat(mail), 'vise');
      assert.equal((await refusal(() => etapes.create({ courrier: mail, rang: 4, agent: org.agents.voirie }))).message, 'Le circuit de visa ne se modifie plus : le courrier est visé.');

      const [today] = await database().ownerQuery<{ d: string }>(`select to_char(current_date, 'DD/MM/YYYY') as d`);
      assert.equal((await action(agent, mail, 'marquer_parti')).message, `Courrier 2026-D-2 parti le ${today?.d}.`);
      const [parti] = await database().ownerQuery<{ etat: string; parti_aujourdhui: boolean; envoye_le: unknown }>(
        `select etat, date_depart = current_date as parti_aujourdhui, envoye_le from courrier.courrier where courrier = ${mail}`,
      );
      assert.deepEqual({ ...parti }, { etat: 'parti', parti_aujourdhui: true, envoye_le: null });
      assert.equal((await refusal(() => action(agent, mail, 'marquer_parti'))).message, 'Le courrier est déjà parti.');
      assert.equal((await refusal(() => action(agent, mail, 'soumettre_visa'))).message, 'Le courrier est parti : seul un courrier en projet ou refusé se soumet au visa.');
      assert.equal((await refusal(() => etapes.delete(premiere['visa']))).message, 'Le circuit de visa ne se modifie plus : le courrier est parti.');
    });

    test('without a circuit a departure leaves from projet, keeping its departure date; an arrival has none of these actions', async () => {
      const mail = await depart('2026-D-3', { date_depart: '2026-03-06' });
      assert.equal((await action(org.actors.agent, mail, 'marquer_parti')).message, 'Courrier 2026-D-3 parti le 06/03/2026.');
      const arrivee = await courrierFixture(database(), org, { numero: '2026-77' });
      for (const nom of ['soumettre_visa', 'viser', 'refuser', 'marquer_parti']) {
        assert.equal((await refusal(() => action(org.actors.chef, arrivee, nom))).message, 'Cette action ne concerne qu’un courrier de départ.', nom);
      }
    });
  },
  { sources: SOURCES },
);
