/**
 * Which account a verified identity opens. In order: the account already linked to (provider,
 * subject); else, when the provider allows it, the one active account with the same e-mail
 * address (then linked); else, when the provider allows creating accounts, a new account in the
 * collectivité its SIRET is mapped to. An unmapped SIRET never gives access: refused, or held for
 * an administrator.
 */
import { writeAs } from '../../db/tenant-context.ts';
import type { Runtime } from '../../runtime.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { collectiviteOfSiret, createFederatedAccount, findAccountsByEmail, findLinkedAccount, linkIdentity, touchIdentity } from './accounts.ts';
import { auditAccountCreation } from './account-audit.ts';
import { holdSignIn } from './held-sign-ins.ts';
import type { FederatedIdentity } from './identity.ts';
import { oidcMessage } from './messages.ts';
import type { ProviderRow } from './providers.ts';

export type MatchOutcome =
  | { readonly kind: 'account'; readonly userId: number; readonly how: 'linked' | 'email' | 'created' }
  | { readonly kind: 'held'; readonly message: string }
  | { readonly kind: 'refused'; readonly reason: 'disabled' | 'ambiguous' | 'unknown' | 'siret' | 'profile' | 'heldRefused'; readonly message: string };

export async function matchAccount(runtime: Runtime, provider: ProviderRow, identity: FederatedIdentity): Promise<MatchOutcome> {
  const db = runtime.db.kysely;
  const { locale } = runtime.config;
  const refused = (reason: Extract<MatchOutcome, { kind: 'refused' }>['reason'], message: string): MatchOutcome => ({ kind: 'refused', reason, message });

  const linked = await findLinkedAccount(db, provider.id, identity.subject);
  if (linked) {
    if (!linked.active) return refused('disabled', oidcMessage('signIn.disabled', undefined, locale));
    await touchIdentity(db, provider.id, identity.subject);
    return { kind: 'account', userId: linked.userId, how: 'linked' };
  }

  if (provider.linkByEmail && identity.email) {
    const accounts = await findAccountsByEmail(db, identity.email);
    const active = accounts.filter((account) => account.active);
    if (active.length > 1) return refused('ambiguous', oidcMessage('signIn.ambiguousEmail', undefined, locale));
    const [account] = active;
    if (account) {
      await writeAs(db, SYSTEM_ACTOR, (trx) => linkIdentity(trx, provider.id, identity.subject, account.userId));
      runtime.logger.info({ provider: provider.code, userId: account.userId }, 'identité fédérée rattachée par l’adresse électronique');
      return { kind: 'account', userId: account.userId, how: 'email' };
    }
    // A disabled account with this address: the agent was cut off, not to be given a new account.
    if (accounts.length > 0) return refused('disabled', oidcMessage('signIn.disabled', undefined, locale));
  }

  if (!provider.createAccounts) return refused('unknown', oidcMessage('signIn.noAccount', undefined, locale));

  const collectivite = identity.siret ? await collectiviteOfSiret(db, identity.siret) : undefined;
  if (collectivite === undefined) {
    if (provider.unknownSiret === 'attente' && identity.siret) {
      const held = await holdSignIn(db, provider.id, identity);
      if (held === 'refusee') return refused('heldRefused', oidcMessage('signIn.heldRefused', undefined, locale));
      runtime.logger.info({ provider: provider.code, siret: identity.siret }, 'connexion fédérée mise en attente (SIRET inconnu)');
      return { kind: 'held', message: oidcMessage('signIn.held', undefined, locale) };
    }
    const organisation = identity.organisation || oidcMessage('signIn.organisationUnnamed', { siret: identity.siret ?? '—' }, locale);
    return refused('siret', oidcMessage('signIn.siretUnknown', { organisation }, locale));
  }
  if (provider.defaultProfile === undefined) return refused('profile', oidcMessage('signIn.noProfile', undefined, locale));
  const profile = provider.defaultProfile;
  const created = await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const account = await createFederatedAccount(trx, provider.id, identity, { collectivite, profile });
    await auditAccountCreation(trx, runtime, SYSTEM_ACTOR, account);
    return account;
  });
  runtime.logger.info({ provider: provider.code, userId: created.userId, login: created.login, collectivite }, 'compte créé à la première connexion fédérée');
  return { kind: 'account', userId: created.userId, how: 'created' };
}
