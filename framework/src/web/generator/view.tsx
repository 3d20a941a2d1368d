/** The generator screen's pages: the applications, and one application's tables and files. */
import { ASSISTANT_KINDS } from '../../documents/assistants/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { TableMeta } from '../../model/types.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import type { CandidateFile, GeneratorPlan } from './plan.ts';
import { GENERATOR_PATHS } from './paths.ts';
import { FRAMEWORK_TARGET } from './targets.ts';

export const FILE_FIELD = 'fichier';
export const TABLE_FIELD = 'table';
export const DOCUMENT_FIELD = 'document';

export function IndexView(props: { tr: Translate; apps: ReadonlyMap<string, string>; framework: boolean }) {
  const { tr } = props;
  const rows = [...props.apps];
  return (
    <div class="generateur">
      <p>{tr('generator.index.intro')}</p>
      <p class="aide">{tr('generator.index.wait')}</p>
      {rows.length === 0 && <p>{tr('generator.index.none')}</p>}
      <table class="generateur-table">
        <caption>{tr('generator.index.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('generator.index.name')}</th>
            <th scope="col">{tr('generator.index.folder')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, folder]) => (
            <tr>
              <th scope="row"><a href={GENERATOR_PATHS.app(name)}>{name}</a></th>
              <td><code>{folder}</code></td>
            </tr>
          ))}
          {props.framework && (
            <tr>
              <th scope="row"><a href={GENERATOR_PATHS.app(FRAMEWORK_TARGET)}>{FRAMEWORK_TARGET}</a></th>
              <td>{tr('generator.index.framework')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const list = (columns: readonly string[]) => columns.join(', ');

/** « Créer un état », « Créer les sous-états », « Créer une lettre type » for a table the instance serves. */
function DocumentsForm(props: { tr: Translate; target: string; table: TableMeta; csrfToken: string }) {
  const { tr, table } = props;
  const id = `documents-${table.name}`;
  return (
    // Named « Documents » and its table's heading: each table of the page has such a form.
    <form method="post" action={GENERATOR_PATHS.documents(props.target)} class="generateur-documents" aria-labelledby={`${id} table-${table.name}`}>
      <h4 id={id}>{tr('generator.documents.heading')}</h4>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <input type="hidden" name={TABLE_FIELD} value={table.name} />
      <p class="aide">{tr('generator.documents.help')}</p>
      <p class="boutons">
        {ASSISTANT_KINDS.map((kind) => (
          <button type="submit" name={DOCUMENT_FIELD} value={kind}>{tr(`generator.documents.${kind}`)}</button>
        ))}
      </p>
    </form>
  );
}

function TableSection(props: { tr: Translate; table: TableMeta; documents?: { target: string; csrfToken: string } }) {
  const { tr, table } = props;
  const id = `table-${table.name}`;
  return (
    <section class="generateur-objet" aria-labelledby={id}>
      <h3 id={id}>
        {table.schema}.{table.name} <span class="nature">({tr(table.kind === 'view' ? 'generator.app.view' : 'generator.app.table')})</span>
      </h3>
      {table.readOnly && <p class="lecture-seule">{tr('generator.app.readOnly', { reason: table.readOnlyReason ?? '' })}</p>}
      <p>{table.primaryKey.length > 0 ? tr('generator.app.primaryKey', { columns: list(table.primaryKey) }) : tr('generator.app.noPrimaryKey')}</p>
      <table class="generateur-table">
        <caption>{tr('generator.app.fields', { table: table.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('generator.app.field')}</th>
            <th scope="col">{tr('generator.app.type')}</th>
            <th scope="col">{tr('generator.app.required')}</th>
          </tr>
        </thead>
        <tbody>
          {table.fields.map((field) => (
            <tr>
              <th scope="row">{field.name}</th>
              <td>{field.pgType}{field.maxLength !== undefined ? `(${field.maxLength})` : ''}</td>
              <td>{tr(field.required ? 'generator.app.yes' : 'generator.app.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="generateur-cles">
        <dt>{tr('generator.app.foreignKeys')}</dt>
        {table.foreignKeys.length === 0 && <dd>{tr('generator.app.none')}</dd>}
        {table.foreignKeys.map((key) => (
          <dd>
            {tr('generator.app.foreignKey', {
              columns: list(key.columns),
              target: `${key.target.schema}.${key.target.table}`,
              targetColumns: list(key.targetColumns),
            })}
          </dd>
        ))}
        <dt>{tr('generator.app.subForms')}</dt>
        {table.referencedBy.length === 0 && <dd>{tr('generator.app.none')}</dd>}
        {table.referencedBy.map((reference) => (
          <dd>{tr('generator.app.subForm', { source: `${reference.source.schema}.${reference.source.table}`, columns: list(reference.columns) })}</dd>
        ))}
        <dt>{tr('generator.app.uniques')}</dt>
        {table.uniques.length === 0 && <dd>{tr('generator.app.none')}</dd>}
        {table.uniques.map((columns) => <dd>{list(columns)}</dd>)}
      </dl>
      {props.documents && <DocumentsForm tr={tr} table={table} {...props.documents} />}
    </section>
  );
}

/** Pre-ticked when writing it would change something; a kept stub cannot be ticked. */
const preTicked = (file: CandidateFile) => file.status === 'absent' || file.status === 'stale';

function FilesForm(props: { tr: Translate; plan: GeneratorPlan; csrfToken: string }) {
  const { tr, plan } = props;
  return (
    <section aria-labelledby="fichiers-produits">
      <h2 id="fichiers-produits">{tr('generator.files.heading')}</h2>
      <p class="aide">{tr('generator.files.help')}</p>
      <form method="post" action={GENERATOR_PATHS.app(plan.target)}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <table class="generateur-table generateur-fichiers">
          <caption>{tr('generator.files.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('generator.files.choose')}</th>
              <th scope="col">{tr('generator.files.file')}</th>
              <th scope="col">{tr('generator.files.kind')}</th>
              <th scope="col">{tr('generator.files.status')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.files().map((file, index) => {
              const id = `fichier-${index}`;
              return (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      id={id}
                      name={FILE_FIELD}
                      value={file.name}
                      checked={preTicked(file)}
                      disabled={file.status === 'kept'}
                    />
                    <label for={id} class="visuellement-cache">{tr('generator.files.checkbox', { file: file.name })}</label>
                  </td>
                  <th scope="row"><code>{file.name}</code></th>
                  <td>{tr(file.stub ? 'generator.files.stub' : 'generator.files.generated')}</td>
                  <td><span class={`etat etat-${file.status}`}>{tr(`generator.files.${file.status}`)}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p><button type="submit">{tr('generator.files.submit')}</button></p>
      </form>
    </section>
  );
}

export function AppView(props: { tr: Translate; plan: GeneratorPlan; csrfToken: string; served?: (table: string) => boolean }) {
  const { tr, plan } = props;
  return (
    <div class="generateur">
      <p>{tr('generator.app.folder', { folder: plan.folder })}</p>
      {plan.problems.length > 0 && (
        <section aria-labelledby="generateur-problemes" class="generateur-problemes">
          <h2 id="generateur-problemes">{tr('generator.app.problems')}</h2>
          <ul>
            {plan.problems.map((problem) => <li>{tr('generator.app.problem', { table: problem.table, reason: problem.reason })}</li>)}
          </ul>
        </section>
      )}
      <FilesForm tr={tr} plan={plan} csrfToken={props.csrfToken} />
      <section aria-labelledby="generateur-tables">
        <h2 id="generateur-tables">{tr('generator.app.tables', { count: plan.tables.length })}</h2>
        {plan.tables.map((table) => (
          <TableSection
            tr={tr}
            table={table}
            {...(table.key !== null && props.served?.(table.name) ? { documents: { target: plan.target, csrfToken: props.csrfToken } } : {})}
          />
        ))}
      </section>
    </div>
  );
}
