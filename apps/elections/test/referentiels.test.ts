/**
 * The communes, départements and régions of France loaded from @etalab/decoupage-administratif
 * (Application.referentials): every current commune, Corsica's 2A and 2B, the overseas ones, the
 * former communes with their end of validity; a second start loads nothing; a forced reload changes
 * nothing but restores what was changed, and ends a commune the source no longer lists.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadReferentials } from '../../../framework/src/referentials/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { elections } from '../src/index.ts';
import { loadElectionReferentials, SOURCES } from './support.ts';

interface Commune {
  commune: string;
  libelle: string;
  departement: string;
  type: string;
  om_validite_fin: string | null;
}

describeEachDatabase(
  'élections : référentiel des communes, départements et régions',
  (database) => {
    const count = async (table: string, where = 'true') =>
      Number((await database().ownerQuery<{ n: number | string }>(`select count(*) as n from elections.${table} where ${where}`))[0]?.n);
    const commune = async (code: string) =>
      (await database().ownerQuery<Commune>(`select commune, libelle, departement, type, om_validite_fin::text from elections.commune where commune = '${code}'`))[0];
    let firstLoad: Awaited<ReturnType<typeof loadElectionReferentials>>;

    before(async () => {
      firstLoad = await loadElectionReferentials(database());
    });

    test('every commune of France, with the départements and régions', async () => {
      assert.equal(firstLoad.length, 1);
      assert.ok((firstLoad[0]?.rows ?? 0) > 37_000);
      assert.ok((await count('commune', 'om_validite_fin is null')) > 34_000, 'the current communes');
      assert.equal(await count('commune', `type = 'ARM'`), 45, 'Paris, Lyon and Marseille arrondissements');
      assert.ok((await count('departement')) >= 101);
      assert.ok((await count('region')) >= 18);
      assert.deepEqual(await commune('2A004'), { commune: '2A004', libelle: 'Ajaccio', departement: '2A', type: 'COM', om_validite_fin: null });
      assert.equal((await commune('2B033'))?.departement, '2B');
      assert.equal((await commune('97411'))?.libelle, 'Saint-Denis');
      assert.equal((await commune('97411'))?.departement, '974');
      assert.equal((await commune('97611'))?.departement, '976', 'Mayotte');
      assert.equal((await commune('75056'))?.libelle, 'Paris');
      const [region] = await database().ownerQuery<{ libelle: string }>(`select r.libelle from elections.departement d join elections.region r using (region) where d.departement = '2A'`);
      assert.equal(region?.libelle, 'Corse');
    });

    test('former communes keep their name, ended at the edition of the COG', async () => {
      assert.deepEqual(await commune('01340'), { commune: '01340', libelle: 'Saint-Bois', departement: '01', type: 'COMD', om_validite_fin: '2026-01-01' });
      assert.ok((await count('commune', 'om_validite_fin is not null')) > 1_500);
      assert.equal(await count('commune', `type in ('COMD', 'COMA') and om_validite_fin is null`), 0);
    });

    test('a second start loads nothing; a forced reload restores and ends, never deletes', async () => {
      assert.deepEqual(await loadElectionReferentials(database()), [], 'the version is stored: nothing to do');
      const total = await count('commune');
      await database().asOwner(`update elections.commune set libelle = 'Ajacciu' where commune = '2A004';
        insert into elections.commune (commune, libelle, departement) values ('01999', 'Commune disparue', '01');`);
      const forced = await database().withOwner((db) => loadReferentials(db, [elections], { force: true }));
      assert.equal(forced.length, 1);
      assert.equal((await commune('2A004'))?.libelle, 'Ajaccio', 'the source wins');
      assert.deepEqual(await commune('01999'), { commune: '01999', libelle: 'Commune disparue', departement: '01', type: 'COM', om_validite_fin: '2026-01-01' });
      assert.equal(await count('commune'), total + 1, 'nothing deleted');
      const [stored] = await database().ownerQuery<{ version: string }>(`select version from om.om_referentiel where application = 'elections'`);
      assert.match(stored?.version ?? '', /^6\.0\.0 \(chargeur \d+\)$/);
    });
  },
  { sources: SOURCES },
);
