/**
 * The lists of an état's or a lettre type's form: `objet` among the registered objects (checked on
 * every write: an unknown value is a French field error), `logo` among the logo codes of the
 * user's collectivité and of the niveau-2 one (whose logos serve every town, as in openMairie).
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/actor.ts';
import { readAs } from '../db/tenant-context.ts';
import { objectOfObjet, objetChoices } from '../documents/objet.ts';
import { t } from '../i18n/index.ts';
import type { ChoicesContext, Choice, FieldErrors, ScreensDeclaration, WriteContext } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';

async function logoChoices(context: ChoicesContext): Promise<Choice[]> {
  const rows = await readAs(context.db, SYSTEM_ACTOR, async (connection) =>
    (
      await sql<{ id: string; libelle: string }>`select distinct on (l.id) l.id, l.libelle from om.om_logo l
        join om.om_collectivite c on c.om_collectivite = l.om_collectivite
        where l.om_collectivite = ${context.actor.workingCollectivite} or c.niveau = '2'
        order by l.id, (l.om_collectivite = ${context.actor.workingCollectivite}) desc, l.actif desc nulls last`.execute(connection)
    ).rows,
  );
  return rows.map((row) => ({ value: row.id, label: row.libelle && row.libelle !== row.id ? `${row.libelle} (${row.id})` : row.id }));
}

export function templateDynamicChoices(registry: Registry): NonNullable<ScreensDeclaration['dynamicChoices']> {
  return {
    objet: (context) => Promise.resolve(objetChoices(registry, context.applicationTitle)),
    logo: logoChoices,
  };
}

/** `objet` names a registered object (or is empty: a document attached to none). */
export function validateObjet(registry: Registry) {
  return (context: WriteContext): FieldErrors => {
    const objet = context.values['objet'];
    if (typeof objet !== 'string' || objet === '' || objectOfObjet(registry, objet)) return {};
    return { objet: t('templates.fields.unknownObjet', { objet }, context.locale) };
  };
}
