/**
 * The text of an application's generated files besides the table modules: the permission
 * vocabulary, the menu entries, the label catalogue, one documentation page per table, the index
 * advice, and the override stubs written once.
 */
import { objectPermission, READ_OPERATIONS, STANDARD_OPERATIONS } from '../access/permissions.ts';
import { REFERENCE_LOCALE, translator } from '../i18n/index.ts';
import type { MenuEntry } from '../model/extensions.ts';
import type { ImportSpec, ListingPdfSpec, StoredQuerySpec } from '../model/specs.ts';
import type { FieldMeta, TableMeta } from '../model/types.ts';
import { indexAdviceStatements, type ExistingIndexes } from './indexes.ts';
import { menuPlacementOf } from './menu-placement.ts';
import type { GeneratorOptions } from './options.ts';
import { camelName, quoteString } from './names.ts';
import { printLiteral } from './print.ts';
import { HEADER } from './render.ts';
import { GENERATED_MARK } from './write.ts';

/** Generated text is French whatever the locale of whoever runs the generator: the same input gives the same files. */
const tf = translator(REFERENCE_LOCALE);

export function permissionsOf(tables: readonly TableMeta[]): string[] {
  const names = new Set<string>();
  for (const table of tables) {
    names.add(objectPermission(table));
    for (const operation of table.readOnly ? READ_OPERATIONS : STANDARD_OPERATIONS) names.add(objectPermission(table, operation));
  }
  return [...names].sort();
}

export function renderPermissions(tables: readonly TableMeta[]): string {
  return [
    HEADER,
    '',
    '/** The permissions the application\'s objects check: `<app>.<table>` (everything) and `<app>.<table>_<operation>`. */',
    `export const permissions = ${printLiteral(permissionsOf(tables))} as const;`,
    '',
  ].join('\n');
}

type MenuOptions = Pick<GeneratorOptions, 'name' | 'title' | 'parametrage'>;

export function menuOf(tables: readonly TableMeta[], options: MenuOptions): MenuEntry[] {
  return [...tables]
    .sort((a, b) => a.label.localeCompare(b.label, 'fr') || (a.name < b.name ? -1 : 1))
    .map((table) => ({
      ...menuPlacementOf(table, options),
      label: table.label,
      href: `/${options.name}/${encodeURIComponent(table.name)}`,
      permissions: [objectPermission(table), objectPermission(table, 'tab')],
    }));
}

export function renderMenu(tables: readonly TableMeta[], options: MenuOptions, extensionsImport: string): string {
  // Plain objects: what the literal printer takes.
  const entries = menuOf(tables, options).map(({ rubrique, category = '', label, href, permissions }) => ({ rubrique, category, label, href, permissions: [...permissions] }));
  return [
    HEADER,
    `import type { MenuEntry } from ${quoteString(extensionsImport)};`,
    '',
    '/**',
    ' * The listing of each table under the application\'s heading, in « Application » or, for a reference',
    ' * table, « Paramétrage », for whoever may list it. The runtime already shows a registered object\'s',
    ' * entry: this list is for pages that need the entries as data.',
    ' */',
    `export const menu: readonly MenuEntry[] = ${printLiteral(entries)};`,
    '',
  ].join('\n');
}

export function labelsOf(tables: readonly TableMeta[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const table of tables) {
    labels[table.name] = table.label;
    for (const field of table.fields) labels[`${table.name}.${field.name}`] = field.label;
  }
  return labels;
}

export function renderLabels(tables: readonly TableMeta[]): string {
  return [
    HEADER,
    '',
    '/**',
    ' * The French labels of the objects (`table`) and fields (`table.column`), taken from the comments',
    ' * that read like labels, else derived from the names, and corrected by `labels` in commun.app.ts:',
    ' * correct them there (or in the comments), not here.',
    ' */',
    `export const labels: Readonly<Record<string, string>> = ${printLiteral(labelsOf(tables))};`,
    '',
  ].join('\n');
}

// ---- documentation ----------------------------------------------------------------------------

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function typeOf(field: FieldMeta): string {
  if (field.maxLength !== undefined) return `${field.pgType}(${field.maxLength})`;
  if (field.precision !== undefined) return `${field.pgType}(${field.precision}, ${field.scale ?? 0})`;
  if (field.enumValues) return `${field.pgType} (${field.enumValues.join(', ')})`;
  return field.pgType;
}

function constraintsOf(field: FieldMeta, table: TableMeta): string {
  const parts: string[] = [];
  if (table.primaryKey.includes(field.name)) parts.push(tf('cli.gen.doc.primaryKey'));
  if (field.generation) parts.push(tf('cli.gen.doc.generation', { generation: field.sequence ?? field.generation }));
  if (field.required) parts.push(tf('cli.gen.doc.required'));
  else if (field.notNull) parts.push(tf('cli.gen.doc.notNull'));
  if (field.defaultSql !== undefined && !field.generation) parts.push(tf('cli.gen.doc.default', { value: field.defaultSql }));
  if (table.uniques.some((unique) => unique.length === 1 && unique[0] === field.name)) parts.push(tf('cli.gen.doc.unique'));
  const key = table.foreignKeys.find((foreignKey) => foreignKey.columns.includes(field.name));
  if (key) parts.push(tf('cli.gen.doc.references', { target: `${key.target.schema}.${key.target.table}` }));
  return parts.join(', ');
}

/** What the engines get from the table: its stored queries, CSV import and PDF listing. */
export interface DocArtefacts {
  readonly storedQueries: readonly StoredQuerySpec[];
  readonly csvImport: ImportSpec | undefined;
  readonly listingPdf: ListingPdfSpec | undefined;
}

function artefactLines(table: TableMeta, artefacts: DocArtefacts): string[] {
  const label = (name: string) => table.fields.find((field) => field.name === name)?.label ?? name;
  const lines = [`## ${tf('cli.gen.doc.artefacts')}`, ''];
  for (const query of artefacts.storedQueries) {
    const criteria = query.criteria.map((criterion) => label(criterion.field)).join(', ');
    lines.push(`- ${tf('cli.gen.doc.storedQuery', { label: query.label, name: query.name })}${criteria ? ` — ${tf('cli.gen.doc.criteria', { criteria })}` : ''}`);
  }
  if (artefacts.csvImport) {
    lines.push(`- ${tf('cli.gen.doc.csvImport', { columns: artefacts.csvImport.fields.map((field) => `\`${field.name}\``).join(';') })}`);
  }
  if (artefacts.listingPdf) {
    lines.push(`- ${tf('cli.gen.doc.listingPdf', {
      path: `/${table.app}/${table.name}.pdf`,
      columns: artefacts.listingPdf.columns.map((column) => label(column.field)).join(', '),
    })}`);
  }
  return lines.length === 2 ? [] : [...lines, ''];
}

export function renderDoc(table: TableMeta, artefacts?: DocArtefacts): string {
  const lines = [
    `<!-- ${GENERATED_MARK} from the PostgreSQL catalogue: do not edit by hand. -->`,
    `# ${table.label} (\`${table.schema}.${table.name}\`)`,
    '',
  ];
  if (table.comment) lines.push(table.comment, '');
  lines.push(table.kind === 'view' ? tf('cli.gen.doc.view') : tf('cli.gen.doc.table'), '');
  if (table.readOnlyReason) lines.push(`> ${tf('cli.gen.doc.readOnly', { reason: table.readOnlyReason })}`, '');
  lines.push(
    `## ${tf('cli.gen.doc.fields')}`,
    '',
    `| ${tf('cli.gen.doc.column')} | ${tf('cli.gen.doc.label')} | ${tf('cli.gen.doc.type')} | ${tf('cli.gen.doc.constraints')} |`,
    '|---|---|---|---|',
    ...table.fields.map((field) => `| \`${cell(field.name)}\` | ${cell(field.label)} | ${cell(typeOf(field))} | ${cell(constraintsOf(field, table))} |`),
    '',
  );
  const multi = table.uniques.filter((unique) => unique.length > 1);
  if (multi.length > 0) {
    lines.push(`## ${tf('cli.gen.doc.uniques')}`, '', ...multi.map((unique) => `- (${unique.map((column) => `\`${column}\``).join(', ')})`), '');
  }
  if (table.foreignKeys.length > 0) {
    lines.push(`## ${tf('cli.gen.doc.outgoing')}`, '');
    for (const key of table.foreignKeys) {
      lines.push(
        `- (${key.columns.join(', ')}) → \`${key.target.schema}.${key.target.table}\` (${key.targetColumns.join(', ')})` +
          (key.onDelete ? ` — ${tf('cli.gen.doc.onDelete', { action: key.onDelete })}` : ''),
      );
    }
    lines.push('');
  }
  if (table.referencedBy.length > 0) {
    lines.push(`## ${tf('cli.gen.doc.incoming')}`, '');
    for (const reference of table.referencedBy) {
      lines.push(
        `- \`${reference.source.schema}.${reference.source.table}\` (${reference.columns.join(', ')})` +
          (reference.onDelete ? ` — ${tf('cli.gen.doc.onDelete', { action: reference.onDelete })}` : ''),
      );
    }
    lines.push('');
  }
  lines.push(
    `## ${tf('cli.gen.doc.listing')}`,
    '',
    `- ${tf('cli.gen.doc.labelColumn')} : \`${table.labelColumn}\``,
    `- ${tf('cli.gen.doc.search')} : ${table.searchColumns.map((column) => `\`${column}\``).join(', ')}`,
    `- ${tf('cli.gen.doc.sort')} : ${table.defaultSort.map((column) => `\`${column}\``).join(', ')}`,
    '',
  );
  if (artefacts) lines.push(...artefactLines(table, artefacts));
  return lines.join('\n');
}

// ---- index advice, stubs ------------------------------------------------------------------------

export function renderIndexAdvice(tables: readonly TableMeta[], schema: string, existing: ExistingIndexes): string {
  const body = indexAdviceStatements(tables, existing, {
    search: (column) => tf('cli.gen.advice.search', { column }),
    sort: (column) => tf('cli.gen.advice.sort', { column }),
    foreignKey: (columns) => tf('cli.gen.advice.foreignKey', { columns }),
  });
  return [
    `-- ${GENERATED_MARK} from the PostgreSQL catalogue: do not edit by hand.`,
    `-- ${tf('cli.gen.advice.intro', { schema })}`,
    `-- ${tf('cli.gen.advice.adopt')}`,
    ...(body.some((line) => line.includes('gin_trgm_ops')) ? [`-- ${tf('cli.gen.advice.trigram')}`, 'create extension if not exists pg_trgm;'] : []),
    ...(body.length === 0 ? [`-- ${tf('cli.gen.advice.none')}`] : body),
    '',
  ].join('\n');
}

export function renderStub(table: TableMeta, overrideImport: string): string {
  return [
    `// ${tf('cli.gen.stub.title', { label: table.label, table: `${table.schema}.${table.name}` })}`,
    `// ${tf('cli.gen.stub.kept')}`,
    `import type { ObjectOverride } from ${quoteString(overrideImport)};`,
    '',
    `export const ${camelName(table.name, new Set())}: ObjectOverride = {};`,
    '',
  ].join('\n');
}
