/**
 * Pages and JSON API routes an application adds besides its objects' screens (a calendar, a
 * dashboard of its own, a computation served to other programs). Declared as data with one
 * handler each, from `Application.register(registry)`:
 *
 *     registry.addApiRoute({ app: 'elections', method: 'GET', path: 'calendrier', permission: 'public', handler });
 *     registry.addPage({ app: 'elections', path: 'calendrier', permission: 'elections.calendrier', title, handler });
 *
 * served at `/api/v1/<app>/<path>` and `/<app>/<path>` (framework/src/web/app-routes). A route's
 * first segment may not be a table of its application: `/api/v1/<app>/<table>` and
 * `/<app>/<table>` stay the object's.
 */
import type { Child } from 'hono/jsx';
import type { FileStore } from '../files/store.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { t } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ReadDeps } from '../records/read.ts';
import type { FieldErrors, Rubrique } from './override.ts';

/** Anyone may call the route, signed in or not. */
export const PUBLIC_ROUTE = 'public';

/** A permission of the route's application: `<app>.<name>` (its own) or `<app>.<table>_<suffix>`. */
export type AppPermission = `${string}.${string}`;

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type PageMethod = 'GET' | 'POST';

/** What every handler receives. `A` is `Actor` on a protected route, `Actor | undefined` on a public one. */
export interface RouteContext<A extends Actor | undefined> {
  readonly app: string;
  /** Who calls: always there on a protected route; on a public one, the signed-in user if any. */
  readonly actor: A;
  /** The `:name` segments of the path. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The language of the answer. */
  readonly locale: Locale;
  /** Shown on error pages and in the logs. */
  readonly requestId: string;
  /**
   * Runs `work` as the actor: the collectivité scope and row-level security apply. Without a
   * signed-in actor (a public route called anonymously) it refuses with a 401.
   */
  readonly read: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  /**
   * Runs read-only `work` with the row-level security of that one collectivité (never « toutes »),
   * signed in or not: for the data an application decides to publish (a public results page). A
   * collectivité that does not exist is a 404.
   */
  readonly readPublic: <T>(collectivite: number, work: (db: Db) => Promise<T>) => Promise<T>;
  /**
   * The instance's file store: a stored file's content (`open`), once the handler has read, as the
   * user, the record that holds it — never a file by its id alone.
   */
  readonly fileStore: FileStore;
}

export interface ApiRouteContext<A extends Actor | undefined> extends RouteContext<A> {
  readonly method: ApiMethod;
  /** The JSON object sent (POST, PUT, PATCH; a body that is not a JSON object is refused with a 400); `{}` otherwise. */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface PageContext<A extends Actor | undefined> extends RouteContext<A> {
  readonly method: PageMethod;
  /** The form's fields on a POST (text fields only; the CSRF field left out); `{}` on a GET. */
  readonly form: Readonly<Record<string, string>>;
  /** To put in every form the page shows: `<input type="hidden" name={csrf.field} value={csrf.token} />`. */
  readonly csrf: { readonly field: string; readonly token: string };
  /** The files of a multipart POST, by field name (a file input left empty is not there); within the instance's upload limit. */
  readonly files: Readonly<Record<string, File>>;
  /** What the records service needs (`createRecord`, `writeBatch`…): a page's writes go through it, as everywhere. */
  readonly service: ReadDeps;
  /** The instance's background jobs: a long write started here is followed in « Mes traitements » (`/traitements`). */
  readonly jobs: JobRunner;
  /** The preferences this browser carries (framework/src/web/preferences.ts). */
  readonly preferences: Readonly<Record<string, string>>;
}

/** A step of a page's breadcrumb (the last one is the page). */
export interface PageCrumb {
  readonly label: string;
  readonly href?: string | undefined;
}

export interface PageMessage {
  readonly kind: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
}

/** A page in the common layout (menu, breadcrumb, messages, skip links). */
export interface PageView {
  /** The document's title and, unless `heading` says otherwise, the `<h1>`. */
  readonly title: string;
  /** `null`: the body writes its own `<h1>`. */
  readonly heading?: string | null;
  /** Default: the rubrique of the page's menu entry (« Application »), then the title. */
  readonly breadcrumb?: readonly PageCrumb[];
  readonly messages?: readonly PageMessage[];
  /** 400 or 422 for a form sent back with its errors. */
  readonly status?: 200 | 400 | 422;
  readonly body: Child;
}

/** After a POST that changed something: back to a page of this site, with a message shown once. */
export interface PageRedirect {
  /** A path of this site (`/elections/calendrier?…`); anything else goes to `/`. */
  readonly redirect: string;
  readonly flash?: PageMessage;
  /** Preferences to keep for this browser (`null` forgets one): framework/src/web/preferences.ts. */
  readonly preferences?: Readonly<Record<string, string | null>>;
}

export type PageAnswer = PageView | PageRedirect;

type Answer<T> = T | Promise<T>;

interface RouteBase {
  readonly app: string;
  /** After `/<app>/` (or `/api/v1/<app>/`): `calendrier`, `bureau-de/:code`. */
  readonly path: string;
}

/** What `/api/v1/openapi.json` says of a JSON route. */
export interface ApiRouteDoc {
  readonly summary: string;
  readonly description?: string;
  /** Its query parameters (the path's `:name` segments are described from the path). */
  readonly query?: readonly {
    readonly name: string;
    readonly description: string;
    readonly required?: boolean;
    /** A date written `AAAA-MM-JJ`. */
    readonly format?: 'date';
    readonly example?: string;
  }[];
  /** The media type of its answer when it is not JSON: `text/csv` for a route answering a `RouteFile`. */
  readonly produces?: string;
}

interface ApiRouteBase extends RouteBase {
  readonly doc?: ApiRouteDoc;
  /** The answer carries an ETag of its body; a request whose If-None-Match matches gets a 304 without body (pages polled by many viewers). */
  readonly etag?: boolean;
}

/** A JSON route. The handler's value is the answer's body (status 200); a `RouteError` is the error JSON of the API. */
export type ApiRoute =
  | (ApiRouteBase & {
      readonly method: ApiMethod;
      readonly permission: typeof PUBLIC_ROUTE;
      readonly handler: (context: ApiRouteContext<Actor | undefined>) => Answer<unknown>;
    })
  | (ApiRouteBase & {
      readonly method: ApiMethod;
      /** Absent: every signed-in user (session or API token). */
      readonly permission?: AppPermission;
      readonly handler: (context: ApiRouteContext<Actor>) => Answer<unknown>;
    });

/** Where a page appears in the main menu (shown to the users who hold its permission). */
export interface PageMenu {
  /** Default: « Application ». */
  readonly rubrique?: Rubrique;
  readonly label: string;
  readonly category?: string;
  readonly order?: number;
}

/** An HTML page: GET shows it, POST (when `methods` has it) handles its forms; the CSRF token is checked before the handler runs. */
export type AppPage =
  | (RouteBase & {
      readonly methods?: readonly PageMethod[];
      readonly permission: typeof PUBLIC_ROUTE;
      readonly menu?: PageMenu;
      readonly handler: (context: PageContext<Actor | undefined>) => Answer<PageAnswer>;
    })
  | (RouteBase & {
      /** Default: GET only. */
      readonly methods?: readonly PageMethod[];
      /** Absent: every signed-in user. Checked before the handler runs (a 403 page otherwise). */
      readonly permission?: AppPermission;
      readonly menu?: PageMenu;
      readonly handler: (context: PageContext<Actor>) => Answer<PageAnswer>;
    });

export type RouteErrorStatus = 400 | 403 | 404 | 409 | 422;

/**
 * A refusal a handler throws: its status and a French message for the user (and one message per
 * field for a 422). The API answers it in its error JSON, a page with the error page.
 */
export class RouteError extends Error {
  override readonly name = 'RouteError';

  constructor(
    readonly status: RouteErrorStatus,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  static badRequest(message: string, fields?: FieldErrors): RouteError {
    return new RouteError(400, message, fields);
  }

  static forbidden(message: string): RouteError {
    return new RouteError(403, message);
  }

  static notFound(message: string): RouteError {
    return new RouteError(404, message);
  }

  static validation(message: string, fields: FieldErrors): RouteError {
    return new RouteError(422, message, fields);
  }
}

/**
 * A file a JSON route answers instead of JSON (a CSV for another program, a download linked from a
 * page): sent as it is with its type and `Content-Disposition: attachment` under `filename`.
 */
export class RouteFile {
  constructor(
    readonly body: string | Uint8Array,
    /** `text/csv; charset=utf-8`… */
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

// ---- declarations checked at start-up ----------------------------------------------------------

const APP_NAME = /^[a-z][a-z0-9_]*$/;
const FIXED_SEGMENT = /^[a-z0-9][a-z0-9_-]*$/;
const PARAM_SEGMENT = /^:[a-z_][a-z0-9_]*$/;

/** The table a route's path would shadow: its first segment. */
export const firstSegment = (path: string): string => path.split('/', 1)[0] ?? '';

/** The permission a route requires, if any. */
export function routePermission(route: ApiRoute | AppPage): AppPermission | undefined {
  return route.permission === PUBLIC_ROUTE ? undefined : route.permission;
}

/**
 * Refuses a badly written declaration (an error at start, in French): the application's name,
 * the path's shape, a permission of another application.
 */
export function checkRouteDeclaration(route: ApiRoute | AppPage): void {
  const { app, path } = route;
  if (!APP_NAME.test(app) || app === 'om') throw new Error(t('appRoutes.declaration.invalidApp', { app, path }));
  const segments = path.split('/');
  const wellFormed = segments.every((segment, index) => FIXED_SEGMENT.test(segment) || (index > 0 && PARAM_SEGMENT.test(segment)));
  if (!wellFormed) throw new Error(t('appRoutes.declaration.invalidPath', { app, path }));
  const permission = routePermission(route);
  if (permission !== undefined && !permission.startsWith(`${app}.`)) {
    throw new Error(t('appRoutes.declaration.foreignPermission', { app, path, permission }));
  }
}

/** The refusal of a route named like a table of its application. */
export function tableCollision(app: string, path: string): Error {
  return new Error(t('appRoutes.declaration.tableCollision', { app, path, table: firstSegment(path) }));
}

/**
 * The routes' permissions an application does not declare (`Application.permissions`) and that are
 * not permissions of its objects: each would be a page nobody can be given.
 */
export function undeclaredRoutePermission(
  routes: readonly (ApiRoute | AppPage)[],
  declared: readonly string[],
  objectNames: readonly string[],
): { route: ApiRoute | AppPage; permission: string } | undefined {
  for (const route of routes) {
    const permission = routePermission(route);
    if (permission === undefined || declared.includes(permission)) continue;
    const onObject = objectNames.some((name) => permission === `${route.app}.${name}` || permission.startsWith(`${route.app}.${name}_`));
    if (!onObject) return { route, permission };
  }
  return undefined;
}
