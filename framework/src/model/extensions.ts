/**
 * What an application adds to the screens besides its objects: menu entries for pages that are
 * not listings (stored queries, treatments, imports…) and server widgets for the dashboard.
 * Registered through `Registry.addMenuEntry` / `Registry.addWidget` in `Application.register`.
 */
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Rubrique } from './override.ts';

/** A menu entry that is not an object's listing. */
export interface MenuEntry {
  readonly rubrique: Rubrique;
  readonly label: string;
  readonly href: string;
  /** Shown only to users holding one of these permissions (openMairie: OR). */
  readonly permissions: readonly string[];
  readonly category?: string;
  readonly order?: number;
}

/** Everything a server widget may use to compute its content. */
export interface WidgetContext {
  readonly actor: Actor;
  /** Runs `work` as the actor (collectivité scope and RLS apply). */
  readonly read: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  readonly locale: Locale;
}

/** A figure linking to the listing it counts. */
export interface CounterContent {
  readonly kind: 'counter';
  readonly value: number;
  readonly label: string;
  readonly href?: string;
}

/** A few records, each with its link, and a link to the whole list. */
export interface ListContent {
  readonly kind: 'list';
  readonly items: readonly { readonly label: string; readonly href?: string; readonly detail?: string }[];
  readonly more?: { readonly label: string; readonly href: string };
}

export type ChartType = 'bar' | 'line' | 'pie';

/** A chart; its data is also given as a table (the text alternative). */
export interface ChartContent {
  readonly kind: 'chart';
  readonly chart: ChartType;
  /** Says what the chart shows, in one sentence (the chart's accessible name). */
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
}

/** A search box: a GET form to a listing of this site (`action`), its text sent as `q`. */
export interface SearchContent {
  readonly kind: 'search';
  readonly action: string;
  /** The field's label (said by screen readers, shown above the field). */
  readonly label: string;
  readonly button: string;
}

/** Nothing to show: the widget hides itself (openMairie's `$widget_is_empty`). */
export interface EmptyContent {
  readonly kind: 'empty';
}

export type WidgetContent = CounterContent | ListContent | ChartContent | SearchContent | EmptyContent;

/**
 * A widget computed on the server. An `om_widget` row of type `file` names it in its `lien`
 * column (`<app>.<name>`), as openMairie's `app/widget_<lien>.php`.
 */
export interface ServerWidget {
  /** `<app>.<name>`, unique. */
  readonly id: string;
  readonly label: string;
  /** Shown only to users holding one of these permissions (none: to everyone). */
  readonly permissions?: readonly string[];
  render(context: WidgetContext): Promise<WidgetContent>;
}

/** What a data source declared in code receives (framework/src/documents/sources). */
export interface DocumentSourceContext {
  readonly actor: Actor;
  /** Runs `work` as the actor (collectivité scope and RLS apply). */
  readonly read: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  /** The record's key (`idx`) and the declared parameters. */
  readonly params: Readonly<Record<string, string | number | boolean | null>>;
  readonly locale: Locale | undefined;
  /** At most this many rows, when given. */
  readonly limit: number | undefined;
}

/**
 * A data source declared by an application (`om_requete.type = 'objet'`, `classe` = `<app>/<name>`
 * or `<name>`), for what SQL cannot say simply. Its merge fields are declared, so that the
 * template's editor lists them without running it.
 */
export interface DocumentSourceSpec {
  readonly app: string;
  readonly name: string;
  readonly label: string;
  readonly fields: readonly { readonly name: string; readonly label: string }[];
  /** Besides `idx`. */
  readonly parameters?: readonly { readonly name: string; readonly label: string }[];
  rows(context: DocumentSourceContext): Promise<readonly Readonly<Record<string, unknown>>[]>;
}

/**
 * Work an application needs once a day, whatever users do (a concession reaching its term shows
 * « à terme » on the plans without anyone writing it): run as the framework over every
 * collectivité, at start-up and when the day changes in Paris. It must be idempotent (several
 * processes may run it the same day) and short, or start a job; it returns what it changed, for
 * the log.
 */
export interface DailyTask {
  /** `<application>.<name>`. */
  readonly id: string;
  readonly run: (db: Db) => Promise<string | undefined>;
}
