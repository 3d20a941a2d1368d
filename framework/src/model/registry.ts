import { checkRouteDeclaration, firstSegment, routePermission, tableCollision, type ApiRoute, type AppPage } from './app-routes.ts';
import { Catalogue } from './catalogue.ts';
import type { DailyTask, DocumentSourceSpec, MenuEntry, ServerWidget } from './extensions.ts';
import type { ObjectOverride } from './override.ts';
import type { ImportSpec, ListingPdfSpec, StoredQuerySpec } from './specs.ts';
import type { TableMeta } from './types.ts';
import { t } from '../i18n/index.ts';

/** A business object the runtime serves: generated metadata plus its hand-written override. */
export interface RegisteredObject {
  readonly app: string;
  readonly name: string;
  readonly meta: TableMeta;
  readonly override: ObjectOverride;
}

/**
 * The labels an override corrects (`label`, `screens.labels`) become the metadata's, so that every
 * screen, message, export and the API documentation say the same words.
 */
function withOverriddenLabels(meta: TableMeta, override: ObjectOverride): TableMeta {
  const labels = override.screens?.labels ?? {};
  if (override.label === undefined && Object.keys(labels).length === 0) return meta;
  return {
    ...meta,
    label: override.label ?? meta.label,
    fields: meta.fields.map((field) => (Object.hasOwn(labels, field.name) ? { ...field, label: labels[field.name] ?? field.label } : field)),
  };
}

/** The objects of every enabled application, looked up by application and table name. */
export class Registry {
  readonly #objects = new Map<string, RegisteredObject>();
  readonly #menuEntries: MenuEntry[] = [];
  readonly #widgets = new Map<string, ServerWidget>();
  readonly #apiRoutes = new Map<string, ApiRoute>();
  readonly #pages = new Map<string, AppPage>();
  readonly #dailyTasks = new Map<string, DailyTask>();
  /** « Export › Requêtes mémorisées ». */
  readonly storedQueries = new Catalogue<StoredQuerySpec>('requête mémorisée', (query) => query.name);
  /** « Administration › Import ». */
  readonly imports = new Catalogue<ImportSpec>('import', (spec) => spec.name);
  /** The PDF listing of each object that has one, by table name. */
  readonly listingPdfs = new Catalogue<ListingPdfSpec>('édition PDF', (spec) => spec.table);
  /** Data sources declared in code (`om_requete.type = 'objet'`), by name. */
  readonly documentSources = new Catalogue<DocumentSourceSpec>('source de données', (spec) => spec.name);

  /** A menu entry for a page that is not an object's listing. */
  addMenuEntry(entry: MenuEntry): void {
    this.#menuEntries.push(entry);
  }

  menuEntries(): readonly MenuEntry[] {
    return this.#menuEntries;
  }

  /** A server widget the dashboard can show (`om_widget.type = 'file'`, `lien` = its id). */
  addWidget(widget: ServerWidget): void {
    if (this.#widgets.has(widget.id)) throw new Error(`widget ${widget.id} déjà enregistré`);
    this.#widgets.set(widget.id, widget);
  }

  widget(id: string): ServerWidget | undefined {
    return this.#widgets.get(id);
  }

  widgets(): readonly ServerWidget[] {
    return [...this.#widgets.values()];
  }

  /**
   * A JSON route of an application, served at `/api/v1/<app>/<path>` (framework/src/web/app-routes).
   * Refused (an error at start) when badly written, declared twice, or named like a table of the
   * application, whichever is registered first.
   */
  addApiRoute(route: ApiRoute): void {
    checkRouteDeclaration(route);
    const id = `${route.method} ${route.app}/${route.path}`;
    if (this.#apiRoutes.has(id)) throw new Error(t('appRoutes.declaration.duplicate', { app: route.app, method: route.method, path: route.path }));
    this.#refuseTableName(route.app, route.path);
    this.#apiRoutes.set(id, route);
  }

  apiRoutes(): readonly ApiRoute[] {
    return [...this.#apiRoutes.values()];
  }

  /** An HTML page of an application, served at `/<app>/<path>` in the common layout; same checks as `addApiRoute`. */
  addPage(page: AppPage): void {
    checkRouteDeclaration(page);
    const id = `${page.app}/${page.path}`;
    if (this.#pages.has(id)) throw new Error(t('appRoutes.declaration.duplicate', { app: page.app, method: 'GET', path: page.path }));
    this.#refuseTableName(page.app, page.path);
    this.#pages.set(id, page);
    if (page.menu) {
      const permission = routePermission(page);
      this.addMenuEntry({
        rubrique: page.menu.rubrique ?? 'application',
        label: page.menu.label,
        href: `/${page.app}/${page.path}`,
        permissions: permission ? [permission] : [],
        ...(page.menu.category !== undefined ? { category: page.menu.category } : {}),
        ...(page.menu.order !== undefined ? { order: page.menu.order } : {}),
      });
    }
  }

  pages(): readonly AppPage[] {
    return [...this.#pages.values()];
  }

  /** Work to do once a day (jobs/daily.ts runs it). */
  addDailyTask(task: DailyTask): void {
    if (this.#dailyTasks.has(task.id)) throw new Error(`tâche quotidienne ${task.id} déjà enregistrée`);
    this.#dailyTasks.set(task.id, task);
  }

  dailyTasks(): readonly DailyTask[] {
    return [...this.#dailyTasks.values()];
  }

  #refuseTableName(app: string, path: string): void {
    if (this.#objects.has(`${app}/${firstSegment(path)}`)) throw tableCollision(app, path);
  }

  register(generated: TableMeta, override: ObjectOverride = {}): RegisteredObject {
    const meta = withOverriddenLabels(generated, override);
    const shadowing = [...this.#apiRoutes.values(), ...this.#pages.values()].find(
      (route) => route.app === meta.app && firstSegment(route.path) === meta.name,
    );
    if (shadowing) throw tableCollision(shadowing.app, shadowing.path);
    const object: RegisteredObject = { app: meta.app, name: meta.name, meta, override };
    this.#objects.set(`${meta.app}/${meta.name}`, object);
    return object;
  }

  get(app: string, name: string): RegisteredObject | undefined {
    return this.#objects.get(`${app}/${name}`);
  }

  /** The object a foreign key points to, when it is registered. */
  bySchemaTable(schema: string, table: string): RegisteredObject | undefined {
    for (const object of this.#objects.values()) {
      if (object.meta.schema === schema && object.meta.name === table) return object;
    }
    return undefined;
  }

  all(): RegisteredObject[] {
    return [...this.#objects.values()];
  }

  /**
   * Adds to each object the foreign keys of the other registered objects that point at it. The
   * framework's modules are generated from the framework's schema alone, so they cannot know that
   * an application's table references `om_collectivite`; the deletion check must still count it.
   */
  linkIncomingReferences(): void {
    for (const [id, object] of this.#objects) {
      const incoming = [...object.meta.referencedBy];
      for (const other of this.#objects.values()) {
        for (const foreignKey of other.meta.foreignKeys) {
          if (foreignKey.target.schema !== object.meta.schema || foreignKey.target.table !== object.meta.name) continue;
          const known = incoming.some(
            (reference) =>
              reference.source.schema === other.meta.schema &&
              reference.source.table === other.meta.name &&
              reference.columns.join(',') === foreignKey.columns.join(','),
          );
          if (known) continue;
          incoming.push({
            name: foreignKey.name,
            source: { schema: other.meta.schema, table: other.meta.name },
            columns: foreignKey.columns,
            targetColumns: foreignKey.targetColumns,
            ...(foreignKey.onDelete ? { onDelete: foreignKey.onDelete } : {}),
          });
        }
      }
      if (incoming.length !== object.meta.referencedBy.length) {
        this.#objects.set(id, { ...object, meta: { ...object.meta, referencedBy: incoming } });
      }
    }
  }
}
