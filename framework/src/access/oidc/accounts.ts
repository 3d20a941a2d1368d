/**
 * The accounts behind federated identities: the link (provider, subject) → account
 * (`om.om_identite_federee`), and the accounts created for agents who sign in for the first time.
 * Accounts live under row-level security: reads go through `readAs(SYSTEM)`, writes through the
 * caller's `writeAs(SYSTEM)` transaction.
 */
import { sql, type Transaction } from 'kysely';
import type { Db, Schema } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import type { FederatedIdentity } from './identity.ts';

export interface LinkedAccount {
  readonly userId: number;
  readonly login: string;
  readonly active: boolean;
  readonly collectivite: number;
}

interface AccountRow {
  om_utilisateur: number;
  login: string;
  actif: boolean;
  om_collectivite: number;
}

const toLinked = (row: AccountRow): LinkedAccount => ({
  userId: Number(row.om_utilisateur),
  login: row.login,
  active: row.actif !== false,
  collectivite: Number(row.om_collectivite),
});

/** The account linked to this subject at this provider. */
export async function findLinkedAccount(db: Db, providerId: number, subject: string): Promise<LinkedAccount | undefined> {
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<AccountRow>`
      select u.om_utilisateur, u.login, u.actif, u.om_collectivite
        from om.om_identite_federee i join om.om_utilisateur u using (om_utilisateur)
       where i.om_fournisseur_identite = ${providerId} and i.sujet = ${subject}`.execute(connection));
  return result.rows[0] ? toLinked(result.rows[0]) : undefined;
}

/** Accounts with this e-mail address (case-insensitive), active ones first. */
export async function findAccountsByEmail(db: Db, email: string): Promise<LinkedAccount[]> {
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<AccountRow>`
      select om_utilisateur, login, actif, om_collectivite from om.om_utilisateur
       where email <> '' and lower(email) = lower(${email})
       order by actif desc, om_utilisateur`.execute(connection));
  return result.rows.map(toLinked);
}

/** Links an identity to an account (nothing if that identity is already linked). */
export async function linkIdentity(trx: Transaction<Schema>, providerId: number, subject: string, userId: number): Promise<void> {
  await sql`
    insert into om.om_identite_federee (om_fournisseur_identite, sujet, om_utilisateur, derniere_connexion)
    values (${providerId}, ${subject}, ${userId}, now())
    on conflict (om_fournisseur_identite, sujet) do nothing`.execute(trx);
}

export async function touchIdentity(db: Db, providerId: number, subject: string): Promise<void> {
  await sql`update om.om_identite_federee set derniere_connexion = now()
    where om_fournisseur_identite = ${providerId} and sujet = ${subject}`.execute(db);
}

/** The collectivité a SIRET is mapped to (`om.om_etablissement`). */
export async function collectiviteOfSiret(db: Db, siret: string): Promise<number | undefined> {
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ om_collectivite: number }>`select om_collectivite from om.om_etablissement where siret = ${siret}`.execute(connection));
  return result.rows[0] ? Number(result.rows[0].om_collectivite) : undefined;
}

const LOGIN_MAX = 30;

/** Lower case, no accents, only the characters logins use elsewhere (letters, digits, . - _ @). */
function loginStem(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._@-]+/g, '.')
    .replace(/^[.@-]+|[.@-]+$/g, '');
}

/** Login candidates for an identity, best first: its login claim, the e-mail's local part, the e-mail. */
export function loginCandidates(identity: Pick<FederatedIdentity, 'login' | 'email' | 'subject'>): string[] {
  const stems = [identity.login, identity.email?.split('@')[0], identity.email, `agent.${identity.subject}`]
    .flatMap((value) => (value ? [loginStem(value)] : []))
    .filter((stem) => stem.length >= 2)
    .map((stem) => stem.slice(0, LOGIN_MAX));
  return [...new Set(stems)];
}

/** A login nobody holds: the first free candidate, else the first one with a number. */
export async function freeLogin(trx: Transaction<Schema>, identity: Pick<FederatedIdentity, 'login' | 'email' | 'subject'>): Promise<string> {
  const candidates = loginCandidates(identity);
  const base = candidates[0] ?? 'agent';
  const prefix = `${base.slice(0, LOGIN_MAX - 4).replace(/[\\%_]/g, '\\$&')}%`;
  const taken = await sql<{ login: string }>`select login from om.om_utilisateur
    where login in (${sql.join([base, ...candidates])}) or login like ${prefix}`.execute(trx);
  const used = new Set(taken.rows.map((row) => row.login));
  const free = candidates.find((candidate) => !used.has(candidate));
  if (free) return free;
  for (let n = 2; ; n++) {
    const suffix = `.${n}`;
    const candidate = `${base.slice(0, LOGIN_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** « Nom Prénom » as the account's name (30 characters at most, as openMairie's column). */
export function accountName(identity: Pick<FederatedIdentity, 'familyName' | 'givenName' | 'email'>): string {
  const name = [identity.familyName, identity.givenName].filter(Boolean).join(' ').trim();
  return (name || identity.email || 'Agent').slice(0, 30);
}

export interface NewAccount {
  readonly collectivite: number;
  readonly profile: number;
}

/**
 * Creates the account of a federated agent and links their identity to it. '!' is the hash of no
 * password: the account signs in through its provider only.
 */
export async function createFederatedAccount(
  trx: Transaction<Schema>,
  providerId: number,
  identity: FederatedIdentity,
  account: NewAccount,
): Promise<{ userId: number; login: string; nom: string; email: string; collectivite: number; profile: number }> {
  const login = await freeLogin(trx, identity);
  const nom = accountName(identity);
  const email = identity.email ?? '';
  const created = await sql<{ om_utilisateur: number }>`
    insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_type, om_profil, actif)
    values (${nom}, ${email}, ${login}, '!', ${account.collectivite}, 'OIDC', ${account.profile}, true)
    returning om_utilisateur`.execute(trx);
  const userId = Number(created.rows[0]?.om_utilisateur);
  await linkIdentity(trx, providerId, identity.subject, userId);
  return { userId, login, nom, email, collectivite: account.collectivite, profile: account.profile };
}
