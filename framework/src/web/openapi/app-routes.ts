/**
 * The JSON routes applications declare (`registry.addApiRoute`) in `/api/v1/openapi.json`: their
 * path (`:name` segments as path parameters), query parameters and summary from `route.doc`, who
 * may call them, and the API's shared error responses.
 */
import type { Translate } from '../../i18n/index.ts';
import { PUBLIC_ROUTE, type ApiRoute } from '../../model/app-routes.ts';
import type { HttpMethod, Operation, Parameter, PathItem, Reference, Response, SchemaObject, SecurityRequirement } from './types.ts';

const READ_SECURITY: SecurityRequirement[] = [{ bearer: [] }, { session: [] }];
const WRITE_SECURITY: SecurityRequirement[] = [{ bearer: [] }, { session: [], csrf: [] }];
const ERROR_RESPONSES: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 422: 'ValidationFailed', 500: 'InternalError' };

const responseRef = (status: number): Reference => ({ $ref: `#/components/responses/${ERROR_RESPONSES[status] ?? 'InternalError'}` });

/** `bureau/:code` → `bureau/{code}`. */
const openApiPath = (route: ApiRoute) => `/api/v1/${route.app}/${route.path.replace(/:([a-z_][a-z0-9_]*)/g, '{$1}')}`;

function parameters(route: ApiRoute, tr: Translate): Parameter[] {
  const inPath = [...route.path.matchAll(/:([a-z_][a-z0-9_]*)/g)].map(
    (match): Parameter => ({ name: match[1] as string, in: 'path', required: true, description: tr('appRoutes.openapi.pathParameter', { name: match[1] as string }), schema: { type: 'string' } }),
  );
  const inQuery = (route.doc?.query ?? []).map(
    (parameter): Parameter => ({
      name: parameter.name,
      in: 'query',
      description: parameter.description,
      required: parameter.required ?? false,
      schema: parameter.format ? { type: 'string', format: parameter.format } : { type: 'string' },
      ...(parameter.example !== undefined ? { example: parameter.example } : {}),
    }),
  );
  return [...inPath, ...inQuery];
}

/** JSON, or the file the route says it produces (a text file is a string; bytes have no schema, as OpenAPI 3.1 writes them). */
function answerOf(route: ApiRoute, tr: Translate): Response {
  const produces = route.doc?.produces;
  if (produces === undefined) return { description: tr('appRoutes.openapi.answer'), content: { 'application/json': { schema: {} } } };
  const schema: SchemaObject = produces.startsWith('text/') ? { type: 'string' } : {};
  return { description: tr('appRoutes.openapi.fileAnswer', { mediaType: produces }), content: { [produces]: { schema } } };
}

function operation(route: ApiRoute, tr: Translate): Operation {
  const method = route.method.toLowerCase();
  const isPublic = route.permission === PUBLIC_ROUTE;
  const writes = method !== 'get';
  const access = isPublic ? tr('appRoutes.openapi.public') : route.permission ? tr('appRoutes.openapi.permission', { permission: route.permission }) : tr('appRoutes.openapi.signedIn');
  const errors = [400, ...(isPublic ? [] : [401, 403]), 404, ...(writes ? [422] : []), 500];
  const withParameters = parameters(route, tr);
  const answer = answerOf(route, tr);
  return {
    operationId: `${route.app}.route.${route.path.replace(/[/:]+/g, '.').replace(/^\.|\.$/g, '')}.${method}`,
    summary: route.doc?.summary ?? tr('appRoutes.openapi.summary', { method: route.method, path: route.path, app: route.app }),
    description: [route.doc?.description, access].filter(Boolean).join('\n\n'),
    tags: [route.app],
    ...(withParameters.length > 0 ? { parameters: withParameters } : {}),
    security: isPublic ? [] : writes ? WRITE_SECURITY : READ_SECURITY,
    ...(['post', 'put', 'patch'].includes(method)
      ? { requestBody: { required: true, description: tr('appRoutes.openapi.body'), content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } } } }
      : {}),
    responses: {
      '200': answer,
      '204': { description: tr('appRoutes.openapi.noContent') },
      ...Object.fromEntries(errors.map((status) => [String(status), responseRef(status)])),
    },
  };
}

/** The paths of the routes, to add to the document's. */
export function appRoutePaths(routes: readonly ApiRoute[], tr: Translate): Record<string, PathItem> {
  const paths: Record<string, PathItem> = {};
  for (const route of routes) {
    const item = (paths[openApiPath(route)] ??= {});
    item[route.method.toLowerCase() as HttpMethod] = operation(route, tr);
  }
  return paths;
}
