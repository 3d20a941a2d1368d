/**
 * The OpenAPI 3.1 description of the REST API (`GET /api/v1/openapi.json`), generated from the
 * registry: one set of paths and schemas per registered object, hidden fields left out, read-only
 * objects with their GET operations only. The output depends only on the registry and the options
 * (objects sorted by application and name, fields in their table order), so that two builds of the
 * same model are identical. Descriptions come from the message catalogue, in `options.locale`.
 */
import { defaultLocale, translator, type Locale, type Translate } from '../i18n/index.ts';
import type { CustomAction } from '../model/override.ts';
import type { Registry, RegisteredObject } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import { isSortableKind } from '../records/list-plan.ts';
import { visibleFields } from '../records/visible-fields.ts';
import { writableFields as serviceWritableFields } from '../records/write-input.ts';
import {
  GEOJSON_SCHEMA,
  fieldSchema,
  geoJsonGeometrySchema,
  schemaRef,
  sortPattern,
  valueSchema,
} from './openapi/fields.ts';
import { appRoutePaths } from './openapi/app-routes.ts';
import { geoJsonParameters, intersectsFilterSchema, isGeometryField } from './api/geojson-openapi.ts';
import type {
  Components,
  OpenApiDocument,
  Operation,
  Parameter,
  PathItem,
  Reference,
  RequestBody,
  Response,
  SchemaObject,
  SecurityRequirement,
  Tag,
} from './openapi/types.ts';

export type { OpenApiDocument } from './openapi/types.ts';

export interface OpenApiOptions {
  title: string;
  version: string;
  /** Public address of the instance (`https://commun.example.fr`); paths are relative to it. */
  serverUrl?: string;
  /** Name of each application (`elections` → « Listes électorales »), for its tag. */
  applications?: Readonly<Record<string, string>>;
  /** Language of the descriptions (default: the process language). */
  locale?: Locale | undefined;
}

export const API_PREFIX = '/api/v1';

/** Tag of operations that belong to no application (`/health`). Capitalised: no app code is. */
const SUPERVISION_TAG = 'Supervision';

const READ_SECURITY: SecurityRequirement[] = [{ bearer: [] }, { session: [] }];
const WRITE_SECURITY: SecurityRequirement[] = [{ bearer: [] }, { session: [], csrf: [] }];

const parameterRef = (name: string): Reference => ({ $ref: `#/components/parameters/${name}` });
const responseRef = (name: string): Reference => ({ $ref: `#/components/responses/${name}` });

const ERROR_RESPONSES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'ValidationFailed',
  500: 'InternalError',
};

/** The shared error responses of an operation, by status. */
function errorResponses(...statuses: number[]): Record<string, Reference> {
  return Object.fromEntries(statuses.map((status) => [String(status), responseRef(ERROR_RESPONSES[status] ?? 'InternalError')]));
}

const json = (schema: SchemaObject) => ({ 'application/json': { schema } });

/** `om_utilisateur` → `OmUtilisateur`: component names allow letters, digits, `.`, `-`, `_` only. */
function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- the object, as the API exposes it ----------------------------------------------------------

interface ObjectView {
  readonly object: RegisteredObject;
  readonly app: string;
  readonly table: string;
  readonly label: string;
  /** Component name prefix: `Elections_Electeur`. */
  readonly base: string;
  readonly fields: readonly FieldMeta[];
  /** Visible fields never written through the API. */
  readonly readOnlyFields: ReadonlySet<string>;
  readonly key: FieldMeta | undefined;
  readonly readOnly: boolean;
  readonly searchColumns: readonly string[];
  readonly defaultSort: readonly string[];
  /** Visible single-column foreign keys: field name → referenced table. */
  readonly foreignKeys: ReadonlyMap<string, string>;
  readonly actions: readonly (readonly [string, CustomAction])[];
}

function viewOf(object: RegisteredObject): ObjectView {
  const { meta, override } = object;
  // The record service decides what is visible and what a client may write; the document says the same.
  const fields = visibleFields(object);
  const visible = new Set(fields.map((field) => field.name));
  const writable = new Set(serviceWritableFields(object, true).map((field) => field.name));
  const readOnlyFields = new Set(fields.filter((field) => !writable.has(field.name)).map((field) => field.name));
  const key = meta.key === null ? undefined : meta.fields.find((field) => field.name === meta.key);
  const foreignKeys = new Map<string, string>();
  for (const foreignKey of meta.foreignKeys) {
    const [column] = foreignKey.columns;
    if (foreignKey.columns.length === 1 && column !== undefined && visible.has(column) && !foreignKeys.has(column)) {
      foreignKeys.set(column, `${foreignKey.target.schema}.${foreignKey.target.table}`);
    }
  }
  const actions = Object.entries(override.actions ?? {}).sort(
    ([nameA, a], [nameB, b]) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || compare(nameA, nameB),
  );
  return {
    object,
    app: object.app,
    table: object.name,
    label: override.label ?? meta.label,
    base: `${pascal(object.app)}_${pascal(object.name)}`,
    fields,
    readOnlyFields,
    key,
    readOnly: meta.readOnly || override.readOnly === true || key === undefined,
    searchColumns: (override.searchColumns ?? meta.searchColumns).filter((name) => visible.has(name)),
    defaultSort: override.defaultSort ?? meta.defaultSort,
    foreignKeys,
    actions,
  };
}

// ---- schemas --------------------------------------------------------------------------------------

function readSchema(view: ObjectView, tr: Translate, locale: Locale): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const field of view.fields) {
    const target = view.foreignKeys.get(field.name);
    properties[field.name] = fieldSchema(field, {
      readOnly: view.readOnlyFields.has(field.name),
      ...(target ? { description: tr('openapi.schema.reference', { target }) } : {}),
      locale,
    });
  }
  for (const [field, target] of view.foreignKeys) {
    properties[`${field}__label`] = {
      type: ['string', 'null'],
      readOnly: true,
      description: tr('openapi.schema.referenceLabel', { target, field }),
    };
  }
  properties._version = { type: 'string', readOnly: true, description: tr('openapi.schema.version') };
  const schema: SchemaObject = {
    type: 'object',
    title: view.label,
    required: view.fields.map((field) => field.name),
    properties,
  };
  const comment = view.object.meta.comment;
  if (comment) schema.description = comment;
  return schema;
}

function inputFields(view: ObjectView): FieldMeta[] {
  return view.fields.filter((field) => !view.readOnlyFields.has(field.name));
}

function inputSchema(view: ObjectView, partial: boolean, tr: Translate, locale: Locale): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  const tenant = view.object.meta.tenantColumn;
  for (const field of inputFields(view)) {
    properties[field.name] = fieldSchema(field, { locale });
    if (!partial && field.required && field.generation === null && field.name !== tenant) required.push(field.name);
  }
  properties._version = {
    type: 'string',
    writeOnly: true,
    description: `${tr('openapi.schema.version')} ${tr('openapi.schema.versionOnCreate')}`,
  };
  const schema: SchemaObject = {
    type: 'object',
    title: tr(partial ? 'openapi.schema.patchTitle' : 'openapi.schema.inputTitle', { label: view.label }),
    properties,
  };
  if (required.length > 0) schema.required = required;
  return schema;
}

function listSchema(view: ObjectView): SchemaObject {
  return {
    type: 'object',
    required: ['data', 'meta'],
    properties: {
      data: { type: 'array', items: schemaRef(view.base) },
      meta: schemaRef('ListMeta'),
    },
  };
}

function itemSchema(view: ObjectView, tr: Translate): SchemaObject {
  return {
    type: 'object',
    required: ['data'],
    properties: { data: schemaRef(view.base), warnings: { type: 'array', items: { type: 'string' }, description: tr('openapi.schema.warnings') } },
  };
}

function actionResultSchema(view: ObjectView, tr: Translate): SchemaObject {
  return {
    type: 'object',
    required: ['message'],
    properties: {
      message: { type: 'string', description: tr('openapi.schema.userMessage') },
      data: schemaRef(view.base),
    },
  };
}

function sharedSchemas(tr: Translate, locale: Locale): Record<string, SchemaObject> {
  return {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'request_id'],
          properties: {
            code: { type: 'string', description: tr('openapi.schema.errorCode') },
            message: { type: 'string', description: tr('openapi.schema.userMessage') },
            fields: {
              type: 'object',
              description: tr('openapi.schema.errorFields'),
              additionalProperties: { type: 'string' },
            },
            request_id: { type: 'string', description: tr('openapi.schema.requestId') },
          },
        },
      },
    },
    ListMeta: {
      type: 'object',
      required: ['page', 'per_page', 'total', 'total_is_estimate'],
      properties: {
        page: { type: 'integer', minimum: 1 },
        per_page: { type: 'integer', minimum: 1, maximum: 500 },
        total: {
          type: ['integer', 'null'],
          minimum: 0,
          description: tr('openapi.schema.total'),
        },
        total_is_estimate: {
          type: 'boolean',
          description: tr('openapi.schema.totalIsEstimate'),
        },
      },
    },
    Health: {
      type: 'object',
      required: ['status', 'database'],
      properties: {
        status: { type: 'string', enum: ['ok', 'error'] },
        database: { type: 'string', enum: ['ok', 'error'] },
      },
    },
    [GEOJSON_SCHEMA]: geoJsonGeometrySchema(locale),
  };
}

// ---- parameters and responses -----------------------------------------------------------------------

function sharedParameters(tr: Translate): Record<string, Parameter> {
  return {
    page: {
      name: 'page',
      in: 'query',
      description: tr('openapi.parameter.page'),
      schema: { type: 'integer', minimum: 1, default: 1 },
    },
    per_page: {
      name: 'per_page',
      in: 'query',
      description: tr('openapi.parameter.perPage', { max: 500 }),
      schema: { type: 'integer', minimum: 1, maximum: 500, default: 15 },
    },
    q: {
      name: 'q',
      in: 'query',
      description: tr('openapi.parameter.q'),
      schema: { type: 'string' },
    },
    count: {
      name: 'count',
      in: 'query',
      description: tr('openapi.parameter.count'),
      schema: { type: 'string', enum: ['exact', 'estimated', 'none'], default: 'estimated' },
    },
  };
}

function errorResponse(description: string): Response {
  return {
    description,
    headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
    content: json(schemaRef('Error')),
  };
}

function sharedResponses(tr: Translate): Record<string, Response> {
  return {
    BadRequest: errorResponse(tr('openapi.response.badRequest')),
    Unauthorized: errorResponse(tr('openapi.response.unauthorized')),
    Forbidden: errorResponse(tr('openapi.response.forbidden')),
    NotFound: errorResponse(tr('openapi.response.notFound')),
    Conflict: errorResponse(tr('openapi.response.conflict')),
    ValidationFailed: errorResponse(tr('openapi.response.validationFailed')),
    InternalError: errorResponse(tr('openapi.response.internalError')),
  };
}

function idParameter(view: ObjectView, tr: Translate, locale: Locale): Parameter {
  const key = view.key!;
  return {
    name: 'id',
    in: 'path',
    required: true,
    description: tr('openapi.parameter.id', { key: key.name }),
    schema: valueSchema(key, locale),
  };
}

/** A field's filter: a value (equality), or operators (`filter[nom][contains]=dup*`). */
function filterSchema(value: SchemaObject, tr: Translate): SchemaObject {
  const operators: SchemaObject = {
    type: 'object',
    description: tr('listing.api.operators'),
    properties: { eq: value, contains: { type: 'string' }, gte: value, lte: value, empty: { type: 'boolean' } },
    additionalProperties: false,
  };
  return { anyOf: [value, operators] };
}

function listParameters(view: ObjectView, tr: Translate, locale: Locale): (Parameter | Reference)[] {
  const parameters: (Parameter | Reference)[] = [parameterRef('page'), parameterRef('per_page')];
  const comparable = view.fields.filter((field) => isSortableKind(field.kind));
  if (comparable.length > 0) {
    const names = comparable.map((field) => field.name);
    const sort = tr('openapi.parameter.sort', { example: names[0] ?? '' });
    const byDefault = view.defaultSort.length > 0 ? ` ${tr('openapi.parameter.sortDefault', { sort: view.defaultSort.join(',') })}` : '';
    parameters.push({
      name: 'sort',
      in: 'query',
      description: `${sort}${byDefault}`,
      schema: { type: 'string', pattern: sortPattern(names) },
    });
  }
  if (view.searchColumns.length > 0) {
    parameters.push(parameterRef('q'), {
      name: 'col',
      in: 'query',
      description: tr('openapi.parameter.col'),
      schema: { type: 'string', enum: [...view.searchColumns] },
    });
  }
  if (comparable.length > 0) {
    const properties: Record<string, SchemaObject> = {};
    for (const field of comparable) properties[field.name] = filterSchema(valueSchema(field, locale), tr);
    for (const field of view.fields.filter(isGeometryField)) properties[field.name] = intersectsFilterSchema(locale);
    parameters.push({
      name: 'filter',
      in: 'query',
      description: tr('listing.api.filter'),
      style: 'deepObject',
      explode: true,
      schema: { type: 'object', properties, additionalProperties: false },
    });
  }
  parameters.push(parameterRef('count'));
  parameters.push(...geoJsonParameters(view.fields, locale));
  return parameters;
}

function operations(view: ObjectView, paths: Record<string, PathItem>, operationIds: Set<string>, tr: Translate, locale: Locale): void {
  const tags = [view.app];
  const label = view.label;
  /** An operation's description, then the permission it needs. */
  const described = (description: string, suffix: string) =>
    `${description} ${tr('openapi.operation.permission', { permission: `${view.table}_${suffix}`, object: view.table })}`;
  const id = (verb: string) => {
    const operationId = `${view.app}.${view.table}.${verb}`;
    if (operationIds.has(operationId)) throw new Error(tr('openapi.duplicateOperationId', { id: operationId }));
    operationIds.add(operationId);
    return operationId;
  };
  const body = (schema: string, description: string): RequestBody => ({
    required: true,
    description,
    content: json(schemaRef(schema)),
  });
  const collectionPath = `${API_PREFIX}/${view.app}/${view.table}`;

  const collection: PathItem = {
    get: {
      operationId: id('list'),
      summary: tr('openapi.operation.listSummary', { label }),
      description: described(tr('openapi.operation.listDescription'), 'tab'),
      tags,
      parameters: listParameters(view, tr, locale),
      responses: {
        '200': { description: tr('openapi.response.list'), content: json(schemaRef(`${view.base}List`)) },
        ...errorResponses(400, 401, 403, 500),
      },
    },
  };
  if (!view.readOnly) {
    collection.post = {
      operationId: id('create'),
      summary: tr('openapi.operation.createSummary', { label }),
      description: described(tr('openapi.operation.createDescription'), 'ajouter'),
      tags,
      security: WRITE_SECURITY,
      requestBody: body(`${view.base}Input`, tr('openapi.operation.createBody')),
      responses: {
        '201': { description: tr('openapi.response.created'), content: json(schemaRef(`${view.base}Item`)) },
        ...errorResponses(400, 401, 403, 409, 422, 500),
      },
    };
  }
  paths[collectionPath] = collection;

  if (!view.key) return;
  const itemPath = `${collectionPath}/{id}`;
  const item: PathItem = {
    parameters: [idParameter(view, tr, locale)],
    get: {
      operationId: id('get'),
      summary: tr('openapi.operation.getSummary', { label }),
      description: described(tr('openapi.operation.getDescription'), 'consulter'),
      tags,
      responses: {
        '200': { description: tr('openapi.response.item'), content: json(schemaRef(`${view.base}Item`)) },
        ...errorResponses(401, 403, 404, 500),
      },
    },
  };
  if (!view.readOnly) {
    const updateResponses: Record<string, Response | Reference> = {
      '200': { description: tr('openapi.response.updated'), content: json(schemaRef(`${view.base}Item`)) },
      ...errorResponses(400, 401, 403, 404, 409, 422, 500),
    };
    item.put = {
      operationId: id('replace'),
      summary: tr('openapi.operation.replaceSummary', { label }),
      description: described(tr('openapi.operation.replaceDescription'), 'modifier'),
      tags,
      security: WRITE_SECURITY,
      requestBody: body(`${view.base}Input`, tr('openapi.operation.replaceBody')),
      responses: updateResponses,
    };
    item.patch = {
      operationId: id('update'),
      summary: tr('openapi.operation.updateSummary', { label }),
      description: described(tr('openapi.operation.updateDescription'), 'modifier'),
      tags,
      security: WRITE_SECURITY,
      requestBody: body(`${view.base}Patch`, tr('openapi.operation.updateBody')),
      responses: updateResponses,
    };
    item.delete = {
      operationId: id('delete'),
      summary: tr('openapi.operation.deleteSummary', { label }),
      description: described(tr('openapi.operation.deleteDescription'), 'supprimer'),
      tags,
      security: WRITE_SECURITY,
      responses: {
        '204': { description: tr('openapi.response.deleted') },
        ...errorResponses(401, 403, 404, 409, 500),
      },
    };
  }
  paths[itemPath] = item;

  if (view.readOnly) return;
  for (const [name, action] of view.actions) {
    const operation: Operation = {
      operationId: id(`action.${name}`),
      summary: tr('openapi.operation.actionSummary', { label, action: action.label }),
      description: described(tr('openapi.operation.actionDescription', { action: action.label }), action.permissionSuffix ?? name),
      tags,
      security: WRITE_SECURITY,
      requestBody: {
        required: false,
        description: tr('openapi.operation.actionBody'),
        content: json({ type: 'object', additionalProperties: true }),
      },
      responses: {
        '200': { description: tr('openapi.response.actionDone'), content: json(schemaRef(`${view.base}ActionResult`)) },
        ...errorResponses(400, 401, 403, 404, 409, 422, 500),
      },
    };
    paths[`${itemPath}/${name}`] = { parameters: [idParameter(view, tr, locale)], post: operation };
  }
}

// ---- the document -------------------------------------------------------------------------------------

export function buildOpenApiDocument(registry: Registry, options: OpenApiOptions): OpenApiDocument {
  const tr = translator(options.locale);
  const locale = options.locale ?? defaultLocale();
  const views = registry
    .all()
    .sort((a, b) => compare(a.app, b.app) || compare(a.name, b.name))
    .map(viewOf);

  const components: Components = {
    schemas: sharedSchemas(tr, locale),
    parameters: sharedParameters(tr),
    responses: sharedResponses(tr),
    headers: {
      XRequestId: {
        description: tr('openapi.security.requestIdHeader'),
        schema: { type: 'string' },
      },
    },
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: tr('openapi.security.bearer'),
      },
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: 'commun_session',
        description: tr('openapi.security.session'),
      },
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: tr('openapi.security.csrf'),
      },
    },
  };

  const paths: Record<string, PathItem> = {};
  const operationIds = new Set<string>();
  const apps = new Set<string>();
  for (const view of views) {
    const names = [view.base, `${view.base}List`, `${view.base}Item`];
    if (!view.readOnly) names.push(`${view.base}Input`, `${view.base}Patch`);
    if (!view.readOnly && view.actions.length > 0) names.push(`${view.base}ActionResult`);
    for (const name of names) {
      if (name in components.schemas) throw new Error(tr('openapi.duplicateSchema', { name }));
    }
    components.schemas[view.base] = readSchema(view, tr, locale);
    components.schemas[`${view.base}List`] = listSchema(view);
    components.schemas[`${view.base}Item`] = itemSchema(view, tr);
    if (!view.readOnly) {
      components.schemas[`${view.base}Input`] = inputSchema(view, false, tr, locale);
      components.schemas[`${view.base}Patch`] = inputSchema(view, true, tr, locale);
      if (view.actions.length > 0) components.schemas[`${view.base}ActionResult`] = actionResultSchema(view, tr);
    }
    operations(view, paths, operationIds, tr, locale);
    apps.add(view.app);
  }

  // The applications' own JSON routes (never named like one of their tables: refused at start).
  const routes = [...registry.apiRoutes()].sort((a, b) => compare(a.app, b.app) || compare(a.path, b.path) || compare(a.method, b.method));
  Object.assign(paths, appRoutePaths(routes, tr));
  for (const route of routes) apps.add(route.app);

  paths['/health'] = {
    get: {
      operationId: 'health',
      summary: tr('openapi.health.summary'),
      description: tr('openapi.health.description'),
      tags: [SUPERVISION_TAG],
      security: [],
      responses: {
        '200': { description: tr('openapi.health.ok'), content: json(schemaRef('Health')) },
        '503': { description: tr('openapi.health.unavailable'), content: json(schemaRef('Health')) },
      },
    },
  };

  const tags: Tag[] = [...apps].sort(compare).map((app) => ({
    name: app,
    description: options.applications?.[app] ?? (app === 'om' ? tr('openapi.tag.framework') : tr('openapi.tag.application', { app })),
  }));
  tags.push({ name: SUPERVISION_TAG, description: tr('openapi.tag.supervision') });

  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, description: tr('openapi.description') },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl.replace(/\/+$/, '') || '/' }] } : {}),
    tags,
    paths,
    components,
    security: READ_SECURITY,
  };
  return document;
}
