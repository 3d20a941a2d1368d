/** The import pages before the upload: the list of imports, and one import's help table and form. */
import { formatSize } from '../../files/index.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { IMPORT_MODES, SEPARATORS, updateKeyChoices, type ImportMode, type Separator } from '../../imports/index.ts';
import type { ImportSpec } from '../../model/specs.ts';
import type { Registry } from '../../model/registry.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import type { RunnableImport } from './access.ts';
import { acceptedValues, typeOf } from './help.ts';
import { IMPORT_PATHS } from './paths.ts';
import { FORM_FIELDS } from './upload.ts';

/** `titleOf`: an application's title (« Registre RGPD »), shown instead of its name. */
export function IndexView(props: { tr: Translate; imports: readonly RunnableImport[]; titleOf: (app: string) => string }) {
  const { tr } = props;
  return (
    <div class="import">
      <p>{tr('imports.index.intro')}</p>
      {props.imports.length === 0 ? (
        <p>{tr('imports.index.none')}</p>
      ) : (
        <table class="import-table">
          <caption>{tr('imports.index.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('imports.index.name')}</th>
              <th scope="col">{tr('imports.index.application')}</th>
              <th scope="col">{tr('imports.index.table')}</th>
            </tr>
          </thead>
          <tbody>
            {props.imports.map(({ spec }) => (
              <tr>
                <th scope="row"><a href={IMPORT_PATHS.spec(spec.app, spec.name)}>{spec.label}</a></th>
                <td>{props.titleOf(spec.app)}</td>
                <td><code>{spec.table}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function HelpTable(props: { tr: Translate; spec: ImportSpec; registry: Registry }) {
  const { tr, spec } = props;
  return (
    <table class="import-table import-colonnes">
      <caption>{tr('imports.spec.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('imports.spec.order')}</th>
          <th scope="col">{tr('imports.spec.column')}</th>
          <th scope="col">{tr('imports.spec.label')}</th>
          <th scope="col">{tr('imports.spec.type')}</th>
          <th scope="col">{tr('imports.spec.required')}</th>
          <th scope="col">{tr('imports.spec.default')}</th>
          <th scope="col">{tr('imports.spec.accepted')}</th>
        </tr>
      </thead>
      <tbody>
        {spec.fields.map((field, index) => (
          <tr>
            <td>{index + 1}</td>
            <th scope="row"><code>{field.name}</code></th>
            <td>{field.label}</td>
            <td>{typeOf(field, tr)}</td>
            <td>{tr(field.required ? 'imports.spec.yes' : 'imports.spec.no')}</td>
            <td>{field.defaultSql === undefined ? '' : <code>{field.defaultSql}</code>}</td>
            <td>{acceptedValues(field, props.registry, tr)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface UploadFormValues {
  readonly separator: Separator;
  readonly header: boolean;
  readonly simulation: boolean;
  /** Unset: « ignorer les lignes en erreur », the upload's default. */
  readonly mode?: ImportMode | undefined;
  /** Update mode's unique key (`updateKeyChoices`); unset: every line creates a record. */
  readonly updateKey?: string | undefined;
}

export const DEFAULT_FORM: UploadFormValues = { separator: ';', header: true, simulation: false, mode: 'ignorer' };

/** « Tout ou rien » or « ignorer les lignes en erreur ». */
function ModeChoice(props: { tr: Translate; mode: ImportMode }) {
  const { tr } = props;
  return (
    <fieldset>
      <legend>{tr('bulkImport.form.mode')}</legend>
      {IMPORT_MODES.map((mode) => (
        <p>
          <input type="radio" id={`import-mode-${mode}`} name={FORM_FIELDS.mode} value={mode} checked={props.mode === mode} />
          <label for={`import-mode-${mode}`}>{tr(`bulkImport.form.modes.${mode}`)}</label>
        </p>
      ))}
    </fieldset>
  );
}

/** The update mode: the unique key naming the existing row a line updates (absent when the table has none the file gives). */
function UpdateKeyChoice(props: { tr: Translate; spec: ImportSpec; registry: Registry; value: string | undefined }) {
  const { tr, spec } = props;
  const object = props.registry.get(spec.app, spec.table);
  const choices = object ? updateKeyChoices(spec, object) : [];
  if (choices.length === 0) return null;
  return (
    <p>
      <label for="import-cle-mise-a-jour">{tr('bulkImport.form.updateKey')}</label>
      <br />
      <select id="import-cle-mise-a-jour" name={FORM_FIELDS.updateKey} aria-describedby="import-cle-mise-a-jour-aide">
        <option value="" selected={!props.value}>{tr('bulkImport.form.updateKeyNone')}</option>
        {choices.map((choice) => (
          <option value={choice.value} selected={props.value === choice.value}>
            {tr('bulkImport.form.updateKeyChoice', { labels: choice.labels.join(' + ') })}
          </option>
        ))}
      </select>
      <br />
      <span id="import-cle-mise-a-jour-aide" class="aide">{tr('bulkImport.form.updateKeyHelp')}</span>
    </p>
  );
}

function UploadForm(props: { tr: Translate; locale: Locale; spec: ImportSpec; registry: Registry; csrfToken: string; maxBytes: number; values: UploadFormValues; error: boolean }) {
  const { tr, spec, values } = props;
  const separatorLabel = (separator: Separator) => tr(separator === ';' ? 'imports.form.semicolon' : 'imports.form.comma');
  return (
    <section aria-labelledby="import-formulaire">
      <h2 id="import-formulaire">{tr('imports.form.heading')}</h2>
      <form method="post" action={IMPORT_PATHS.spec(spec.app, spec.name)} enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <p>
          <label for="import-fichier">{tr('imports.form.file')}</label>
          <br />
          <input
            type="file"
            id="import-fichier"
            name={FORM_FIELDS.file}
            accept=".csv,.txt,text/csv,text/plain"
            required
            aria-describedby="import-fichier-aide"
            aria-invalid={props.error ? 'true' : undefined}
          />
          <br />
          <span id="import-fichier-aide" class="aide">{tr('imports.form.fileHelp', { max: formatSize(props.maxBytes, props.locale) })}</span>
        </p>
        <fieldset>
          <legend>{tr('imports.form.separator')}</legend>
          {SEPARATORS.map((separator, index) => (
            <p>
              <input type="radio" id={`import-separateur-${index}`} name={FORM_FIELDS.separator} value={separator} checked={values.separator === separator} />
              <label for={`import-separateur-${index}`}>{separatorLabel(separator)}</label>
            </p>
          ))}
        </fieldset>
        <p>
          <input type="checkbox" id="import-entete" name={FORM_FIELDS.header} value="1" checked={values.header} />
          <label for="import-entete">{tr('imports.form.header')}</label>
        </p>
        <ModeChoice tr={tr} mode={values.mode ?? 'ignorer'} />
        <UpdateKeyChoice tr={tr} spec={spec} registry={props.registry} value={values.updateKey} />
        <p>
          <input type="checkbox" id="import-simulation" name={FORM_FIELDS.simulation} value="1" checked={values.simulation} />
          <label for="import-simulation">{tr('imports.form.simulation')}</label>
        </p>
        <p><button type="submit">{tr('imports.form.submit')}</button></p>
      </form>
    </section>
  );
}

export function SpecView(props: {
  tr: Translate;
  locale: Locale;
  spec: ImportSpec;
  registry: Registry;
  csrfToken: string;
  maxBytes: number;
  values: UploadFormValues;
  error: boolean;
}) {
  const { tr, spec } = props;
  return (
    <div class="import">
      <p>{tr('imports.spec.intro')}</p>
      <HelpTable tr={tr} spec={spec} registry={props.registry} />
      <p>
        <a href={IMPORT_PATHS.template(spec.app, spec.name)} download>{tr('imports.spec.template')}</a>
        {' '}
        <span class="aide">{tr('imports.spec.templateHelp')}</span>
      </p>
      <UploadForm
        tr={tr}
        locale={props.locale}
        spec={spec}
        registry={props.registry}
        csrfToken={props.csrfToken}
        maxBytes={props.maxBytes}
        values={props.values}
        error={props.error}
      />
    </div>
  );
}
