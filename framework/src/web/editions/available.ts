/** The PDF listings a user may print, by application: those of objects they may export. */
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import type { ListingPdfSpec } from '../../model/specs.ts';

export interface EditionGroup {
  readonly app: string;
  /** The application's title (« Registre RGPD »). */
  readonly title: string;
  readonly specs: readonly ListingPdfSpec[];
}

export function availableEditions(registry: Registry, actor: Actor, locale: Locale, titleOf: (app: string) => string = (app) => app): EditionGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byApp = new Map<string, ListingPdfSpec[]>();
  for (const spec of registry.listingPdfs.all()) {
    const object = registry.get(spec.app, spec.table);
    if (!object || !can(actor, object, 'exporter')) continue;
    byApp.set(spec.app, [...(byApp.get(spec.app) ?? []), spec]);
  }
  return [...byApp]
    .map(([app, specs]) => ({ app, title: titleOf(app), specs: specs.sort((a, b) => collator.compare(a.title, b.title)) }))
    .sort((a, b) => collator.compare(a.title, b.title));
}
