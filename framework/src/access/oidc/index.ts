/** Federated sign-in with OpenID Connect (ProConnect and any provider an administrator declares). */
export { checkAccessRules } from './access-rules.ts';
export { accountName, loginCandidates } from './accounts.ts';
export { ACCEPTED_ALGORITHMS, forgetProviderConfiguration, isAllowedDiscoveryUrl, ProviderUnavailableError } from './discovery.ts';
export { purgeExpiredExchanges } from './exchanges.ts';
export {
  acceptHeldSignIn,
  findHeldSignIn,
  HELD_SIGN_IN_PERMISSION,
  listHeldSignIns,
  refuseHeldSignIn,
  type HeldSignIn,
  type HeldStatus,
} from './held-sign-ins.ts';
export { identityFrom, type FederatedIdentity } from './identity.ts';
export { oidcMessage } from './messages.ts';
export {
  PROCONNECT_CLAIMS,
  PROCONNECT_ENVIRONMENTS,
  PROCONNECT_SCOPES,
  proconnectDiscoveryUrl,
  proconnectPreset,
  type ProConnectEnvironment,
  type ProviderPreset,
} from './presets.ts';
export {
  clientCredentials,
  clientVariableNames,
  findProviderByCode,
  findProviderById,
  isOffered,
  listProviders,
  offeredProviders,
  type ClaimMapping,
  type ClientAuthMethod,
  type ProviderModel,
  type ProviderRow,
} from './providers.ts';
export { completeSignIn, SIGN_IN_CALLBACK_PATH, SIGN_OUT_CALLBACK_PATH, startSignIn, type SignInResult } from './sign-in.ts';
export { completeSignOut, startSignOut } from './sign-out.ts';
