/** « Administration › Connexion fédérée › … » */
import { translator, type Locale } from '../../../i18n/index.ts';
import type { Crumb } from '../../layout/layout.tsx';
import { identitePage } from './messages.ts';

export function identiteCrumbs(locale: Locale, ...rest: Crumb[]): Crumb[] {
  return [{ label: translator(locale)('layout.rubriques.administration') }, { label: identitePage('category', undefined, locale) }, ...rest];
}
