import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { sanitizeTemplateFields, templateActions } from './document-templates.ts';
import { documentScreens } from './editions.ts';

/** « États »: a PDF document about one record, laid out from a title, a body and a data source. */
export const omEtat: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'id'],
  prepare: sanitizeTemplateFields,
  actions: templateActions,
  screens: documentScreens(10, t('admin.menu.etats')),
};
