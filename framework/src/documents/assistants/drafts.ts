/**
 * The generator's document assistants (issue 10 §8): from a registered object, the drafts of an
 * état, of its sous-états (one per foreign key of another table pointing at it) and of a lettre
 * type, each listing the fields, to be refined by their author. Pure: the rows to insert, no I/O.
 */
import type { RegisteredObject, Registry } from '../../model/registry.ts';
import { referenceOf } from '../../model/references.ts';
import type { FieldMeta, IncomingReferenceMeta } from '../../model/types.ts';
import { visibleField, visibleFields } from '../../records/visible-fields.ts';
import { objetOf } from '../objet.ts';

export type AssistantKind = 'etat' | 'sousetat' | 'lettretype';

export interface SourceDraft {
  readonly code: string;
  readonly libelle: string;
  readonly description: string;
  readonly requete: string;
  readonly merge_fields: string;
}

export interface DocumentDraft {
  readonly kind: AssistantKind;
  readonly id: string;
  readonly libelle: string;
  /** État and lettre type: their om_requete (found by code, created when missing). */
  readonly source?: SourceDraft;
  /** The other columns of the row (om_collectivite and om_sql are the writer's). */
  readonly columns: Readonly<Record<string, string | number | boolean>>;
}

/** Kinds a document cannot print (binary, geometry, structured values). */
const UNPRINTED = new Set(['bytea', 'geometry', 'json', 'array', 'other']);
const ID_LENGTH = 50;
const TABLE_WIDTH = 190;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const stringLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;
const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
/** A document id or source code: at most 50 characters, as the columns allow. */
const idOf = (...parts: string[]) => parts.join('_').slice(0, ID_LENGTH);

const printable = (field: FieldMeta) => !UNPRINTED.has(field.kind);

interface Column {
  readonly name: string;
  readonly label: string;
  /** The select expression: the column, or the label of the row its foreign key points to. */
  readonly expression: string;
}

/** Each field as a select expression, a foreign key replaced by its target's label (joined). */
function selection(registry: Registry, object: RegisteredObject, alias: string, fields: readonly FieldMeta[]) {
  const joins: string[] = [];
  const columns: Column[] = fields.map((field, index) => {
    const reference = referenceOf(object.meta, field.name);
    const target = reference ? registry.bySchemaTable(reference.target.schema, reference.target.table) : undefined;
    const targetColumn = reference?.targetColumns[0];
    if (!reference || !target || targetColumn === undefined || !target.meta.fields.some((item) => item.name === target.meta.labelColumn)) {
      return { name: field.name, label: field.label, expression: `${alias}.${quoted(field.name)}` };
    }
    const joined = `${alias}${index}`;
    const optional = field.notNull ? 'join' : 'left join';
    joins.push(`  ${optional} ${quoted(target.meta.schema)}.${quoted(target.meta.name)} ${joined} on ${joined}.${quoted(targetColumn)} = ${alias}.${quoted(field.name)}`);
    return { name: field.name, label: field.label, expression: `${joined}.${quoted(target.meta.labelColumn)}` };
  });
  return { columns, joins };
}

const fromClause = (object: RegisteredObject, alias: string) => `${quoted(object.meta.schema)}.${quoted(object.meta.name)} ${alias}`;

/** The état's and lettre type's source: every printable field of the record `&idx`. */
export function recordSource(registry: Registry, object: RegisteredObject): SourceDraft {
  const key = object.meta.key ?? '';
  const { columns, joins } = selection(registry, object, 't', visibleFields(object).filter(printable));
  const select = columns.map((column) => `${column.expression} as ${quoted(column.name)}`).join(',\n       ');
  return {
    code: idOf('gen', object.app, object.name),
    libelle: `${object.meta.label} (${objetOf(object)})`.slice(0, 100),
    description: `Les champs d’un enregistrement de ${objetOf(object)}, écrite par le générateur.`.slice(0, 200),
    requete: [`select ${select}`, `  from ${fromClause(object, 't')}`, ...joins, ` where t.${quoted(key)} = &idx`].join('\n'),
    merge_fields: columns.map((column) => `${column.name}: ${column.label}`).join('\n'),
  };
}

const fieldLines = (object: RegisteredObject) =>
  visibleFields(object)
    .filter(printable)
    .map((field) => `<p><strong>${escapeHtml(field.label)} :</strong> [${field.name}]</p>`);

/** An inactive état of the object: its title, then « Libellé : [champ] » for each field. */
export function etatDraft(registry: Registry, object: RegisteredObject): DocumentDraft {
  const source = recordSource(registry, object);
  return {
    kind: 'etat',
    id: idOf(object.app, object.name),
    libelle: object.meta.label.slice(0, 100),
    source,
    columns: {
      objet: objetOf(object),
      titre_om_htmletat: `<h1 style="text-align: center">${escapeHtml(object.meta.label)}</h1>`,
      titreleft: 10,
      titretop: 12,
      titrelargeur: TABLE_WIDTH,
      titrehauteur: 14,
      corps_om_htmletatex: fieldLines(object).join(''),
    },
  };
}

/** Fields that look like a postal address, for the lettre type's address block. */
const ADDRESS = /^(adresse|complement|code_?postal|cp|ville|commune|localite|pays)/;

/** An inactive lettre type: address block, date, « Objet », « Madame, Monsieur, », the fields. */
export function lettreTypeDraft(registry: Registry, object: RegisteredObject): DocumentDraft {
  const source = recordSource(registry, object);
  const fields = visibleFields(object).filter(printable);
  const address = [object.meta.labelColumn, ...fields.map((field) => field.name).filter((name) => ADDRESS.test(name))]
    .filter((name, index, names) => names.indexOf(name) === index && fields.some((field) => field.name === name))
    .map((name) => `[${name}]`);
  return {
    kind: 'lettretype',
    id: idOf(object.app, object.name),
    libelle: `Lettre : ${object.meta.label}`.slice(0, 100),
    source,
    columns: {
      objet: objetOf(object),
      titre_om_htmletat: `<p style="text-align: right">${address.join('<br>')}</p>`,
      titreleft: 110,
      titretop: 40,
      titrelargeur: 90,
      titrehauteur: 25,
      corps_om_htmletatex: [
        '<p style="text-align: right">Le &aujourdhui</p>',
        `<p><strong>Objet :</strong> ${escapeHtml(object.meta.label)}</p>`,
        '<p>Madame, Monsieur,</p>',
        ...fieldLines(object),
        '<p>Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>',
      ].join(''),
      margetop: 70,
    },
  };
}

/** The child's listing columns (its override's, else its visible fields), without the key to the parent. */
function childFields(child: RegisteredObject, parentColumn: string): FieldMeta[] {
  const declared = child.override.screens?.listColumns;
  const fields = declared
    ? declared.map((name) => visibleField(child, name)).filter((field): field is FieldMeta => field !== undefined)
    : visibleFields(child).filter((field) => field.name !== child.meta.tenantColumn);
  return fields.filter((field) => field.name !== parentColumn && printable(field));
}

/** One sous-état per single-column foreign key of a registered table pointing at this object. */
export function sousEtatDrafts(registry: Registry, object: RegisteredObject): DocumentDraft[] {
  const incoming = object.meta.referencedBy.filter((reference) => reference.columns.length === 1);
  return incoming.flatMap((reference) => {
    const child = registry.bySchemaTable(reference.source.schema, reference.source.table);
    const column = reference.columns[0];
    if (!child || column === undefined) return [];
    return [sousEtatDraft(registry, object, child, column, incoming)];
  });
}

function sousEtatDraft(
  registry: Registry,
  object: RegisteredObject,
  child: RegisteredObject,
  column: string,
  incoming: readonly IncomingReferenceMeta[],
): DocumentDraft {
  const { columns, joins } = selection(registry, child, 'c', childFields(child, column));
  const select = columns.map((item) => `${item.expression} as ${quoted(item.label)}`).join(',\n       ');
  const order = child.meta.key === null ? '' : `\n order by c.${quoted(child.meta.key)}`;
  const sameChild = incoming.filter((reference) => reference.source.table === child.meta.name && reference.source.schema === child.meta.schema);
  const id = sameChild.length > 1 ? idOf(object.app, object.name, child.meta.name, column) : idOf(object.app, object.name, child.meta.name);
  const width = columns.length === 0 ? TABLE_WIDTH : Math.floor(TABLE_WIDTH / columns.length);
  return {
    kind: 'sousetat',
    id,
    libelle: `${object.meta.label} : ${child.meta.label}`.slice(0, 100),
    columns: {
      titre: child.meta.label,
      titreattribut: 'B',
      titretaille: 11,
      entete_flag: '1',
      entete_fond: '1',
      tableau_largeur: TABLE_WIDTH,
      tableau_fontaille: 9,
      cellule_largeur: columns.map(() => String(width)).join('|'),
      om_sql: [
        `select ${select || stringLiteral('') + ' as ' + quoted(child.meta.label)}`,
        `  from ${fromClause(child, 'c')}`,
        ...joins,
        ` where c.${quoted(column)} = &idx${order}`,
      ].join('\n'),
    },
  };
}

/** The drafts of one kind; the sous-états are several. */
export function draftsOf(registry: Registry, object: RegisteredObject, kind: AssistantKind): DocumentDraft[] {
  if (kind === 'etat') return [etatDraft(registry, object)];
  if (kind === 'lettretype') return [lettreTypeDraft(registry, object)];
  return sousEtatDrafts(registry, object);
}
