/**
 * The part of OpenAPI 3.1 that Commun writes (https://spec.openapis.org/oas/v3.1.0).
 * Schemas are JSON Schema 2020-12, as OpenAPI 3.1 uses it.
 */

export type JsonSchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export interface Reference {
  $ref: string;
  summary?: string;
  description?: string;
}

export interface SchemaObject {
  $ref?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  title?: string;
  description?: string;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  default?: unknown;
  examples?: unknown[];
  items?: SchemaObject;
  minItems?: number;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: boolean | SchemaObject;
  required?: string[];
  minProperties?: number;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  readOnly?: boolean;
  writeOnly?: boolean;
  contentEncoding?: string;
  contentMediaType?: string;
}

export interface Contact {
  name?: string;
  url?: string;
  email?: string;
}

export interface Info {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  contact?: Contact;
}

export interface Server {
  url: string;
  description?: string;
}

export interface Tag {
  name: string;
  description?: string;
}

export type ParameterLocation = 'query' | 'header' | 'path' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  description?: string;
  required?: boolean;
  schema: SchemaObject;
  style?: 'form' | 'simple' | 'deepObject';
  explode?: boolean;
  example?: unknown;
}

export interface MediaType {
  schema: SchemaObject;
  example?: unknown;
}

export interface Header {
  description?: string;
  required?: boolean;
  schema: SchemaObject;
}

export interface RequestBody {
  description?: string;
  required?: boolean;
  content: Record<string, MediaType>;
}

export interface Response {
  description: string;
  headers?: Record<string, Header | Reference>;
  content?: Record<string, MediaType>;
}

/** Names of security schemes, each with its (empty) list of scopes; alternatives in an array. */
export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody | Reference;
  responses: Record<string, Response | Reference>;
  security?: SecurityRequirement[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

export type PathItem = {
  summary?: string;
  description?: string;
  parameters?: (Parameter | Reference)[];
} & { [method in HttpMethod]?: Operation };

export type SecurityScheme =
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { type: 'apiKey'; in: 'query' | 'header' | 'cookie'; name: string; description?: string };

export interface Components {
  schemas: Record<string, SchemaObject>;
  parameters: Record<string, Parameter>;
  responses: Record<string, Response>;
  headers: Record<string, Header>;
  securitySchemes: Record<string, SecurityScheme>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Info;
  servers?: Server[];
  tags: Tag[];
  paths: Record<string, PathItem>;
  components: Components;
  security: SecurityRequirement[];
}
