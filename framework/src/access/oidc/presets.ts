/**
 * ProConnect, the State's identity federation for public agents: the values its documentation for
 * service providers gives (partenaires.proconnect.gouv.fr, « Implémentation technique » and
 * « Serveurs Internet, serveurs RIE »). Every endpoint sits under https://<domain>/api/v2/; the
 * integration and production environments, on the Internet and on the RIE (the State's network),
 * do not share their client keys.
 */
import type { ClaimMapping, ClientAuthMethod } from './providers.ts';

export type ProConnectEnvironment = 'integration' | 'production' | 'integration-rie' | 'production-rie';

const PROCONNECT_DOMAINS: Record<ProConnectEnvironment, string> = {
  integration: 'fca.integ01.dev-agentconnect.fr',
  production: 'auth.agentconnect.gouv.fr',
  'integration-rie': 'fca.integ02.agentconnect.rie.gouv.fr',
  'production-rie': 'auth.agentconnect.rie.gouv.fr',
};

/** The scopes ProConnect grants to every service provider (each names the claim it releases). */
export const PROCONNECT_SCOPES = 'openid email given_name usual_name uid siret idp_id organization_label roles';

/** ProConnect's claims: usual_name is the family name; uid is the agent's id at their own provider. */
export const PROCONNECT_CLAIMS: Required<ClaimMapping> = {
  login: 'uid',
  nom: 'usual_name',
  prenom: 'given_name',
  email: 'email',
  siret: 'siret',
};

export interface ProviderPreset {
  readonly libelle: string;
  readonly modele: 'proconnect';
  readonly discoveryUrl: string;
  readonly clientAuth: ClientAuthMethod;
  readonly scopes: string;
  readonly claims: Required<ClaimMapping>;
}

export const proconnectDiscoveryUrl = (environment: ProConnectEnvironment) =>
  `https://${PROCONNECT_DOMAINS[environment]}/api/v2/.well-known/openid-configuration`;

/** The field values of a ProConnect provider for one environment (production on the Internet by default). */
export function proconnectPreset(environment: ProConnectEnvironment = 'production'): ProviderPreset {
  return {
    libelle: 'ProConnect',
    modele: 'proconnect',
    discoveryUrl: proconnectDiscoveryUrl(environment),
    clientAuth: 'client_secret_post',
    scopes: PROCONNECT_SCOPES,
    claims: PROCONNECT_CLAIMS,
  };
}

export const PROCONNECT_ENVIRONMENTS: readonly ProConnectEnvironment[] = ['integration', 'production', 'integration-rie', 'production-rie'];
