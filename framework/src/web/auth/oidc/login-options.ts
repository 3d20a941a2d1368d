/**
 * The identity providers the login page offers, found once per request to /login by a middleware
 * and read by `LoginPage` while it renders (request-scoped, so that the page handlers need not
 * pass them along).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import { offeredProviders } from '../../../access/oidc/index.ts';
import type { Runtime } from '../../../runtime.ts';
import type { AppEnv } from '../../env.ts';

export interface FederatedOption {
  readonly code: string;
  readonly libelle: string;
  readonly proconnect: boolean;
}

const options = new AsyncLocalStorage<readonly FederatedOption[]>();

/** The providers offered to the request being answered (none outside a /login request). */
export const currentFederatedOptions = (): readonly FederatedOption[] => options.getStore() ?? [];

export async function federatedOptions(runtime: Runtime): Promise<FederatedOption[]> {
  const providers = await offeredProviders(runtime.db.kysely);
  return providers.map((provider) => ({ code: provider.code, libelle: provider.libelle, proconnect: provider.modele === 'proconnect' }));
}

/** Finds the offered providers, then answers the request with them in scope. */
export function federatedOptionsMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let found: FederatedOption[] = [];
    try {
      found = await federatedOptions(c.get('runtime'));
    } catch (error) {
      // The password form still works if the providers' table cannot be read.
      c.get('runtime').logger.warn({ err: error }, 'fournisseurs d’identité illisibles');
    }
    await options.run(found, next);
  };
}
