import { translator, type Locale } from '../../i18n/index.ts';
import { COLUMNS, columnNumber, type Column } from './placements.ts';
import type { WidgetView } from './widget-content.ts';
import { WidgetSection } from './widget-view.tsx';

export interface ShownWidget {
  /** The placement's id (unique on the page). */
  readonly id: number;
  readonly title: string;
  readonly view: WidgetView;
}

/**
 * The columns of the dashboard, in order (a narrow screen puts them one under the other). An
 * empty dashboard says so, and offers the composer to those who may use it.
 */
export function DashboardColumns(props: { columns: Record<Column, readonly ShownWidget[]>; composerHref: string | undefined; locale: Locale }) {
  const tr = translator(props.locale);
  const empty = COLUMNS.every((column) => props.columns[column].length === 0);
  if (empty) {
    return (
      <div class="tableau-de-bord-vide">
        <p>{tr('dashboard.empty')}</p>
        {props.composerHref ? (
          <p>
            {tr('dashboard.emptyAdmin')}
            <a href={props.composerHref}>{tr('dashboard.composeLink')}</a>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div class="tableau-de-bord">
      {COLUMNS.map((column) => (
        <div class={`colonne colonne-${columnNumber(column)}`}>
          {props.columns[column].map((widget) => (
            <WidgetSection id={widget.id} title={widget.title} view={widget.view} locale={props.locale} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** Whether a chart is on the page (Chart.js is then loaded). */
export const hasChart = (columns: Record<Column, readonly ShownWidget[]>) =>
  COLUMNS.some((column) => columns[column].some((widget) => widget.view.kind === 'server' && widget.view.content.kind === 'chart'));
