/** Previous and next page, page number and page size choices: links and GET forms, enhanced with htmx. */
import type { ListResult } from '../../../records/read.ts';
import { navigation, numberFormat, swapAttributes, type ListingModel } from './model.ts';
import { changed, PAGE_SIZES } from './state.ts';

/** Beyond this many pages the page is typed rather than chosen in a list. */
const MAX_PAGE_OPTIONS = 100;

/** The state's query as hidden inputs, but for the parameters the form itself sets. */
function HiddenState(props: { model: ListingModel; except: readonly string[] }) {
  const entries = [...props.model.state.query].filter(([name]) => !props.except.includes(name));
  return (
    <>
      {entries.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function Pagination(props: { model: ListingModel; result: ListResult }) {
  const { model, result } = props;
  const { tr, state, ids } = model;
  const pages = result.total === null ? undefined : Math.max(1, Math.ceil(result.total / result.perPage));
  const hasNext = pages === undefined ? result.rows.length === result.perPage : result.page < pages;
  const hasPrevious = result.page > 1;
  const previous = navigation(model, changed(state, { page: String(result.page - 1) }));
  const next = navigation(model, changed(state, { page: String(result.page + 1) }));
  // Sent by its button only (htmx's default trigger of a form, `submit`): a change of the list
  // does not load the page by itself, so « Aller » is one request and one history entry, not two.
  const form = { method: 'get' as const, action: model.options.baseUrl, 'hx-get': model.options.baseUrl, ...swapAttributes(model) };
  const format = numberFormat(model);
  const sizes = PAGE_SIZES.includes(result.perPage) ? PAGE_SIZES : [...PAGE_SIZES, result.perPage].sort((a, b) => a - b);
  return (
    <nav class="listing-pagination" aria-label={tr('listing.pagination.label')}>
      <ul>
        <li>
          {hasPrevious ? (
            <a href={previous.href} id={`${ids.root}-precedent`} rel="prev" {...previous.attributes}>
              {tr('listing.pagination.previous')}
            </a>
          ) : (
            <span class="inactif">{tr('listing.pagination.previous')}</span>
          )}
        </li>
        {pages !== undefined ? (
          <li>
            {tr(result.totalIsEstimate ? 'listing.pagination.pageOfEstimate' : 'listing.pagination.pageOf', {
              page: format.format(result.page),
              pages: format.format(pages),
            })}
          </li>
        ) : null}
        <li>
          {hasNext ? (
            <a href={next.href} id={`${ids.root}-suivant`} rel="next" {...next.attributes}>
              {tr('listing.pagination.next')}
            </a>
          ) : (
            <span class="inactif">{tr('listing.pagination.next')}</span>
          )}
        </li>
      </ul>
      <div class="listing-choix">
        {pages !== undefined && pages > 1 ? (
          <form {...form}>
            <HiddenState model={model} except={['page']} />
            <label for={`${ids.root}-page`}>{tr('listing.pagination.page')}</label>
            {pages <= MAX_PAGE_OPTIONS ? (
              <select id={`${ids.root}-page`} name="page">
                {Array.from({ length: pages }, (_, index) => (
                  <option value={String(index + 1)} selected={index + 1 === result.page}>
                    {String(index + 1)}
                  </option>
                ))}
              </select>
            ) : (
              <input type="number" id={`${ids.root}-page`} name="page" min={1} max={pages} value={String(result.page)} />
            )}
            <button type="submit">{tr('listing.pagination.go')}</button>
          </form>
        ) : null}
        <form {...form}>
          <HiddenState model={model} except={['page', 'per_page']} />
          <label for={`${ids.root}-par-page`}>{tr('listing.pagination.perPage')}</label>
          <select id={`${ids.root}-par-page`} name="per_page">
            {sizes.map((size) => (
              <option value={String(size)} selected={size === result.perPage}>
                {String(size)}
              </option>
            ))}
          </select>
          <button type="submit">{tr('listing.pagination.show')}</button>
        </form>
      </div>
    </nav>
  );
}
