/** The import pages before the upload: the list of imports, and one import's help table and form. */
import { formatSize } from '../../files/index.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { SEPARATORS, type Separator } from '../../imports/index.ts';
import type { ImportSpec } from '../../model/specs.ts';
import type { Registry } from '../../model/registry.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import type { RunnableImport } from './access.ts';
import { acceptedValues, typeOf } from './help.ts';
import { IMPORT_PATHS } from './paths.ts';
import { FORM_FIELDS } from './upload.ts';

export function IndexView(props: { tr: Translate; imports: readonly RunnableImport[] }) {
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
                <td>{spec.app}</td>
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
}

export const DEFAULT_FORM: UploadFormValues = { separator: ';', header: true, simulation: false };

function UploadForm(props: { tr: Translate; locale: Locale; spec: ImportSpec; csrfToken: string; maxBytes: number; values: UploadFormValues; error: boolean }) {
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
        csrfToken={props.csrfToken}
        maxBytes={props.maxBytes}
        values={props.values}
        error={props.error}
      />
    </div>
  );
}
