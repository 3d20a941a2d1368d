/**
 * The rules of an emplacement written through the records service: a terrain communal's defaults
 * (the parameters' superficie, one place), a capacity never below the place occupied, an abandon
 * with its date. The place occupée and the état are the application's (read-only fields).
 */
import type { Row } from '../../../../framework/src/db/connection.ts';
import type { FieldErrors, PrepareContext, WriteContext } from '../../../../framework/src/model/override.ts';
import { nombreFr } from './format.ts';
import { parametresCimetiere } from './parametres.ts';

const vide = (value: unknown): boolean => value === null || value === undefined || value === '';

/** `prepare` on create: a terrain communal takes the parameters' superficie and one place when not given. */
export async function defautsEmplacement(context: PrepareContext): Promise<void> {
  if (context.action !== 'create' || context.values.nature !== 'terrain_communal') return;
  if (vide(context.values.superficie)) {
    const parametres = await parametresCimetiere(context.trx, Number(context.values.om_collectivite));
    context.values.superficie = parametres.superficieTerrainCommunal;
  }
  if (vide(context.values.nombre_places)) context.values.nombre_places = 1;
}

export function reglesEmplacement(context: WriteContext): FieldErrors {
  if (context.action === 'delete') return {};
  const merged: Row = { ...context.previous, ...context.values };
  const errors: FieldErrors = {};
  const occupee = Number(context.previous?.place_occupee ?? 0);
  if (!vide(merged.nombre_places) && Number(merged.nombre_places) < occupee) {
    errors.nombre_places = `Le nombre de places ne peut pas descendre sous la place occupée (${nombreFr(occupee)}).`;
  }
  if (merged.abandon === true && vide(merged.date_abandon)) errors.date_abandon = 'Indiquez la date du constat d’abandon.';
  if (merged.abandon !== true && !vide(merged.date_abandon)) errors.date_abandon = 'Cochez « Abandon constaté » pour indiquer une date d’abandon.';
  return errors;
}
