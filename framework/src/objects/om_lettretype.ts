import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { documentTemplateOverride } from './document-templates.ts';

/** « Lettres types »: form letters, laid out like the états. */
export function omLettretype(registry: Registry): ObjectOverride {
  return documentTemplateOverride(registry, 20, t('admin.menu.lettretypes'));
}
