import { FRAMEWORK_APP } from '../../../access/permissions.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import type { Runtime } from '../../../runtime.ts';

/**
 * An application as its users know it: its title (« Registre RGPD »), else its name; the
 * framework's own objects are those of « Administration ».
 */
export function applicationTitle(runtime: Runtime, app: string, locale?: Locale): string {
  if (app === FRAMEWORK_APP) return t('layout.rubriques.administration', {}, locale);
  return runtime.applications?.find((application) => application.name === app)?.title ?? app;
}
