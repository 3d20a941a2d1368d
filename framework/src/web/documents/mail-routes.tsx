/**
 * « Envoyer par courriel » a lettre type for one record (issue 10 §4): `GET /:app/:table/:key/courriel/:id`
 * shows the form (recipient prefilled from the letter's source field `email` or `courriel`,
 * subject, message); `POST` renders the letter as for printing and sends it as a PDF attachment,
 * then writes the send in the audit journal (action `courriel`) and returns to the record.
 * Permission: consulting the record and `edition`, as printing it. Offered only when a mail server is
 * configured (`SMTP_HOST`): otherwise nothing would leave.
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import { can, holds } from '../../access/permissions.ts';
import { writeAs } from '../../db/tenant-context.ts';
import { printableDocument, renderDefinition, type DocumentDefinition } from '../../documents/render/index.ts';
import { RECORD_KEY, runSource } from '../../documents/sources/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { writeAudit } from '../../records/audit.ts';
import { getRecord } from '../../records/index.ts';
import { CSRF_FIELD, csrfToken } from '../auth/csrf.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { ensureDocumentApplies } from './applies.ts';
import { objectFromRoute, recordCrumbs, recordTitle, recordUrl, renderScreen, setFlash } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';

/** The audit journal's action for a letter sent. */
export const MAIL_AUDIT_ACTION = 'courriel';

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
const MAX_SUBJECT = 200;
const MAX_MESSAGE = 10_000;
/** Merge fields that hold the recipient's address, in order of preference. */
const ADDRESS_FIELDS = ['email', 'courriel'] as const;

export const mailPath = (object: Pick<RegisteredObject, 'app' | 'name'>, key: string | number, id: string) =>
  `/${object.app}/${object.name}/${encodeURIComponent(String(key))}/courriel/${encodeURIComponent(id)}`;

interface MailTarget {
  readonly actor: Actor;
  readonly object: RegisteredObject;
  readonly record: Readonly<Record<string, unknown>>;
  readonly key: string | number;
  readonly definition: DocumentDefinition;
}

async function mailTarget(c: Context<AppEnv>): Promise<MailTarget> {
  const actor = signedIn(c);
  const object = objectFromRoute(c);
  // Without a mail server nothing would be sent: the form is not offered.
  if (c.get('runtime').config.smtp === undefined) throw HttpError.notFound();
  if (!can(actor, object, 'consulter') || !holds(actor, PRINT_PERMISSION)) throw HttpError.forbidden();
  const record = await getRecord(serviceDeps(c), actor, object, c.req.param('key') ?? '');
  const key = record[object.meta.key ?? ''];
  if (typeof key !== 'string' && typeof key !== 'number') throw HttpError.notFound();
  await ensureDocumentApplies(c.get('runtime'), { actor, locale: localeOf(c), object, record, document: { kind: 'lettretype', id: c.req.param('id') ?? '' } });
  const definition = await printableDocument(c.get('runtime'), {
    actor,
    locale: localeOf(c),
    kind: 'lettretype',
    id: c.req.param('id') ?? '',
    objet: `${object.app}.${object.name}`,
  });
  return { actor, object, record, key, definition };
}

/** The address in the letter's source (`email`, else `courriel`), if any. */
async function sourceAddress(c: Context<AppEnv>, target: MailTarget): Promise<string> {
  const runtime = c.get('runtime');
  try {
    const source = await runSource(runtime.db, runtime.registry, target.definition.om_sql, {
      actor: target.actor,
      params: { [RECORD_KEY]: target.key },
      locale: localeOf(c),
      limit: 1,
    });
    const row = source.rows[0] ?? {};
    for (const name of ADDRESS_FIELDS) {
      const value = row[name];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  } catch {
    // A source that fails shows up when the letter is rendered; the form stays usable.
  }
  return '';
}

interface MailForm {
  readonly destinataire: string;
  readonly objet: string;
  readonly message: string;
}

type MailErrors = Partial<Record<keyof MailForm, string>>;

function validate(form: MailForm, tr: ReturnType<typeof translatorOf>): MailErrors {
  const errors: MailErrors = {};
  if (!EMAIL.test(form.destinataire) || form.destinataire.length > 254) errors.destinataire = tr('documents.mail.badAddress');
  if (form.objet.trim() === '' || form.objet.length > MAX_SUBJECT || /[\r\n]/.test(form.objet)) errors.objet = tr('documents.mail.badSubject', { max: MAX_SUBJECT });
  if (form.message.length > MAX_MESSAGE) errors.message = tr('documents.mail.badMessage', { max: MAX_MESSAGE });
  return errors;
}

async function mailScreen(c: Context<AppEnv>, target: MailTarget, form: MailForm, errors: MailErrors, status: 200 | 400 | 502, failure?: string): Promise<Response> {
  const tr = translatorOf(c);
  const locale = localeOf(c);
  const invalid = (name: keyof MailForm) => (errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `courriel-erreur-${name}` } : {});
  const errorOf = (name: keyof MailForm) =>
    errors[name] ? (
      <span id={`courriel-erreur-${name}`} class="erreur-champ">
        {errors[name]}
      </span>
    ) : null;
  const back = recordUrl(target.object, String(target.key));
  return renderScreen(c, {
    title: tr('documents.mail.title', { document: target.definition.libelle }),
    breadcrumb: [...recordCrumbs(target.object, target.record, locale), { label: tr('documents.mail.crumb') }],
    status,
    messages: failure ? [{ kind: 'error', text: failure }] : Object.keys(errors).length > 0 ? [{ kind: 'error', text: tr('documents.mail.invalid') }] : [],
    children: (
      <>
        <p>{tr('documents.mail.intro', { document: target.definition.libelle, record: recordTitle(target.object, target.record, locale) })}</p>
        <form method="post" action={mailPath(target.object, target.key, target.definition.id)}>
          <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />
          <p>
            <label for="courriel-destinataire">{tr('documents.mail.to')}</label>
            <br />
            <input id="courriel-destinataire" name="destinataire" type="email" required autocomplete="email" maxlength={254} value={form.destinataire} {...invalid('destinataire')} />
            <br />
            {errorOf('destinataire')}
          </p>
          <p>
            <label for="courriel-objet">{tr('documents.mail.subject')}</label>
            <br />
            <input id="courriel-objet" name="objet" type="text" required maxlength={MAX_SUBJECT} size={60} value={form.objet} {...invalid('objet')} />
            <br />
            {errorOf('objet')}
          </p>
          <p>
            <label for="courriel-message">{tr('documents.mail.message')}</label>
            <br />
            <textarea id="courriel-message" name="message" rows={8} cols={60} maxlength={MAX_MESSAGE} {...invalid('message')}>
              {form.message}
            </textarea>
            <br />
            {errorOf('message')}
          </p>
          <p>
            <button type="submit">{tr('documents.mail.send')}</button> <a href={back}>{tr('documents.mail.cancel')}</a>
          </p>
        </form>
      </>
    ),
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const attachmentName = (definition: DocumentDefinition, key: string | number) => `${`${definition.id}-${String(key)}`.replace(/[^A-Za-z0-9_.-]+/g, '_')}.pdf`;

export function mailRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:app/:table/:key/courriel/:id', requireActor(), async (c) => {
    const target = await mailTarget(c);
    const tr = translatorOf(c);
    const form = {
      destinataire: await sourceAddress(c, target),
      objet: target.definition.libelle,
      message: tr('documents.mail.defaultMessage'),
    };
    return mailScreen(c, target, form, {}, 200);
  });

  routes.post('/:app/:table/:key/courriel/:id', requireActor(), async (c) => {
    const target = await mailTarget(c);
    const tr = translatorOf(c);
    const locale = localeOf(c);
    const body = await c.req.parseBody();
    const form = { destinataire: text(body['destinataire']).trim(), objet: text(body['objet']).trim(), message: text(body['message']) };
    const errors = validate(form, tr);
    if (Object.keys(errors).length > 0) return mailScreen(c, target, form, errors, 400);
    const runtime = c.get('runtime');
    const { pdf } = await renderDefinition(runtime, target.definition, {
      actor: target.actor,
      locale,
      kind: 'lettretype',
      id: target.definition.id,
      key: target.key,
      objet: `${target.object.app}.${target.object.name}`,
    });
    try {
      await runtime.mailer.send({
        to: form.destinataire,
        subject: form.objet,
        text: form.message,
        attachments: [{ filename: attachmentName(target.definition, target.key), content: pdf, contentType: 'application/pdf' }],
      });
    } catch (error) {
      runtime.logger.error({ err: error, document: target.definition.id, requestId: c.get('requestId') }, 'courriel : envoi impossible');
      return mailScreen(c, target, form, {}, 502, tr('documents.mail.failed', { reference: c.get('requestId') ?? '' }));
    }
    await writeAs(runtime.db.kysely, target.actor, (trx) =>
      writeAudit(trx, {
        actor: target.actor,
        object: target.object,
        action: MAIL_AUDIT_ACTION,
        key: target.key,
        before: undefined,
        after: { lettretype: target.definition.id, destinataire: form.destinataire, objet: form.objet },
        requestId: c.get('requestId'),
      }),
    );
    runtime.logger.info({ user: target.actor.login, document: target.definition.id, key: target.key }, 'lettre envoyée par courriel');
    setFlash(c, { kind: 'success', text: tr('documents.mail.sent', { document: target.definition.libelle, to: form.destinataire }) });
    return c.redirect(recordUrl(target.object, String(target.key)), 303);
  });

  return routes;
}
