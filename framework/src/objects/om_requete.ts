import { guardSql, parseParameters, SourceError } from '../documents/sources/index.ts';
import { refusalError } from '../documents/sources/errors.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride } from '../model/override.ts';
import type { Row } from '../db/connection.ts';
import { editionsMenu } from './editions.ts';

/**
 * A source's SQL and parameters are checked on save, as they will be on every run (the guard of
 * documents/sources): the administrator learns at once what the source would refuse.
 */
function checkSource(values: Row, locale: Locale | undefined): FieldErrors {
  const errors: Record<string, string> = {};
  let declared: string[] = [];
  try {
    declared = parseParameters(typeof values.parametres === 'string' ? values.parametres : null, locale).map((parameter) => parameter.name);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    errors.parametres = error.message;
  }
  const text = typeof values.requete === 'string' ? values.requete : '';
  if (values.type === 'sql' && text.trim() !== '') {
    const guarded = guardSql(text, { interruptible: true });
    if (!guarded.ok) errors.requete = refusalError(guarded.refusal, locale).message;
    else {
      const known = new Set(['idx', ...declared]);
      const unknown = guarded.sql.parameters.find((name) => !known.has(name));
      if (unknown !== undefined) errors.requete = t('sources.refusals.unknownParameter', { name: unknown, known: [...known].map((name) => `&${name}`).join(', ') }, locale);
    }
  }
  return errors;
}

/** Data sources of the états and lettres types; shared by every collectivité. */
export const omRequete: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'code', 'description'],
  sharedByAllCollectivites: true,
  validate: ({ action, values, previous, locale }) => (action === 'delete' ? {} : checkSource({ ...previous, ...values }, locale)),
  screens: {
    menu: editionsMenu(50, t('admin.menu.requetes')),
    listColumns: ['code', 'libelle', 'type', 'reqmo', 'description'],
    advancedSearch: [{ field: 'libelle' }, { field: 'type', kind: 'select' }],
    widgets: { type: 'select', requete: 'textarea', merge_fields: 'textarea', description: 'textarea', parametres: 'textarea' },
    choices: {
      type: [
        { value: 'sql', label: t('admin.requete.typeSql') },
        { value: 'objet', label: t('admin.requete.typeObjet') },
      ],
    },
    labels: {
      merge_fields: t('admin.requete.mergeFields'),
      classe: t('admin.requete.classe'),
      methode: t('admin.requete.methode'),
      reqmo: t('admin.requete.reqmo'),
      parametres: t('admin.requete.parametres'),
    },
    formLayout: [
      { fields: ['code', 'libelle', 'description'] },
      { legend: t('admin.requete.legendSource'), fields: ['type', 'requete', 'classe', 'methode'] },
      { legend: t('admin.requete.legendChamps'), fields: ['merge_fields'], collapsible: true },
      { legend: t('admin.requete.legendReqmo'), fields: ['reqmo', 'parametres'] },
    ],
    help: {
      code: t('admin.requete.helpCode'),
      requete: t('admin.requete.helpRequete'),
      merge_fields: t('admin.requete.helpMergeFields'),
      classe: t('admin.requete.helpClasse'),
      reqmo: t('admin.requete.helpReqmo'),
      parametres: t('admin.requete.helpParametres'),
    },
    subForms: { titles: { om_etat: t('admin.menu.etats'), om_lettretype: t('admin.menu.lettretypes') } },
  },
};
