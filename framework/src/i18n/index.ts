/**
 * The message catalogue. Every text shown to users goes through `t`:
 *
 *     t('records.rules.required', { label: field.label })            // process language
 *     t('records.rules.required', { label: field.label }, 'en')      // a given language
 *     const tr = translator(locale); tr('pages.login.title')          // bound to a language
 *
 * Keys and parameters are checked by the compiler against the French catalogue (`fr.ts`); every
 * other language must have the same keys (`Messages`). The language is French unless said
 * otherwise: the process default comes from `COMMUN_LOCALE` (read by `loadConfig`), and code that
 * knows better (the runtime's configuration, later a user's preference) passes it explicitly.
 * A message missing in a language is shown in French.
 *
 * Applications add their own messages under their own namespace with `defineMessages` (typed) or
 * `registerMessages` (a translation of an existing namespace).
 */
import { loadConfig } from '../config/index.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { isLocale, LOCALES, REFERENCE_LOCALE, type Locale } from './locales.ts';
import type { ArgsFor, At, KeyOf, MessageLeaf, MessageTree, ParamsOf, Translation } from './types.ts';

export { isLocale, localeFrom, LOCALES, pluralOf, REFERENCE_LOCALE, type Locale } from './locales.ts';
export type { MessageParams, MessageTree, Translation } from './types.ts';

/** The French catalogue, with its literal texts (the source of keys and parameters). */
export type French = typeof fr;
/** What every language provides: the French keys, its own texts. */
export type Messages = Translation<French>;
/** `'records.rules.required' | 'access.invalidCredentials' | …` */
export type MessageKey = KeyOf<French>;
/** The parameters of a message: `{ label: string | number }` for `'Le champ « {label} »…'`. */
export type MessageParamsOf<K extends MessageKey> = ParamsOf<At<French, K>>;

const CATALOGUES: Readonly<Record<Locale, Messages>> = { fr, en };

// ---- the language ------------------------------------------------------------------------------

let processLocale: Locale | undefined;

/** The process-wide language: `COMMUN_LOCALE` (fr, en), French when unset or unknown. */
export function defaultLocale(): Locale {
  processLocale ??= loadConfig().locale;
  return processLocale;
}

/** Changes the process-wide language (start-up with a configuration built in code, tests). */
export function setDefaultLocale(locale: Locale | undefined): void {
  processLocale = locale;
}

// ---- lookup ------------------------------------------------------------------------------------

/** Messages applications added: locale → namespace → catalogue. */
const added = new Map<Locale, Map<string, MessageTree>>();
const paths = new Map<string, readonly string[]>();

function pathOf(key: string): readonly string[] {
  let path = paths.get(key);
  if (!path) {
    path = key.split('.');
    paths.set(key, path);
  }
  return path;
}

function walk(tree: MessageTree | undefined, path: readonly string[], from = 0): MessageLeaf | undefined {
  let node: MessageLeaf | MessageTree | undefined = tree;
  for (let index = from; index < path.length; index += 1) {
    if (node === undefined || typeof node !== 'object') return undefined;
    node = (node as MessageTree)[path[index] as string];
  }
  return typeof node === 'string' || typeof node === 'function' ? node : undefined;
}

function leafIn(locale: Locale, path: readonly string[]): MessageLeaf | undefined {
  const [namespace = ''] = path;
  const extension = added.get(locale)?.get(namespace);
  if (extension) return walk(extension, path, 1);
  return walk(CATALOGUES[locale] as unknown as MessageTree, path);
}

/** The message in `locale`, else in French; the key itself when it names no message at all. */
function lookup(key: string, locale: Locale): MessageLeaf {
  const path = pathOf(key);
  return leafIn(locale, path) ?? (locale === REFERENCE_LOCALE ? undefined : leafIn(REFERENCE_LOCALE, path)) ?? key;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The placeholders of a text message, in order: `'« {label} » ({max})'` → `['label', 'max']`. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

/** Replaces `{name}` by its value, in one pass (a value is never read as a template); unknown names stay. */
function format(text: string, params: Readonly<Record<string, unknown>> | undefined): string {
  if (params === undefined || !text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

function render(leaf: MessageLeaf, params: Readonly<Record<string, unknown>> | undefined): string {
  return typeof leaf === 'function' ? leaf(params ?? {}) : format(leaf, params);
}

// ---- the public functions ----------------------------------------------------------------------

/**
 * The message `key` in `locale` (default: the process language), its `{placeholders}` replaced by
 * `params`. `t('records.rules.required', { label: 'Nom' })` → `Le champ « Nom » est obligatoire.`
 */
export function t<K extends MessageKey>(key: K, ...[params, locale]: ArgsFor<MessageParamsOf<K>, [locale?: Locale | undefined]>): string {
  return render(lookup(key, locale ?? defaultLocale()), params as Readonly<Record<string, unknown>> | undefined);
}

/** `t` bound to a language: `const tr = translator(locale); tr('pages.login.title')`. */
export type Translate = <K extends MessageKey>(key: K, ...args: ArgsFor<MessageParamsOf<K>>) => string;

export function translator(locale?: Locale): Translate {
  return (key, ...[params]) => render(lookup(key, locale ?? defaultLocale()), params as Readonly<Record<string, unknown>> | undefined);
}

/**
 * A text message cut at its placeholders, for markup: the parameters (strings or elements) are put
 * in place without being turned into text. `tParts('pages.home.apiDescription', { link: <a…/> })`
 * → `['Description de l’API : ', <a…/>]`. A function message is returned whole, as text.
 */
export function tParts<K extends MessageKey, V>(
  key: K,
  params: { readonly [P in keyof MessageParamsOf<K>]: V | string | number },
  locale?: Locale,
): (V | string)[] {
  const leaf = lookup(key, locale ?? defaultLocale());
  const values = params as Readonly<Record<string, V | string | number>>;
  if (typeof leaf === 'function') return [leaf(values)];
  const parts: (V | string)[] = [];
  let last = 0;
  for (const match of leaf.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!Object.hasOwn(values, name)) continue;
    if (match.index > last) parts.push(leaf.slice(last, match.index));
    const value = values[name] as V | string | number;
    parts.push(typeof value === 'number' ? String(value) : value);
    last = match.index + match[0].length;
  }
  if (last < leaf.length) parts.push(leaf.slice(last));
  return parts;
}

// ---- applications' messages --------------------------------------------------------------------

const FRAMEWORK_NAMESPACES = new Set(Object.keys(fr));

/**
 * Adds (or replaces) the messages of one namespace in one language. The framework's own
 * namespaces (`records`, `access`…) cannot be replaced: their keys are checked by the compiler.
 */
export function registerMessages(locale: Locale, namespace: string, catalogue: MessageTree): void {
  if (!isLocale(locale)) throw new Error(`Unknown locale « ${String(locale)} »: known ones are ${LOCALES.join(', ')}.`);
  if (FRAMEWORK_NAMESPACES.has(namespace)) throw new Error(`The namespace « ${namespace} » belongs to the framework.`);
  if (namespace === '' || namespace.includes('.')) throw new Error(`Invalid namespace « ${namespace} ».`);
  let namespaces = added.get(locale);
  if (!namespaces) {
    namespaces = new Map();
    added.set(locale, namespaces);
  }
  namespaces.set(namespace, catalogue);
}

/** `t` for an application's namespace: keys and parameters checked against its French messages. */
export type NamespaceTranslate<F> = <K extends KeyOf<F>>(
  key: K,
  ...args: ArgsFor<ParamsOf<At<F, K>>, [locale?: Locale | undefined]>
) => string;

/**
 * An application's messages: French first, then its translations (each with exactly the French
 * keys). Returns the application's `t`:
 *
 *     export const te = defineMessages('elections', { bureauFerme: 'Le bureau {code} est fermé.' },
 *       { en: { bureauFerme: 'Polling station {code} is closed.' } });
 *     te('bureauFerme', { code: 'B12' });
 */
export function defineMessages<const F extends MessageTree>(
  namespace: string,
  french: F,
  translations: Partial<Record<Exclude<Locale, 'fr'>, Translation<F>>> = {},
): NamespaceTranslate<F> {
  registerMessages('fr', namespace, french);
  for (const [locale, catalogue] of Object.entries(translations)) registerMessages(locale as Locale, namespace, catalogue as MessageTree);
  return (key, ...[params, locale]) =>
    render(lookup(`${namespace}.${key}`, locale ?? defaultLocale()), params as Readonly<Record<string, unknown>> | undefined);
}

// ---- for tests and tools -----------------------------------------------------------------------

/** Every key of a catalogue, as dotted paths. */
export function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, node]) =>
    typeof node === 'object' ? keysOf(node, `${prefix}${name}.`) : [`${prefix}${name}`],
  );
}

/** A built-in catalogue (tests compare them). */
export function catalogue(locale: Locale): MessageTree {
  return CATALOGUES[locale] as unknown as MessageTree;
}

/** The raw message (text or function) at a key of a built-in catalogue, without fallback. */
export function rawMessage(locale: Locale, key: string): MessageLeaf | undefined {
  return walk(catalogue(locale), pathOf(key));
}
