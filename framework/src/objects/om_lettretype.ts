import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { documentScreens } from './editions.ts';

/** « Lettres types »: form letters, laid out like the états. */
export const omLettretype: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'id'],
  screens: documentScreens(20, t('admin.menu.lettretypes')),
};
