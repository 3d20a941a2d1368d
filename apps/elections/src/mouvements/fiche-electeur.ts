/**
 * The actions of the fiche électeur: « Modifier l’électeur » and « Radier l’électeur » create a
 * movement (type chosen on the confirmation page) carrying the elector's current values, then open
 * it: the agent completes and instructs it as any other movement.
 */
import { sql } from 'kysely';
import { allows } from '../../../../framework/src/access/permissions.ts';
import type { ActionContext, ActionResult, Choice, ChoicesContext, CustomAction } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { categorieOf, SNAPSHOT_FIELDS } from './categorie.ts';
import { message } from './messages.ts';

type Categorie = 'modification' | 'radiation';

function typeChoices(categorie: Categorie) {
  return async (context: ChoicesContext): Promise<readonly Choice[]> => {
    const rows = await sql<{ type_mouvement: string; libelle: string }>`
      select type_mouvement, libelle from elections.type_mouvement
       where categorie = ${categorie} and (om_validite_fin is null or om_validite_fin > current_date)
       order by libelle`.execute(context.db);
    return rows.rows.map((row) => ({ value: row.type_mouvement, label: row.libelle }));
  };
}

async function createMouvement(context: ActionContext, categorie: Categorie): Promise<ActionResult> {
  const { actor, trx, record, input, locale } = context;
  if (!allows(actor, 'elections.mouvement', 'ajouter')) throw new Veto(message('droitMouvement', locale));
  const type = typeof input.type_mouvement === 'string' ? input.type_mouvement : '';
  if ((await categorieOf(trx, type)) !== categorie) throw new Veto(message('typeRequis', locale), { type_mouvement: message('typeRequis', locale) });
  const columns = ['type_mouvement', 'liste', 'electeur', 'provenance', 'etat', ...SNAPSHOT_FIELDS, 'om_collectivite'];
  const values = [type, record.liste, record.electeur, 'mairie', 'a_instruire', ...SNAPSHOT_FIELDS.map((field) => record[field] ?? null), record.om_collectivite];
  const inserted = await sql<{ mouvement: number }>`
    insert into elections.mouvement (${sql.join(columns.map((column) => sql.ref(column)))})
    values (${sql.join(values.map((value) => sql`${value}`))}) returning mouvement`.execute(trx);
  const mouvement = Number(inserted.rows[0]?.mouvement);
  return { message: message('mouvementCree', { mouvement: String(mouvement) }, locale), redirect: `/elections/mouvement/${mouvement}` };
}

export const demanderModification: CustomAction = {
  label: message('demanderModification', 'fr'),
  order: 10,
  inputs: [{ name: 'type_mouvement', label: message('typeModification', 'fr'), widget: 'select', required: true, choices: typeChoices('modification') }],
  run: (context) => createMouvement(context, 'modification'),
};

export const radierElecteur: CustomAction = {
  label: message('radier', 'fr'),
  order: 20,
  inputs: [{ name: 'type_mouvement', label: message('typeRadiation', 'fr'), widget: 'select', required: true, choices: typeChoices('radiation') }],
  run: (context) => createMouvement(context, 'radiation'),
};

export const electeurActions: Readonly<Record<string, CustomAction>> = {
  demander_modification: demanderModification,
  radier: radierElecteur,
};
