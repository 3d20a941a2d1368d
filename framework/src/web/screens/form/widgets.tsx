/**
 * The input of one field, by widget. Every input has its label (`for`/`id`), `aria-required`,
 * and when in error `aria-invalid` and `aria-describedby` pointing at the message (and at the help).
 * No inline script or style: the date picker, the autocomplete and the rich-text preview are
 * enhancements in `form.js`, configured with `data-*` attributes.
 */
import type { Child } from 'hono/jsx';
import { acceptAttribute, describeTypes, formatSize, isFileId, type StoredFile } from '../../../files/index.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import type { Choice } from '../../../model/override.ts';
import type { FormField } from './fields.ts';
import type { ReferenceChoices } from './options.ts';
import { TemplateInput } from './template-input.tsx';
import { GeometryInput } from '../carte/field-map.tsx';
import type { StaticContext } from './static-value.tsx';
import { PREVIEW_FIELD } from './urls.ts';
import { isChecked } from './values.ts';

/** The ids tying a field's label, input, help and error together. */
export interface FieldIds {
  readonly input: string;
  readonly help: string;
  readonly error: string;
}

export const fieldIds = (prefix: string, name: string): FieldIds => ({
  input: `${prefix}-${name}`,
  help: `${prefix}-${name}-aide`,
  error: `${prefix}-${name}-erreur`,
});

export interface ControlProps {
  readonly field: FormField;
  readonly value: string;
  readonly ids: FieldIds;
  readonly error: string | undefined;
  readonly locale: Locale;
  readonly choices: ReferenceChoices | undefined;
  /** The file a file field holds now, and its download address. */
  readonly currentFile: { readonly file: StoredFile; readonly href: string | undefined } | undefined;
  /** Address of the autocomplete's suggestions for this field. */
  readonly suggestUrl: string | undefined;
  /** Address of the rich-text preview. */
  readonly previewUrl: string;
  readonly csrfToken: string;
  /** The record's object, actor and map configuration (geometry fields draw on a map). */
  readonly context?: StaticContext | undefined;
}

/** The attributes every input shares. */
function common(props: ControlProps, extraDescriptions: string[] = [], named = true) {
  const described = [...(props.field.help ? [props.ids.help] : []), ...extraDescriptions, ...(props.error ? [props.ids.error] : [])];
  return {
    id: props.ids.input,
    ...(named ? { name: props.field.name } : {}),
    ...(props.field.required ? { 'aria-required': 'true' } : {}),
    ...(props.error ? { 'aria-invalid': 'true' } : {}),
    ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
  };
}

function Options(props: { options: readonly Choice[]; value: string; placeholder: string }) {
  return (
    <>
      <option value="">{props.placeholder}</option>
      {props.options.map((option) => (
        <option value={option.value} selected={option.value === props.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

function Select(props: ControlProps) {
  const tr = translator(props.locale);
  const fixed = props.field.choices;
  const loaded = props.choices?.kind === 'select' ? props.choices.options : undefined;
  const current = props.choices && props.choices.kind !== 'select' ? props.choices.current : undefined;
  const options = fixed ?? loaded ?? (current ? [current] : []);
  return (
    <select {...common(props)}>
      <Options options={options} value={props.value} placeholder={tr('form.choose', { label: props.field.label.toLocaleLowerCase(props.locale) })} />
    </select>
  );
}

/** A combobox (WAI-ARIA 1.2 pattern): the visible text box searches, the hidden input holds the key. */
function Autocomplete(props: ControlProps) {
  const tr = translator(props.locale);
  const current = props.choices && props.choices.kind !== 'select' ? props.choices.current : undefined;
  const listId = `${props.ids.input}-suggestions`;
  const statusId = `${props.ids.input}-etat`;
  const instructionsId = `${props.ids.input}-consigne`;
  // The visible text box only searches: the key is posted by the hidden input, under the field's name.
  const attributes = common(props, [instructionsId], false);
  return (
    <div class="autocompletion" data-suggestions={props.suggestUrl} data-aucun={tr('form.autocomplete.none')} data-resultats={tr('form.autocomplete.results', { count: '{count}' })}>
      <input type="hidden" name={props.field.name} value={props.value} class="autocompletion-valeur" />
      <input
        type="text"
        {...attributes}
        value={current?.label ?? ''}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded="false"
        aria-controls={listId}
        autocomplete="off"
        class="autocompletion-saisie"
      />
      <ul id={listId} role="listbox" class="autocompletion-liste" aria-label={tr('form.autocomplete.listLabel', { label: props.field.label })} hidden></ul>
      <p id={instructionsId} class="aide">
        {tr('form.autocomplete.instructions')}
      </p>
      <p id={statusId} class="visuellement-cache autocompletion-etat" role="status"></p>
    </div>
  );
}

function FileInput(props: ControlProps) {
  const tr = translator(props.locale);
  const rules = props.field.file;
  const limitsId = `${props.ids.input}-limites`;
  const current = props.currentFile;
  return (
    <div class="fichier">
      {current ? (
        <p class="fichier-actuel">
          {tr('files.current')}{' '}
          {current.href ? (
            <a href={current.href} hx-boost="false">{tr('files.download', { name: current.file.name, size: formatSize(current.file.size, props.locale) })}</a>
          ) : (
            current.file.name
          )}
        </p>
      ) : null}
      <input type="file" {...common(props, [limitsId])} {...(rules ? { accept: acceptAttribute(rules.types) } : {})} />
      <p id={limitsId} class="aide">
        {rules ? tr('files.limits', { max: formatSize(rules.maxBytes, props.locale), types: describeTypes(rules.types, props.locale) }) : null}
        {current ? ` ${tr('files.replaceHelp')}` : null}
      </p>
      {current && !props.field.required ? (
        <p class="case">
          <input type="checkbox" id={`${props.ids.input}-supprimer`} name={`_supprimer_${props.field.name}`} value="1" />
          <label for={`${props.ids.input}-supprimer`}>{tr('files.remove')}</label>
        </p>
      ) : null}
    </div>
  );
}

function RichText(props: ControlProps) {
  const tr = translator(props.locale);
  const previewId = `${props.ids.input}-apercu`;
  const helpId = `${props.ids.input}-aide-html`;
  return (
    <div class="texte-riche-saisie">
      <textarea
        {...common(props, [helpId])}
        rows={8}
        class="texte-riche-source"
        hx-post={props.previewUrl}
        hx-trigger="load, input changed delay:600ms"
        hx-target={`#${previewId}`}
        hx-params={`${props.field.name},${PREVIEW_FIELD}`}
        hx-vals={JSON.stringify({ [PREVIEW_FIELD]: props.field.name })}
        hx-headers={JSON.stringify({ 'X-CSRF-Token': props.csrfToken })}
      >
        {props.value}
      </textarea>
      <p class="aide" id={helpId}>
        {tr('form.richText.help')}
      </p>
      <div class="apercu" aria-live="polite">
        <p class="apercu-titre">{tr('form.richText.preview')}</p>
        <div id={previewId} class="texte-riche"></div>
      </div>
    </div>
  );
}

/** The input of a field that the user may change. */
export function Control(props: ControlProps): Child {
  const { field, value } = props;
  const tr = translator(props.locale);
  const maxLength = field.maxLength !== undefined ? { maxlength: field.maxLength } : {};
  switch (field.widget) {
    case 'textarea':
      return (
        <textarea {...common(props)} rows={4} {...maxLength}>
          {value}
        </textarea>
      );
    case 'richtext':
      return <RichText {...props} />;
    case 'template':
      return <TemplateInput {...props} common={common(props, [`${props.ids.input}-aide-gabarit`])} />;
    case 'integer':
      return <input type="text" inputmode="numeric" {...common(props)} value={value} class="nombre" />;
    case 'decimal':
      return <input type="text" inputmode="decimal" {...common(props)} value={value} class="nombre" />;
    case 'date':
      return (
        <input
          type="text"
          inputmode="numeric"
          {...common(props)}
          value={value}
          placeholder={tr('form.datePlaceholder')}
          class="date"
          maxlength={10}
          data-calendrier={tr('form.datePicker', { label: field.label })}
          data-calendrier-court={tr('form.datePickerShort')}
        />
      );
    case 'time':
      return <input type="text" inputmode="numeric" {...common(props)} value={value} placeholder={tr('form.timePlaceholder')} class="heure" maxlength={8} />;
    case 'datetime':
      return <input type="text" {...common(props)} value={value} placeholder={tr('form.dateTimePlaceholder')} class="date-heure" maxlength={19} />;
    case 'checkbox':
      return <input type="checkbox" {...common(props)} value="true" checked={isChecked(value)} />;
    case 'select':
      return props.choices?.kind === 'autocomplete' ? <Autocomplete {...props} /> : <Select {...props} />;
    case 'autocomplete':
      return props.choices?.kind === 'autocomplete' ? <Autocomplete {...props} /> : <Select {...props} />;
    case 'email':
      return <input type="email" {...common(props)} value={value} {...maxLength} autocomplete="email" />;
    case 'url':
      return <input type="url" {...common(props)} value={value} {...maxLength} />;
    case 'password':
      return <input type="password" {...common(props)} value="" autocomplete="new-password" {...maxLength} />;
    case 'color':
      return <input type="color" {...common(props)} value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'} />;
    case 'file':
      return <FileInput {...props} />;
    case 'geometry': {
      const formatId = `${props.ids.input}-format`;
      const context = props.context;
      const map = context ? { configuration: context.map, object: context.object, actor: context.actor } : undefined;
      return <GeometryInput {...props} common={common(props, [formatId])} formatId={formatId} map={map} />;
    }
    default:
      return <input type="text" {...common(props)} value={value} {...maxLength} />;
  }
}

/** Whether a stored value names a file (for the current-file line). */
export const fileIdOf = (value: unknown) => (isFileId(value) ? value : undefined);
