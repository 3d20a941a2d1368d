import type { MigrationSource } from './db/migrate.ts';
import type { ObjectOverride, ScreensDeclaration } from './model/override.ts';
import type { Registry } from './model/registry.ts';
import type { ImportSpec, ListingPdfSpec, StoredQuerySpec } from './model/specs.ts';
import type { Referential } from './referentials/index.ts';
import type { TableMeta } from './model/types.ts';
import type { Runtime } from './runtime.ts';
import type { PendingWorkSource } from './notifications/pending-work.ts';

/** An application of the catalogue, as the runtime sees it. */
export interface Application {
  readonly name: string;
  /** Its title (« Registre RGPD »), as users know it: the heading of its menu entries. */
  readonly title?: string;
  /** One sentence saying what it does, on the instance's catalogue page. */
  readonly description?: string;
  /** Its version, on the catalogue page. */
  readonly version?: string;
  readonly migrations: MigrationSource;
  /** Registers the application's objects (generated metadata + overrides). */
  register(registry: Registry): void;
  /**
   * Runs once every application of the instance is registered, whatever their order: where this
   * application uses another one when it is served too (résultats takes its bureaux from élections).
   */
  connect?(registry: Registry): void;
  /** The application has geometry columns: the embedded database loads PostGIS. */
  readonly postgis?: boolean;
  /**
   * The application's own permissions besides its objects' (menus, screens that are not objects),
   * each named `<name>.<permission>` (checked at start); ADMINISTRATEUR receives them on installation.
   */
  readonly permissions?: readonly string[];
  /**
   * Reference data loaded after the migrations, by code (every French commune from a package): each
   * loaded again only when its declared version changes, or by `commun referentiels`.
   */
  readonly referentials?: readonly Referential[];
  /** The work waiting for an agent, for the daily e-mail of pending work (opt-out per agent). */
  readonly pendingWork?: PendingWorkSource;
  /** Loads demo data when the database is new. */
  loadDemo?(runtime: Runtime): Promise<void>;
}

/** Registers the applications, then lets each connect to the others served with it. */
export function registerApplications(registry: Registry, applications: readonly Application[]): void {
  for (const application of applications) application.register(registry);
  for (const application of applications) application.connect?.(registry);
}

/**
 * What an application's `gen/index.ts` exports: its tables, the screens its options declare, and
 * the stored queries, CSV imports and PDF listings generated for them.
 */
export interface GeneratedModules {
  /** The title `commun.app.ts` gives (or the generator made from the name). */
  readonly title?: string;
  readonly tables: readonly TableMeta[];
  readonly screens?: Readonly<Record<string, ScreensDeclaration>>;
  readonly storedQueries?: readonly StoredQuerySpec[];
  readonly imports?: readonly ImportSpec[];
  readonly listingPdfs?: readonly ListingPdfSpec[];
}

/**
 * Registers an application's generated tables with their overrides: the screens the generator
 * derived from `commun.app.ts` (menu, list columns, sub-form order) come first, what the override
 * declares wins.
 */
export function registerGenerated(registry: Registry, generated: GeneratedModules, overrides: Readonly<Record<string, ObjectOverride>>): void {
  for (const meta of generated.tables) {
    const override = overrides[meta.name] ?? {};
    const screens = generated.screens?.[meta.name];
    registry.register(meta, screens ? { ...override, screens: { ...screens, ...override.screens } } : override);
  }
  for (const query of generated.storedQueries ?? []) registry.storedQueries.add(query);
  for (const spec of generated.imports ?? []) registry.imports.add(spec);
  for (const spec of generated.listingPdfs ?? []) registry.listingPdfs.add(spec);
}
