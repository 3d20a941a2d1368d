import { Hono, type Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import type { Row } from '../../db/connection.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  runAction,
  ServiceError,
  updateRecord,
  VERSION_FIELD,
} from '../../records/index.ts';
import type { AppEnv } from '../env.ts';
import { serviceDeps } from '../service-deps.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError, jsonError, toHttpError } from '../operations/index.ts';
import { readJsonObject, serializeRow } from './json.ts';
import { listRequestFromQuery } from './list-query.ts';
import { asksForFormat, geoJsonAnswer } from './geojson.ts';

function objectOf(c: Context<AppEnv>): RegisteredObject {
  const object = c.get('runtime').registry.get(c.req.param('app') ?? '', c.req.param('table') ?? '');
  if (!object) throw new ServiceError('not_found', translatorOf(c)('api.unknownObject'));
  return object;
}

function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new ServiceError('forbidden', translatorOf(c)('http.unauthenticated'));
  return actor;
}

const deps = serviceDeps;

const versionOf = (c: Context<AppEnv>, body: Record<string, unknown>) => {
  const fromBody = body[VERSION_FIELD];
  if (typeof fromBody === 'string') return fromBody;
  const ifMatch = c.req.header('if-match');
  return ifMatch ? ifMatch.replace(/^W\//, '').replace(/"/g, '') : undefined;
};

/** Turns a refusal of the service into its JSON error; anything else goes to the error handler. */
async function handle(c: Context<AppEnv>, work: () => Promise<Response>): Promise<Response> {
  if (!c.get('actor')) return jsonError(c, HttpError.unauthorized(translatorOf(c)('access.signInOrUseToken')));
  try {
    return await work();
  } catch (error) {
    // Refusals of the service are answered in JSON here, whatever the client accepts.
    if (error instanceof ServiceError) return jsonError(c, toHttpError(error));
    throw error;
  }
}

/** The REST API of every registered object: `/api/v1/:app/:table[/:id[/:action]]`. */
/** A write's answer: the record, and the hooks' warnings when there are any. */
const writeAnswer = (row: Row, warnings: readonly string[]) => ({ data: serializeRow(row), ...(warnings.length > 0 ? { warnings } : {}) });

export function recordApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const collection = '/api/v1/:app/:table';
  const item = `${collection}/:id`;

  api.get(collection, (c) =>
    handle(c, async () => {
      if (asksForFormat(c)) return geoJsonAnswer(c, actorOf(c), objectOf(c));
      const result = await listRecords(deps(c), actorOf(c), objectOf(c), listRequestFromQuery(c.req.queries(), localeOf(c)));
      return c.json({
        data: result.rows.map(serializeRow),
        meta: { page: result.page, per_page: result.perPage, total: result.total, total_is_estimate: result.totalIsEstimate },
      });
    }),
  );

  api.get(item, (c) =>
    handle(c, async () => {
      const row = await getRecord(deps(c), actorOf(c), objectOf(c), c.req.param('id'));
      c.header('ETag', `"${String(row[VERSION_FIELD])}"`);
      return c.json({ data: serializeRow(row) });
    }),
  );

  api.post(collection, (c) =>
    handle(c, async () => {
      const object = objectOf(c);
      const actor = actorOf(c);
      const body = await readJsonObject(c);
      const warnings: string[] = [];
      const row = await createRecord(deps(c), actor, object, body, { requestId: c.get('requestId'), warnings });
      return c.json(writeAnswer(row, warnings), 201);
    }),
  );

  const update = (partial: boolean) => (c: Context<AppEnv>) =>
    handle(c, async () => {
      const object = objectOf(c);
      const actor = actorOf(c);
      const body = await readJsonObject(c);
      const warnings: string[] = [];
      const row = await updateRecord(deps(c), actor, object, c.req.param('id') ?? '', body, {
        partial,
        version: versionOf(c, body),
        requestId: c.get('requestId'),
        warnings,
      });
      return c.json(writeAnswer(row, warnings));
    });
  api.put(item, update(false));
  api.patch(item, update(true));

  api.delete(item, (c) =>
    handle(c, async () => {
      const object = objectOf(c);
      await deleteRecord(deps(c), actorOf(c), object, c.req.param('id') ?? '', {
        version: versionOf(c, {}),
        requestId: c.get('requestId'),
      });
      return c.body(null, 204);
    }),
  );

  api.post(`${item}/:action`, (c) =>
    handle(c, async () => {
      const object = objectOf(c);
      const actor = actorOf(c);
      const body = c.req.header('content-type')?.includes('application/json') ? await readJsonObject(c) : {};
      const result = await runAction(deps(c), actor, object, c.req.param('id') ?? '', c.req.param('action') ?? '', body, {
        version: versionOf(c, body),
        requestId: c.get('requestId'),
      });
      return c.json({ message: result.message, ...(result.record ? { data: serializeRow(result.record) } : {}) });
    }),
  );

  return api;
}
