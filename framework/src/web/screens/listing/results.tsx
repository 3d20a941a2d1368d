/**
 * The listing's results: the count (a polite live region), then the region htmx swaps — tools
 * (CSV export of the current search, expired rows), the table, the pagination.
 */
import type { RegisteredObject } from '../../../model/registry.ts';
import { LabelPrintLink } from '../../documents/label-link.tsx';
import { csvUrl } from '../shared/index.ts';
import { mapPageUrl } from '../carte/urls.ts';
import { navigation, numberFormat, type ListingModel } from './model.ts';
import { Pagination } from './pagination.tsx';
import { Table } from './table.tsx';
import { changed, withQuery, type ListingState } from './state.ts';

/** « 1 - 15 enregistrement(s) sur 42 », « … sur environ 1 000 000 (estimation) », or the empty state. */
export function countText(model: ListingModel): string {
  if (!('result' in model.outcome)) return '';
  const { result } = model.outcome;
  const { tr } = model;
  if (result.rows.length === 0) return tr('listing.empty');
  const format = numberFormat(model);
  const first = (result.page - 1) * result.perPage + 1;
  const numbers = { first: format.format(first), last: format.format(first + result.rows.length - 1) };
  if (result.total === null) return tr('listing.countUnknown', numbers);
  const total = format.format(result.total);
  return result.totalIsEstimate ? tr('listing.countEstimate', { ...numbers, total }) : tr('listing.count', { ...numbers, total });
}

export function Count(props: { model: ListingModel; outOfBand?: boolean }) {
  const { model } = props;
  return (
    <p
      id={model.ids.count}
      class="listing-compte"
      aria-live="polite"
      aria-atomic="true"
      {...(props.outOfBand ? { 'hx-swap-oob': 'innerHTML' } : {})}
    >
      {countText(model)}
    </p>
  );
}
function Tools(props: { model: ListingModel }) {
  const { model } = props;
  const { tr, state } = model;
  const validity = model.object.meta.validity !== null && !model.options.compact;
  // « Voir sur la carte »: objects with a geometry field, the same search.
  const mapHref = !model.options.compact && model.object.meta.fields.some((field) => field.kind === 'geometry') ? mapPageUrl(model.object, exportQuery(state)) : undefined;
  if (!model.csvHref && !model.pdfHref && model.printLinks.length === 0 && !validity && !mapHref) return null;
  const toggle = navigation(model, changed(state, { expired: state.expired ? null : '1' }));
  return (
    <ul class="listing-outils" aria-label={tr('listing.toolbar')}>
      {mapHref ? (
        <li>
          <a href={mapHref} title={tr('carte.page.linkTitle')} hx-boost="false">
            {tr('carte.page.link')}
          </a>
        </li>
      ) : null}
      {model.csvHref ? (
        <li>
          <a href={model.csvHref} title={tr('listing.exportCsvTitle')} download>
            {tr('listing.exportCsv')}
          </a>
        </li>
      ) : null}
      {model.pdfHref ? (
        <li>
          <a href={model.pdfHref} title={tr('documents.listing.linkTitle')} download>
            {tr('documents.listing.link')}
          </a>
        </li>
      ) : null}
      {model.printLinks.map((link, index) =>
        link.kind === 'etiquettes' ? (
          <LabelPrintLink link={link} id={`${model.ids.root}-depart-${index}`} tr={tr} />
        ) : (
          <li>
            <a href={link.href} type="application/pdf" title={tr('documents.batch.linkTitle', { kind: tr(`documents.print.${link.kind}`), document: link.libelle })}>
              {tr('documents.batch.link', { document: link.libelle })}
            </a>
          </li>
        ),
      )}
      {validity ? (
        <li>
          <a href={toggle.href} id={`${model.ids.root}-expires`} {...toggle.attributes}>
            {tr(state.expired ? 'listing.hideExpired' : 'listing.showExpired')}
          </a>
        </li>
      ) : null}
    </ul>
  );
}
/** The region htmx swaps (its id is the `HX-Target` of the listing's own requests). */
export function Results(props: { model: ListingModel }) {
  const { model } = props;
  const { outcome, tr } = model;
  return (
    <div id={model.ids.region} class="listing-resultats" tabindex={-1}>
      <Tools model={model} />
      {'error' in outcome ? (
        <>
          <div role="alert">
            <p>{outcome.error}</p>
          </div>
          <p>
            <a href={model.options.baseUrl}>{tr('listing.reset')}</a>
          </p>
        </>
      ) : outcome.result.rows.length === 0 ? null : (
        <>
          <Table model={model} result={outcome.result} />
          <Pagination model={model} result={outcome.result} />
        </>
      )}
    </div>
  );
}
/** The CSV export of the current search: everything that matches, whatever the page. */
export function csvHrefOf(object: RegisteredObject, state: ListingState): string {
  return withQuery(csvUrl(object), exportQuery(state));
}

/** The PDF listing of the current search: the same query as the CSV export. */
export function pdfHrefOf(object: RegisteredObject, state: ListingState): string {
  return withQuery(`/${object.app}/${object.name}.pdf`, exportQuery(state));
}

export function exportQuery(state: ListingState): URLSearchParams {
  const query = new URLSearchParams(state.query);
  for (const name of ['page', 'per_page', 'adv', 'count']) query.delete(name);
  return query;
}
