/**
 * Each day, the states of every collectivité's emplacements (core/etat.ts): a concession whose
 * term passed overnight shows « à terme » on the plans and in the searches without anyone writing
 * to it. Idempotent: a second run the same day changes nothing.
 */
import { SYSTEM_ACTOR } from '../../../../framework/src/access/actor.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import type { DailyTask } from '../../../../framework/src/model/extensions.ts';
import { recalculerEtats } from './etat.ts';

export const etatsDuJour: DailyTask = {
  id: 'cimetiere.etats',
  run: async (db) => {
    const changes = await writeAs(db, SYSTEM_ACTOR, (trx) => recalculerEtats(trx));
    return `${changes} emplacement(s) changé(s) d’état`;
  },
};
