/**
 * « Localiser » (issue 13, point 6): a form with an address and a geometry field offers a button
 * that turns the address typed in the form into a point. An object's override says which form
 * fields make the address and how they become a point (`ObjectOverride.localiser`): the elections'
 * voies through the collectivité's Base Adresse Locale points (`adresses.ts`), a cemetery's voie
 * and number along the voie's line. `GET /<app>/<table>/localiser?<field>=…` runs it as the user.
 */
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import type { Locale } from '../i18n/index.ts';

/** A point found for an address, in `srid`'s coordinates. */
export interface Localisation {
  readonly x: number;
  readonly y: number;
  readonly srid: number;
  /** `adresse`: the address's own point; `interpolee`: between its neighbours' numbers; `voie`: the voie only. */
  readonly precision: 'adresse' | 'interpolee' | 'voie';
  /** The address as found (« 12 bis rue des Lilas »), said to the user. */
  readonly libelle: string;
}

export interface LocaliserContext {
  /** The user's connection (row-level security applies), inside `readAs`. */
  readonly db: Db;
  readonly actor: Actor;
  /** The values of `champs` as the form holds them (text; empty fields absent). */
  readonly valeurs: Readonly<Record<string, string>>;
  readonly locale: Locale | undefined;
}

export interface Localisateur {
  /** The form fields the address is read from (a voie reference, a number…), in order. */
  readonly champs: readonly string[];
  /** The geometry field the point goes into (the object's first one by default). */
  readonly champGeometrie?: string;
  /** Null when the address is not found: the user is told so, the form keeps its geometry. */
  readonly localiser: (context: LocaliserContext) => Promise<Localisation | null>;
}
