/**
 * `GET /administration/identite-visuelle[?collectivite=]`, `POST …/couleur`, `POST …/logo`,
 * `POST …/logo/supprimer`: for those who may modify collectivités (`om_collectivite`); a niveau-1
 * administrator edits his own collectivité (another one is a 404), a niveau-2 one chooses any.
 * A refused colour or logo shows the page again with the French reason, nothing saved.
 */
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { allows } from '../../../access/permissions.ts';
import {
  BRANDING_PERMISSION,
  checkAccentColour,
  checkLogo,
  mayEditBranding,
  readBranding,
  removeLogo,
  saveColour,
  saveLogo,
  type Branding,
} from '../../../branding/index.ts';
import { readAs } from '../../../db/tenant-context.ts';
import { translator } from '../../../i18n/index.ts';
import { renderPage } from '../../auth/respond.tsx';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { chromeOf, type CollectiviteChoice } from '../../layout/chrome.ts';
import { Layout, type Message } from '../../layout/layout.tsx';
import { themeHref } from '../../layout/theme-paths.ts';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/errors.tsx';
import { actorOf, setFlash, takeFlashMessages } from '../../screens/shared/index.ts';
import { identiteMessages } from './messages.ts';
import { IDENTITE_PATHS, identitePage } from './paths.ts';
import { IdentiteView } from './view.tsx';

type C = Context<AppEnv>;

function administrator(c: C): Actor {
  const actor = actorOf(c);
  if (!allows(actor, BRANDING_PERMISSION, 'modifier')) throw HttpError.forbidden();
  return actor;
}

/** The collectivité asked for (default: the one the administrator works in), if he may edit it. */
async function chosenBranding(c: C, actor: Actor, value: unknown): Promise<Branding> {
  const asked = typeof value === 'string' && value !== '' ? value : String(actor.niveau === '2' ? actor.workingCollectivite : actor.collectivite);
  const collectivite = /^[1-9][0-9]{0,9}$/.test(asked) && Number(asked) <= 2147483647 ? Number(asked) : undefined;
  if (collectivite === undefined || !mayEditBranding(actor, collectivite)) throw HttpError.notFound();
  const branding = await readBranding(c.get('runtime').db.kysely, actor, collectivite);
  if (!branding) throw HttpError.notFound();
  return branding;
}

async function choicesOf(c: C, actor: Actor): Promise<CollectiviteChoice[] | undefined> {
  if (actor.niveau !== '2') return undefined;
  const rows = await readAs(c.get('runtime').db.kysely, actor, async (connection) =>
    (await sql<{ id: number; libelle: string }>`select om_collectivite as id, libelle from om.om_collectivite order by libelle, om_collectivite`.execute(connection)).rows,
  );
  return rows.map((row) => ({ id: Number(row.id), libelle: row.libelle }));
}

interface Refusal {
  readonly colourValue?: string;
  readonly colourError?: string;
  readonly logoError?: string;
}

async function renderIdentite(c: C, actor: Actor, branding: Branding, refusal: Refusal = {}): Promise<Response> {
  const locale = localeOf(c);
  const tr = translator(locale);
  const title = identiteMessages('title', undefined, locale);
  const chrome = await chromeOf(c);
  const refused = refusal.colourError ?? refusal.logoError;
  const messages: Message[] = [...takeFlashMessages(c), ...(refused ? [{ kind: 'error' as const, text: refused }] : [])];
  // The previewed collectivité's colours, when they are not already the page's.
  const preview = branding.colour ? themeHref(branding.collectivite, branding.colour) : undefined;
  const page = (
    <Layout documentTitle={tr('pages.title', { title })} chrome={chrome} heading={title} messages={messages}
      breadcrumb={[{ label: tr('layout.rubriques.administration') }, { label: title }]}
      stylesheets={preview && preview !== chrome.user?.branding?.theme?.href ? [preview] : []}>
      <IdentiteView branding={branding} choices={await choicesOf(c, actor)} csrfToken={csrfToken(c)} locale={locale} {...refusal} />
    </Layout>
  );
  return renderPage(c, page, refused ? 422 : 200);
}

async function formOf(c: C): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new HttpError(400);
  }
}

export function identiteVisuelleRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(IDENTITE_PATHS.page, requireActor(), async (c) => {
    const actor = administrator(c);
    return renderIdentite(c, actor, await chosenBranding(c, actor, c.req.query('collectivite')));
  });

  routes.post(IDENTITE_PATHS.colour, requireActor(), async (c) => {
    const actor = administrator(c);
    const locale = localeOf(c);
    const form = await formOf(c);
    const branding = await chosenBranding(c, actor, form['collectivite']);
    const typed = typeof form['couleur'] === 'string' ? form['couleur'] : '';
    let colour: string | null = null;
    if (typed.trim() !== '') {
      const checked = checkAccentColour(typed, locale);
      if (!checked.ok) return renderIdentite(c, actor, branding, { colourValue: typed, colourError: checked.message });
      colour = checked.colour;
    }
    await saveColour(c.get('runtime'), actor, branding.collectivite, colour, c.get('requestId'));
    setFlash(c, { kind: 'success', text: identiteMessages(colour ? 'colourSaved' : 'colourReset', { name: branding.name }, locale) });
    return c.redirect(identitePage(branding.collectivite), 303);
  });

  routes.post(IDENTITE_PATHS.logo, requireActor(), async (c) => {
    const actor = administrator(c);
    const locale = localeOf(c);
    const form = await formOf(c);
    const branding = await chosenBranding(c, actor, form['collectivite']);
    const file = form['logo'];
    const upload =
      file instanceof File
        ? { name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
        : { name: '', declaredType: '', bytes: new Uint8Array() };
    const checked = checkLogo(upload, locale);
    if (!checked.ok) return renderIdentite(c, actor, branding, { logoError: checked.message });
    await saveLogo(c.get('runtime'), actor, branding.collectivite, checked.upload, identiteMessages('logoLibelle', { name: branding.name }, locale).slice(0, 100), c.get('requestId'));
    setFlash(c, { kind: 'success', text: identiteMessages('logoSaved', { name: branding.name }, locale) });
    return c.redirect(identitePage(branding.collectivite), 303);
  });

  routes.post(IDENTITE_PATHS.removeLogo, requireActor(), async (c) => {
    const actor = administrator(c);
    const form = await formOf(c);
    const branding = await chosenBranding(c, actor, form['collectivite']);
    await removeLogo(c.get('runtime'), actor, branding.collectivite, c.get('requestId'));
    setFlash(c, { kind: 'success', text: identiteMessages('logoRemoved', { name: branding.name }, localeOf(c)) });
    return c.redirect(identitePage(branding.collectivite), 303);
  });

  return routes;
}
