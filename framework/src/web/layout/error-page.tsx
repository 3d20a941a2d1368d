import { t, tParts } from '../../i18n/index.ts';
import type { ErrorPageProps } from '../operations/errors.tsx';
import type { Chrome } from './chrome.ts';
import { Layout } from './layout.tsx';

/** The error page (404, 403, 500…) inside the common layout: same texts as the standalone page. */
export function LayoutErrorPage(props: ErrorPageProps & { chrome: Chrome }) {
  const locale = props.chrome.locale;
  return (
    <Layout documentTitle={t('pages.title', { title: props.title }, locale)} chrome={props.chrome} heading={props.title}
      breadcrumb={[{ label: t('layout.home', undefined, locale), href: '/' }, { label: props.title }]}>
      <p>{props.message}</p>
      <p>{tParts('http.page.reference', { requestId: <code>{props.requestId}</code> }, locale)}</p>
      <p>
        <a href={props.link.href}>{props.link.label}</a>
      </p>
    </Layout>
  );
}
