import { pluralOf, translator, type Locale } from '../../i18n/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import type { Row } from '../../db/connection.ts';
import { recordTitle } from '../screens/shared/screen.tsx';
import { listUrl, recordUrl } from '../screens/shared/urls.ts';
import type { ObjectResults, SearchOutcome } from './global-search.ts';

const labelOf = (object: RegisteredObject) => object.override.label ?? object.meta.label;

/** « 12 Dupont » (a keyless object: its label column). */
function rowTitle(object: RegisteredObject, row: Row, locale: Locale): string {
  if (object.meta.key) return recordTitle(object, row, locale);
  return String(row[object.meta.labelColumn] ?? '');
}

function countText(result: ObjectResults, locale: Locale): string {
  const tr = translator(locale);
  const count = result.total.toLocaleString(locale);
  if (result.totalIsEstimate) return tr('navigation.search.countEstimated', { count });
  return pluralOf(locale)(result.total, { one: tr('navigation.search.countOne', { count }), other: tr('navigation.search.countOther', { count }) });
}

function Group(props: { result: ObjectResults; query: string; index: number; locale: Locale }) {
  const { result, locale } = props;
  const tr = translator(locale);
  const { object } = result;
  const id = `resultats-${props.index}`;
  return (
    <section class="resultats-objet" aria-labelledby={id}>
      <h2 id={id}>
        {labelOf(object)} <span class="resultats-nombre">({countText(result, locale)})</span>
      </h2>
      <ul>
        {result.rows.map((row) => {
          const key = object.meta.key ? row[object.meta.key] : undefined;
          const title = rowTitle(object, row, locale);
          return <li>{key === undefined || key === null ? title : <a href={recordUrl(object, key)}>{title}</a>}</li>;
        })}
      </ul>
      <p class="resultats-tous">
        <a href={listUrl(object, new URLSearchParams({ q: props.query }))}>
          {tr('navigation.search.seeAll')}
          <span class="visuellement-cache">{tr('navigation.search.seeAllIn', { object: labelOf(object) })}</span>
        </a>
      </p>
    </section>
  );
}

/** The results, grouped by object; the summary is announced (`role="status"`). */
export function SearchResults(props: { outcome: SearchOutcome; query: string; locale: Locale }) {
  const { outcome, locale, query } = props;
  const tr = translator(locale);
  const count = outcome.groups.length;
  const summary =
    count === 0
      ? tr('navigation.search.noResultFor', { q: query })
      : pluralOf(locale)(count, { one: tr('navigation.search.summaryOne', { q: query, count }), other: tr('navigation.search.summaryOther', { q: query, count }) });
  return (
    <>
      <p role="status" class="resultats-resume">
        {count === 0 ? (
          <>
            <strong>{tr('navigation.search.noResult')}</strong>{' '}
          </>
        ) : null}
        {summary}
      </p>
      {outcome.failed.length > 0 ? (
        <p role="alert" class="message message-avertissement">
          {tr('navigation.search.failed', { objects: outcome.failed.map(labelOf).join(', ') })}
        </p>
      ) : null}
      {outcome.groups.map((result, index) => (
        <Group result={result} query={query} index={index} locale={locale} />
      ))}
    </>
  );
}
