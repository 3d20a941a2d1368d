import type { Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import type { Row } from '../../db/connection.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { listRecords, MAX_PER_PAGE, type ListRequest, type ReadDeps } from '../../records/index.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/index.ts';

export { serviceDeps } from '../service-deps.ts';

/** A framework object (`om`), which is always registered. */
export function frameworkObject(c: Context<AppEnv>, name: string): RegisteredObject {
  const object = c.get('runtime').registry.get('om', name);
  if (!object) throw HttpError.notFound();
  return object;
}

/** Every row of a list request, page after page, through the record service (permissions and scope apply). */
export async function listAll(deps: ReadDeps, actor: Actor, object: RegisteredObject, request: Omit<ListRequest, 'page' | 'perPage' | 'count'>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listRecords(deps, actor, object, { ...request, page, perPage: MAX_PER_PAGE, count: 'none' });
    rows.push(...result.rows);
    if (result.rows.length < MAX_PER_PAGE) return rows;
  }
}

/** The values of a form field that may be repeated (`parseBody({ all: true })`). */
export function formValues(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string');
}

export function formValue(body: Record<string, unknown>, name: string): string {
  return formValues(body, name)[0] ?? '';
}
