/**
 * The addresses of an object's screens (DESIGN.md, Routes). Keys are URL-encoded: a string key
 * may hold any character.
 */
import type { RegisteredObject } from '../../../model/registry.ts';

type Target = Pick<RegisteredObject, 'app' | 'name'>;

const key = (id: unknown) => encodeURIComponent(String(id));
const withQuery = (path: string, query?: URLSearchParams | string) => {
  const text = typeof query === 'string' ? query : query?.toString();
  return text ? `${path}?${text}` : path;
};

export const listUrl = (object: Target, query?: URLSearchParams | string) => withQuery(`/${object.app}/${object.name}`, query);
export const csvUrl = (object: Target, query?: URLSearchParams | string) => withQuery(`/${object.app}/${object.name}.csv`, query);
export const newUrl = (object: Target, query?: URLSearchParams | string) => withQuery(`/${object.app}/${object.name}/new`, query);
export const recordUrl = (object: Target, id: unknown) => `/${object.app}/${object.name}/${key(id)}`;
export const editUrl = (object: Target, id: unknown) => `${recordUrl(object, id)}/edit`;
export const deleteUrl = (object: Target, id: unknown) => `${recordUrl(object, id)}/delete`;
export const actionUrl = (object: Target, id: unknown, action: string) => `${recordUrl(object, id)}/${action}`;
/** The listing of a child table under a parent record (a sub-form tab). */
export const subListUrl = (parent: Target, id: unknown, child: Target, query?: URLSearchParams | string) =>
  withQuery(`${recordUrl(parent, id)}/sub/${child.app === parent.app ? child.name : `${child.app}.${child.name}`}`, query);
/** Download of the file held by a field of a record. */
export const fileUrl = (object: Target, id: unknown, field: string) => `${recordUrl(object, id)}/fichier/${field}`;
