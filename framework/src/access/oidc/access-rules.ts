/**
 * The rules this service sets on who may come in through a provider, checked before any account is
 * looked up: the agent's roles, the domain of their e-mail address, and the authentication level
 * (acr) when two-factor sign-in is required. Pure: one decision, one French message.
 */
import type { Locale } from '../../i18n/index.ts';
import { emailDomain, type FederatedIdentity } from './identity.ts';
import { oidcMessage } from './messages.ts';
import type { ProviderRow } from './providers.ts';

export type RuleDecision = { readonly ok: true } | { readonly ok: false; readonly rule: 'role' | 'domain' | 'acr' | 'claims'; readonly message: string };

export function checkAccessRules(provider: ProviderRow, identity: FederatedIdentity, locale?: Locale): RuleDecision {
  if (identity.subject === '' || identity.email === undefined) {
    return { ok: false, rule: 'claims', message: oidcMessage('signIn.missingClaims', undefined, locale) };
  }
  if (provider.allowedRoles.length > 0 && !identity.roles.some((role) => provider.allowedRoles.includes(role))) {
    const quoted = (values: readonly string[]) => values.map((value) => `« ${value} »`).join(', ');
    return {
      ok: false,
      rule: 'role',
      message: oidcMessage('signIn.roleRefused', {
        admis: quoted(provider.allowedRoles),
        roles: identity.roles.length > 0 ? quoted(identity.roles) : oidcMessage('signIn.noRole', undefined, locale),
        organisation: identity.organisation ?? '',
        siret: identity.siret ?? '',
      }, locale),
    };
  }
  const domain = emailDomain(identity.email);
  if (provider.allowedDomains.length > 0 && !provider.allowedDomains.includes(domain)) {
    return { ok: false, rule: 'domain', message: oidcMessage('signIn.domainRefused', { domaine: domain }, locale) };
  }
  if (provider.requiredAcr.length > 0 && (identity.acr === undefined || !provider.requiredAcr.includes(identity.acr))) {
    return { ok: false, rule: 'acr', message: oidcMessage('signIn.levelRefused', undefined, locale) };
  }
  return { ok: true };
}
