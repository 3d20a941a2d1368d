import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.ts';

/**
 * The Content-Security-Policy of every page: scripts and styles from our own files only (no inline
 * script, no `eval`), images from us or `data:` URLs, no plugins, no framing, forms posted to us.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export interface SecurityHeadersOptions {
  /**
   * The public address is https (`COMMUN_BASE_URL`): send Strict-Transport-Security on every
   * response, whatever the proxy in front says. Otherwise it is sent only on requests that came
   * over https (directly, or `X-Forwarded-Proto: https` from a TLS-terminating proxy).
   */
  https?: boolean;
}

const viaHttps = (url: string, forwardedProto: string | undefined) =>
  url.startsWith('https:') || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';

/**
 * Security headers on every response, error pages included. A handler that needs another policy
 * (a page embedding a viewer, say) sets the header itself: it is kept.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler<AppEnv> {
  const common = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    // Decided per request below: it must not be sent over plain http.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: ['self'],
      payment: [],
      usb: [],
      serial: [],
      hid: [],
      bluetooth: [],
      midi: [],
    },
    overwrite: false,
  });
  return async (c, next) => {
    await common(c, async () => {
      await next();
      if (options.https || viaHttps(c.req.url, c.req.header('X-Forwarded-Proto'))) {
        if (!c.res.headers.has('Strict-Transport-Security')) c.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
      }
    });
  };
}
