/** « Annuler » an operation still en cours: its défunts are unlocked, nothing else changes. */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Row, Schema } from '../../../../framework/src/db/connection.ts';
import { Veto, type CustomAction } from '../../../../framework/src/model/override.ts';
import { messageNonActive } from './libelles.ts';
import { deverrouiller } from './verrou.ts';

export async function annulerOperation(trx: Transaction<Schema>, actor: Actor, operation: Row): Promise<string> {
  if (operation.etat !== 'actif') throw new Veto(messageNonActive(operation.etat));
  await deverrouiller(trx, actor, operation.operation);
  await sql`update cimetiere.operation set etat = 'annule' where operation = ${operation.operation}`.execute(trx);
  return `Opération n° ${String(operation.numero)} annulée : ses défunts sont déverrouillés.`;
}

export const annuler: CustomAction = {
  label: 'Annuler l’opération',
  permissionSuffix: 'annuler',
  order: 20,
  condition: (record) => record.etat === 'actif',
  unavailableMessage: (record) => messageNonActive(record.etat),
  run: async ({ trx, actor, record }) => ({ message: await annulerOperation(trx, actor, record) }),
};
