import { FRAMEWORK_APP } from '../../../access/permissions.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import type { Runtime } from '../../../runtime.ts';

/**
 * The title an application declares (« Registre RGPD »); the framework's own objects are those of
 * « Administration »; undefined for an application that declares none.
 */
export function declaredApplicationTitle(runtime: Runtime, app: string, locale?: Locale): string | undefined {
  if (app === FRAMEWORK_APP) return t('layout.rubriques.administration', {}, locale);
  return runtime.applications?.find((application) => application.name === app)?.title;
}

/** An application as its users know it: its title (« Registre RGPD »), else its name. */
export function applicationTitle(runtime: Runtime, app: string, locale?: Locale): string {
  return declaredApplicationTitle(runtime, app, locale) ?? app;
}
