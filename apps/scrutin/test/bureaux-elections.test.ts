/**
 * « Reprendre les bureaux des listes électorales » on a scrutin, on both databases: offered only
 * when « Élections » is served; it adds and updates the collectivité's bureaux by code (another
 * collectivité's left alone), needs the right to write bureaux, and says how many it took.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { runAction, ServiceError } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, COMPOSITION_SQL, depsOf, PASSWORD, scrutinEtElectionsRuntime, scrutinObject, scrutinRuntime, SOURCES, SOURCES_AVEC_ELECTIONS } from './support.ts';

const ELECTIONS_BUREAUX_SQL = `
  insert into elections.bureau (code, libelle, adresse, om_collectivite) values
    ('1', 'Hôtel de ville (salle du conseil)', '1 place de la Mairie', 1), ('3', 'Gymnase Coubertin', '4 avenue du Stade', 1),
    ('9', 'Salle des fêtes', '2 place du Village', 3);`;

describeEachDatabase(
  'scrutin : bureaux repris des listes électorales',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<string, Actor>;
    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await database().asOwner(COMPOSITION_SQL);
      await database().asOwner(ELECTIONS_BUREAUX_SQL);
      runtime = await scrutinEtElectionsRuntime(database());
      actors = await actorsFor(database(), PASSWORD, [
        { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
      ]);
    });
    const act = (login: string) => runAction(depsOf(runtime), actors[login] as Actor, scrutinObject(runtime, 'scrutin'), '1', 'reprendre_bureaux', {});

    test('the bureaux of Élections are added or updated by code, the other collectivité’s untouched; the agent may not', async () => {
      await assert.rejects(act('agent'), (error: unknown) => error instanceof ServiceError && error.code === 'forbidden');
      const done = await act('chef');
      assert.equal(done.message, '2 bureaux repris des listes électorales.');
      const rows = await database().ownerQuery<{ code: string; libelle: string; om_collectivite: number }>(
        'select code, libelle, om_collectivite from scrutin.bureau order by om_collectivite, code',
      );
      assert.deepEqual(
        rows.map((row) => [row.code, row.libelle, Number(row.om_collectivite)]),
        [
          ['1', 'Hôtel de ville (salle du conseil)', 1],
          ['2', 'École Jules-Ferry', 1],
          ['3', 'Gymnase Coubertin', 1],
          ['1', 'Mairie d’Autreville', 3],
        ],
      );
    });
  },
  { sources: SOURCES_AVEC_ELECTIONS },
);

describeEachDatabase(
  'scrutin : sans « Élections », pas de reprise des bureaux',
  (database) => {
    test('the action is not offered', async () => {
      const runtime = await scrutinRuntime(database());
      assert.equal(scrutinObject(runtime, 'scrutin').override.actions?.reprendre_bureaux, undefined);
    });
  },
  { sources: SOURCES },
);
