/**
 * The users of the directory's subtree, as Commun needs them: login, name, e-mail, groups, and
 * whether the directory disabled them. Every filter built from a value goes through ldapts'
 * `EqualityFilter`, which escapes it (a login `*)(uid=*` matches nobody).
 */
import { EqualityFilter, type Client, type Entry } from 'ldapts';
import type { LdapConfig } from './config.ts';
import { allValues, firstValue } from './client.ts';

export interface DirectoryUser {
  readonly dn: string;
  readonly login: string;
  readonly nom: string;
  readonly email: string;
  /** The names of its groups: each group's `cn` and its whole DN, lower case. */
  readonly groups: readonly string[];
  /** Disabled by the directory (AD: ACCOUNTDISABLE; OpenLDAP ppolicy: locked for good). */
  readonly disabled: boolean;
}

/** AD's `userAccountControl` bit of a disabled account. */
const ACCOUNTDISABLE = 2;
/** ppolicy's value of `pwdAccountLockedTime` for an account locked until an administrator unlocks it. */
const LOCKED_FOR_GOOD = '000001010000Z';

/** `CN=Agents, OU=Groupes,DC=x` → `cn=agents,ou=groupes,dc=x`: DNs compared as users write them. */
export const normalDn = (dn: string) => dn.replace(/\s*,\s*/g, ',').replace(/\s*=\s*/g, '=').toLowerCase();

/** The value of a DN's first RDN: `cn=Agents,ou=groupes` → `agents`. */
const firstRdnValue = (dn: string) => /^[^=]+=((?:\\.|[^,\\])*)/.exec(dn)?.[1]?.replace(/\\(.)/g, '$1').trim().toLowerCase();

export const equality = (attribute: string, value: string) => new EqualityFilter({ attribute, value }).toString();

/** `(&<configured filter>(<login attribute>=<escaped login>))`. */
export const userFilterFor = (config: LdapConfig, login: string) => `(&${config.userFilter}${equality(config.loginAttribute, login)})`;

function attributesOf(config: LdapConfig): string[] {
  const attributes = [config.loginAttribute, config.nameAttribute, config.emailAttribute];
  if (!config.groupBase) attributes.push(config.groupsAttribute);
  attributes.push(config.kind === 'ad' ? 'userAccountControl' : 'pwdAccountLockedTime');
  return attributes;
}

function isDisabled(config: LdapConfig, entry: Entry): boolean {
  if (config.kind === 'ad') return (Number(firstValue(entry.userAccountControl) ?? 0) & ACCOUNTDISABLE) !== 0;
  return firstValue(entry.pwdAccountLockedTime) === LOCKED_FOR_GOOD;
}

const groupNames = (dn: string) => [normalDn(dn), firstRdnValue(dn)].filter((name): name is string => Boolean(name));

/** An entry as a directory user; undefined when it has no login. */
export function toDirectoryUser(config: LdapConfig, entry: Entry, memberships: GroupIndex | undefined): DirectoryUser | undefined {
  const login = firstValue(entry[config.loginAttribute]);
  if (login === undefined) return undefined;
  const groups = memberships ? memberships.of(entry.dn, login) : allValues(entry[config.groupsAttribute]).flatMap(groupNames);
  return {
    dn: entry.dn,
    login,
    nom: firstValue(entry[config.nameAttribute]) ?? login,
    email: firstValue(entry[config.emailAttribute]) ?? '',
    groups: [...new Set(groups)],
    disabled: isDisabled(config, entry),
  };
}

/** Who belongs to which group, from the groups under `COMMUN_LDAP_BASE_GROUPES`. */
export interface GroupIndex {
  of(dn: string, login: string): string[];
}

export async function readGroups(client: Client, config: LdapConfig): Promise<GroupIndex | undefined> {
  if (!config.groupBase) return undefined;
  const byMember = new Map<string, string[]>();
  const { searchEntries } = await client.search(config.groupBase, {
    scope: 'sub',
    filter: `(${config.memberAttribute}=*)`,
    attributes: [config.memberAttribute],
    paged: { pageSize: 500 },
  });
  for (const group of searchEntries) {
    for (const member of allValues(group[config.memberAttribute])) {
      // `member`/`uniqueMember` hold DNs; posixGroup's `memberUid` holds logins.
      const key = member.includes('=') ? normalDn(member) : member.toLowerCase();
      byMember.set(key, [...(byMember.get(key) ?? []), ...groupNames(group.dn)]);
    }
  }
  return { of: (dn, login) => [...(byMember.get(normalDn(dn)) ?? []), ...(byMember.get(login.toLowerCase()) ?? [])] };
}

/** The entries of the users' subtree whose login is exactly `login` (normally one). */
export async function findUserEntries(client: Client, config: LdapConfig, login: string): Promise<Entry[]> {
  const { searchEntries } = await client.search(config.userBase, {
    scope: 'sub',
    filter: userFilterFor(config, login),
    attributes: attributesOf(config),
    sizeLimit: 2,
  });
  return searchEntries;
}

/** Every user of the subtree (paged: Active Directory answers 1000 entries at most per page). */
export async function listDirectoryUsers(client: Client, config: LdapConfig): Promise<{ users: DirectoryUser[]; skipped: string[] }> {
  const memberships = await readGroups(client, config);
  const users: DirectoryUser[] = [];
  const skipped: string[] = [];
  const { searchEntries } = await client.search(config.userBase, {
    scope: 'sub',
    filter: config.userFilter,
    attributes: attributesOf(config),
    paged: { pageSize: 500 },
  });
  for (const entry of searchEntries) {
    const user = toDirectoryUser(config, entry, memberships);
    if (user) users.push(user);
    else skipped.push(entry.dn);
  }
  // In login order, so that reports read the same from one run to the next.
  users.sort((a, b) => a.login.localeCompare(b.login, 'fr'));
  return { users, skipped };
}
