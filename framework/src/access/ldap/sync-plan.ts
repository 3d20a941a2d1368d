/**
 * What a synchronisation would change, computed without writing anything: the directory's users
 * against the accounts of type LDAP. Users of the subtree are created or updated (name, e-mail,
 * profile from their groups); accounts of type LDAP missing from the directory, disabled there or
 * in no mapped group are disabled, never deleted. Local (DB) accounts are never touched.
 */
import type { Locale } from '../../i18n/index.ts';
import type { LdapConfig } from './config.ts';
import type { DirectoryUser } from './directory-users.ts';
import { annuaireMessage } from './messages.ts';

export interface LocalAccount {
  readonly id: number;
  readonly login: string;
  readonly nom: string;
  readonly email: string;
  readonly profil: number;
  readonly type: string;
  readonly active: boolean;
}

export interface Profile {
  readonly id: number;
  readonly libelle: string;
  readonly hierarchie: number;
}

export interface NewAccount {
  readonly login: string;
  readonly nom: string;
  readonly email: string;
  readonly profil: number;
}

export type PlannedChange =
  | { readonly action: 'cree'; readonly login: string; readonly detail: string; readonly account: NewAccount }
  | { readonly action: 'modifie'; readonly login: string; readonly detail: string; readonly id: number; readonly set: { nom: string; email: string; profil: number; active: true } }
  | { readonly action: 'desactive'; readonly login: string; readonly detail: string; readonly id: number }
  | { readonly action: 'erreur'; readonly login: string; readonly detail: string };

export interface SyncPlan {
  readonly changes: readonly PlannedChange[];
  readonly unchanged: number;
}

const LOGIN = /^[\p{L}\p{N}._@-]{1,30}$/u;
/** The columns' lengths (`om_utilisateur.nom` 30, `email` 100). */
const clip = (text: string, length: number) => [...text].slice(0, length).join('');

/** The profile a user's groups give: the highest of the mapped ones, else the default one. */
export function profileFor(groups: readonly string[], config: LdapConfig, profiles: ReadonlyMap<string, Profile>): Profile | undefined {
  const names = new Set(groups.map((group) => group.toLowerCase()));
  let best: Profile | undefined;
  for (const mapping of config.mappings) {
    if (!names.has(mapping.group.toLowerCase())) continue;
    const profile = profiles.get(mapping.profil);
    if (profile && (!best || profile.hierarchie > best.hierarchie)) best = profile;
  }
  return best ?? (config.defaultProfil ? profiles.get(config.defaultProfil) : undefined);
}

export function planSync(
  config: LdapConfig,
  directory: readonly DirectoryUser[],
  accounts: readonly LocalAccount[],
  profiles: ReadonlyMap<string, Profile>,
  locale?: Locale,
): SyncPlan {
  const profileLabels = new Map([...profiles.values()].map((profile) => [profile.id, profile.libelle]));
  const byLogin = new Map(accounts.map((account) => [account.login, account]));
  const seen = new Set<string>();
  const changes: PlannedChange[] = [];
  let unchanged = 0;

  for (const user of directory) {
    if (!LOGIN.test(user.login)) {
      changes.push({ action: 'erreur', login: user.login, detail: annuaireMessage('sync.badLogin', { login: user.login }, locale) });
      continue;
    }
    if (seen.has(user.login)) continue; // two entries, one login: the first one counts
    seen.add(user.login);
    const account = byLogin.get(user.login);
    if (account && account.type !== 'LDAP') {
      changes.push({ action: 'erreur', login: user.login, detail: annuaireMessage('sync.duplicate', { login: user.login }, locale) });
      continue;
    }
    const profile = profileFor(user.groups, config, profiles);
    const refusal = user.disabled ? annuaireMessage('sync.disabledInDirectory', undefined, locale) : profile ? undefined : annuaireMessage('sync.noGroup', undefined, locale);
    if (refusal !== undefined || !profile) {
      if (account?.active) changes.push({ action: 'desactive', login: user.login, id: account.id, detail: refusal ?? '' });
      else if (account) unchanged++;
      continue;
    }
    const wanted = { nom: clip(user.nom, 30), email: clip(user.email, 100), profil: profile.id, active: true as const };
    if (!account) {
      changes.push({ action: 'cree', login: user.login, account: { login: user.login, ...wanted }, detail: `${wanted.nom}, ${profile.libelle}` });
      continue;
    }
    const differences: string[] = [];
    if (account.nom !== wanted.nom) differences.push(`nom : ${account.nom} → ${wanted.nom}`);
    if (account.email !== wanted.email) differences.push(`courriel : ${account.email || '—'} → ${wanted.email || '—'}`);
    if (account.profil !== wanted.profil) differences.push(`profil : ${profileLabels.get(account.profil) ?? account.profil} → ${profile.libelle}`);
    if (!account.active) differences.push('réactivé');
    if (differences.length === 0) unchanged++;
    else changes.push({ action: 'modifie', login: user.login, id: account.id, set: wanted, detail: differences.join(' ; ') });
  }

  for (const account of accounts) {
    if (account.type !== 'LDAP' || seen.has(account.login)) continue;
    if (account.active) changes.push({ action: 'desactive', login: account.login, id: account.id, detail: annuaireMessage('sync.missing', undefined, locale) });
    else unchanged++;
  }
  return { changes, unchanged };
}
