/**
 * The OpenAPI document as one user sees it: without the applications their working collectivité
 * does not use (their paths, tags and the schemas only those paths use). The full document is
 * built once at start; each set of disabled applications gets its copy once.
 */
import type { Actor } from '../../access/actor.ts';
import { API_PREFIX, type OpenApiDocument } from '../openapi.ts';
import type { PathItem, SchemaObject } from '../openapi/types.ts';

const SCHEMA_REF = /"#\/components\/schemas\/([^"]+)"/g;
const MAX_VARIANTS = 64;

function referencedSchemas(value: unknown): Set<string> {
  return new Set([...JSON.stringify(value).matchAll(SCHEMA_REF)].map((match) => match[1] as string));
}

/** The schemas `roots` reach, following the schemas' own references. */
function closure(roots: ReadonlySet<string>, schemas: Readonly<Record<string, unknown>>): Set<string> {
  const reached = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    for (const next of referencedSchemas(schemas[name] ?? null)) if (!reached.has(next)) pending.push(next);
  }
  return reached;
}

export function withoutApplications(document: OpenApiDocument, disabled: ReadonlySet<string>): OpenApiDocument {
  const kept: Record<string, PathItem> = {};
  const removed: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const application = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length + 1).split('/', 1)[0] : undefined;
    if (application !== undefined && disabled.has(application)) removed[path] = item;
    else kept[path] = item;
  }
  const schemas: Readonly<Record<string, SchemaObject>> = document.components.schemas;
  const used = closure(referencedSchemas(kept), schemas);
  const onlyRemoved = closure(referencedSchemas(removed), schemas);
  const keptSchemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name) || !onlyRemoved.has(name)));
  return {
    ...document,
    tags: document.tags.filter((tag) => !disabled.has(tag.name)),
    paths: kept,
    components: { ...document.components, schemas: keptSchemas },
  };
}

const variants = new WeakMap<OpenApiDocument, Map<string, OpenApiDocument>>();

export function openApiFor(document: OpenApiDocument, actor: Actor | undefined): OpenApiDocument {
  const disabled = actor?.disabledApplications;
  if (!disabled || disabled.size === 0) return document;
  const key = [...disabled].sort().join(',');
  let cache = variants.get(document);
  if (!cache) variants.set(document, (cache = new Map()));
  let variant = cache.get(key);
  if (!variant) {
    variant = withoutApplications(document, disabled);
    if (cache.size >= MAX_VARIANTS) cache.clear();
    cache.set(key, variant);
  }
  return variant;
}
