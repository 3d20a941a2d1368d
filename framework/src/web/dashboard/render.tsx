/**
 * A dashboard page in the common layout, as `renderScreen` does (chrome, pending flash message,
 * never cached), with the extra scripts the page needs (Chart.js).
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { translator } from '../../i18n/index.ts';
import { renderPage } from '../auth/respond.tsx';
import type { AppEnv } from '../env.ts';
import { chromeOf } from '../layout/chrome.ts';
import { Layout, type Crumb, type Message } from '../layout/layout.tsx';
import { localeOf } from '../locale.ts';
import { takeFlashMessages } from '../screens/shared/flash.ts';
import type { StaticName } from '../static/routes.ts';

export interface PageProps {
  readonly title: string;
  readonly breadcrumb: readonly Crumb[];
  readonly messages?: readonly Message[];
  readonly status?: ContentfulStatusCode;
  readonly scripts?: readonly StaticName[];
  readonly children?: Child;
}

export async function renderDashboardPage(c: Context<AppEnv>, props: PageProps): Promise<Response> {
  const flash = takeFlashMessages(c);
  const page = (
    <Layout
      documentTitle={translator(localeOf(c))('pages.title', { title: props.title })}
      chrome={await chromeOf(c)}
      breadcrumb={props.breadcrumb}
      messages={[...flash, ...(props.messages ?? [])]}
      heading={props.title}
      scripts={props.scripts}
    >
      {props.children}
    </Layout>
  );
  return renderPage(c, page, props.status ?? 200);
}
