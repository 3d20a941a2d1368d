import { Catalogue } from './catalogue.ts';
import type { DocumentSourceSpec, MenuEntry, ServerWidget } from './extensions.ts';
import type { ObjectOverride } from './override.ts';
import type { ImportSpec, ListingPdfSpec, StoredQuerySpec } from './specs.ts';
import type { TableMeta } from './types.ts';

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

  register(generated: TableMeta, override: ObjectOverride = {}): RegisteredObject {
    const meta = withOverriddenLabels(generated, override);
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
