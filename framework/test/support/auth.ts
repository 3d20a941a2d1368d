/**
 * Test helpers for authentication: a runtime over a test database, users with real hashes, an app
 * assembled from the auth middlewares and routes, a browser-like client that keeps its cookies,
 * and a local SMTP sink.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../../src/access/mailer.ts';
import { hashPassword } from '../../src/access/passwords.ts';
import { loadConfig } from '../../src/config/index.ts';
import { Registry } from '../../src/model/registry.ts';
import type { Mailer, Runtime } from '../../src/runtime.ts';
import { csrfMiddleware, csrfToken } from '../../src/web/auth/csrf.ts';
import { requireActor } from '../../src/web/auth/require-actor.ts';
import { authRoutes } from '../../src/web/auth/routes.tsx';
import { sessionMiddleware } from '../../src/web/auth/session-middleware.ts';
import type { AppEnv } from '../../src/web/env.ts';
import type { TestDatabase } from './databases.ts';

export function testRuntime(database: TestDatabase, env: NodeJS.ProcessEnv = {}, mailer?: Mailer): Runtime {
  const config = loadConfig({ COMMUN_BASE_URL: 'http://commun.test', ...env });
  const logger = pino({ level: 'silent' });
  return { config, db: database.db, registry: new Registry(), logger, mailer: mailer ?? createMailer(config, logger) };
}

export interface NewUser {
  login: string;
  password?: string;
  /** Stores `md5(password)` as openMairie did, instead of argon2id. */
  legacyMd5?: boolean;
  /** om_profil id: 1 ADMINISTRATEUR (5) … 5 CONSULTATION (1). */
  profil?: number;
  collectivite?: number;
  type?: 'DB' | 'LDAP';
  email?: string;
  nom?: string;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Inserts a user as the owner (bypassing RLS); returns its id. */
export async function createUser(database: TestDatabase, user: NewUser): Promise<number> {
  const password = user.password ?? 'Mot-de-passe-42';
  const pwd = user.legacyMd5 ? createHash('md5').update(password).digest('hex') : await hashPassword(password);
  const rows = await database.ownerQuery<{ om_utilisateur: number }>(`
    insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_type, om_profil)
    values (${quote(user.nom ?? user.login)}, ${quote(user.email ?? `${user.login}@example.org`)}, ${quote(user.login)}, ${quote(pwd)},
            ${user.collectivite ?? 1}, ${quote(user.type ?? 'DB')}, ${user.profil ?? 3})
    returning om_utilisateur`);
  return Number(rows[0]?.om_utilisateur);
}

/** The app the lead assembles, reduced to what authentication needs, plus two probe routes. */
export function testApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('runtime', runtime);
    await next();
  });
  app.use(sessionMiddleware());
  app.use(csrfMiddleware());
  app.route('/', authRoutes());
  app.get('/', requireActor(), (c) => c.text(`accueil ${c.get('actor')?.login} ${csrfToken(c)}`));
  app.get('/api/v1/probe', requireActor(), (c) => c.json({ login: c.get('actor')?.login }));
  // A handler that reads the form again after the CSRF middleware did.
  app.post('/echo', requireActor(), async (c) => c.json(await c.req.parseBody()));
  app.post('/api/v1/echo', requireActor(), async (c) => c.json(await c.req.json()));
  return app;
}

/** A browser: keeps cookies, sends them back, optionally from a given client address. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly address = '192.0.2.10',
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const bindings = { incoming: { socket: { remoteAddress: this.address, remotePort: 40000, remoteFamily: 'IPv4' } } };
    const response = await this.app.request(`http://commun.test${path}`, { ...init, headers }, bindings);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** Posts an urlencoded form. */
  postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  /** The CSRF token a page embeds (`name="_csrf" value="…"`). */
  async formToken(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match?.[1]) throw new Error(`no CSRF field on ${path}`);
    return match[1];
  }

  /** Logs in through the form; returns the response. */
  async login(login: string, password: string): Promise<Response> {
    const token = await this.formToken('/login');
    return this.postForm('/login', { _csrf: token, login, password });
  }
}

export interface CapturedMail {
  to: string[];
  raw: string;
  /** The body with quoted-printable soft breaks and escapes decoded. */
  text: string;
}

function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A local SMTP server on 127.0.0.1 (random port) that keeps every message it receives. */
export async function startSmtpSink(): Promise<{ port: number; mails: CapturedMail[]; next(): Promise<CapturedMail>; close(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const waiting: ((mail: CapturedMail) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = { to: session.envelope.rcptTo.map((address) => address.address), raw, text: decodeQuotedPrintable(raw) };
        const waiter = waiting.shift();
        if (waiter) waiter(mail);
        else mails.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    next: () => {
      const ready = mails.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
