/**
 * What états and lettres types share beyond their screens: their HTML sanitised on every write
 * (form, API, import: the `prepare` hook), and the actions « Copier » and « Activer ».
 */
import { sql } from 'kysely';
import { sanitizeTemplateHtml } from '../documents/template-sanitize.ts';
import { t } from '../i18n/index.ts';
import type { ActionContext, CustomAction, ObjectOverride, PrepareContext } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { templateDynamicChoices, validateObjet } from './document-template-choices.ts';
import { documentScreens } from './editions.ts';
import { Veto } from '../model/override.ts';

/** The columns holding template HTML (`documents/template-html.ts`). */
export const TEMPLATE_HTML_FIELDS = ['titre_om_htmletat', 'corps_om_htmletatex'] as const;

/** Keeps only the limited rich text of the templates in the values about to be written. */
export function sanitizeTemplateFields(context: PrepareContext): void {
  for (const name of TEMPLATE_HTML_FIELDS) {
    const value = context.values[name];
    if (typeof value === 'string') context.values[name] = sanitizeTemplateHtml(value);
  }
}

const COPY_SUFFIX = '_copie';
const ID_LENGTH = 50;

const tableOf = (context: ActionContext) => sql.table(`${context.table.schema}.${context.table.name}`);
const keyOf = (context: ActionContext) => context.table.key ?? context.table.name;

/** `courrier_copie`, else `courrier_copie2`, … : a code no document of the collectivité has. */
async function freeCopyId(context: ActionContext): Promise<string> {
  const id = String(context.record.id ?? '');
  const taken = new Set(
    (
      await sql<{ id: string }>`select id from ${tableOf(context)}
        where om_collectivite = ${context.record.om_collectivite} and id like ${`${id}${COPY_SUFFIX}%`}`.execute(context.trx)
    ).rows.map((row) => row.id),
  );
  for (let n = 1; ; n++) {
    const candidate = `${id}${COPY_SUFFIX}${n === 1 ? '' : n}`;
    if (candidate.length > ID_LENGTH) throw new Veto(t('templates.actions.copyTooLong', { id }, context.locale));
    if (!taken.has(candidate)) return candidate;
  }
}

/** « Copier »: the same document under a new code, inactive, in the same collectivité. */
export const copyAction: CustomAction = {
  label: t('templates.actions.copy'),
  permissionSuffix: 'copier',
  order: 20,
  async run(context) {
    const copyId = await freeCopyId(context);
    const key = keyOf(context);
    const copied = context.table.fields.map((field) => field.name).filter((name) => name !== key && name !== 'id' && name !== 'actif');
    const columns = sql.join(copied.map((name) => sql.ref(name)));
    await sql`insert into ${tableOf(context)} (id, actif, ${columns})
      select ${copyId}, false, ${columns} from ${tableOf(context)} where ${sql.ref(key)} = ${context.record[key]}`.execute(context.trx);
    return { message: t('templates.actions.copied', { id: copyId }, context.locale) };
  },
};

/** « Activer »: this document active, the others of the same code and collectivité inactive. */
export const activateAction: CustomAction = {
  label: t('templates.actions.activate'),
  permissionSuffix: 'activer',
  order: 30,
  condition: (record) => record.actif !== true,
  async run(context) {
    const key = keyOf(context);
    await sql`update ${tableOf(context)} set actif = (${sql.ref(key)} = ${context.record[key]})
      where id = ${context.record.id} and om_collectivite = ${context.record.om_collectivite}`.execute(context.trx);
    return { message: t('templates.actions.activated', { id: String(context.record.id ?? '') }, context.locale) };
  },
};

/**
 * « Prévisualiser »: shown in the portlet for whoever may modify the document; the page itself
 * (web/documents/preview.tsx, `GET …/previsualiser`) chooses a sample record and returns the PDF.
 * Run as an action (API, a posted form), it only says where the preview is.
 */
export const previewAction: CustomAction = {
  label: t('templates.actions.preview'),
  permissionSuffix: 'modifier',
  order: 10,
  run(context) {
    return Promise.reject(new Veto(t('templates.actions.previewPageOnly', undefined, context.locale)));
  },
};

export const templateActions = { previsualiser: previewAction, copier: copyAction, activer: activateAction } as const;

/**
 * The override of a document template table (om_etat, om_lettretype): its HTML sanitised, its
 * `objet` checked, its actions, and its place under « Paramétrage › Éditions ».
 */
export function documentTemplateOverride(registry: Registry, menuOrder: number, menuLabel: string): ObjectOverride {
  return {
    defaultSort: ['libelle'],
    searchColumns: ['libelle', 'id'],
    prepare: sanitizeTemplateFields,
    validate: validateObjet(registry),
    actions: templateActions,
    screens: { ...documentScreens(menuOrder, menuLabel), dynamicChoices: templateDynamicChoices(registry) },
  };
}
