/**
 * The listing of an object: permission, state, one call of the record service (rows and labels in
 * one query), then the markup. Used by the full page and by sub-form tabs (`listingView`).
 */
import type { Context } from 'hono';
import type { Child, JSXNode } from 'hono/jsx';
import { can } from '../../../access/permissions.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { ServiceError } from '../../../records/errors.ts';
import { listRecords } from '../../../records/read.ts';
import { listingRequestFromQuery } from '../../api/list-query.ts';
import type { AppEnv } from '../../env.ts';
import { serviceDeps } from '../../service-deps.ts';
import { localeOf, translatorOf } from '../../locale.ts';
import { actorOf, newUrl, recordUrl, requirePermission } from '../shared/index.ts';
import { listColumns } from './columns.ts';
import { resolveCriteria } from './criteria.ts';
import { listingIds, returnQuery, type ListingModel, type ListingOptions } from './model.ts';
import { listingPrintLinks } from '../../documents/listing-print.ts';
import { Count, csvHrefOf, exportQuery, pdfHrefOf, Results } from './results.tsx';
import { Search, SearchState } from './search.tsx';
import { queriesOf, readState, withQuery, type ListingState } from './state.ts';

export type { ListingOptions } from './model.ts';

/** hono's `jsx()` builds a JSXNode at run time; TypeScript only knows JSX expressions as elements. */
const asNode = (element: Child): JSXNode => element as unknown as JSXNode;

const readDeps = serviceDeps;

/** The page of rows, or the French message of a parameter the service refuses (shown in their place). */
async function fetchRows(c: Context<AppEnv>, object: RegisteredObject, state: ListingState, fixed: Readonly<Record<string, string>>): Promise<ListingModel['outcome']> {
  const deps = readDeps(c);
  try {
    const request = listingRequestFromQuery(queriesOf(state.query), deps.locale);
    const fixedCriteria = Object.entries(fixed).map(([field, value]) => ({ field, op: 'eq' as const, value }));
    const criteria = [...(request.criteria ?? []), ...fixedCriteria];
    return { result: await listRecords(deps, actorOf(c), object, { ...request, criteria }) };
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'bad_request') return { error: error.message };
    throw error;
  }
}

async function listingModel(
  c: Context<AppEnv>,
  object: RegisteredObject,
  query: URLSearchParams,
  options: ListingOptions,
  withForm: boolean,
): Promise<ListingModel> {
  const actor = actorOf(c);
  requirePermission(actor, object, 'tab');
  const fixed = options.fixed ?? {};
  const state = readState(query, fixed);
  const currentUrl = withQuery(options.baseUrl, state.query);
  const back = returnQuery(currentUrl);
  const declared = options.compact ? undefined : object.override.screens?.advancedSearch;
  const criteria = declared && declared.length > 0 ? await resolveCriteria(readDeps(c), actor, object, declared, withForm) : undefined;
  const readOnly = object.meta.readOnly || object.override.readOnly === true;
  const addHref = options.addHref === undefined ? `${newUrl(object)}?${back}` : (options.addHref ?? undefined);
  return {
    object,
    actor,
    locale: localeOf(c),
    tr: translatorOf(c),
    state,
    options,
    ids: listingIds(object),
    columns: listColumns(object, actor, fixed),
    criteria: criteria && criteria.length > 0 ? criteria : undefined,
    outcome: await fetchRows(c, object, state, fixed),
    addHref: !readOnly && can(actor, object, 'ajouter') ? addHref : undefined,
    csvHref: !options.compact && can(actor, object, 'exporter') ? csvHrefOf(object, state) : undefined,
    pdfHref:
      !options.compact && can(actor, object, 'exporter') && c.get('runtime').registry.listingPdfs.get(object.app, object.name)
        ? pdfHrefOf(object, state)
        : undefined,
    printLinks: options.compact ? [] : await listingPrintLinks(c.get('runtime').db, actor, object, exportQuery(state)),
    rowActions: Object.entries(object.override.actions ?? {}).filter(
      ([name, action]) => action.inListing === true && can(actor, object, action.permissionSuffix ?? name),
    ),
    rowHref: options.rowHref ?? (can(actor, object, 'consulter') ? (id: string) => `${recordUrl(object, id)}?${back}` : undefined),
    currentUrl,
  };
}

function Listing(props: { model: ListingModel }) {
  const { model } = props;
  return (
    <div id={model.ids.root} class="listing">
      {model.addHref ? (
        <p class="listing-barre">
          <a class="bouton" href={model.addHref}>
            {model.tr('listing.add')}
            <span class="visuellement-cache"> : {model.object.meta.label}</span>
          </a>
        </p>
      ) : null}
      <Search model={model} />
      <Count model={model} />
      <Results model={model} />
    </div>
  );
}

/** The results region and, out of band, the count and the search form's hidden state. */
function Fragment(props: { model: ListingModel }) {
  return (
    <>
      <Results model={props.model} />
      <Count model={props.model} outOfBand />
      <SearchState model={props.model} outOfBand />
    </>
  );
}

export interface RenderedListing {
  readonly node: JSXNode;
  /** Only the results region (an htmx request of the listing's own links and search). */
  readonly fragment: boolean;
  /** The service refused a parameter: the answer is a 400 (but for htmx, which swaps only 2xx). */
  readonly refused: boolean;
  /** The listing's address as it is now, without the search form's empty fields. */
  readonly url: string;
}

const isHtmx = (c: Context<AppEnv>) => c.req.header('HX-Request') === 'true';

export async function renderListing(c: Context<AppEnv>, object: RegisteredObject, query: URLSearchParams, options: ListingOptions): Promise<RenderedListing> {
  const fragment = isHtmx(c) && !options.target && c.req.header('HX-Target') === listingIds(object).region;
  const model = await listingModel(c, object, query, options, !fragment);
  return {
    node: asNode(fragment ? <Fragment model={model} /> : <Listing model={model} />),
    fragment,
    refused: 'error' in model.outcome,
    url: model.currentUrl,
  };
}

/** The listing (search, table, pagination) for `query` (the listing's own query string), permission-checked (`_tab`). */
export async function listingView(c: Context<AppEnv>, object: RegisteredObject, query: URLSearchParams, options: ListingOptions): Promise<JSXNode> {
  const listing = await renderListing(c, object, query, options);
  if (listing.refused && !isHtmx(c)) c.status(400);
  return listing.node;
}
