/**
 * A stored query's result as a table: the chosen columns (a foreign key shows its row's label),
 * values as the screens show them, « N premières lignes sur M » when the limit cut it, and the
 * way back to the form with the same choices.
 */
import type { Locale, Translate } from '../../i18n/index.ts';
import type { QueryPlan, TableResult } from '../../queries/index.ts';
import type { FieldMeta } from '../../model/types.ts';
import { printedColumn } from '../export/cell.ts';
import { isNumeric } from '../screens/shared/index.ts';
import { referenceColumns } from '../../model/references.ts';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

function summary(tr: Translate, result: TableResult): string {
  if (result.rows.length === 0) return tr('queries.result.empty');
  const shown = result.rows.length;
  if (shown >= result.total && !result.totalIsEstimate) return shown === 1 ? tr('queries.result.allOne') : tr('queries.result.all', { count: shown });
  const total = result.totalIsEstimate ? tr('queries.result.about', { total: grouped(result.total) }) : grouped(result.total);
  return shown === 1 ? tr('queries.result.limitedOne', { total }) : tr('queries.result.limited', { shown, total });
}

export function ResultView(props: { tr: Translate; locale: Locale; plan: QueryPlan; result: TableResult; formHref: string }) {
  const { tr, plan, result, locale } = props;
  const labelled = referenceColumns(plan.shape.object.meta);
  const numeric = (field: FieldMeta) => isNumeric(field) && !labelled.has(field.name);
  // Cells as the listing's PDF prints them: the referenced row's label, a fixed choice's label, else the screens' format.
  const [first, ...others] = plan.columns.map((field) => printedColumn(plan.shape.object, field, locale));
  return (
    <div class="requete-resultat">
      <p class="listing-compte" id="requete-compte">{summary(tr, result)}</p>
      <p class="listing-boutons">
        <a href={props.formHref}>{tr('queries.result.backToForm')}</a>
      </p>
      {result.rows.length > 0 && first && (
        // A wide table scrolls inside its region: focusable, so that the keyboard can scroll it too.
        <div class="listing-defilement" role="region" aria-labelledby="requete-legende" tabindex={0}>
          <table class="listing-tableau" aria-describedby="requete-compte">
            <caption id="requete-legende">{tr('queries.result.caption', { label: plan.shape.spec.label })}</caption>
            <thead>
              <tr>
                {plan.columns.map((field) => (
                  <th scope="col" class={numeric(field) ? 'nombre' : undefined}>{field.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr>
                  <th scope="row" class={numeric(first.field) ? 'nombre' : undefined}>{first.text(row)}</th>
                  {others.map((column) => (
                    <td class={numeric(column.field) ? 'nombre' : undefined}>{column.text(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
