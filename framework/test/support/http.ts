import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/env.ts';

export interface JsonResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read any shape
  headers: Headers;
  text: string;
}

/** A browser-like client of the app: keeps cookies and sends the CSRF token it was given. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;
  bearer: string | undefined;

  constructor(private readonly app: Hono<AppEnv>) {}

  async request(method: string, path: string, options: { json?: unknown; form?: Record<string, string>; csrf?: boolean; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (this.bearer) headers.Authorization = `Bearer ${this.bearer}`;
    if (options.csrf !== false && this.csrf && method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    const response = await this.app.request(path, { method, headers, body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    // Decoded by hand: Response.text() would drop a byte-order mark, which the CSV tests check.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Logs in through the JSON API (anonymous CSRF token first, as a browser script would). */
  async login(login: string, password: string): Promise<JsonResponse> {
    const anonymous = await this.get('/api/v1/csrf');
    this.csrf = anonymous.body.csrfToken;
    const response = await this.request('POST', '/api/v1/login', { json: { login, password } });
    if (response.status === 200) this.csrf = response.body.csrfToken;
    return response;
  }
}
