/**
 * A défunt concerned by an operation (rules §4.5, §4.6): of the operation's emplacement, not
 * exhumed, in no other active operation, and fit for the catégorie (réduction delay, urne for a
 * dispersion, room at a transfer's destination). Adding it locks the défunt, removing it unlocks it.
 */
import { sql } from 'kysely';
import type { Row } from '../../../../framework/src/db/connection.ts';
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { parametresCimetiere } from '../core/parametres.ts';
import { controlerDefunt, controlerDestination } from '../operations/controles.ts';
import { defuntsConcernes, lireDefunt } from '../operations/lecture.ts';
import { messageNonActive } from '../operations/libelles.ts';
import { verrouiller } from '../operations/verrou.ts';

async function operationDe(context: WriteContext, key: unknown): Promise<Row | undefined> {
  return (await sql<Row>`select * from cimetiere.operation where operation = ${Number(key)}`.execute(context.trx)).rows[0];
}

async function validateOperationDefunt(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  if (context.action === 'update') throw new Veto('Un défunt concerné ne se remplace pas : retirez-le de l’opération et ajoutez l’autre.');
  if (context.values.defunt === null || context.values.defunt === undefined) return { defunt: 'Choisissez le défunt concerné.' };
  const operation = await operationDe(context, context.values.operation);
  if (!operation) return {};
  if (operation.etat !== 'actif') throw new Veto(messageNonActive(operation.etat));
  // Two operations taking the same défunt at once: the second waits here, then sees the first.
  await sql`select 1 from cimetiere.defunt where defunt = ${Number(context.values.defunt)} for update`.execute(context.trx);
  const defunt = await lireDefunt(context.trx, context.values.defunt);
  if (!defunt) return {};
  const parametres = await parametresCimetiere(context.trx, Number(operation.om_collectivite));
  const message = await controlerDefunt(context.trx, operation, defunt, parametres);
  if (message) return { defunt: message };
  if (operation.categorie === 'transfert') {
    const deja = (await defuntsConcernes(context.trx, operation.operation)).filter((autre) => autre.defunt !== defunt.defunt);
    const place = await controlerDestination(context.trx, operation, [...deja, defunt]);
    if (place) return { defunt: place };
  }
  return {};
}

export const operationDefunt: ObjectOverride = {
  // Set by the fin de concession only, when the défunt is archived.
  readOnlyFields: ['defunt_archive'],
  validate: validateOperationDefunt,
  beforeWrite: async (context) => {
    if (context.action !== 'delete' || !context.previous) return;
    const operation = await operationDe(context, context.previous.operation);
    if (operation && operation.etat !== 'actif') throw new Veto(messageNonActive(operation.etat));
  },
  afterWrite: async ({ action, result, previous, trx, actor }) => {
    if (action === 'create' && result) await verrouiller(trx, actor, Number(result.defunt), true);
    if (action === 'delete' && previous) await verrouiller(trx, actor, Number(previous.defunt), false);
  },
  screens: {
    menu: false,
    help: { defunt: 'Un défunt de l’emplacement de l’opération : il est verrouillé tant que l’opération est en cours.' },
  },
};
