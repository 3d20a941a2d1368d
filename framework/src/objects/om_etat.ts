import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { documentTemplateOverride } from './document-templates.ts';

/** « États »: a PDF document about one record, laid out from a title, a body and a data source. */
export function omEtat(registry: Registry): ObjectOverride {
  return documentTemplateOverride(registry, 10, t('admin.menu.etats'));
}
