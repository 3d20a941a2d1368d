/** Part C of « Cimetière »: the concession pages and widget, facturation's pages and export. */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { registerFacturation } from '../facturation/routes.tsx';
import { registerConcessionPages } from './routes.tsx';

export { venteHref, venteLink } from './routes.tsx';

export function registerConcessions(registry: Registry): void {
  registerConcessionPages(registry);
  registerFacturation(registry);
}
