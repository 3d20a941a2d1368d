import type { Context } from 'hono';
import type { Row } from '../../db/connection.ts';
import { ServiceError } from '../../records/errors.ts';
import type { AppEnv } from '../env.ts';
import { translatorOf } from '../locale.ts';

/** JSON-safe copy of a row: dates as ISO strings, binary data as base64. */
export function serializeRow(row: Row): Row {
  const copy: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (value instanceof Date) copy[name] = value.toISOString();
    else if (value instanceof Uint8Array) copy[name] = Buffer.from(value).toString('base64');
    else if (typeof value === 'bigint') copy[name] = value.toString();
    else copy[name] = value;
  }
  return copy;
}

/** The request body as an object: JSON for the API; anything else is a 400. */
export async function readJsonObject(c: Context<AppEnv>): Promise<Row> {
  const tr = translatorOf(c);
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) throw new ServiceError('bad_request', tr('api.jsonContentType'));
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ServiceError('bad_request', tr('api.invalidJson'));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ServiceError('bad_request', tr('api.jsonObjectExpected'));
  }
  return body as Row;
}
