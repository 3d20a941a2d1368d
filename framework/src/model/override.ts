import type { RawBuilder, Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db, Row, Schema } from '../db/connection.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Localisateur } from '../maps/localiser.ts';
import type { Logger } from 'pino';
import type { FileStore } from '../files/store.ts';
import type { Mailer } from '../runtime.ts';
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
  /**
   * A non-blocking warning for the user (« Homonyme possible : … »): the write goes on; once it is
   * saved, the form shows it on the next page and the API returns it in `warnings`.
   */
  readonly warn: (message: string) => void;
  /**
   * The instance's file store, to read or write a file's content inside the write (a scan stamped
   * as it is registered); absent when the caller runs without one (batch work): a hook needing it refuses.
   */
  readonly files: FileStore | undefined;
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

/** What an action may use beyond its transaction: e-mail, the instance's address, the log. */
export interface ActionServices {
  readonly mailer: Mailer;
  readonly logger: Pick<Logger, 'error' | 'warn' | 'info'>;
  /** The instance's public address (links in e-mails). */
  readonly baseUrl: string;
  readonly locale: Locale;
}

export interface ActionContext {
  readonly actor: Actor;
  readonly table: TableMeta;
  readonly trx: Transaction<Schema>;
  readonly record: Row;
  /** Values posted with the action (form or JSON body). */
  readonly input: Row;
  readonly locale: Locale | undefined;
  /** Absent when the caller runs without them (batch work): an action needing them refuses. */
  readonly services: ActionServices | undefined;
  /** The instance's file store (a letter's PDF to send); absent as `services` is. */
  readonly files: FileStore | undefined;
  /**
   * Stored files (`om_fichier` ids) the action lets go, e.g. those of rows it deletes: they are
   * marked temporary in the action's transaction (so a rollback keeps them), then removed from the
   * file store once it commits; a removal that fails is left to the sweep of temporary files.
   */
  readonly releaseFiles: (ids: readonly unknown[]) => Promise<void>;
}

export interface ActionResult {
  readonly message: string;
  readonly record?: Row;
  /**
   * Where the screens go once the action is done, a path of this site (`/elections/mouvement/12`:
   * the record the action created); default: the record's page. Ignored unless it starts with one `/`.
   */
  readonly redirect?: string;
}

/** A value the action asks for on its confirmation page (a reason, a type), posted as its input. */
export interface ActionInput {
  readonly name: string;
  readonly label: string;
  readonly widget: 'text' | 'textarea' | 'select';
  /** Marked « * »; the action itself refuses an empty value (a `Veto` naming the field). */
  readonly required?: boolean;
  readonly help?: string;
  /** The options of a `select`, read when the page is shown. */
  readonly choices?: (context: ChoicesContext) => Promise<readonly Choice[]>;
}

/** A custom action on one record (`/:app/:table/:id/:action`), with its own permission. */
export interface CustomAction {
  readonly label: string;
  /** Permission `<table>_<suffix>`; defaults to the action's name. */
  readonly permissionSuffix?: string;
  /** Whether the action applies to this record (a failing condition: « Cette action n'est pas disponible. »). */
  readonly condition?: (record: Row, actor: Actor) => boolean;
  /** Why the condition fails for this record (« Ce mouvement est déjà transmis… »), instead of the generic message. */
  readonly unavailableMessage?: (record: Row, locale: Locale | undefined) => string;
  readonly run: (context: ActionContext) => Promise<ActionResult>;
  /** Shown in the record's portlet, sorted by order. */
  readonly order?: number;
  /** Also offered on each row of the listing (when the condition holds for that row). */
  readonly inListing?: boolean;
  /** Values asked on the confirmation page, before its button. */
  readonly inputs?: readonly ActionInput[];
}

/**
 * A link of the record's portlet to a page of the application (« Soirée électorale » on an
 * election): plain navigation, unlike an action, which changes something behind a confirmation.
 */
export interface RecordLink {
  readonly label: string;
  /** A path of this site for this record (`/resultats/suivi/12`). */
  readonly href: (record: Row) => string;
  /**
   * Shown to users holding one of these (openMairie's rule: `resultats.election_consulter` is also
   * held through `resultats.election`); absent: to everyone who sees the record.
   */
  readonly permissions?: readonly string[];
  /** Whether the link applies to this record (a seats page for municipal elections only). */
  readonly condition?: (record: Row) => boolean;
  /** Shown after the actions, sorted by order. */
  readonly order?: number;
}

/** A document that prints an object's records: an état or a lettre type, by its `id`. */
export interface DocumentRef {
  readonly kind: 'etat' | 'lettretype';
  readonly id: string;
}

/** Which of an object's documents apply to one record (the others are neither offered nor printed). */
export interface DocumentsDeclaration {
  /** Whether `document` applies to `record` (the record as its consult page reads it); absent: every one. */
  readonly available: (record: Row, document: DocumentRef) => boolean;
  /** Why it does not (« La lettre de refus ne s'imprime que pour un mouvement refusé. »); undefined: the generic message. */
  readonly unavailableMessage?: (record: Row, document: DocumentRef, locale: Locale | undefined) => string | undefined;
}

// ---- screens: what the listing, form and menu show (plain data) ----------------------------------

/** The menu's rubriques, in openMairie's order. */
export type Rubrique = 'application' | 'export' | 'traitement' | 'parametrage' | 'administration';
export const RUBRIQUES: readonly Rubrique[] = ['application', 'export', 'traitement', 'parametrage', 'administration'];

/** Where an object appears in the menu (default: `application` for an application's objects). */
export interface MenuPlacement {
  readonly rubrique: Rubrique;
  /** A heading inside the rubrique (« Gestion des utilisateurs »). */
  readonly category?: string;
  /** Position inside the rubrique, ascending (default 100, then by label). */
  readonly order?: number;
  /** The entry's text (default: the object's label). */
  readonly label?: string;
}

/**
 * A heading of an application's menu that keeps its place among the others: its entries take the
 * orders `base + 1 … base + 99` (a heading is placed by its first entry).
 */
export interface MenuHeading {
  /** The heading shown in the menu. */
  readonly category: string;
  /** The first order of the heading. */
  readonly base: number;
}

/** An entry under `heading` of `rubrique`, at `rank` (1–99) inside it. */
export const placeUnder = (rubrique: Rubrique, heading: MenuHeading, rank: number, label: string): MenuPlacement => ({
  rubrique,
  category: heading.category,
  order: heading.base + rank,
  label,
});

/** How a criterion of the advanced search is asked. */
export type CriterionKind = 'text' | 'select' | 'dateRange' | 'boolean';

/**
 * One criterion of an object's advanced search. Criteria are combined with AND. The default kind
 * comes from the field: foreign key or enum → select (strict equality), date or timestamp →
 * dateRange (two bounds, included), boolean → boolean (Oui / Non / indifférent), else text
 * (accent- and case-insensitive, `*` wildcard).
 */
export interface SearchCriterion {
  readonly field: string;
  readonly kind?: CriterionKind;
  readonly label?: string;
}

/** The widgets a form field can be shown with. */
export type WidgetKind =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'time'
  | 'datetime'
  | 'checkbox'
  | 'select'
  | 'autocomplete'
  | 'email'
  | 'url'
  | 'password'
  | 'hidden'
  | 'static'
  | 'richtext'
  /** The HTML of an état's or a lettre type's title or body (`documents/template-html.ts`), with its editor. */
  | 'template'
  | 'file'
  | 'color'
  /** A geometry column: a map to draw on and its WKT text (`web/screens/carte/field-map.tsx`). */
  | 'geometry';

/** A group of fields of a form: a `<fieldset>` with its legend, or an untitled block. */
export interface FormSection {
  readonly legend?: string;
  readonly fields: readonly string[];
  /** Fields side by side on wide screens (default 1). */
  readonly columns?: 1 | 2 | 3;
  /** The section can be folded (`<details>`); `collapsed` starts it folded. */
  readonly collapsible?: boolean;
  readonly collapsed?: boolean;
}

/** The sub-forms (child tables) of an object's record page. */
export interface SubFormsDeclaration {
  /** Child table names in the order of their tabs; the others follow by label. */
  readonly order?: readonly string[];
  /** Tab titles by child table name (default: the child's label). */
  readonly titles?: Readonly<Record<string, string>>;
  /** Child tables not shown as sub-forms. */
  readonly hidden?: readonly string[];
}

/** What `defaultCriteria` may read: the signed-in user and this browser's preferences (web/preferences.ts). */
export interface DefaultCriteriaContext {
  readonly actor: Actor;
  readonly preferences: Readonly<Record<string, string>>;
}

/** What the screens of an object show, beyond what the metadata gives. */
export interface ScreensDeclaration {
  /** The menu entry; `false`: no entry (the object is reached from another one). */
  readonly menu?: MenuPlacement | false;
  /** Columns of the listing, in order (default: every visible field). */
  readonly listColumns?: readonly string[];
  /** The advanced search form; absent: simple search only. */
  readonly advancedSearch?: readonly SearchCriterion[];
  /**
   * Criteria a listing opened without any parameter starts with (`{ 'filter[liste]': 'LP' }`), from
   * a preference of the browser: the listing redirects to them, so they show in the search form and
   * « Effacer » removes them. None: the whole listing.
   */
  readonly defaultCriteria?: (context: DefaultCriteriaContext) => Readonly<Record<string, string>> | undefined;
  /** Widget per field, when the type's default is not the right one. */
  readonly widgets?: Readonly<Record<string, WidgetKind>>;
  /** The form's layout; fields not named go, in order, into a last untitled block. */
  readonly formLayout?: readonly FormSection[];
  readonly subForms?: SubFormsDeclaration;
  /** Fields a file is uploaded into (a `uuid` or text column holding the file's id). */
  readonly fileFields?: Readonly<Record<string, FileFieldRules>>;
  /** Labels of fields and of extra inputs (`password`), when the generated one is not right. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Fixed choices of a field that is not a foreign key (a `select` widget): value and label. */
  readonly choices?: Readonly<Record<string, readonly Choice[]>>;
  /**
   * Choices read when the form is shown (the registered objects, the collectivité's logos), for a
   * field that is not a foreign key: a `select` widget, the record's current value always kept.
   */
  readonly dynamicChoices?: Readonly<Record<string, (context: ChoicesContext) => Promise<readonly Choice[]>>>;
  /**
   * Extra inputs shown in the form (`extraInputs` of the override), in order, with their widget
   * (`widgets`) and label (`labels`); `whenCreating`/`whenEditing` say in which modes.
   */
  readonly extraFields?: readonly ExtraField[];
  /** Help shown under a field (« 5 caractères maximum… »), by field name. */
  readonly help?: Readonly<Record<string, string>>;
  /**
   * Reference fields whose choices include the rows whose validity has ended: a birthplace may be a
   * former commune. (By default an ended row is kept as a current value, never offered.)
   */
  readonly expiredChoices?: readonly string[];
  /**
   * Criteria on the referenced object that the choices of a reference field must meet, as its
   * listing's filters (`{ correspondant: { frequent: 'true' } }`: only the frequent correspondents
   * are offered, in the list and the autocomplete). An offer, not a rule: a current value that does
   * not meet them is kept, and the service does not refuse it.
   */
  readonly choiceFilters?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** What computing a form's choices may use: the user, the language, the database (read with `readAs`, as the user or the framework). */
export interface ChoicesContext {
  readonly actor: Actor;
  readonly locale: Locale | undefined;
  readonly db: Db;
  /** An application's title as its users know it (« Registre RGPD »); undefined when it declares none. */
  readonly applicationTitle?: (app: string) => string | undefined;
}

export interface ExtraField {
  readonly name: string;
  readonly whenCreating?: boolean;
  readonly whenEditing?: boolean;
  /** Required when creating (marked « * »). */
  readonly requiredWhenCreating?: boolean;
}

/** Limits of an uploaded file. */
export interface FileFieldRules {
  /** In bytes (default: the instance's maximum). */
  readonly maxBytes?: number;
  /** Accepted MIME types (default: PDF, images, office documents, text). */
  readonly types?: readonly string[];
  /** An image shown as such (consult page, listing), served from the record's file address. */
  readonly preview?: boolean;
}

/**
 * What an application writes by hand for one object: plain data first, functions only for
 * behaviour. Regeneration never touches it.
 */
/** A computed line of a record's page: a term and its value, as text. */
export interface RecordFact {
  readonly label: string;
  readonly value: string;
}

export interface FactsContext {
  /** The database (the framework's connection: read only what the actor may see of this record). */
  readonly db: Db;
  readonly actor: Actor;
  readonly record: Row;
  readonly locale: Locale;
}

export interface ObjectOverride {
  readonly label?: string;
  /**
   * How a row is named among the choices of a reference field (list, autocomplete), when its label
   * alone is ambiguous: « Saint-Martin (32) » for one of the communes of that name.
   */
  readonly choiceLabel?: (row: Row) => string;
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
  /**
   * Batch forms of the hooks, for the import (many rows in one transaction). `validateBatch`
   * returns one entry per context, in order. A `Veto` thrown by a batch hook refuses every line of
   * the batch. An object with `beforeWrite` or `afterWrite` but not their batch form is imported
   * one row at a time (a savepoint each): it works, only slower.
   */
  readonly validateBatch?: (contexts: readonly WriteContext[]) => readonly FieldErrors[] | Promise<readonly FieldErrors[]>;
  readonly beforeWriteBatch?: (contexts: readonly WriteContext[]) => void | Promise<void>;
  readonly afterWriteBatch?: (contexts: readonly (WriteContext & { readonly result: Row })[]) => void | Promise<void>;
  readonly actions?: Readonly<Record<string, CustomAction>>;
  /** Links of the record's page to the application's pages about it. */
  readonly links?: readonly RecordLink[];
  /**
   * Read-only lines the record's page shows below its fields, computed when it is shown from what
   * the record's row does not hold (whether an account has two-factor sign-in on…). Never in
   * listings, exports or the API.
   */
  readonly facts?: (context: FactsContext) => Promise<readonly RecordFact[]>;
  /**
   * Whether this record may be deleted by this actor (e.g. not one's own account): the screens
   * hide « Supprimer » when false; the service must refuse it too (a hook's `Veto`).
   */
  readonly canDelete?: (record: Row, actor: Actor) => boolean;
  /** Documents that apply to some records only: the consult page offers, and the print route accepts, those only. */
  readonly documents?: DocumentsDeclaration;
  readonly screens?: ScreensDeclaration;
  /** « Localiser » an address typed in the form into the geometry field (maps/localiser.ts). */
  readonly localiser?: Localisateur;
}
