/**
 * The rules of a défunt written through the records service (a form, the API, an import): its
 * size from its nature, its dates in order, the emplacement's capacity, the lock an active
 * operation puts on it; afterwards the place and the state of its emplacement(s). The treatments
 * of the operations write défunts in SQL and keep these rules themselves.
 */
import { sql } from 'kysely';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import { Veto, type FieldErrors, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import { recalculerEtat } from './etat.ts';
import { places } from './format.ts';
import { NATURES_CAPACITE_INDICATIVE } from './libelles.ts';
import { placeRestante, recalculerPlace, tailleDe, type NatureDefunt } from './occupation.ts';
import { parametresCimetiere } from './parametres.ts';

const NATURES: readonly string[] = ['cercueil', 'urne', 'reduction'];

const collectiviteDe = (values: Row, previous: Row | undefined): number => Number(values.om_collectivite ?? previous?.om_collectivite);

/** `prepare`: the taille is never typed, it follows the nature and the parameters. */
export async function tailleDuDefunt(context: PrepareContext): Promise<void> {
  const nature = String(context.values.nature ?? context.previous?.nature ?? 'cercueil');
  if (!NATURES.includes(nature)) return;
  const parametres = await parametresCimetiere(context.trx, collectiviteDe(context.values, context.previous));
  context.values.taille = tailleDe(nature as NatureDefunt, parametres);
}

const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';
const iso = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** The dates in order and the flags with their dates (the schema's checks, said on the field). */
export function datesDuDefunt(context: WriteContext): FieldErrors {
  if (context.action === 'delete') return {};
  const merged: Row = { ...context.previous, ...context.values };
  const errors: FieldErrors = {};
  if (present(merged.date_naissance) && present(merged.date_deces) && iso(merged.date_deces) < iso(merged.date_naissance)) {
    errors.date_deces = 'La date de décès ne peut pas précéder la date de naissance.';
  }
  if (present(merged.date_deces) && present(merged.date_inhumation) && iso(merged.date_inhumation) < iso(merged.date_deces)) {
    errors.date_inhumation = 'La date d’inhumation ne peut pas précéder la date de décès.';
  }
  if (present(merged.date_reduction) && merged.reduction !== true) errors.date_reduction = 'Cochez « Réduction faite » pour indiquer une date de réduction.';
  if (present(merged.date_exhumation) && merged.exhumation !== true) errors.date_exhumation = 'Cochez « Exhumé » pour indiquer une date d’exhumation.';
  return errors;
}

/** The numbers of the active operations that concern the défunt (the reason of its lock). */
async function operationsEnCours(trx: Db, defunt: unknown): Promise<string[]> {
  const { rows } = await sql<{ numero: string }>`select o.numero from cimetiere.operation_defunt od
      join cimetiere.operation o on o.operation = od.operation
     where od.defunt = ${Number(defunt)} and o.etat = 'actif' order by o.date_operation, o.numero`.execute(trx);
  return rows.map((row) => row.numero);
}

/** `beforeWrite` on update or delete: a locked défunt changes through its operation only. */
export async function verrouDuDefunt(context: WriteContext): Promise<void> {
  if (context.action === 'create' || context.previous?.verrou !== true) return;
  const numeros = await operationsEnCours(context.trx, context.previous.defunt);
  const message =
    numeros.length > 0
      ? `Ce défunt est concerné par l’opération en cours n° ${numeros.join(', ')} : il se modifie par elle.`
      : 'Ce défunt est verrouillé par une opération en cours : il se modifie par elle.';
  throw new Veto(message);
}

interface Capacite {
  readonly nature: string;
  readonly nombrePlaces: number;
  /** The place taken by the other défunts still there. */
  readonly occupeeParLesAutres: number;
}

async function capacite(trx: Db, emplacement: number, defunt: unknown): Promise<Capacite | undefined> {
  // The row lock keeps two défunts entered at once from both taking the last place.
  const { rows } = await sql<{ nature: string; nombre_places: string; autres: string }>`
    select e.nature, e.nombre_places,
           (select coalesce(sum(d.taille), 0) from cimetiere.defunt d
             where d.emplacement = e.emplacement and not d.exhumation and d.defunt is distinct from ${defunt === undefined ? null : Number(defunt)}::integer) as autres
      from cimetiere.emplacement e where e.emplacement = ${emplacement} for update of e`.execute(trx);
  const row = rows[0];
  return row ? { nature: row.nature, nombrePlaces: Number(row.nombre_places), occupeeParLesAutres: Number(row.autres) } : undefined;
}

/**
 * `beforeWrite` on create or update: a défunt still there (not exhumed) must fit in its
 * emplacement; an ossuaire's or a dépositoire's capacity is only indicative (a warning).
 */
export async function placeDuDefunt(context: WriteContext): Promise<void> {
  if (context.action === 'delete') return;
  const merged: Row = { ...context.previous, ...context.values };
  if (merged.exhumation === true) return;
  const emplacement = Number(merged.emplacement);
  const moved = context.previous !== undefined && Number(context.previous.emplacement) !== emplacement;
  const grows = context.previous === undefined || moved || context.previous.exhumation === true || Number(merged.taille) > Number(context.previous.taille);
  if (!grows) return;
  const lue = await capacite(context.trx, emplacement, context.previous?.defunt);
  if (!lue) return;
  const taille = Number(merged.taille ?? 1);
  if (placeRestante({ placeOccupee: lue.occupeeParLesAutres, nombrePlaces: lue.nombrePlaces }, taille) >= 0) return;
  const constat = `${places(lue.occupeeParLesAutres)} ${lue.occupeeParLesAutres >= 2 ? 'occupées' : 'occupée'} sur ${lue.nombrePlaces}`;
  if (NATURES_CAPACITE_INDICATIVE.includes(lue.nature)) {
    context.warn(`Capacité indicative dépassée : ${constat}.`);
    return;
  }
  const message = `L’emplacement n’a plus de place : ${constat}.`;
  throw new Veto(message, { emplacement: message });
}

/** `afterWrite`: the place and the state of the emplacement, and of the one it left. */
export async function apresEcritureDuDefunt(context: WriteContext): Promise<void> {
  const emplacements = new Set<number>();
  if (context.previous?.emplacement !== undefined) emplacements.add(Number(context.previous.emplacement));
  if (context.values.emplacement !== undefined && context.values.emplacement !== null) emplacements.add(Number(context.values.emplacement));
  for (const emplacement of emplacements) {
    await recalculerPlace(context.trx, emplacement);
    await recalculerEtat(context.trx, emplacement);
  }
}
