/** Who may import what: the module permission `import`, and `<table>_ajouter` for each import. */
import type { Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import { can, holds } from '../../access/permissions.ts';
import type { ImportSpec } from '../../model/specs.ts';
import type { RegisteredObject, Registry } from '../../model/registry.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/index.ts';
import { actorOf } from '../screens/shared/index.ts';
import { IMPORT_PERMISSION } from './menu.ts';

export interface RunnableImport {
  readonly spec: ImportSpec;
  readonly object: RegisteredObject;
}

/** The signed-in user, holding `import` (else the 403 page). */
export function importUser(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!holds(actor, IMPORT_PERMISSION)) throw HttpError.forbidden();
  return actor;
}

/** An import whose object is served and accepts new rows from this user. */
const mayRun = (actor: Actor, object: RegisteredObject | undefined): object is RegisteredObject =>
  object !== undefined && !object.meta.readOnly && !object.override.readOnly && can(actor, object, 'ajouter');

/** The imports the user may run, by label. */
export function importsFor(actor: Actor, registry: Registry): RunnableImport[] {
  const runnable: RunnableImport[] = [];
  for (const spec of registry.imports.all()) {
    const object = registry.get(spec.app, spec.table);
    if (mayRun(actor, object)) runnable.push({ spec, object });
  }
  return runnable.sort((a, b) => a.spec.label.localeCompare(b.spec.label, 'fr'));
}

/** The import named by `:app` and `:name`: 404 when there is none, 403 without `<table>_ajouter`. */
export function importFromRoute(c: Context<AppEnv>, actor: Actor): RunnableImport {
  const registry = c.get('runtime').registry;
  const spec = registry.imports.get(c.req.param('app') ?? '', c.req.param('name') ?? '');
  const object = spec ? registry.get(spec.app, spec.table) : undefined;
  if (!spec || !object) throw HttpError.notFound();
  if (!mayRun(actor, object)) throw HttpError.forbidden();
  return { spec, object };
}
