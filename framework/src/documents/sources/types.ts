/**
 * A data source (`om_requete`): where a document's merge fields, a sous-état's rows or an
 * administrator's stored query take their values. Either SQL written by an administrator (run
 * read-only, as a role that can only read, under the user's collectivité) or a source declared in
 * code by an application.
 */
import type { Actor } from '../../access/actor.ts';
import type { Locale } from '../../i18n/index.ts';

/** A merge field as the template author sees it in the help: `[nom]` « Nom de l'électeur ». */
export interface MergeField {
  readonly name: string;
  readonly label: string;
}

/** A value given to a source: the record's key (`idx`) or a declared parameter. Always bound. */
export type SourceParams = Readonly<Record<string, string | number | boolean | null>>;

export interface SourceResult {
  readonly fields: readonly MergeField[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** What running a source needs besides the database. */
export interface SourceRequest {
  readonly actor: Actor;
  readonly params: SourceParams;
  readonly locale?: Locale;
  /** At most this many rows (a sous-état, a preview); none when absent. */
  readonly limit?: number;
}
