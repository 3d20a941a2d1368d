/**
 * The listing benchmark's cases, on `bench.personne` (bench/data/listing-data.ts). Each case is a
 * list request; bench/service.ts compiles the SQL the record service issues for it, so that raw
 * SQL, the service and the HTTP API are measured on exactly the same query.
 */

/** The agent's collectivité (Libreville, level 1): the service scopes to it and RLS enforces it. */
export const COLLECTIVITE = 1;
export const PER_PAGE = 15;

/** What `listRecords` (and `GET /api/v1/bench/personne`) receives. */
export interface ListingRequest {
  page: number;
  perPage: number;
  /** `nom,-date_naissance`: fields, `-` for descending (the API's `sort`). */
  sort?: string;
  q?: string;
  /** Restricts the search to one column, as `om.fold(nom) like …` below. */
  col?: string;
  /**
   * `none`: the page only, like the raw SQL. The service's default (`estimated`) also counts up to
   * 100,000 matching rows, then asks the planner: drop this to measure that too.
   */
  count?: 'exact' | 'estimated' | 'none';
}

/** A case: its name and the list request; the SQL is the one the record service builds for it. */
export interface ListingCase {
  name: string;
  request: ListingRequest;
}

const PAGE_1000 = 1000;

export const listingCases: ListingCase[] = [
  { name: 'page 1, par clé', request: { page: 1, perPage: PER_PAGE, sort: 'personne', count: 'none' } },
  { name: `page ${PAGE_1000.toLocaleString('fr-FR')}, par clé`, request: { page: PAGE_1000, perPage: PER_PAGE, sort: 'personne', count: 'none' } },
  { name: 'page 1, par nom', request: { page: 1, perPage: PER_PAGE, sort: 'nom', count: 'none' } },
  { name: 'recherche « dupon »', request: { page: 1, perPage: PER_PAGE, sort: 'nom', q: 'dupon', col: 'nom', count: 'none' } },
];
