/**
 * The languages the framework speaks. French is the reference: every other catalogue translates
 * it, and a message missing elsewhere is shown in French. A new language is one catalogue file
 * (`es.ts`, typed `Messages`), its code here and one line in `index.ts`.
 */
export const LOCALES = ['fr', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

export const REFERENCE_LOCALE: Locale = 'fr';

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * A language from a setting such as `COMMUN_LOCALE`: `en`, `EN`, `en-GB`, `en_GB.UTF-8` all give
 * `en`; an empty, unknown or missing value gives French.
 */
export function localeFrom(value: string | undefined): Locale {
  const language = (value ?? '').trim().toLowerCase().split(/[-_.]/)[0];
  return isLocale(language) ? language : REFERENCE_LOCALE;
}

/**
 * Chooses the singular or the plural form by the language's rules (`Intl.PluralRules`): in French
 * 0 and 1 are singular, in English only 1. Languages with more forms use `other` for the rest.
 */
export function pluralOf(locale: string): (count: number, forms: { one: string; other: string }) => string {
  const rules = new Intl.PluralRules(locale);
  return (count, forms) => (rules.select(count) === 'one' ? forms.one : forms.other);
}
