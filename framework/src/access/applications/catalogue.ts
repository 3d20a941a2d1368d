/**
 * The applications of the instance as the catalogue page shows them: the runtime's list
 * (`commun.config.ts`), or, for a runtime built without one (tests), the applications its
 * registry knows from their objects, pages and routes. The framework (`om`) is not one of them.
 */
import type { Registry } from '../../model/registry.ts';
import type { Runtime } from '../../runtime.ts';
import { FRAMEWORK_APP } from '../permissions.ts';

export interface CatalogueEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly version: string | undefined;
}

function registeredNames(registry: Registry): Set<string> {
  const found = new Set<string>();
  for (const object of registry.all()) found.add(object.app);
  for (const page of registry.pages()) found.add(page.app);
  for (const route of registry.apiRoutes()) found.add(route.app);
  found.delete(FRAMEWORK_APP);
  return found;
}

type InstanceSource = Pick<Runtime, 'registry' | 'applications'>;

const catalogues = new WeakMap<InstanceSource, readonly CatalogueEntry[]>();
const names = new WeakMap<InstanceSource, ReadonlySet<string>>();

/** Sorted by title; computed once per runtime (the applications do not change while it runs). */
export function instanceApplications(runtime: InstanceSource): readonly CatalogueEntry[] {
  const known = catalogues.get(runtime);
  if (known) return known;
  const entries = new Map<string, CatalogueEntry>();
  for (const application of runtime.applications ?? []) {
    if (application.name === FRAMEWORK_APP) continue;
    entries.set(application.name, {
      name: application.name,
      title: application.title ?? application.name,
      description: application.description,
      version: application.version,
    });
  }
  for (const name of registeredNames(runtime.registry)) {
    if (!entries.has(name)) entries.set(name, { name, title: name, description: undefined, version: undefined });
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const sorted = Object.freeze([...entries.values()].sort((a, b) => collator.compare(a.title, b.title)));
  catalogues.set(runtime, sorted);
  return sorted;
}

/** The names alone, for the checks that run on every request. */
export function instanceApplicationNames(runtime: InstanceSource): ReadonlySet<string> {
  let known = names.get(runtime);
  if (!known) {
    known = new Set(instanceApplications(runtime).map((entry) => entry.name));
    names.set(runtime, known);
  }
  return known;
}
