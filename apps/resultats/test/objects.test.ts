/**
 * The résultats objects, on both databases: the rules of an election (second round, seats), of a
 * list's candidates (L260, single candidates under 1,000 inhabitants), the read-only guarantees
 * (a bureau's figures, votes, participation and unlocks are never written through the generic
 * service, the API or an import; inscrits frozen once validated), the menus and the profiles' rights.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { allows, holds } from '../../../framework/src/access/permissions.ts';
import type { Row } from '../../../framework/src/db/index.ts';
import { createRecord, deleteRecord, ServiceError, updateRecord } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, depsOf, PASSWORD, resultatsObject, resultatsRuntime, SOURCES } from './support.ts';

const FIXTURE = `
insert into resultats.bureau (bureau, code, libelle, om_collectivite) values
  (1, '1', 'Hôtel de ville', 1), (2, '2', 'École Jules-Ferry', 1);
select setval(pg_get_serial_sequence('resultats.bureau', 'bureau'), 2);
`;

/** The refusal of `work`, or a failure when it succeeds. */
async function refusal(work: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  assert.fail('the write was expected to be refused');
}

describeEachDatabase(
  'resultats : règles et lecture seule des objets',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<string, Actor>;
    let app: Hono<AppEnv>;
    const create = (table: string, input: Row, login = 'chef') => createRecord(depsOf(runtime), actors[login] as Actor, resultatsObject(runtime, table), input);
    const update = (table: string, key: unknown, input: Row, login = 'chef') =>
      updateRecord(depsOf(runtime), actors[login] as Actor, resultatsObject(runtime, table), String(key), input, { partial: true });
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const municipales = (extra: Row = {}) => ({ libelle: 'Municipales 2026', type: 'municipales', date_scrutin: '2026-03-15', sieges: 29, ...extra });

    before(async () => {
      await database().asOwner(FIXTURE, 'resultats');
      runtime = await resultatsRuntime(database());
      app = createApp(runtime);
      actors = await actorsFor(database(), PASSWORD, [
        { login: 'admin2', profil: 'ADMINISTRATEUR', collectivite: 1 },
        { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
      ]);
    });

    test('an election of the first round: seats required for the municipales, hours in order, no first round named', async () => {
      const sansSieges = await refusal(() => create('election', municipales({ sieges: null })));
      assert.equal(sansSieges.fields.sieges, 'Indiquez le nombre de sièges à pourvoir au conseil municipal.');
      const heures = await refusal(() => create('election', municipales({ heure_ouverture: '18:00', heure_fermeture: '08:00' })));
      assert.equal(heures.fields.heure_fermeture, 'L’heure de clôture doit être après l’heure d’ouverture.');
      const europeennes = await create('election', { libelle: 'Européennes 2024', type: 'europeennes', date_scrutin: '2024-06-09' });
      const nomme = await refusal(() => create('election', municipales({ premier_tour: europeennes.election })));
      assert.equal(nomme.fields.premier_tour, 'Seul un second tour nomme un premier tour : laissez ce champ vide ou choisissez le tour 2.');
      assert.equal((await query<{ n: number }>(`select count(*)::int as n from resultats.election where type = 'municipales'`))[0]?.n, 0);
    });

    test('a second round names a first round of tour 1, of the same type, earlier', async () => {
      const premier = await create('election', municipales());
      const sansPremier = await refusal(() => create('election', municipales({ tour: 2, date_scrutin: '2026-03-22' })));
      assert.equal(sansPremier.fields.premier_tour, 'Un second tour nomme l’élection de son premier tour.');
      const autreType = await refusal(() => create('election', { libelle: 'Législatives', type: 'legislatives', tour: 2, premier_tour: premier.election, date_scrutin: '2026-03-22' }));
      assert.equal(autreType.fields.premier_tour, 'Le premier tour choisi est une élection « Municipales (1 000 habitants et plus) » : un second tour est du même type de scrutin.');
      const avant = await refusal(() => create('election', municipales({ tour: 2, premier_tour: premier.election, date_scrutin: '2026-03-08' })));
      assert.equal(avant.fields.date_scrutin, 'Le second tour a lieu après le premier (15/03/2026) : corrigez la date du scrutin.');
      const second = await create('election', municipales({ tour: 2, premier_tour: premier.election, date_scrutin: '2026-03-22' }));
      assert.equal(second.tour, 2);
      const secondDuSecond = await refusal(() => create('election', municipales({ tour: 2, premier_tour: second.election, date_scrutin: '2026-03-29' })));
      assert.equal(secondDuSecond.fields.premier_tour, 'L’élection choisie comme premier tour est elle-même un second tour : choisissez une élection du tour 1.');
    });

    test('a list has at most the seats plus two candidates (L260); under 1,000 inhabitants a candidature is one candidate', async () => {
      const election = await create('election', municipales({ libelle: 'Municipales (listes)' }));
      const liste = await create('candidature', { election: election.election, ordre: 1, libelle: 'Libreville en commun', couleur: '#d6336c' });
      const candidat = (rang: number, extra: Row = {}) => create('candidat', { candidature: liste.candidature, rang, nom: 'FONTAINE', prenom: 'Claire', sexe: 'F', ...extra });
      await candidat(31);
      const trop = await refusal(() => candidat(32));
      assert.equal(trop.fields.rang, 'Le rang 32 dépasse le nombre de candidats qu’une liste peut présenter pour cette élection (31).');
      const communautaire = await refusal(() => candidat(2, { rang_communautaire: 1 }));
      assert.equal(communautaire.fields.rang_communautaire, 'Cette élection ne désigne pas de conseillers communautaires : laissez le rang communautaire vide.');

      const petite = await create('election', { libelle: 'Municipales de Petitbourg', type: 'municipales_moins_1000', date_scrutin: '2026-03-15', sieges: 11 });
      const individuelle = await create('candidature', { election: petite.election, ordre: 1, libelle: 'Paul Martin' });
      await create('candidat', { candidature: individuelle.candidature, rang: 1, nom: 'MARTIN', prenom: 'Paul' });
      const second = await refusal(() => create('candidat', { candidature: individuelle.candidature, rang: 2, nom: 'MARTIN', prenom: 'Jeanne' }));
      assert.equal(second.fields.rang, 'Aux municipales des communes de moins de 1 000 habitants, chaque candidature est celle d’un seul candidat : son rang est 1.');
    });

    test('a bureau’s figures and state are read-only in the service; inscrits change until the result is validated', async () => {
      const election = await create('election', municipales({ libelle: 'Municipales (lecture seule)' }));
      const [row] = await query<{ election_bureau: number }>(`select election_bureau from resultats.election_bureau where election = ${election.election} order by bureau limit 1`);
      const key = row?.election_bureau;
      const figures = await refusal(() => update('election_bureau', key, { votants: 500, etat: 'valide' }, 'admin2'));
      assert.equal(figures.code, 'validation');
      assert.ok(figures.fields.votants && figures.fields.etat);
      assert.equal((await update('election_bureau', key, { inscrits: 1234 })).inscrits, 1234);
      await database().asOwner(`update resultats.election_bureau set votants = 10, blancs = 0, nuls = 0, exprimes = 10, etat = 'valide' where election_bureau = ${key}`);
      const gele = await refusal(() => update('election_bureau', key, { inscrits: 1300 }, 'admin2'));
      assert.equal(gele.fields.inscrits, 'Le résultat de ce bureau est validé : les inscrits ne changent plus. Faites-le déverrouiller d’abord.');
      const supprime = await refusal(() => deleteRecord(depsOf(runtime), actors.chef as Actor, resultatsObject(runtime, 'election_bureau'), String(key)));
      assert.equal(supprime.message, 'Le résultat de ce bureau est validé : il ne se supprime pas. Faites-le déverrouiller d’abord.');
      await database().asOwner(`insert into resultats.bureau (bureau, code, libelle, om_collectivite) values (3, '3', 'Salle des fêtes', 1)`);
      const deplace = await refusal(() => update('election_bureau', key, { bureau: 3 }, 'admin2'));
      assert.equal(deplace.fields.bureau, 'L’élection et le bureau d’un résultat ne changent pas : supprimez-le et ajoutez-en un autre.', JSON.stringify([deplace.message, deplace.fields]));
      const [after] = await query<Row>(`select inscrits, votants, etat from resultats.election_bureau where election_bureau = ${key}`);
      assert.deepEqual(after, { inscrits: 1234, votants: 10, etat: 'valide' });
    });

    test('through the API: a PUT of a bureau’s figures or of votes is refused, even to the administrator, and nothing changes', async () => {
      const election = await create('election', municipales({ libelle: 'Municipales (API)' }));
      const liste = await create('candidature', { election: election.election, ordre: 1, libelle: 'Liste A' });
      const [row] = await query<{ election_bureau: number }>(`select election_bureau from resultats.election_bureau where election = ${election.election} order by bureau limit 1`);
      const key = Number(row?.election_bureau);
      await database().asOwner(`insert into resultats.voix (voix, election_bureau, candidature, nombre, om_collectivite) values (9001, ${key}, ${liste.candidature}, 40, 1)`);
      const browser = new TestClient(app);
      assert.equal((await browser.login('admin2', PASSWORD)).status, 200);
      const put = await browser.request('PUT', `/api/v1/resultats/election_bureau/${key}`, {
        json: { election: election.election, bureau: 1, inscrits: 900, votants: 100, blancs: 0, nuls: 0, exprimes: 100, etat: 'valide' },
      });
      assert.equal(put.status, 422, put.text);
      assert.ok(put.body.error.fields.votants);
      const voix = await browser.request('PUT', `/api/v1/resultats/voix/9001`, { json: { election_bureau: key, candidature: liste.candidature, nombre: 400 } });
      assert.equal(voix.status, 405, voix.text);
      assert.match(voix.body.error.message, /Voix d’une candidature dans un bureau/);
      for (const table of ['voix', 'participation', 'deverrouillage']) {
        const posted = await browser.request('POST', `/api/v1/resultats/${table}`, { json: { election_bureau: key } });
        assert.equal(posted.status, 405, `${table}: ${posted.text}`);
      }
      const deleted = await browser.request('DELETE', '/api/v1/resultats/voix/9001');
      assert.equal(deleted.status, 405);
      const [after] = await query<Row>(`select eb.inscrits, eb.votants, eb.etat, v.nombre from resultats.election_bureau eb join resultats.voix v using (election_bureau) where election_bureau = ${key}`);
      assert.deepEqual(after, { inscrits: 0, votants: null, etat: 'non_arrive', nombre: 40 });
      assert.equal(runtime.registry.imports.get('resultats', 'voix'), undefined, 'no CSV import of votes');
      assert.equal(runtime.registry.imports.get('resultats', 'election_bureau'), undefined, 'no CSV import of figures');
    });

    test('the pages: the election form in French, its record with the action « Créer le second tour » and its tabs', async () => {
      const election = await create('election', municipales({ libelle: 'Municipales (pages)' }));
      const browser = new TestClient(app);
      assert.equal((await browser.login('chef', PASSWORD)).status, 200);
      const html = { headers: { Accept: 'text/html' } };
      const form = await browser.request('GET', '/resultats/election/new', html);
      assert.equal(form.status, 200, form.text);
      assert.match(form.text, /Municipales \(moins de 1 000 habitants\)/);
      assert.match(form.text, /<legend[^>]*>Sièges<\/legend>/);
      const page = await browser.request('GET', `/resultats/election/${election.election}`, html);
      assert.equal(page.status, 200, page.text);
      assert.match(page.text, /Créer le second tour/);
      assert.doesNotMatch(page.text, /Reprendre les bureaux des listes électorales/);
      assert.ok(page.text.indexOf('Candidatures') < page.text.indexOf('Tranches horaires'));
      const listing = await browser.request('GET', '/resultats/election', html);
      assert.equal(listing.status, 200);
      assert.match(listing.text, /En préparation/);
    });

    test('menus: « Élections » under Application, « Bureaux » under Paramétrage, the others as tabs only; French choices', () => {
      const screens = (table: string) => resultatsObject(runtime, table).override.screens;
      assert.deepEqual(screens('election')?.menu, { rubrique: 'application', category: 'Résultats électoraux', order: 10, label: 'Élections' });
      assert.deepEqual(screens('bureau')?.menu, { rubrique: 'parametrage', category: 'Résultats électoraux', order: 10, label: 'Bureaux' });
      for (const table of ['candidature', 'candidat', 'election_bureau', 'tranche', 'voix', 'participation', 'deverrouillage']) assert.equal(screens(table)?.menu, false, table);
      assert.deepEqual(screens('election')?.subForms?.order, ['candidature', 'election_bureau', 'tranche']);
      assert.deepEqual(screens('candidature')?.subForms?.order, ['candidat']);
      assert.equal(screens('election')?.choices?.type?.find((choice) => choice.value === 'municipales_moins_1000')?.label, 'Municipales (moins de 1 000 habitants)');
      assert.equal(screens('election_bureau')?.choices?.etat?.find((choice) => choice.value === 'valide')?.label, 'Validé');
    });

    test('rights: CONSULTATION reads, UTILISATEUR enters, SUPER UTILISATEUR validates, unlocks and keeps the elections', async () => {
      const { lecteur, agent, chef } = actors as Record<string, Actor>;
      assert.ok(lecteur && agent && chef);
      assert.ok(allows(lecteur, 'resultats.election', 'consulter') && allows(lecteur, 'resultats.voix', 'tab'));
      assert.ok(!allows(lecteur, 'resultats.election', 'ajouter') && !holds(lecteur, 'resultats.saisie'));
      assert.ok(holds(agent, 'resultats.saisie') && holds(agent, 'resultats.saisie_participation'));
      assert.ok(!holds(agent, 'resultats.valider') && !allows(agent, 'resultats.election', 'ajouter'));
      assert.ok(holds(chef, 'resultats.valider') && holds(chef, 'resultats.deverrouiller'));
      for (const table of ['election', 'candidature', 'candidat', 'bureau', 'tranche']) assert.ok(allows(chef, `resultats.${table}`, 'supprimer'), table);
      const refused = await refusal(() => create('election', municipales({ libelle: 'Interdite' }), 'lecteur'));
      assert.equal(refused.code, 'forbidden');
    });
  },
  { sources: SOURCES },
);
