import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { sanitizeTemplateFields, templateActions } from './document-templates.ts';
import { documentScreens } from './editions.ts';

/** « Lettres types »: form letters, laid out like the états. */
export const omLettretype: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'id'],
  prepare: sanitizeTemplateFields,
  actions: templateActions,
  screens: documentScreens(20, t('admin.menu.lettretypes')),
};
