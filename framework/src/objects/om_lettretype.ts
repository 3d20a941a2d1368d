import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { templateDynamicChoices, validateObjet } from './document-template-choices.ts';
import { sanitizeTemplateFields, templateActions } from './document-templates.ts';
import { documentScreens } from './editions.ts';

/** « Lettres types »: form letters, laid out like the états. */
export function omLettretype(registry: Registry): ObjectOverride {
  return {
    defaultSort: ['libelle'],
    searchColumns: ['libelle', 'id'],
    prepare: sanitizeTemplateFields,
    validate: validateObjet(registry),
    actions: templateActions,
    screens: { ...documentScreens(20, t('admin.menu.lettretypes')), dynamicChoices: templateDynamicChoices(registry) },
  };
}
