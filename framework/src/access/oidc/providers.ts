/**
 * The identity providers an administrator declared (`om.om_fournisseur_identite`). The client id and
 * secret never sit in the database: they come from COMMUN_OIDC_<CODE>_CLIENT_ID and
 * COMMUN_OIDC_<CODE>_CLIENT_SECRET, so that a copy of the database opens nothing.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export type ProviderModel = 'proconnect' | 'oidc';
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic';

/** Which claim holds each of our fields (the provider's names). */
export interface ClaimMapping {
  readonly login?: string;
  readonly nom?: string;
  readonly prenom?: string;
  readonly email?: string;
  readonly siret?: string;
}

export interface ProviderRow {
  readonly id: number;
  readonly code: string;
  readonly libelle: string;
  readonly modele: ProviderModel;
  readonly discoveryUrl: string;
  readonly clientAuth: ClientAuthMethod;
  readonly scopes: string;
  readonly claims: ClaimMapping;
  readonly linkByEmail: boolean;
  readonly createAccounts: boolean;
  readonly unknownSiret: 'refuser' | 'attente';
  readonly defaultProfile: number | undefined;
  readonly allowedRoles: readonly string[];
  readonly allowedDomains: readonly string[];
  readonly requiredAcr: readonly string[];
  readonly active: boolean;
  readonly order: number;
}

interface Row {
  om_fournisseur_identite: number;
  code: string;
  libelle: string;
  modele: string;
  url_decouverte: string;
  authentification_client: string;
  portees: string;
  correspondance: unknown;
  rattachement_par_courriel: boolean;
  creation_autorisee: boolean;
  siret_inconnu: string;
  om_profil_defaut: number | null;
  roles_autorises: string[] | null;
  domaines_autorises: string[] | null;
  acr_exiges: string[] | null;
  actif: boolean;
  ordre: number;
}

const MAPPING_KEYS = ['login', 'nom', 'prenom', 'email', 'siret'] as const;

function mappingOf(raw: unknown): ClaimMapping {
  // PGlite and pg both parse jsonb; a string is tolerated for safety.
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (typeof value !== 'object' || value === null) return {};
  const mapping: Record<string, string> = {};
  for (const key of MAPPING_KEYS) {
    const claim = (value as Record<string, unknown>)[key];
    if (typeof claim === 'string' && claim.trim() !== '') mapping[key] = claim.trim();
  }
  return mapping;
}

const cleanList = (values: string[] | null) => (values ?? []).map((value) => value.trim()).filter((value) => value !== '');

const toProvider = (row: Row): ProviderRow => ({
  id: Number(row.om_fournisseur_identite),
  code: row.code,
  libelle: row.libelle,
  modele: row.modele === 'proconnect' ? 'proconnect' : 'oidc',
  discoveryUrl: row.url_decouverte,
  clientAuth: row.authentification_client === 'client_secret_basic' ? 'client_secret_basic' : 'client_secret_post',
  scopes: row.portees,
  claims: mappingOf(row.correspondance),
  linkByEmail: row.rattachement_par_courriel,
  createAccounts: row.creation_autorisee,
  unknownSiret: row.siret_inconnu === 'attente' ? 'attente' : 'refuser',
  defaultProfile: row.om_profil_defaut === null ? undefined : Number(row.om_profil_defaut),
  allowedRoles: cleanList(row.roles_autorises),
  allowedDomains: cleanList(row.domaines_autorises).map((domain) => domain.toLowerCase().replace(/^@/, '')),
  requiredAcr: cleanList(row.acr_exiges),
  active: row.actif,
  order: Number(row.ordre),
});

const columns = sql`om_fournisseur_identite, code, libelle, modele, url_decouverte, authentification_client, portees, correspondance,
  rattachement_par_courriel, creation_autorisee, siret_inconnu, om_profil_defaut, roles_autorises, domaines_autorises, acr_exiges, actif, ordre`;

/** Every declared provider, in the login page's order. */
export async function listProviders(db: Db): Promise<ProviderRow[]> {
  const result = await sql<Row>`select ${columns} from om.om_fournisseur_identite order by ordre, libelle, om_fournisseur_identite`.execute(db);
  return result.rows.map(toProvider);
}

export async function findProviderByCode(db: Db, code: string): Promise<ProviderRow | undefined> {
  if (!/^[a-z0-9-]{1,40}$/.test(code)) return undefined;
  const result = await sql<Row>`select ${columns} from om.om_fournisseur_identite where code = ${code}`.execute(db);
  return result.rows[0] ? toProvider(result.rows[0]) : undefined;
}

export async function findProviderById(db: Db, id: number): Promise<ProviderRow | undefined> {
  const result = await sql<Row>`select ${columns} from om.om_fournisseur_identite where om_fournisseur_identite = ${id}`.execute(db);
  return result.rows[0] ? toProvider(result.rows[0]) : undefined;
}

/** The names of the environment variables holding a provider's client id and secret. */
export function clientVariableNames(code: string): { id: string; secret: string } {
  const stem = `COMMUN_OIDC_${code.toUpperCase().replace(/-/g, '_')}`;
  return { id: `${stem}_CLIENT_ID`, secret: `${stem}_CLIENT_SECRET` };
}

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The provider's client id and secret from the environment, or undefined when either is missing. */
export function clientCredentials(code: string, env: NodeJS.ProcessEnv = process.env): ClientCredentials | undefined {
  const names = clientVariableNames(code);
  const clientId = env[names.id]?.trim();
  const clientSecret = env[names.secret]?.trim();
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

/** Offered on the login page: active, and its client variables are set. */
export const isOffered = (provider: ProviderRow, env: NodeJS.ProcessEnv = process.env) =>
  provider.active && clientCredentials(provider.code, env) !== undefined;

/** The providers the login page offers. */
export async function offeredProviders(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<ProviderRow[]> {
  return (await listProviders(db)).filter((provider) => isOffered(provider, env));
}
