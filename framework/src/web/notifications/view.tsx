/** « Mes notifications »: the agent's choice, and today's pending work as the e-mail would list it. */
import type { Locale } from '../../i18n/index.ts';
import { dateFr, notificationMessage as m, type CollectedWork } from '../../notifications/index.ts';
import type { PendingItem } from '../../notifications/pending-work.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import { DAILY_FIELD, NOTIFICATION_PATHS, TOKEN_FIELD } from './paths.ts';

function Item(props: { item: PendingItem; locale: Locale }) {
  const { item, locale } = props;
  return (
    <li>
      <a href={item.path}>{item.label}</a>
      {item.due ? ` — ${m('mail.due', { date: dateFr(item.due) }, locale)}` : ''}
      {item.late ? (
        <>
          {item.due ? ', ' : ' — '}
          <strong>{m('mail.late', undefined, locale)}</strong>
        </>
      ) : null}
    </li>
  );
}

function Preview(props: { work: CollectedWork; locale: Locale }) {
  const { work, locale } = props;
  return (
    <section aria-labelledby="apercu-titre">
      <h2 id="apercu-titre">{m('page.previewTitle', undefined, locale)}</h2>
      {work.failed.map((application) => (
        <p role="status">{m('page.previewFailed', { application }, locale)}</p>
      ))}
      {work.applications.length === 0 ? (
        <p>{m('page.previewNothing', undefined, locale)}</p>
      ) : (
        <>
          <p>{m('page.previewIntro', undefined, locale)}</p>
          {work.applications.map((application) => (
            <>
              <h3>{application.title}</h3>
              {application.sections.map((section) => {
                const more = section.total - section.items.length;
                return (
                  <>
                    <h4>{`${section.title} (${section.total})`}</h4>
                    <ul>
                      {section.items.map((item) => (
                        <Item item={item} locale={locale} />
                      ))}
                    </ul>
                    {more > 0 ? (
                      <p>{section.listPath ? <a href={section.listPath}>{m('mail.others', { count: more }, locale)}</a> : m('mail.others', { count: more }, locale)}</p>
                    ) : null}
                  </>
                );
              })}
            </>
          ))}
        </>
      )}
    </section>
  );
}

export function NotificationsView(props: { enabled: boolean; hasEmail: boolean; work: CollectedWork; csrfToken: string; locale: Locale }) {
  const { locale } = props;
  return (
    <>
      <p>{m('page.intro', undefined, locale)}</p>
      {props.hasEmail ? null : <p role="status">{m('page.noEmail', undefined, locale)}</p>}
      <form method="post" action={NOTIFICATION_PATHS.page}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <fieldset>
          <legend>{m('page.legend', undefined, locale)}</legend>
          <p>
            <input type="checkbox" id={DAILY_FIELD} name={DAILY_FIELD} value="oui" checked={props.enabled} />{' '}
            <label for={DAILY_FIELD}>{m('page.checkbox', undefined, locale)}</label>
          </p>
        </fieldset>
        <p>
          <button type="submit">{m('page.save', undefined, locale)}</button>
        </p>
      </form>
      <Preview work={props.work} locale={locale} />
    </>
  );
}

/** The opt-out link's page: one button (a link opened by a mail filter changes nothing). */
export function OptOutConfirmView(props: { token: string; csrfToken: string; locale: Locale }) {
  const { locale } = props;
  return (
    <form method="post" action={NOTIFICATION_PATHS.optOut}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <input type="hidden" name={TOKEN_FIELD} value={props.token} />
      <p>{m('optOut.confirm', undefined, locale)}</p>
      <p>
        <button type="submit">{m('optOut.button', undefined, locale)}</button>
      </p>
    </form>
  );
}

export function OptOutResultView(props: { message: string; alert: boolean; locale: Locale }) {
  return (
    <>
      <p role={props.alert ? 'alert' : 'status'}>{props.message}</p>
      <p>
        <a href={NOTIFICATION_PATHS.page}>{m('optOut.settingsLink', undefined, props.locale)}</a>
      </p>
    </>
  );
}
