/**
 * What a provider says about the agent, read from the verified ID token and userinfo claims with
 * the provider's claim mapping (ProConnect's names by default for a ProConnect provider, the
 * standard OpenID Connect names otherwise).
 */
import { PROCONNECT_CLAIMS } from './presets.ts';
import type { ClaimMapping, ProviderRow } from './providers.ts';

export interface FederatedIdentity {
  readonly subject: string;
  readonly email: string | undefined;
  readonly givenName: string | undefined;
  readonly familyName: string | undefined;
  /** A login suggestion (ProConnect: uid, the agent's id at their own provider). */
  readonly login: string | undefined;
  readonly siret: string | undefined;
  readonly organisation: string | undefined;
  readonly roles: readonly string[];
  /** The authentication level, from the ID token only. */
  readonly acr: string | undefined;
  /** Every claim received (kept with a held sign-in, for the administrator). */
  readonly claims: Readonly<Record<string, unknown>>;
}

const STANDARD_CLAIMS: Required<ClaimMapping> = {
  login: 'preferred_username',
  nom: 'family_name',
  prenom: 'given_name',
  email: 'email',
  siret: 'siret',
};

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const cleaned = String(value).replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned.slice(0, max);
};

function rolesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((role): role is string => typeof role === 'string').map((role) => role.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The identity, from the ID token's claims and the userinfo claims (userinfo wins, except for acr). */
export function identityFrom(provider: ProviderRow, idTokenClaims: Record<string, unknown>, userinfo: Record<string, unknown>): FederatedIdentity {
  const defaults = provider.modele === 'proconnect' ? PROCONNECT_CLAIMS : STANDARD_CLAIMS;
  const mapping = { ...defaults, ...provider.claims };
  const claims: Record<string, unknown> = { ...idTokenClaims, ...userinfo };
  const email = text(claims[mapping.email], 100)?.toLowerCase();
  const siret = text(claims[mapping.siret], 20)?.replace(/\s/g, '');
  return {
    subject: text(idTokenClaims.sub, 255) ?? '',
    email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : undefined,
    givenName: text(claims[mapping.prenom], 100),
    familyName: text(claims[mapping.nom], 100),
    login: text(claims[mapping.login], 100),
    siret: siret && /^[0-9]{14}$/.test(siret) ? siret : undefined,
    organisation: text(claims.organization_label, 250),
    roles: rolesOf(claims.roles),
    acr: text(idTokenClaims.acr, 200),
    claims: withoutTechnicalClaims(claims),
  };
}

const TECHNICAL = new Set(['aud', 'exp', 'iat', 'nbf', 'nonce', 'at_hash', 'c_hash', 'sid', 'auth_time', 'azp', 'jti']);

function withoutTechnicalClaims(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([name]) => !TECHNICAL.has(name)));
}

export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
