import type { ResetDelivery } from '../access/admin-password-reset.ts';
import type { Registry } from '../model/registry.ts';
import type { Runtime } from '../runtime.ts';

/**
 * The runtime's mailer, for the actions of the framework's objects that send e-mail (password
 * reset by an administrator). An action only receives its transaction and record, so the mailer
 * is bound to the registry the objects were registered in, once the runtime exists.
 */
const bound = new WeakMap<Registry, ResetDelivery>();

export function bindAccountMail(runtime: Pick<Runtime, 'registry' | 'mailer' | 'logger' | 'config'>): void {
  bound.set(runtime.registry, {
    mailer: runtime.mailer,
    logger: runtime.logger,
    baseUrl: runtime.config.baseUrl,
    locale: runtime.config.locale,
  });
}

export const accountMailOf = (registry: Registry): ResetDelivery | undefined => bound.get(registry);
