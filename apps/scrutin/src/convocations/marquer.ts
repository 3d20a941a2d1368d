/**
 * « Marquer comme convoqué »: the documents engine offers no hook after a print, so the date of
 * the convocation is set by an action once the letters are printed — on one affectation
 * (permission `scrutin.affectation_modifier`), or on a scrutin for all its affectations not yet
 * convoked (permission `scrutin.scrutin_convoquer`, and the right to change affectations). Today's
 * date in Paris; each affectation changed is audited.
 */
import { sql } from 'kysely';
import { allows } from '../../../../framework/src/access/permissions.ts';
import { TIME_ZONE } from '../../../../framework/src/config/time-zone.ts';
import type { Row } from '../../../../framework/src/db/index.ts';
import type { ActionContext, CustomAction } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import type { RegisteredObject } from '../../../../framework/src/model/registry.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import { ServiceError } from '../../../../framework/src/records/errors.ts';
import { meta as affectationMeta } from '../../gen/affectation.ts';
import { dateFr } from '../dates.ts';

/** `AAAA-MM-JJ`, the day in the instance's time zone. */
export function aujourdhui(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The affectation as the audit names it (no hidden field on it). */
const AFFECTATION: RegisteredObject = { app: 'scrutin', name: 'affectation', meta: affectationMeta, override: {} };

const pasConvoque = (record: Row) => record['convoque_le'] === null || record['convoque_le'] === undefined;

export const marquerAffectationConvoquee: CustomAction = {
  label: 'Marquer comme convoqué',
  permissionSuffix: 'modifier',
  order: 10,
  inListing: true,
  condition: pasConvoque,
  unavailableMessage: (record) => `Cette personne est déjà marquée comme convoquée (le ${dateFr(record['convoque_le'])}).`,
  run: async ({ trx, record }: ActionContext) => {
    const jour = aujourdhui();
    await sql`update scrutin.affectation set convoque_le = ${jour}::date where affectation = ${Number(record['affectation'])}`.execute(trx);
    return { message: `Affectation marquée comme convoquée le ${dateFr(jour)}.` };
  },
};

export const marquerScrutinConvoque: CustomAction = {
  label: 'Marquer les affectations comme convoquées',
  order: 20,
  run: async ({ actor, trx, record }: ActionContext) => {
    if (!allows(actor, 'scrutin.affectation', 'modifier')) {
      throw new ServiceError('forbidden', 'Droits insuffisants : marquer les convocations demande le droit de modifier les affectations.');
    }
    const scrutin = Number(record['scrutin']);
    const avant = (await sql<Row>`select * from scrutin.affectation where scrutin = ${scrutin} and convoque_le is null order by affectation for update`.execute(trx)).rows;
    if (avant.length === 0) throw new Veto('Toutes les affectations de ce scrutin sont déjà marquées comme convoquées : rien à faire.');
    const jour = aujourdhui();
    const apres = (await sql<Row>`update scrutin.affectation set convoque_le = ${jour}::date where scrutin = ${scrutin} and convoque_le is null returning *`.execute(trx)).rows;
    const parCle = new Map(apres.map((row) => [Number(row['affectation']), row]));
    for (const ligne of avant) {
      const cle = Number(ligne['affectation']);
      await writeAudit(trx, { actor, object: AFFECTATION, action: 'convoquer', key: cle, before: ligne, after: parCle.get(cle), requestId: undefined });
    }
    return { message: `${apres.length} affectation(s) marquée(s) comme convoquée(s) le ${dateFr(jour)}.` };
  },
};
