/**
 * A sub-form's answer: inside the tab panel (htmx) the content alone, with its messages; without
 * htmx a whole page under the parent record's breadcrumb, with a link back to the record.
 * Fragments are always 200 (htmx swaps nothing else): the messages say what went wrong.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../env.ts';
import type { Message, MessageKind } from '../../layout/layout.tsx';
import { recordCrumbs, recordTitle, recordUrl, renderScreen } from '../shared/index.ts';
import type { SubFormRequest } from './resolve.ts';

const CLASSES: Record<MessageKind, string> = {
  success: 'message message-succes',
  info: 'message message-info',
  warning: 'message message-avertissement',
  error: 'message message-erreur',
};

/** Messages inside a panel: success and info polite, warnings and errors assertive. */
export function PanelMessages(props: { messages: readonly Message[] }) {
  const polite = props.messages.filter((message) => message.kind === 'success' || message.kind === 'info');
  const assertive = props.messages.filter((message) => message.kind === 'warning' || message.kind === 'error');
  return (
    <>
      {polite.length > 0 ? (
        <div role="status" class="messages-panneau">
          {polite.map((message) => (
            <p class={CLASSES[message.kind]}>{message.text}</p>
          ))}
        </div>
      ) : null}
      {assertive.length > 0 ? (
        <div role="alert" class="messages-panneau">
          {assertive.map((message) => (
            <p class={CLASSES[message.kind]}>{message.text}</p>
          ))}
        </div>
      ) : null}
    </>
  );
}

export interface SubFormAnswer {
  /** The panel's heading (the page's `<h1>` without htmx). */
  readonly heading: string;
  /** The last step of the breadcrumb. */
  readonly crumb: string;
  readonly messages?: readonly Message[];
  readonly status?: ContentfulStatusCode;
  readonly children: Child;
}

export async function respond(c: Context<AppEnv>, request: SubFormRequest, answer: SubFormAnswer): Promise<Response> {
  const { context, parent, parentRecord } = request;
  if (request.fragment) {
    c.header('Cache-Control', 'no-store');
    const fragment = (
      <>
        <h3 class="titre-panneau">{answer.heading}</h3>
        <PanelMessages messages={answer.messages ?? []} />
        {answer.children}
      </>
    );
    return c.html(String(fragment));
  }
  const parentTitle = recordTitle(parent, parentRecord, context.locale);
  return renderScreen(c, {
    title: context.tr('subform.pageTitle', { heading: answer.heading, parent: parentTitle }),
    heading: answer.heading,
    breadcrumb: recordCrumbs(parent, parentRecord, context.locale, answer.crumb),
    messages: answer.messages ?? [],
    status: answer.status ?? 200,
    children: (
      <div class="sous-formulaires page-sous-formulaire">
        <p>
          <a href={recordUrl(parent, parentRecord[parent.meta.key ?? ''])}>{context.tr('subform.backToParent', { record: parentTitle })}</a>
        </p>
        {answer.children}
      </div>
    ),
  });
}
