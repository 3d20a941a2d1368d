import type { Context } from 'hono';
import { defaultLocale, translator, type Locale, type Translate } from '../i18n/index.ts';
import type { AppEnv } from './env.ts';

/**
 * The language of a request's answer: the runtime's configuration (`COMMUN_LOCALE`); the process
 * language when no runtime is in the context yet. The one place to change when users choose
 * their language.
 */
export function localeOf(c: Context<AppEnv>): Locale {
  return (c.get('runtime') as AppEnv['Variables']['runtime'] | undefined)?.config.locale ?? defaultLocale();
}

/** The catalogue in the request's language: `const tr = translatorOf(c); tr('pages.login.title')`. */
export function translatorOf(c: Context<AppEnv>): Translate {
  return translator(localeOf(c));
}
