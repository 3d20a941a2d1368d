import { sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { actorCache } from '../access/actor-cache.ts';
import { isSystem } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import type { Database, Row, Schema } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { ActionResult, WriteAction, WriteContext, ActionServices } from '../model/override.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import { coerceValue } from './coerce.ts';
import { translateDatabaseError } from './database-errors.ts';
import { forbidden, notFound, ServiceError } from './errors.ts';
import { writeAudit } from './audit.ts';
import { lockRow, selectOne, VERSION_FIELD } from './select.ts';
import { childRowMessages } from './validate.ts';
import { afterWriteOne, beforeWriteOne, runHook } from './hooks.ts';
import { checkWrites, type PendingWrite } from './write-checks.ts';
import { insertRows, updateRow } from './row-sql.ts';
import { applyTenant, readInput } from './write-input.ts';
import { isFileId, markTemporary, type FileStore } from '../files/store.ts';

export interface ServiceDeps {
  readonly db: Database;
  readonly registry: Registry;
  /** Given to custom actions that reach outside the database (e-mail); absent in batch work. */
  readonly services?: ActionServices | undefined;
  /**
   * Language of the messages (refusals, validation): the runtime's `config.locale`. Unset, the
   * process language (`COMMUN_LOCALE`, French by default).
   */
  readonly locale?: Locale | undefined;
  /** Where the files an action releases (`releaseFiles`) are removed once it commits; absent, the sweep of temporary files does it. */
  readonly files?: FileStore | undefined;
}

export interface WriteOptions {
  readonly requestId?: string | undefined;
  /** The `_version` the client saw: a different current version refuses the change. */
  readonly version?: string | undefined;
  /** Every check and hook runs, then the transaction is rolled back: nothing is written (import « Simulation »). */
  readonly simulate?: boolean | undefined;
  /** Receives the hooks' non-blocking warnings (`WriteContext.warn`), once the write is done. */
  readonly warnings?: string[] | undefined;
}

/** Carries a simulated write's result out of the transaction it rolls back. */
class Simulated {
  constructor(readonly result: unknown) {}
}

/**
 * Before anything is read or written: the object accepts writes, the actor holds the permission
 * `<object>_<suffix>` (or the whole object), and shared rows are left to niveau-2 users.
 */
export function authorizeWrite(object: RegisteredObject, actor: Actor, suffix: string, locale: Locale | undefined): void {
  if (object.meta.readOnly || object.override.readOnly) {
    throw new ServiceError('read_only', t('records.readOnly', { object: object.meta.label }, locale));
  }
  if (!can(actor, object, suffix)) throw forbidden(locale);
  ensureMayWriteShared(object, actor, locale);
}

/** A key from a URL: a value that cannot be a key names no record. */
export function parseKey(object: RegisteredObject, raw: string, locale?: Locale): unknown {
  const field = object.meta.fields.find((candidate) => candidate.name === object.meta.key);
  if (!field) throw notFound(locale);
  const result = coerceValue(field, raw, locale);
  if (!result.ok || result.value === null || result.value === undefined) throw notFound(locale);
  return result.value;
}

function checkVersion(previous: Row, version: string | undefined, locale: Locale | undefined): void {
  if (version !== undefined && version !== '' && version !== previous[VERSION_FIELD]) {
    throw new ServiceError('stale_version', t('records.staleVersion', undefined, locale));
  }
}

/** The generated rules, then the override's (see `checkWrites`): the refusal of this one write. */
async function validateAll(trx: Transaction<Schema>, deps: ServiceDeps, object: RegisteredObject, pending: PendingWrite): Promise<void> {
  const [refusal] = await checkWrites(trx, deps.registry, object, [pending], deps.locale);
  if (refusal) throw refusal;
}

function context(
  actor: Actor,
  object: RegisteredObject,
  trx: Transaction<Schema>,
  action: WriteAction,
  values: Row,
  previous: Row | undefined,
  locale: Locale | undefined,
  warnings: string[],
  files: FileStore | undefined,
): WriteContext {
  return { actor, table: object.meta, action, trx, values, previous, locale, warn: (message) => void warnings.push(message), files };
}

/** The warnings of a write that is done go to the caller's list (none of a refused one). */
function deliverWarnings(options: WriteOptions, warnings: readonly string[]): void {
  options.warnings?.push(...warnings);
}

/** Shared rows (see `sharedByAllCollectivites`) are written by niveau-2 users only. */
function ensureMayWriteShared(object: RegisteredObject, actor: Actor, locale: Locale | undefined): void {
  if (object.override.sharedByAllCollectivites && actor.niveau !== '2' && !isSystem(actor)) {
    throw new ServiceError('forbidden', t('records.sharedNiveau2', { object: object.meta.label }, locale));
  }
}

async function treatment<T>(
  deps: ServiceDeps,
  actor: Actor,
  object: RegisteredObject,
  work: (trx: Transaction<Schema>) => Promise<T>,
  simulate = false,
): Promise<T> {
  try {
    const result = await writeAs(deps.db.kysely, actor, async (trx) => {
      const done = await work(trx);
      if (simulate) throw new Simulated(done);
      return done;
    });
    // Users, profiles, permissions and collectivités decide who may do what: forget cached identities.
    if (object.app === 'om') actorCache.clear();
    return result;
  } catch (error) {
    if (error instanceof Simulated) return error.result as T;
    if (error instanceof ServiceError) throw error;
    return translateDatabaseError(error, object.meta, deps.locale, deps.registry);
  }
}

export async function createRecord(deps: ServiceDeps, actor: Actor, object: RegisteredObject, input: Row, options: WriteOptions = {}): Promise<Row> {
  const { locale } = deps;
  authorizeWrite(object, actor, 'ajouter', locale);
  const { values, errors } = readInput(object, input, true, true, locale);
  applyTenant(object, actor, values, true);
  const warnings: string[] = [];
  const created = await treatment(deps, actor, object, async (trx) => {
    await runHook(() => object.override.prepare?.({ actor, table: object.meta, action: 'create', trx, input, values, previous: undefined, locale }));
    const write = context(actor, object, trx, 'create', values, undefined, locale, warnings, deps.files);
    await validateAll(trx, deps, object, { write, currentKey: undefined, merged: values, inputErrors: errors });
    await beforeWriteOne(object.override, write);
    const [stored] = (await insertRows(trx, object, [values])) as [Row];
    const key = object.meta.key ? stored[object.meta.key] : undefined;
    const result = key === undefined ? stored : ((await selectOne(trx, deps.registry, object, actor, key)) ?? stored);
    await afterWriteOne(object.override, write, result);
    await writeAudit(trx, { actor, object, action: 'create', key, before: undefined, after: stored, requestId: options.requestId });
    return result;
  }, options.simulate);
  deliverWarnings(options, warnings);
  return created;
}

export async function updateRecord(
  deps: ServiceDeps,
  actor: Actor,
  object: RegisteredObject,
  rawKey: string,
  input: Row,
  options: WriteOptions & { partial?: boolean } = {},
): Promise<Row> {
  const { locale } = deps;
  authorizeWrite(object, actor, 'modifier', locale);
  const key = parseKey(object, rawKey, locale);
  const { values, errors } = readInput(object, input, false, options.partial === false, locale);
  applyTenant(object, actor, values, false);
  const warnings: string[] = [];
  const updated = await treatment(deps, actor, object, async (trx) => {
    const previous = await lockRow(trx, object, actor, key);
    if (!previous) throw notFound(locale);
    checkVersion(previous, options.version, locale);
    await runHook(() => object.override.prepare?.({ actor, table: object.meta, action: 'update', trx, input, values, previous, locale }));
    const write = context(actor, object, trx, 'update', values, previous, locale, warnings, deps.files);
    await validateAll(trx, deps, object, { write, currentKey: key, merged: { ...previous, ...values }, inputErrors: errors });
    await beforeWriteOne(object.override, write);
    const stored = await updateRow(trx, object, key, values, previous);
    const result = (await selectOne(trx, deps.registry, object, actor, key)) ?? stored;
    await afterWriteOne(object.override, write, result);
    await writeAudit(trx, { actor, object, action: 'update', key, before: previous, after: stored, requestId: options.requestId });
    return result;
  });
  deliverWarnings(options, warnings);
  return updated;
}

export async function deleteRecord(deps: ServiceDeps, actor: Actor, object: RegisteredObject, rawKey: string, options: WriteOptions = {}): Promise<void> {
  const { locale } = deps;
  authorizeWrite(object, actor, 'supprimer', locale);
  const key = parseKey(object, rawKey, locale);
  const warnings: string[] = [];
  await treatment(deps, actor, object, async (trx) => {
    const previous = await lockRow(trx, object, actor, key);
    if (!previous) throw notFound(locale);
    checkVersion(previous, options.version, locale);
    const labelOfTable = (schema: string, table: string) => deps.registry.bySchemaTable(schema, table)?.meta.label ?? table;
    const children = await childRowMessages(trx, object, previous, labelOfTable, locale);
    if (children.length > 0) throw new ServiceError('has_children', t('records.deleteBlocked', { details: children.join(' ') }, locale));
    const write = context(actor, object, trx, 'delete', {}, previous, locale, warnings, deps.files);
    await runHook(() => object.override.beforeWrite?.(write));
    await sql`delete from ${sql.table(`${object.meta.schema}.${object.meta.name}`)} where ${sql.id(object.meta.key as string)} = ${key}`.execute(trx);
    await runHook(() => object.override.afterWrite?.({ ...write, result: undefined }));
    await writeAudit(trx, { actor, object, action: 'delete', key, before: previous, after: undefined, requestId: options.requestId });
  });
  deliverWarnings(options, warnings);
}

/** A custom action of the override, with its own permission suffix and condition. */
export async function runAction(
  deps: ServiceDeps,
  actor: Actor,
  object: RegisteredObject,
  rawKey: string,
  name: string,
  input: Row,
  options: WriteOptions = {},
): Promise<ActionResult> {
  const { locale } = deps;
  const action = object.override.actions?.[name];
  if (!action || !Object.hasOwn(object.override.actions ?? {}, name)) throw notFound(locale);
  if (!can(actor, object, action.permissionSuffix ?? name)) throw forbidden(locale);
  ensureMayWriteShared(object, actor, locale);
  const key = parseKey(object, rawKey, locale);
  const released: string[] = [];
  const done = await treatment(deps, actor, object, async (trx) => {
    const record = await lockRow(trx, object, actor, key);
    if (!record) throw notFound(locale);
    checkVersion(record, options.version, locale);
    if (action.condition && !action.condition(record, actor)) {
      throw new ServiceError('unavailable_action', action.unavailableMessage?.(record, locale) ?? t('records.actionUnavailable', undefined, locale));
    }
    const releaseFiles = async (ids: readonly unknown[]) => {
      const files = ids.filter(isFileId);
      if (files.length === 0) return;
      await markTemporary(trx, files);
      released.push(...files);
    };
    const result = await runHook(() => action.run({ actor, table: object.meta, trx, record, input, locale, services: deps.services, files: deps.files, releaseFiles }));
    const after = await lockRow(trx, object, actor, key);
    await writeAudit(trx, { actor, object, action: name, key, before: record, after, requestId: options.requestId });
    const shown = await selectOne(trx, deps.registry, object, actor, key);
    return shown ? { ...result, record: shown } : result;
  });
  await removeReleased(deps, actor, released);
  return done;
}

/** Once the action has committed: its released files leave the store (a failure waits for the sweep). */
async function removeReleased(deps: ServiceDeps, actor: Actor, ids: readonly string[]): Promise<void> {
  if (!deps.files) return;
  for (const id of ids) {
    try {
      await deps.files.remove(actor, id);
    } catch (error) {
      deps.services?.logger.error({ err: error, file: id }, 'fichier libéré non supprimé (il sera balayé plus tard)');
    }
  }
}
