/**
 * The rules of a visa circuit's steps (`courrier.visa`, the mail's « Visas » tab): on a departure
 * mail only, changed only while the mail is in projet or refused (never during the visa, nor once
 * visé or parti), a viser who appears once (one step per rang: the unique key `visa_rang`; an agent of the
 * collectivité: the reference check; both by the records service).
 * Decisions are written by the actions (depart/actions.ts), never by the form.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { Veto, type FieldErrors, type WriteContext } from '../../../../framework/src/model/override.ts';
import { MESSAGES } from './messages.ts';

const CIRCUIT_MODIFIABLE = ['projet', 'refuse'];

const entier = (value: unknown): number | undefined => {
  const number = Number(value);
  return value === null || value === undefined || value === '' || !Number.isSafeInteger(number) ? undefined : number;
};

/** The mail's registre and state, or a Veto when the circuit may not change now. */
async function verifierCourrier(trx: Db, courrier: number | undefined): Promise<void> {
  if (courrier === undefined) return;
  const { rows } = await sql<{ registre: string; etat: string }>`select registre, etat from courrier.courrier where courrier = ${courrier}`.execute(trx);
  const mail = rows[0];
  if (!mail) return;
  if (mail.registre !== 'depart') throw new Veto(MESSAGES.circuitPasDepart, { courrier: MESSAGES.circuitPasDepart });
  if (!CIRCUIT_MODIFIABLE.includes(mail.etat)) throw new Veto(MESSAGES.circuitFige(mail.etat));
}

/** Before any write of a step (delete too): the mail's state, before and after. */
export async function verifierEtatDuCircuit(context: WriteContext): Promise<void> {
  await verifierCourrier(context.trx, entier(context.previous?.['courrier']));
  if (context.action !== 'delete') await verifierCourrier(context.trx, entier(context.values['courrier'] ?? context.previous?.['courrier']));
}

/** The step's own rule: a viser appears once in the circuit. */
export async function reglesEtape(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  const valeur = (name: string) => (Object.hasOwn(context.values, name) ? context.values[name] : context.previous?.[name]);
  const courrier = entier(valeur('courrier'));
  const agent = entier(valeur('agent'));
  const soi = entier(context.previous?.['visa']) ?? 0;
  const errors: Record<string, string> = {};
  if (courrier === undefined) return errors;
  if (agent !== undefined) {
    const deja = await sql`select 1 from courrier.visa where courrier = ${courrier} and agent = ${agent} and visa <> ${soi}`.execute(context.trx);
    if (deja.rows.length > 0) errors['agent'] = MESSAGES.viseurDejaLa;
  }
  return errors;
}
