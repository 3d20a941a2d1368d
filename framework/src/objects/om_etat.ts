import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { templateDynamicChoices, validateObjet } from './document-template-choices.ts';
import { sanitizeTemplateFields, templateActions } from './document-templates.ts';
import { documentScreens } from './editions.ts';

/** « États »: a PDF document about one record, laid out from a title, a body and a data source. */
export function omEtat(registry: Registry): ObjectOverride {
  return {
    defaultSort: ['libelle'],
    searchColumns: ['libelle', 'id'],
    prepare: sanitizeTemplateFields,
    validate: validateObjet(registry),
    actions: templateActions,
    screens: { ...documentScreens(10, t('admin.menu.etats')), dynamicChoices: templateDynamicChoices(registry) },
  };
}
