import type { Context } from 'hono';
import { sql } from 'kysely';
import { brandingIn, themeClass, type Branding } from '../../branding/index.ts';
import { readAs } from '../../db/tenant-context.ts';
import type { Locale } from '../../i18n/index.ts';
import { VERSION } from '../../version.ts';
import { csrfToken } from '../auth/csrf.ts';
import type { AppEnv } from '../env.ts';
import { localeOf } from '../locale.ts';
import { buildMenu, type MenuView } from '../navigation/menu.ts';
import { SEARCH_PATH } from '../navigation/search-box.tsx';
import { logoHref, themeHref } from './theme-paths.ts';

export interface CollectiviteChoice {
  readonly id: number;
  readonly libelle: string;
}

/** The working collectivité's identité visuelle, as the header shows it. */
export interface HeaderBranding {
  /** Its name (the logo's text alternative). */
  readonly name: string;
  /** Its logo's address; absent: none. */
  readonly logoHref?: string | undefined;
  /** Its accent colour: the stylesheet and the class of `<body>` it styles; absent: the default look. */
  readonly theme?: { readonly href: string; readonly className: string } | undefined;
}

/** The header's view of a collectivité's branding. */
export function headerBranding(branding: Branding): HeaderBranding {
  return {
    name: branding.name,
    logoHref: branding.logo ? logoHref(branding.collectivite, branding.logo) : undefined,
    theme: branding.colour ? { href: themeHref(branding.collectivite, branding.colour), className: themeClass(branding.collectivite) } : undefined,
  };
}

/** What the page chrome shows of the signed-in user. */
export interface ChromeUser {
  readonly nom: string;
  readonly csrfToken: string;
  /** The working collectivité. */
  readonly collectivite: CollectiviteChoice;
  /** For a niveau-2 user, the collectivités to choose from (a selector); absent for niveau 1. */
  readonly choices?: readonly CollectiviteChoice[];
  /** The entries of the main menu the user may open. */
  readonly menu: MenuView;
  /** The query of the header's search box (the current one on the search page). */
  readonly search: string;
  /** The working collectivité's name, logo and colour. */
  readonly branding?: HeaderBranding | undefined;
}

/** Everything the layout needs besides the page itself. */
export interface Chrome {
  readonly locale: Locale;
  readonly version: string;
  readonly user?: ChromeUser | undefined;
}

/** The chrome of an anonymous page (no database read). */
export const anonymousChrome = (locale: Locale): Chrome => ({ locale, version: VERSION });

/**
 * The chrome of a request: anonymous without a session; else the user's name and working
 * collectivité, and for niveau 2 every collectivité (read as the user, under the tenant rules);
 * the main menu (from the registry and the user's permissions: no database read).
 * A failure to read (the database is down while rendering an error page) gives the anonymous
 * chrome rather than a second error.
 */
export async function chromeOf(c: Context<AppEnv>): Promise<Chrome> {
  const locale = localeOf(c);
  const actor = c.get('actor') as AppEnv['Variables']['actor'] | undefined;
  const session = c.get('session') as AppEnv['Variables']['session'] | undefined;
  if (!actor || !session || actor.via !== 'session') return anonymousChrome(locale);
  try {
    const db = c.get('runtime').db.kysely;
    const [rows, branding] = await readAs(db, actor, async (connection) => [
      actor.niveau === '2'
        ? (await sql<{ id: number; libelle: string }>`select om_collectivite as id, libelle from om.om_collectivite order by libelle, om_collectivite`.execute(connection)).rows
        : (await sql<{ id: number; libelle: string }>`select om_collectivite as id, libelle from om.om_collectivite where om_collectivite = ${actor.workingCollectivite}`.execute(connection)).rows,
      await brandingIn(connection, actor.workingCollectivite),
    ] as const);
    const choices = rows.map((row) => ({ id: Number(row.id), libelle: row.libelle }));
    const working = choices.find((choice) => choice.id === actor.workingCollectivite) ?? { id: actor.workingCollectivite, libelle: String(actor.workingCollectivite) };
    const user: ChromeUser = {
      nom: actor.nom || actor.login,
      csrfToken: csrfToken(c),
      collectivite: working,
      ...(actor.niveau === '2' ? { choices } : {}),
      menu: buildMenu(c.get('runtime').registry, actor, c.req.path, locale),
      search: c.req.path === SEARCH_PATH ? (c.req.query('q') ?? '') : '',
      branding: branding ? headerBranding(branding) : undefined,
    };
    return { locale, version: VERSION, user };
  } catch (error) {
    c.get('runtime')?.logger.warn({ err: error }, 'en-tête de page sans utilisateur : lecture impossible');
    return anonymousChrome(locale);
  }
}
