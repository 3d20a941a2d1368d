import type { RawBuilder, Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Row, Schema } from '../db/connection.ts';
import type { Locale } from '../i18n/locales.ts';
import type { TableMeta } from './types.ts';

/** Field name → French message. */
export type FieldErrors = Record<string, string>;

export type WriteAction = 'create' | 'update' | 'delete';

export interface WriteContext {
  readonly actor: Actor;
  readonly table: TableMeta;
  readonly action: WriteAction;
  /** Inside the treatment's transaction: a hook's writes commit or roll back with it. */
  readonly trx: Transaction<Schema>;
  /** The values about to be written (create, update), already coerced and validated. */
  readonly values: Row;
  /** The row as it was before (update, delete). */
  readonly previous: Row | undefined;
  /** Language of the messages the hook gives (the runtime's). */
  readonly locale: Locale | undefined;
}

/** Thrown by a hook or an action to refuse a treatment with a message for the user. */
export class Veto extends Error {
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

/** Before validation: turn extra inputs into column values (e.g. a password into its hash). */
export interface PrepareContext {
  readonly actor: Actor;
  readonly table: TableMeta;
  readonly action: 'create' | 'update';
  readonly trx: Transaction<Schema>;
  /** Everything the client sent, including the override's extra inputs. */
  readonly input: Readonly<Row>;
  /** Coerced column values about to be validated and written; the hook may change them. */
  readonly values: Row;
  readonly previous: Row | undefined;
  readonly locale: Locale | undefined;
}

export interface ActionContext {
  readonly actor: Actor;
  readonly table: TableMeta;
  readonly trx: Transaction<Schema>;
  readonly record: Row;
  /** Values posted with the action (form or JSON body). */
  readonly input: Row;
  readonly locale: Locale | undefined;
}

export interface ActionResult {
  readonly message: string;
  readonly record?: Row;
}

/** A custom action on one record (`/:app/:table/:id/:action`), with its own permission. */
export interface CustomAction {
  readonly label: string;
  /** Permission `<table>_<suffix>`; defaults to the action's name. */
  readonly permissionSuffix?: string;
  /** Whether the action applies to this record (a failing condition: « Cette action n'est pas disponible. »). */
  readonly condition?: (record: Row, actor: Actor) => boolean;
  readonly run: (context: ActionContext) => Promise<ActionResult>;
  /** Shown in the record's portlet, sorted by order. */
  readonly order?: number;
}

/**
 * What an application writes by hand for one object: plain data first, functions only for
 * behaviour. Regeneration never touches it.
 */
export interface ObjectOverride {
  readonly label?: string;
  readonly searchColumns?: readonly string[];
  readonly defaultSort?: readonly string[];
  /** Never sent to clients, never writable through the generic service (e.g. password hashes). */
  readonly hiddenFields?: readonly string[];
  /** Shown but never written through the generic service. */
  readonly readOnlyFields?: readonly string[];
  /** Forbids every write through the generic service (audit log, vocabulary…). */
  readonly readOnly?: boolean;
  /**
   * Rows shared by every collectivité (profiles, permissions…): only a niveau-2 user writes them,
   * so that one town's administrator cannot change what the others use.
   */
  readonly sharedByAllCollectivites?: boolean;
  /**
   * An extra condition on every read and write of the object, on alias `t` (e.g. API tokens:
   * only those of users the actor can see). Undefined: no restriction.
   */
  readonly scope?: (actor: Actor) => RawBuilder<unknown> | undefined;
  /** Inputs that are not columns but that `prepare` understands (e.g. `password`). */
  readonly extraInputs?: readonly string[];
  readonly prepare?: (context: PrepareContext) => void | Promise<void>;
  /** Extra rules after the generated ones: return the messages per field (empty when valid). */
  readonly validate?: (context: WriteContext) => FieldErrors | Promise<FieldErrors>;
  readonly beforeWrite?: (context: WriteContext) => void | Promise<void>;
  readonly afterWrite?: (context: WriteContext & { readonly result: Row | undefined }) => void | Promise<void>;
  readonly actions?: Readonly<Record<string, CustomAction>>;
}
