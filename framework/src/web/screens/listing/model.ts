/**
 * Everything the listing's markup is drawn from, gathered once per request by view.tsx, and the
 * navigation attributes its links and forms share (plain links, enhanced with htmx).
 */
import type { PrintLink } from '../../documents/listing-print.ts';
import type { Actor } from '../../../access/actor.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { Locale } from '../../../i18n/locales.ts';
import type { CustomAction } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { ListResult } from '../../../records/read.ts';
import type { ListColumn } from './columns.ts';
import type { ResolvedCriterion } from './criteria.ts';
import type { ListingState } from './state.ts';
import { withQuery } from './state.ts';

export interface ListingOptions {
  /** Address the listing's own links (sort, pages, search, page size) are built on. */
  readonly baseUrl: string;
  /** Equality conditions the user cannot change (a sub-form's parent key: { om_profil: '3' }); those columns are not shown. */
  readonly fixed?: Readonly<Record<string, string>>;
  /** Inside a sub-form: links and the search form update this element via htmx (hx-target) instead of the page. */
  readonly target?: string;
  /** Address of a row's record (default: recordUrl(object, id)). */
  readonly rowHref?: (id: string) => string;
  /** « Ajouter » address (default newUrl(object)); null: no add button. */
  readonly addHref?: string | null;
  /** Sub-form: no CSV link, no advanced search, no expired toggle. */
  readonly compact?: boolean;
}

/** Element ids of one listing (one listing per object on a page). */
export interface ListingIds {
  readonly root: string;
  readonly form: string;
  readonly state: string;
  readonly count: string;
  readonly region: string;
}

export function listingIds(object: Pick<RegisteredObject, 'app' | 'name'>): ListingIds {
  const root = `liste-${object.app}-${object.name}`;
  return { root, form: `${root}-recherche`, state: `${root}-etat`, count: `${root}-compte`, region: `${root}-resultats` };
}

export interface ListingModel {
  readonly object: RegisteredObject;
  readonly actor: Actor;
  readonly locale: Locale;
  readonly tr: Translate;
  readonly state: ListingState;
  readonly options: ListingOptions;
  readonly ids: ListingIds;
  readonly columns: readonly ListColumn[];
  /** The advanced search, when the object declares one and the listing is not compact. */
  readonly criteria: readonly ResolvedCriterion[] | undefined;
  /** The page of rows, or the French message of a refused parameter. */
  readonly outcome: { readonly result: ListResult } | { readonly error: string };
  readonly addHref: string | undefined;
  readonly csvHref: string | undefined;
  /** The PDF listing of the current search, when the object has one and the actor may export. */
  readonly pdfHref: string | undefined;
  /** « Imprimer » a document for every record of the current search (états, lettres types of the object). */
  readonly printLinks: readonly PrintLink[];
  /** Custom actions offered on rows (`inListing`) whose permission the actor holds. */
  readonly rowActions: readonly (readonly [string, CustomAction])[];
  /** Address of a row's record, when the actor may open it. */
  readonly rowHref: ((id: string) => string) | undefined;
  /** This listing as it is now (page, search, sort): where « Retour » brings the user back. */
  readonly currentUrl: string;
}

/** A link of the listing to itself with `query`: its address, and htmx swapping the results. */
export function navigation(model: ListingModel, query: URLSearchParams): { href: string; attributes: Record<string, string> } {
  const href = withQuery(model.options.baseUrl, query);
  return { href, attributes: { 'hx-get': href, ...swapAttributes(model) } };
}

/** Where htmx puts the answer: the results region (and the address bar), or the sub-form's element. */
export function swapAttributes(model: ListingModel): Record<string, string> {
  const { target } = model.options;
  return target
    ? { 'hx-target': target, 'hx-swap': 'innerHTML', 'hx-push-url': 'false' }
    : { 'hx-target': `#${model.ids.region}`, 'hx-swap': 'outerHTML', 'hx-push-url': 'true' };
}

/** `retour=…` for a link leaving the listing, so that the form's « Retour » comes back to `currentUrl`. */
export const returnQuery = (currentUrl: string) => `retour=${encodeURIComponent(currentUrl)}`;

const NUMBER_FORMATS = { fr: new Intl.NumberFormat('fr-FR'), other: new Intl.NumberFormat('en-GB') };

/** Numbers as the listing writes them (« 1 000 000 » in French); built once, not on every page. */
export function numberFormat(model: ListingModel): Intl.NumberFormat {
  return model.locale === 'fr' ? NUMBER_FORMATS.fr : NUMBER_FORMATS.other;
}
