/**
 * The add and edit form: the errors summarised on top (each a link to its field), the required
 * marker explained, the fields in the override's sections, the submit button. It works as a plain
 * form; inside a sub-form tab it also posts with htmx into the tab's panel.
 */
import type { Child } from 'hono/jsx';
import type { Row } from '../../../db/connection.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../model/override.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { fileUrl } from '../shared/index.ts';
import { sendsFiles, type FormField } from './fields.ts';
import type { ReferenceChoices } from './options.ts';
import { layOut, type LaidOutSection } from './sections.ts';
import { StaticValue, type StaticContext } from './static-value.tsx';
import type { FormValues } from './values.ts';
import { Control, fieldIds, fileIdOf } from './widgets.tsx';

export interface FormState {
  readonly fields: readonly FormField[];
  /** What the inputs show. */
  readonly values: FormValues;
  /** The stored record (or the sub-form's fixed values): static fields and labels come from it. */
  readonly record: Row;
  readonly errors: FieldErrors;
  /** A refusal's own explanation, shown at the top of the error summary (which is then the only box). */
  readonly lead?: string | undefined;
  readonly choices: ReadonlyMap<string, ReferenceChoices>;
  readonly context: StaticContext;
}

export interface FormTarget {
  readonly action: string;
  readonly cancelHref: string;
  readonly submitLabel: string;
  /** Transport fields: `_version`, `_soumission`, `_retour`. */
  readonly hidden: Readonly<Record<string, string>>;
  readonly csrfToken: string;
  /** Prefix of the inputs' ids (distinct in a sub-form shown inside a record page). */
  readonly idPrefix: string;
  /** Inside a sub-form tab: htmx posts the form and puts the answer into this element. */
  readonly htmxTarget?: string | undefined;
  readonly suggestUrl: (field: FormField) => string;
  readonly previewUrl: string;
}

function ErrorSummary(props: { state: FormState; target: FormTarget; locale: Locale }) {
  const tr = translator(props.locale);
  const entries = Object.entries(props.state.errors);
  if (entries.length === 0) return null;
  const byName = new Map(props.state.fields.map((field) => [field.name, field]));
  return (
    <div class="resume-erreurs" role="alert" tabindex={-1} id={`${props.target.idPrefix}-erreurs`}>
      {props.state.lead ? <p>{props.state.lead}</p> : null}
      <p>{tr('pages.formErrors', { count: entries.length })}</p>
      <ul>
        {entries.map(([name, message]) => {
          const field = byName.get(name);
          if (!field || field.widget === 'hidden') return <li>{message}</li>;
          return (
            <li>
              <a href={`#${fieldIds(props.target.idPrefix, name).input}`}>{message}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function FieldBlock(props: { field: FormField; state: FormState; target: FormTarget; locale: Locale }) {
  const { field, state, target, locale } = props;
  const ids = fieldIds(target.idPrefix, field.name);
  const error = state.errors[field.name];
  const errorLine = error ? (
    <p id={ids.error} class="erreur-champ">
      {error}
    </p>
  ) : null;
  const help = field.help ? (
    <p id={ids.help} class="aide">
      {field.help}
    </p>
  ) : null;
  if (field.widget === 'hidden' && !field.locked) return <input type="hidden" name={field.name} value={state.values[field.name] ?? ''} />;
  if (field.locked) {
    if (field.widget === 'hidden') return null;
    return (
      <div class="champ champ-statique" id={ids.input} tabindex={error ? -1 : undefined}>
        <span class="libelle">{field.label}</span> <span class="valeur"><StaticValue field={field} record={state.record} context={state.context} /></span>
        {help}
        {errorLine}
      </div>
    );
  }
  const stored = fileIdOf(state.record[field.name]);
  const storedFile = stored ? state.context.files.get(stored) : undefined;
  const control = (
    <Control
      field={field}
      value={state.values[field.name] ?? ''}
      ids={ids}
      error={error}
      locale={locale}
      choices={state.choices.get(field.name)}
      currentFile={
        storedFile
          ? { file: storedFile, href: state.context.recordKey === undefined ? undefined : fileUrl(state.context.object, state.context.recordKey, field.name) }
          : undefined
      }
      suggestUrl={target.suggestUrl(field)}
      previewUrl={target.previewUrl}
      csrfToken={target.csrfToken}
      context={state.context}
    />
  );
  const label = (
    <label for={ids.input}>
      {field.label}
      {field.required ? (
        <span class="obligatoire" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  );
  const classes = `champ champ-${field.widget}${error ? ' champ-en-erreur' : ''}`;
  if (field.widget === 'checkbox') {
    return (
      <div class={`${classes} case`}>
        {control} {label}
        {help}
        {errorLine}
      </div>
    );
  }
  return (
    <div class={classes}>
      {label}
      {control}
      {help}
      {errorLine}
    </div>
  );
}

function Section(props: { section: LaidOutSection; state: FormState; target: FormTarget; locale: Locale }) {
  const { section } = props;
  const body = (
    <div class={`grille colonnes-${section.columns}`}>
      {section.fields.map((field) => (
        <FieldBlock field={field} state={props.state} target={props.target} locale={props.locale} />
      ))}
    </div>
  );
  const hasError = section.fields.some((field) => props.state.errors[field.name] !== undefined);
  if (section.collapsible && section.legend) {
    return (
      <details class="section" open={!section.collapsed || hasError}>
        <summary>{section.legend}</summary>
        {body}
      </details>
    );
  }
  if (section.legend) {
    return (
      <fieldset class="section">
        <legend>{section.legend}</legend>
        {body}
      </fieldset>
    );
  }
  return <div class="section bloc">{body}</div>;
}

export function RecordForm(props: { state: FormState; target: FormTarget; locale: Locale; children?: Child }) {
  const { state, target, locale } = props;
  const tr = translator(locale);
  const multipart = sendsFiles(state.fields);
  const anyRequired = state.fields.some((field) => field.required);
  const htmx = target.htmxTarget
    ? { 'hx-post': target.action, 'hx-target': target.htmxTarget, 'hx-swap': 'innerHTML', ...(multipart ? { 'hx-encoding': 'multipart/form-data' } : {}) }
    : {};
  return (
    <form
      method="post"
      action={target.action}
      class="formulaire"
      novalidate
      {...(multipart ? { enctype: 'multipart/form-data' } : {})}
      {...htmx}
      data-envoi={tr('form.sending')}
    >
      <input type="hidden" name={CSRF_FIELD} value={target.csrfToken} />
      {Object.entries(target.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary state={state} target={target} locale={locale} />
      {anyRequired ? (
        <p class="legende-obligatoire">
          {tr('form.requiredLegend')}
        </p>
      ) : null}
      {layOut(state.context.object, state.fields).map((section) => (
        <Section section={section} state={state} target={target} locale={locale} />
      ))}
      {props.children}
      <div class="boutons">
        <button type="submit">{target.submitLabel}</button>{' '}
        <a class="bouton bouton-secondaire" href={target.cancelHref} {...(target.htmxTarget ? { 'hx-get': target.cancelHref, 'hx-target': target.htmxTarget } : {})}>
          {tr('form.cancel')}
        </a>
      </div>
    </form>
  );
}
