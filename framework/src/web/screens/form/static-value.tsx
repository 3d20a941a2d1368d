/**
 * A field's value shown read-only (consulter, supprimer, static fields): formatted as users read
 * it, a foreign key as the referenced row's label linking to it when the user may consult it,
 * rich text sanitised, a file as a download link. Its links leave a sub-form's panel (never
 * boosted into it by htmx).
 */
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/permissions.ts';
import type { Row } from '../../../db/connection.ts';
import { templateDisplayHtml } from '../../../documents/template-sanitize.ts';
import { formatSize, isFileId, type StoredFile } from '../../../files/index.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { LABEL_SUFFIX } from '../../../records/index.ts';
import { displayValue, fileUrl, recordUrl, sanitizeRichText } from '../shared/index.ts';
import type { MapConfiguration } from '../../../maps/configuration.ts';
import { RecordGeometry } from '../carte/record-map.tsx';
import type { FormField } from './fields.ts';

export interface StaticContext {
  readonly object: RegisteredObject;
  readonly actor: Actor;
  readonly locale: Locale;
  /** The stored files the record's file fields point to. */
  readonly files: ReadonlyMap<string, StoredFile>;
  /** The record's key (undefined while it is being created): file links need it. */
  readonly recordKey: unknown;
  /** The labels of the values of `screens.dynamicChoices` fields, by field name. */
  readonly choiceLabels?: ReadonlyMap<string, string>;
  /** The map configuration of the object, when it has geometry fields (their maps). */
  readonly map?: MapConfiguration | undefined;
}

export function StaticValue(props: { field: FormField; record: Row; context: StaticContext }) {
  const { field, record, context } = props;
  const tr = translator(context.locale);
  const value = record[field.name];
  if (value === null || value === undefined || value === '') return <span class="vide">{tr('form.empty')}</span>;
  if (field.widget === 'richtext' && typeof value === 'string') {
    return <div class="texte-riche" dangerouslySetInnerHTML={{ __html: sanitizeRichText(value) }} />;
  }
  if (field.widget === 'template' && typeof value === 'string') {
    return <div class="gabarit" dangerouslySetInnerHTML={{ __html: templateDisplayHtml(value, context.locale) }} />;
  }
  if (field.widget === 'file' && isFileId(value)) {
    const file = context.files.get(value);
    if (!file) return <span>{tr('files.missing')}</span>;
    if (context.recordKey === undefined) return <span>{file.name}</span>;
    const href = fileUrl(context.object, context.recordKey, field.name);
    if (context.object.override.screens?.fileFields?.[field.name]?.preview && file.type.startsWith('image/')) {
      return (
        <span class="fichier-apercu">
          <img src={href} alt={tr('files.previewAlt', { label: field.label })} class="apercu-image" />
          <a href={href} download={file.name} hx-boost="false">
            {tr('files.download', { name: file.name, size: formatSize(file.size, context.locale) })}
          </a>
        </span>
      );
    }
    return (
      <a href={fileUrl(context.object, context.recordKey, field.name)} download={file.name} hx-boost="false">
        {tr('files.download', { name: file.name, size: formatSize(file.size, context.locale) })}
      </a>
    );
  }
  if (field.field?.kind === 'geometry') return <RecordGeometry field={field} value={value} locale={context.locale} configuration={context.map} />;
  if (field.widget === 'password') return <span>••••••••</span>;
  if (field.reference) {
    const labelValue = record[`${field.name}${LABEL_SUFFIX}`];
    const label = typeof labelValue === 'string' && labelValue !== '' ? labelValue : String(value);
    const target = field.reference.target;
    const linkable = target.meta.key === field.reference.column && can(context.actor, target, 'consulter');
    return linkable ? (
      <a href={recordUrl(target, value)} hx-boost="false">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  }
  const dynamicLabel = context.choiceLabels?.get(field.name);
  if (dynamicLabel !== undefined) return <span>{dynamicLabel}</span>;
  if (field.choices && field.field?.kind !== 'boolean') {
    const chosen = field.choices.find((choice) => choice.value === String(value));
    if (chosen) return <span>{chosen.label}</span>;
  }
  if (field.widget === 'color' && typeof value === 'string') return <span class="couleur">{value}</span>;
  if (field.widget === 'url' && typeof value === 'string' && /^https?:\/\//i.test(value)) {
    return (
      <a href={value} rel="noopener noreferrer" hx-boost="false">
        {value}
      </a>
    );
  }
  if (field.widget === 'email' && typeof value === 'string') {
    return (
      <a href={`mailto:${value}`} hx-boost="false">
        {value}
      </a>
    );
  }
  const text = field.field ? displayValue(field.field, value, context.locale) : String(value);
  if (field.widget === 'textarea' || field.field?.kind === 'json') return <span class="texte-long">{text}</span>;
  return <span>{text}</span>;
}
