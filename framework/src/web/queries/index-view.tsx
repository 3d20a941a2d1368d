/** « Requêtes mémorisées »: the queries the user may run, by application, with what each asks. */
import type { Translate } from '../../i18n/index.ts';
import type { QueryShape } from '../../queries/index.ts';
import { parseParameters, type StoredSource } from '../../documents/sources/index.ts';
import { QUERY_PATHS } from './paths.ts';

function criteriaText(tr: Translate, shape: QueryShape): string {
  if (shape.criteria.length === 0) return tr('queries.index.noCriteria');
  return shape.criteria
    .map(({ criterion, field }) => {
      const params = { label: field.label, input: tr(`queries.inputs.${criterion.input}`) };
      return criterion.required ? tr('queries.index.requiredCriterion', params) : tr('queries.index.criterion', params);
    })
    .join(' ; ');
}

function groupByApp(shapes: readonly QueryShape[]): [string, QueryShape[]][] {
  const groups = new Map<string, QueryShape[]>();
  for (const shape of shapes) groups.set(shape.spec.app, [...(groups.get(shape.spec.app) ?? []), shape]);
  return [...groups];
}

/** The queries written by an administrator (`om_requete` marked `reqmo`), under their own heading. */
function AdminQueries(props: { tr: Translate; sources: readonly StoredSource[] }) {
  const { tr } = props;
  return (
    <section aria-labelledby="requetes-administrateur">
      <h2 id="requetes-administrateur">{tr('queries.admin.heading')}</h2>
      <div class="listing-defilement" role="region" aria-labelledby="requetes-administrateur" tabindex={0}>
        <table class="listing-tableau">
          <caption class="visuellement-cache">{tr('queries.admin.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('queries.index.query')}</th>
              <th scope="col">{tr('queries.admin.description')}</th>
              <th scope="col">{tr('queries.admin.parametersColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {props.sources.map((source) => (
              <tr>
                <th scope="row">
                  <a href={QUERY_PATHS.adminForm(source.om_requete)}>{source.libelle}</a>
                </th>
                <td>{source.description || tr('queries.admin.noDescription')}</td>
                <td>{parameterNames(source) || tr('queries.admin.noParameters')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The declared parameters' labels; a declaration that cannot be read is reported on the query's form. */
function parameterNames(source: StoredSource): string {
  try {
    return parseParameters(source.parametres)
      .map((parameter) => parameter.label)
      .join(' ; ');
  } catch {
    return '';
  }
}

/** `titleOf`: an application's title (« Registre RGPD »), by which the groups are headed. */
export function IndexView(props: { tr: Translate; shapes: readonly QueryShape[]; adminSources?: readonly StoredSource[]; titleOf: (app: string) => string }) {
  const { tr } = props;
  const groups = groupByApp(props.shapes);
  const adminSources = props.adminSources ?? [];
  return (
    <div class="requetes">
      <p>{tr('queries.index.intro')}</p>
      {groups.length === 0 && adminSources.length === 0 && <p>{tr('queries.index.none')}</p>}
      {groups.map(([app, shapes]) => (
        <section aria-labelledby={`requetes-${app}`}>
          <h2 id={`requetes-${app}`}>{props.titleOf(app)}</h2>
          <div class="listing-defilement" role="region" aria-labelledby={`requetes-${app}`} tabindex={0}>
            <table class="listing-tableau">
              <caption class="visuellement-cache">{tr('queries.index.caption', { app: props.titleOf(app) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('queries.index.query')}</th>
                  <th scope="col">{tr('queries.index.object')}</th>
                  <th scope="col">{tr('queries.index.asks')}</th>
                </tr>
              </thead>
              <tbody>
                {shapes.map((shape) => (
                  <tr>
                    <th scope="row">
                      <a href={QUERY_PATHS.form(shape.spec.app, shape.spec.name)}>{shape.spec.label}</a>
                    </th>
                    <td>
                      {shape.object.meta.label} ({shape.columns.length === 1 ? tr('queries.index.columnsOne') : tr('queries.index.columns', { count: shape.columns.length })})
                    </td>
                    <td>{criteriaText(tr, shape)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {adminSources.length > 0 && <AdminQueries tr={tr} sources={adminSources} />}
    </div>
  );
}
