/**
 * Marking PostGIS's functions leakproof after the migrations (framework/src/maps/leakproof.ts) on a
 * database without PostGIS: nothing to do, and no error (a start of an instance without maps).
 * With PostGIS, framework/test/maps-geojson.test.ts checks the marking itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markSpatialFunctionsLeakproof } from '../src/maps/leakproof.ts';
import { describeEachDatabase } from './support/databases.ts';

describeEachDatabase('PostGIS functions marked leakproof, without PostGIS', (database) => {
  test('nothing is marked and nothing fails when the geometry type does not exist', async () => {
    assert.equal(await database().withOwner((db) => markSpatialFunctionsLeakproof(db)), false);
  });
});
