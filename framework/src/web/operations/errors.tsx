/** @jsxImportSource hono/jsx */
/**
 * Errors as users and programs see them. Handlers throw `HttpError` (or let anything else escape);
 * `onError` turns it into the API's JSON error or a short page (texts from the message catalogue,
 * in the instance's language), and `notFound` answers unknown addresses. No stack trace, SQL or
 * internal message ever reaches the client: the error is logged with the request id, and the page
 * shows that id as a reference for the support.
 */
import { randomUUID } from 'node:crypto';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { defaultLocale, t, tParts, translator, type Locale, type MessageKey } from '../../i18n/index.ts';
import { Veto, type FieldErrors } from '../../model/override.ts';
import { ServiceError } from '../../records/errors.ts';
import { INVALID_BYTE_SEQUENCE, UNSUPPORTED_UNICODE_ESCAPE } from '../../db/nul-bytes.ts';
import type { AppEnv } from '../env.ts';
import { localeOf } from '../locale.ts';
import { REQUEST_ID_HEADER } from './request-context.ts';

export type ErrorStatus = ClientErrorStatusCode | ServerErrorStatusCode;

/** The default messages of the statuses (`http.badRequest`…). */
type HttpMessageKey = Exclude<Extract<MessageKey, `http.${string}`>, `http.page.${string}`>;

const DEFAULTS: Partial<Record<ErrorStatus, { code: string; message: HttpMessageKey }>> = {
  400: { code: 'bad_request', message: 'http.badRequest' },
  401: { code: 'unauthenticated', message: 'http.unauthenticated' },
  403: { code: 'forbidden', message: 'http.forbidden' },
  404: { code: 'not_found', message: 'http.notFound' },
  405: { code: 'method_not_allowed', message: 'http.methodNotAllowed' },
  409: { code: 'conflict', message: 'http.conflict' },
  413: { code: 'payload_too_large', message: 'http.payloadTooLarge' },
  415: { code: 'unsupported_media_type', message: 'http.unsupportedMediaType' },
  422: { code: 'validation_failed', message: 'http.validationFailed' },
  429: { code: 'too_many_requests', message: 'http.tooManyRequests' },
  500: { code: 'internal_error', message: 'http.internalError' },
  503: { code: 'unavailable', message: 'http.unavailable' },
};

function defaults(status: ErrorStatus): { code: string; message: HttpMessageKey } {
  return (
    DEFAULTS[status] ??
    (status >= 500 ? { code: 'internal_error', message: 'http.internalError' } : { code: 'bad_request', message: 'http.refused' })
  );
}

/** The default message of a status, in `locale`. */
const defaultMessage = (status: ErrorStatus, locale?: Locale) => t(defaults(status).message, undefined, locale);

/**
 * An error meant for the client: its status, a stable code for programs, a message for users, and
 * for validation errors one message per field. Without a message, the status's default message is
 * used, in the language of the request that answers it.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: ErrorStatus;
  readonly code: string;
  readonly fields: FieldErrors | undefined;
  /** No message was given: the answer uses the status's default, in the request's language. */
  readonly defaultMessage: boolean;

  constructor(status: ErrorStatus, code?: string, message?: string, fields?: FieldErrors, options?: { cause?: unknown }) {
    super(message ?? defaultMessage(status), options);
    this.status = status;
    this.code = code ?? defaults(status).code;
    this.fields = fields;
    this.defaultMessage = message === undefined;
  }

  /** The message in `locale` (a message given by the thrower is kept as it is). */
  messageIn(locale: Locale): string {
    return this.defaultMessage ? defaultMessage(this.status, locale) : this.message;
  }

  /** 400: a query parameter or a body that cannot be read. */
  static badRequest(message?: string, fields?: FieldErrors): HttpError {
    return new HttpError(400, 'bad_request', message, fields);
  }

  static unauthorized(message?: string): HttpError {
    return new HttpError(401, 'unauthenticated', message);
  }

  /** 403 « Droits insuffisants ». */
  static forbidden(message?: string): HttpError {
    return new HttpError(403, 'forbidden', message);
  }

  /** 404, also for a record of another collectivité. */
  static notFound(message?: string): HttpError {
    return new HttpError(404, 'not_found', message);
  }

  /** 409: stale `_version` (`stale_version`), children rows (`has_children`), duplicate value… */
  static conflict(message?: string, code = 'conflict', fields?: FieldErrors): HttpError {
    return new HttpError(409, code, message, fields);
  }

  /** 422 with one message per field. */
  static validation(fields: FieldErrors, message?: string): HttpError {
    return new HttpError(422, 'validation_failed', message, fields);
  }
}

/** The API's error body. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldErrors;
    request_id: string;
  };
}

export function errorBody(requestId: string, code: string, message: string, fields?: FieldErrors): ErrorBody {
  const withFields = fields !== undefined && Object.keys(fields).length > 0;
  return { error: withFields ? { code, message, fields, request_id: requestId } : { code, message, request_id: requestId } };
}

/** JSON for the API (`/api/…`) and for clients that ask for JSON rather than a page. */
export function wantsJson(c: Context): boolean {
  const path = c.req.path;
  if (path === '/api' || path.startsWith('/api/') || path === '/health') return true;
  const accept = c.req.header('Accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** The request's id, made up (and returned in the header) when the error came before it was set. */
function requestIdOf(c: Context<AppEnv>): string {
  const existing = c.get('requestId') as string | undefined;
  if (existing) return existing;
  const requestId = randomUUID();
  c.set('requestId', requestId);
  c.header(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/** The error as a JSON response (for handlers that answer rather than throw). */
export function jsonError(c: Context<AppEnv>, error: HttpError): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(errorBody(requestIdOf(c), error.code, error.messageIn(localeOf(c)), error.fields), error.status);
}

// ---- pages ---------------------------------------------------------------------------------------

export interface ErrorPageProps {
  status: ErrorStatus;
  title: string;
  message: string;
  requestId: string;
  /** Where the user can go from here. */
  link: { href: string; label: string };
  /** Language of the page (default: the process language). */
  locale?: Locale | undefined;
}

function pageFor(status: ErrorStatus, error: HttpError | undefined, requestId: string, locale: Locale): ErrorPageProps {
  const tr = translator(locale);
  const home = { href: '/', label: tr('http.page.backHome') };
  const page = (title: string, message: string, link = home): ErrorPageProps => ({ status, title, message, requestId, link, locale });
  // A message the thrower gave (a route's « Ce bureau n'existe pas ») says more than the status's generic one.
  const given = error && !error.defaultMessage ? error.message : undefined;
  switch (status) {
    case 404:
      return page(tr('http.page.notFoundTitle'), given ?? tr('http.page.notFoundMessage'));
    case 403:
      return page(tr('http.page.forbiddenTitle'), given ?? tr('http.page.forbiddenMessage'));
    case 401:
      return page(tr('http.page.unauthenticatedTitle'), tr('http.page.unauthenticatedMessage'), { href: '/login', label: tr('http.page.signIn') });
    default:
      if (status >= 500 || !error) return page(tr('http.page.errorTitle'), tr('http.internalError'));
      return page(tr('http.page.refusedTitle'), error.messageIn(locale));
  }
}

/** A short, standalone, accessible page (no script, no inline style). */
export function ErrorPage(props: ErrorPageProps) {
  const { locale } = props;
  return (
    <html lang={locale ?? defaultLocale()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('http.page.title', { title: props.title }, locale)}</title>
      </head>
      <body>
        <main>
          <h1>{props.title}</h1>
          <p>{props.message}</p>
          <p>{tParts('http.page.reference', { requestId: <code>{props.requestId}</code> }, locale)}</p>
          <p>
            <a href={props.link.href}>{props.link.label}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** Renders an error page; the application may give its own (inside its layout). */
export type ErrorPageRenderer = (c: Context<AppEnv>, page: ErrorPageProps) => Response | Promise<Response>;

const defaultRenderer: ErrorPageRenderer = async (c, page) => {
  const body = await (<ErrorPage {...page} />).toString();
  return c.html(`<!DOCTYPE html>${body}`, page.status);
};

// ---- handlers ------------------------------------------------------------------------------------

export interface ErrorHandlersOptions {
  renderPage?: ErrorPageRenderer;
  /** Used when the runtime is not in the context. */
  logger?: Logger;
}

function loggerOf(c: Context<AppEnv>, fallback: Logger | undefined): Logger | undefined {
  return (c.get('runtime') as AppEnv['Variables']['runtime'] | undefined)?.logger ?? fallback;
}

const isInvalidTextError = (error: unknown): boolean => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === INVALID_BYTE_SEQUENCE || code === UNSUPPORTED_UNICODE_ESCAPE;
};

/** What the client is told about an error: an `HttpError`, whatever was thrown. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof Veto) return HttpError.validation(error.fields, error.message);
  // A refusal of the record service carries its own status, code and French message.
  if (error instanceof ServiceError) return new HttpError(error.status as ErrorStatus, error.code, error.message, error.fields);
  // A NUL byte that reached the database outside the record service: bad input, not a fault.
  if (isInvalidTextError(error)) return HttpError.badRequest(t('inputChecks.nul.body'), undefined);
  if (error instanceof HTTPException && error.status >= 400) {
    // Hono's own exceptions carry English messages: keep the status, say it with the catalogue.
    return new HttpError(error.status as ErrorStatus, undefined, undefined, undefined, { cause: error });
  }
  return new HttpError(500, undefined, undefined, undefined, { cause: error });
}

export function errorHandlers(options: ErrorHandlersOptions = {}): {
  onError: ErrorHandler<AppEnv>;
  notFound: NotFoundHandler<AppEnv>;
} {
  const render = options.renderPage ?? defaultRenderer;

  const respond = async (c: Context<AppEnv>, error: HttpError): Promise<Response> => {
    const requestId = requestIdOf(c);
    c.header('Cache-Control', 'no-store');
    if (wantsJson(c)) return jsonError(c, error);
    return render(c, pageFor(error.status, error, requestId, localeOf(c)));
  };

  const onError: ErrorHandler<AppEnv> = async (error, c) => {
    // An exception that carries its own response (Hono middlewares) is answered as it is.
    if (error instanceof HTTPException && error.res) return error.getResponse();
    const httpError = toHttpError(error);
    const requestId = requestIdOf(c);
    const logger = loggerOf(c, options.logger);
    const context = { requestId, method: c.req.method, path: c.req.path, status: httpError.status };
    if (httpError.status >= 500) {
      if (logger) logger.error({ ...context, err: error }, 'Erreur lors du traitement de la requête');
      else console.error(`[${requestId}]`, error);
    } else {
      logger?.debug({ ...context, code: httpError.code }, httpError.message);
    }
    try {
      return await respond(c, httpError);
    } catch (renderError) {
      // The error page itself failed: plain text, still without details.
      logger?.error({ requestId, err: renderError }, "Erreur lors de l'affichage de la page d'erreur");
      return c.text(t('http.page.plainError', { requestId }, localeOf(c)), 500);
    }
  };

  const notFound: NotFoundHandler<AppEnv> = (c) => respond(c, HttpError.notFound());

  return { onError, notFound };
}

/** The handlers with the built-in page: `app.onError(onError)`, `app.notFound(notFound)`. */
export const { onError, notFound } = errorHandlers();
