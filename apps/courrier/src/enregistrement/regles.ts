/**
 * The rules of a courrier (`validate`), on the row as it will be: the dates of its register, a
 * référent of its processing service (or of a service under it), a reply to an arrival, and a mail
 * its author still sees once written (row-level security would refuse it with a generic error).
 */
import { sql } from 'kysely';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import type { FieldErrors, WriteContext } from '../../../../framework/src/model/override.ts';
import { sousServices } from '../core/agents.ts';
import { aujourdhui, jour } from './dates.ts';
import { MESSAGES } from './messages.ts';

function reglesDeDates(row: Row, erreurs: FieldErrors): void {
  if (row['registre'] === 'arrivee') {
    const arrivee = jour(row['date_arrivee']);
    const courrier = jour(row['date_courrier']);
    if (arrivee === null) erreurs['date_arrivee'] = MESSAGES.dateArriveeObligatoire;
    else if (arrivee > aujourdhui()) erreurs['date_arrivee'] = MESSAGES.dateArriveeFuture;
    if (courrier === null) erreurs['date_courrier'] = MESSAGES.dateCourrierObligatoire;
    else if (arrivee !== null && courrier > arrivee) erreurs['date_courrier'] = MESSAGES.dateCourrierApres;
    return;
  }
  const signature = jour(row['date_signature']);
  const depart = jour(row['date_depart']);
  if (signature !== null && depart !== null && depart < signature) erreurs['date_depart'] = MESSAGES.dateDepartAvantSignature;
}

async function referentDuService(trx: Db, row: Row): Promise<boolean> {
  const referent = row['referent'];
  const service = row['service'];
  if (referent === null || referent === undefined || service === null || service === undefined) return true;
  const { rows } = await sql<{ service: number | null }>`select service from courrier.agent where agent = ${Number(referent)}`.execute(trx);
  const sien = rows[0]?.service;
  if (sien === null || sien === undefined) return false;
  return (await sousServices(trx, Number(service))).includes(Number(sien));
}

async function reponseAUnArrive(trx: Db, row: Row): Promise<boolean> {
  const reponseA = row['reponse_a'];
  if (row['registre'] !== 'depart' || reponseA === null || reponseA === undefined) return true;
  const { rows } = await sql<{ registre: string }>`select registre from courrier.courrier where courrier = ${Number(reponseA)}`.execute(trx);
  // An invisible one is refused by the generic reference check before these rules.
  return rows[0]?.registre !== 'depart';
}

/** Whether the actor (of the transaction) would see the row: the rule of migration 0003. */
async function resteVisible(trx: Db, row: Row): Promise<boolean> {
  const confidentiel = row['confidentiel'] === true;
  const { rows } = await sql<{ visible: boolean }>`
    select (not ${confidentiel}::boolean and not courrier.filtre_service_actif())
        or courrier.visible(${row['courrier'] === undefined || row['courrier'] === null ? 0 : Number(row['courrier'])}::integer,
                            ${Number(row['service'])}::integer, ${confidentiel}::boolean, ${row['referent'] ?? null}::integer) as visible`.execute(trx);
  return rows[0]?.visible === true;
}

export async function reglesDuCourrier(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  const row: Row = { ...(context.previous ?? {}), ...context.values };
  const erreurs: FieldErrors = {};
  reglesDeDates(row, erreurs);
  if (!(await referentDuService(context.trx, row))) erreurs['referent'] = MESSAGES.referentHorsService;
  if (!(await reponseAUnArrive(context.trx, row))) erreurs['reponse_a'] = MESSAGES.reponseADepart;
  if (Object.keys(erreurs).length === 0 && row['service'] !== null && row['service'] !== undefined && !(await resteVisible(context.trx, row))) {
    if (row['confidentiel'] === true) erreurs['confidentiel'] = MESSAGES.confidentielInvisible;
    else erreurs['service'] = MESSAGES.courrierInvisible;
  }
  return erreurs;
}
