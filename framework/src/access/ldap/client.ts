/**
 * Connections to the directory (ldapts): ldaps://, or ldap:// upgraded with StartTLS when asked,
 * with the configured CA; every operation bounded by the configured timeout. A connection is used
 * for one task (a sign-in, a synchronisation) and closed after it.
 */
import { Client, InvalidCredentialsError, NoSuchObjectError } from 'ldapts';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { Locale } from '../../i18n/index.ts';
import type { LdapConfig } from './config.ts';
import { annuaireMessage } from './messages.ts';

function tlsOptions(config: LdapConfig): ConnectionOptions {
  const host = new URL(config.url).hostname;
  // SNI takes a host name, never an address.
  return { ...(isIP(host) ? {} : { servername: host }), minVersion: 'TLSv1.2', ...(config.ca ? { ca: config.ca } : {}) };
}

/** A connected client (StartTLS done when configured), not bound yet. */
export async function openClient(config: LdapConfig): Promise<Client> {
  const client = new Client({
    url: config.url,
    timeout: config.timeoutMs,
    connectTimeout: config.timeoutMs,
    // ldapts opens TLS whenever it is given TLS options: only for ldaps:// (StartTLS passes its own).
    ...(/^ldaps:/i.test(config.url) ? { tlsOptions: tlsOptions(config) } : {}),
    strictDN: true,
  });
  if (config.startTls) {
    try {
      await client.startTLS(tlsOptions(config));
    } catch (error) {
      await closeClient(client);
      throw error;
    }
  }
  return client;
}

/** Runs `work` on a client bound as the service account, then closes it. */
export async function withServiceClient<T>(config: LdapConfig, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await openClient(config);
  try {
    await client.bind(config.bindDn, config.bindPassword);
    return await work(client);
  } finally {
    await closeClient(client);
  }
}

export async function closeClient(client: Client): Promise<void> {
  try {
    await client.unbind();
  } catch {
    // The connection may already be gone: nothing more to close.
  }
}

/** The first value of an attribute of a search entry, as text. */
export function firstValue(value: Buffer | Buffer[] | string[] | string | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  const text = (typeof first === 'string' ? first : first.toString('utf8')).trim();
  return text === '' ? undefined : text;
}

/** Every value of an attribute, as text. */
export function allValues(value: Buffer | Buffer[] | string[] | string | undefined): string[] {
  if (value === undefined) return [];
  const list: (Buffer | string)[] = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? item : item.toString('utf8')).trim()).filter((item) => item !== '');
}

/** Why talking to the directory failed, in words an administrator can act on. */
export function failureReason(config: LdapConfig, error: unknown, locale?: Locale): string {
  const detail = error instanceof Error ? error.message.trim() || error.name : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof InvalidCredentialsError) return annuaireMessage('reasons.credentials', undefined, locale);
  if (error instanceof NoSuchObjectError) return annuaireMessage('reasons.noSuchObject', undefined, locale);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') return annuaireMessage('reasons.refused', { url: config.url }, locale);
  if (/timeout|timed out/i.test(detail)) return annuaireMessage('reasons.timeout', { url: config.url }, locale);
  if (/certificate|TLS|SSL/i.test(detail)) return annuaireMessage('reasons.tls', { detail }, locale);
  return annuaireMessage('reasons.other', { detail }, locale);
}
