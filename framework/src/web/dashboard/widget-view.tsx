/**
 * The HTML of a widget: a titled section (`<h2>`), its content by kind, and for a web widget its
 * « Voir » link. A chart is a `<canvas role="img">` named by its title, drawn by `dashboard.js`
 * with Chart.js from the data in its `data-graphique` attribute (no inline script), with the same
 * data as a table in « Données du graphique » (the text alternative).
 */
import { translator, type Locale } from '../../i18n/index.ts';
import type { ChartContent, CounterContent, ListContent, SearchContent } from '../../model/extensions.ts';
import { safeLink } from './safe-link.ts';
import type { WidgetView } from './widget-content.ts';

function Counter(props: { content: CounterContent; locale: Locale }) {
  const { content } = props;
  const href = safeLink(content.href);
  const figure = (
    <>
      <span class="compteur-valeur">{content.value.toLocaleString(props.locale)}</span> <span class="compteur-libelle">{content.label}</span>
    </>
  );
  return <p class="compteur">{href ? <a href={href}>{figure}</a> : figure}</p>;
}

function List(props: { content: ListContent; locale: Locale }) {
  const { content } = props;
  const tr = translator(props.locale);
  const more = content.more ? safeLink(content.more.href) : undefined;
  return (
    <>
      {content.items.length === 0 ? (
        <p>{tr('dashboard.widget.noItems')}</p>
      ) : (
        <ul class="widget-liste">
          {content.items.map((item) => {
            const href = safeLink(item.href);
            return (
              <li>
                {href ? <a href={href}>{item.label}</a> : item.label}
                {item.detail ? <span class="widget-detail"> {item.detail}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      {content.more && more ? (
        <p class="widget-pied">
          <a href={more}>{content.more.label}</a>
        </p>
      ) : null}
    </>
  );
}

function Search(props: { content: SearchContent; widgetId: number }) {
  const { content } = props;
  const action = safeLink(content.action);
  if (!action) return null;
  const id = `widget-recherche-${props.widgetId}`;
  return (
    <form method="get" action={action} class="widget-recherche" role="search">
      <label for={id}>{content.label}</label> <input type="search" id={id} name="q" maxlength={200} autocomplete="off" />{' '}
      <button type="submit">{content.button}</button>
    </form>
  );
}

/** What `dashboard.js` reads to draw the chart. */
export interface ChartData {
  readonly type: ChartContent['chart'];
  readonly labels: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
}

function Chart(props: { content: ChartContent; locale: Locale }) {
  const { content, locale } = props;
  const tr = translator(locale);
  const data: ChartData = { type: content.chart, labels: content.labels, series: content.series };
  return (
    <figure class="graphique">
      <div class="graphique-zone">
        <canvas role="img" aria-label={content.title} data-graphique={JSON.stringify(data)}>
          {content.title}
        </canvas>
      </div>
      <details class="graphique-donnees">
        <summary>{tr('dashboard.widget.chartData')}</summary>
        <table>
          <caption>{content.title}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('dashboard.widget.chartLabel')}</th>
              {content.series.map((series) => (
                <th scope="col">{series.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {content.labels.map((label, index) => (
              <tr>
                <th scope="row">{label}</th>
                {content.series.map((series) => (
                  <td>{(series.values[index] ?? 0).toLocaleString(locale)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Body(props: { view: WidgetView; title: string; locale: Locale; widgetId: number }) {
  const { view, locale } = props;
  const tr = translator(locale);
  switch (view.kind) {
    case 'failed':
      return (
        <p class="message message-erreur" role="alert">
          {tr('dashboard.widget.failed')}
        </p>
      );
    case 'web':
      return (
        <>
          <div class="widget-texte" dangerouslySetInnerHTML={{ __html: view.html }} />
          {view.link ? (
            <p class="widget-pied">
              <a href={view.link}>
                {tr('dashboard.widget.see')}
                <span class="visuellement-cache">{tr('dashboard.widget.seeAbout', { widget: props.title })}</span>
              </a>
            </p>
          ) : null}
        </>
      );
    case 'server':
      switch (view.content.kind) {
        case 'counter':
          return <Counter content={view.content} locale={locale} />;
        case 'list':
          return <List content={view.content} locale={locale} />;
        case 'chart':
          return <Chart content={view.content} locale={locale} />;
        case 'search':
          return <Search content={view.content} widgetId={props.widgetId} />;
      }
  }
}

export function WidgetSection(props: { id: number; title: string; view: WidgetView; locale: Locale }) {
  const headingId = `widget-${props.id}`;
  return (
    <section class={`widget widget-${props.view.kind === 'server' ? props.view.content.kind : props.view.kind}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <div class="widget-contenu">
        <Body view={props.view} title={props.title} locale={props.locale} widgetId={props.id} />
      </div>
    </section>
  );
}
