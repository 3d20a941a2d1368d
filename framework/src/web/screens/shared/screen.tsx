/**
 * Renders a screen in the common layout: the request's chrome (user, menu), the breadcrumb, the
 * pending flash message and the page's own messages. Never cached.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { translator } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { renderPage } from '../../auth/respond.tsx';
import type { AppEnv } from '../../env.ts';
import { chromeOf } from '../../layout/chrome.ts';
import { Layout, type Crumb, type Message } from '../../layout/layout.tsx';
import { localeOf } from '../../locale.ts';
import { takeFlashMessages } from './flash.ts';
import { menuLabelOf, rubriqueOf } from './rubrique.ts';
import { listUrl, recordUrl } from './urls.ts';

export interface ScreenProps {
  /** The page's title (the document title adds « — Commun »). */
  readonly title: string;
  /** The `<h1>`; default: the title. `null`: the page writes its own. */
  readonly heading?: string | null;
  readonly breadcrumb: readonly Crumb[];
  readonly messages?: readonly Message[];
  readonly status?: ContentfulStatusCode;
  readonly children?: Child;
}

export async function renderScreen(c: Context<AppEnv>, props: ScreenProps): Promise<Response> {
  const locale = localeOf(c);
  const flash = takeFlashMessages(c);
  const messages = [...flash, ...(props.messages ?? [])];
  const heading = props.heading === null ? undefined : (props.heading ?? props.title);
  const page = (
    <Layout
      documentTitle={translator(locale)('pages.title', { title: props.title })}
      chrome={await chromeOf(c)}
      breadcrumb={props.breadcrumb}
      messages={messages}
      heading={heading}
    >
      {props.children}
    </Layout>
  );
  return renderPage(c, page, props.status ?? 200);
}

/** « Administration › Utilisateurs », the listing linked (named as in the menu). */
export function objectCrumbs(object: RegisteredObject, locale: ReturnType<typeof localeOf>): Crumb[] {
  const tr = translator(locale);
  return [{ label: tr(`layout.rubriques.${rubriqueOf(object)}`) }, { label: menuLabelOf(object), href: listUrl(object) }];
}

/** « 12 Dupont »: the key and the label column's value. */
export function recordTitle(object: RegisteredObject, record: Readonly<Record<string, unknown>>, locale: ReturnType<typeof localeOf>): string {
  const key = object.meta.key ? record[object.meta.key] : undefined;
  const label = record[object.meta.labelColumn];
  if (object.meta.key === object.meta.labelColumn || label === undefined || label === null) return String(key ?? '');
  return translator(locale)('layout.recordTitle', { id: String(key ?? ''), label: String(label) });
}

/** « Administration › Utilisateurs › 12 Dupont », the record linked when `current` follows it. */
export function recordCrumbs(object: RegisteredObject, record: Readonly<Record<string, unknown>>, locale: ReturnType<typeof localeOf>, current?: string): Crumb[] {
  const crumbs = objectCrumbs(object, locale);
  const id = object.meta.key ? record[object.meta.key] : undefined;
  crumbs.push({ label: recordTitle(object, record, locale), href: id === undefined ? undefined : recordUrl(object, id) });
  if (current) crumbs.push({ label: current });
  return crumbs;
}
