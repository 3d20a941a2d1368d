/**
 * The directory's configuration, from the environment only (the service account's password never
 * goes to the database). `loadLdapConfig` returns undefined when `COMMUN_LDAP_URL` is unset, and
 * throws `LdapConfigError` with every problem at once, in French, when something is wrong.
 */
import { readFileSync } from 'node:fs';
import type { Locale } from '../../i18n/index.ts';
import { annuaireMessage } from './messages.ts';

export type DirectoryKind = 'openldap' | 'ad';

export interface GroupMapping {
  /** The group's `cn` or its whole DN, compared case-insensitively. */
  readonly group: string;
  /** `om_profil.libelle`. */
  readonly profil: string;
}

export interface LdapConfig {
  readonly url: string;
  readonly kind: DirectoryKind;
  readonly startTls: boolean;
  /** PEM contents of the CA that signed the directory's certificate (else the system's CAs). */
  readonly ca: string | undefined;
  readonly caFile: string | undefined;
  readonly bindDn: string;
  readonly bindPassword: string;
  readonly userBase: string;
  /** Which entries are users, e.g. `(objectClass=inetOrgPerson)`. */
  readonly userFilter: string;
  readonly loginAttribute: string;
  readonly nameAttribute: string;
  readonly emailAttribute: string;
  /** Groups searched under this base by membership (`member=<user DN>`)… */
  readonly groupBase: string | undefined;
  readonly memberAttribute: string;
  /** …or read from this attribute of the user entry (Active Directory's `memberOf`). */
  readonly groupsAttribute: string;
  readonly mappings: readonly GroupMapping[];
  /** Profile of users in no mapped group; undefined: such users get no account. */
  readonly defaultProfil: string | undefined;
  /** The collectivité the synchronised users belong to. */
  readonly collectivite: number;
  /** Hours between two scheduled synchronisations (0: none). */
  readonly syncHours: number;
  readonly timeoutMs: number;
}

export class LdapConfigError extends Error {
  constructor(readonly problems: readonly string[], locale?: Locale) {
    super(annuaireMessage('config.invalid', { problems: problems.join(' ') }, locale));
  }
}

const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9-]*$/;
const DEFAULTS: Record<DirectoryKind, { filter: string; login: string; name: string; groups: string }> = {
  openldap: { filter: '(objectClass=inetOrgPerson)', login: 'uid', name: 'cn', groups: 'memberOf' },
  ad: { filter: '(&(objectClass=user)(objectCategory=person))', login: 'sAMAccountName', name: 'displayName', groups: 'memberOf' },
};

/** Whether the parentheses of a filter balance (a typo would make every search fail). */
function balanced(filter: string): boolean {
  let depth = 0;
  for (const char of filter.replace(/\\./g, '')) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0 && filter.startsWith('(') && filter.endsWith(')');
}

/** `COMMUN_LDAP_PROFILS="etat-civil=UTILISATEUR;informatique=ADMINISTRATEUR"` (the last `=` separates). */
function parseMappings(text: string, problems: string[], locale?: Locale): GroupMapping[] {
  const mappings: GroupMapping[] = [];
  for (const part of text.split(';').map((item) => item.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const group = part.slice(0, at).trim();
    const profil = part.slice(at + 1).trim();
    if (at <= 0 || group === '' || profil === '') problems.push(annuaireMessage('config.mapping', { value: part }, locale));
    else mappings.push({ group, profil });
  }
  return mappings;
}

export function loadLdapConfig(env: NodeJS.ProcessEnv = process.env, locale?: Locale): LdapConfig | undefined {
  const url = env.COMMUN_LDAP_URL?.trim();
  if (!url) return undefined;
  const problems: string[] = [];
  const text = (name: string) => env[name]?.trim() || undefined;
  const required = (name: string) => {
    const value = text(name);
    if (value === undefined) problems.push(annuaireMessage('config.required', { name }, locale));
    return value ?? '';
  };
  const flag = (name: string) => ['1', 'true', 'oui'].includes((text(name) ?? '').toLowerCase());
  const count = (name: string, fallback: number) => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value)) {
      problems.push(annuaireMessage('config.integer', { name, value }, locale));
      return fallback;
    }
    return Number(value);
  };

  if (!/^ldaps?:\/\/[^/\s]+\/?$/i.test(url)) problems.push(annuaireMessage('config.url', { value: url }, locale));
  const kindText = (text('COMMUN_LDAP_TYPE') ?? 'openldap').toLowerCase();
  if (kindText !== 'openldap' && kindText !== 'ad') problems.push(annuaireMessage('config.type', { value: kindText }, locale));
  const kind: DirectoryKind = kindText === 'ad' ? 'ad' : 'openldap';
  const defaults = DEFAULTS[kind];

  const startTls = flag('COMMUN_LDAP_STARTTLS');
  if (startTls && /^ldaps:/i.test(url)) problems.push(annuaireMessage('config.startTlsLdaps', undefined, locale));
  const caFile = text('COMMUN_LDAP_CA_FICHIER');
  let ca: string | undefined;
  if (caFile !== undefined) {
    try {
      ca = readFileSync(caFile, 'utf8');
    } catch {
      problems.push(annuaireMessage('config.caFile', { value: caFile }, locale));
    }
  }
  const attribute = (name: string, fallback: string) => {
    const value = text(name) ?? fallback;
    if (!ATTRIBUTE.test(value)) problems.push(annuaireMessage('config.attribute', { name, value }, locale));
    return value;
  };
  const userFilter = text('COMMUN_LDAP_FILTRE') ?? defaults.filter;
  if (!balanced(userFilter)) problems.push(annuaireMessage('config.filter', { value: userFilter }, locale));

  const config: LdapConfig = {
    url: url.replace(/\/$/, ''),
    kind,
    startTls,
    ca,
    caFile,
    bindDn: required('COMMUN_LDAP_BIND_DN'),
    bindPassword: env.COMMUN_LDAP_BIND_MOT_DE_PASSE ?? '',
    userBase: required('COMMUN_LDAP_BASE_UTILISATEURS'),
    userFilter,
    loginAttribute: attribute('COMMUN_LDAP_ATTRIBUT_LOGIN', defaults.login),
    nameAttribute: attribute('COMMUN_LDAP_ATTRIBUT_NOM', defaults.name),
    emailAttribute: attribute('COMMUN_LDAP_ATTRIBUT_EMAIL', 'mail'),
    groupBase: text('COMMUN_LDAP_BASE_GROUPES'),
    memberAttribute: attribute('COMMUN_LDAP_ATTRIBUT_MEMBRE', 'member'),
    groupsAttribute: attribute('COMMUN_LDAP_ATTRIBUT_GROUPES', defaults.groups),
    mappings: parseMappings(text('COMMUN_LDAP_PROFILS') ?? '', problems, locale),
    defaultProfil: text('COMMUN_LDAP_PROFIL_DEFAUT'),
    collectivite: count('COMMUN_LDAP_COLLECTIVITE', 1),
    syncHours: count('COMMUN_LDAP_SYNCHRO_HEURES', 24),
    timeoutMs: count('COMMUN_LDAP_DELAI_MS', 10_000),
  };
  if (env.COMMUN_LDAP_BIND_MOT_DE_PASSE === undefined || env.COMMUN_LDAP_BIND_MOT_DE_PASSE === '') {
    problems.push(annuaireMessage('config.required', { name: 'COMMUN_LDAP_BIND_MOT_DE_PASSE' }, locale));
  }
  if (problems.length > 0) throw new LdapConfigError(problems, locale);
  return config;
}

/** What the administration page shows: everything but the service account's password. */
export function describeConfig(config: LdapConfig): ReadonlyArray<readonly [string, string]> {
  return [
    ['COMMUN_LDAP_URL', config.url],
    ['COMMUN_LDAP_TYPE', config.kind],
    ['COMMUN_LDAP_STARTTLS', config.startTls ? 'oui' : 'non'],
    ['COMMUN_LDAP_CA_FICHIER', config.caFile ?? '—'],
    ['COMMUN_LDAP_BIND_DN', config.bindDn],
    ['COMMUN_LDAP_BASE_UTILISATEURS', config.userBase],
    ['COMMUN_LDAP_FILTRE', config.userFilter],
    ['COMMUN_LDAP_ATTRIBUT_LOGIN', config.loginAttribute],
    ['COMMUN_LDAP_ATTRIBUT_NOM', config.nameAttribute],
    ['COMMUN_LDAP_ATTRIBUT_EMAIL', config.emailAttribute],
    config.groupBase
      ? ['COMMUN_LDAP_BASE_GROUPES', `${config.groupBase} (${config.memberAttribute})`]
      : ['COMMUN_LDAP_ATTRIBUT_GROUPES', config.groupsAttribute],
    ['COMMUN_LDAP_PROFILS', config.mappings.map((mapping) => `${mapping.group} → ${mapping.profil}`).join(' ; ') || '—'],
    ['COMMUN_LDAP_PROFIL_DEFAUT', config.defaultProfil ?? '—'],
    ['COMMUN_LDAP_COLLECTIVITE', String(config.collectivite)],
    ['COMMUN_LDAP_SYNCHRO_HEURES', String(config.syncHours)],
  ];
}
