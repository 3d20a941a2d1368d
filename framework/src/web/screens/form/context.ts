/** What every form handler needs from the request: who acts, in which language, with which services. */
import type { Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import { fileStoreOf, type FileStore } from '../../../files/index.ts';
import { translator, type Locale, type Translate } from '../../../i18n/index.ts';
import type { ReadDeps } from '../../../records/index.ts';
import type { Runtime } from '../../../runtime.ts';
import type { AppEnv } from '../../env.ts';
import { serviceDeps } from '../../service-deps.ts';
import { localeOf } from '../../locale.ts';
import { actorOf } from '../shared/index.ts';
import type { FormBody } from './values.ts';

export interface ScreenContext {
  readonly runtime: Runtime;
  readonly actor: Actor;
  readonly locale: Locale;
  readonly tr: Translate;
  readonly deps: ReadDeps;
  readonly files: FileStore;
  readonly requestId: string | undefined;
}

export function screenContext(c: Context<AppEnv>): ScreenContext {
  const runtime = c.get('runtime');
  const locale = localeOf(c);
  return {
    runtime,
    actor: actorOf(c),
    locale,
    tr: translator(locale),
    deps: serviceDeps(c),
    files: fileStoreOf(runtime),
    requestId: c.get('requestId'),
  };
}

/** The posted form (urlencoded or multipart; the CSRF check has already parsed it, Hono keeps it). */
export const readBody = async (c: Context<AppEnv>): Promise<FormBody> => (await c.req.parseBody()) as FormBody;
