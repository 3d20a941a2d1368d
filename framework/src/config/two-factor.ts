/**
 * Who must use two-factor sign-in (COMMUN_DOUBLE_AUTHENTIFICATION): nobody (`aucun`, the default:
 * each agent may still turn it on), the administrators (`administrateurs`), or every database
 * account (`tous`). LDAP and identity-provider accounts are never concerned: their provider decides.
 */
export type TwoFactorRequirement = 'aucun' | 'administrateurs' | 'tous';

export interface TwoFactorConfig {
  readonly required: TwoFactorRequirement;
}

const REQUIREMENTS: readonly TwoFactorRequirement[] = ['aucun', 'administrateurs', 'tous'];

/**
 * Reads the setting. A value it does not know stops the start-up: silently requiring less than the
 * operator asked for would be worse. (Plain French here: the message catalogue reads the configuration.)
 */
export function twoFactorConfig(env: NodeJS.ProcessEnv): TwoFactorConfig {
  const value = (env.COMMUN_DOUBLE_AUTHENTIFICATION ?? '').trim().toLowerCase();
  if (value === '') return { required: 'aucun' };
  const known = REQUIREMENTS.find((requirement) => requirement === value);
  if (!known) {
    throw new Error(`COMMUN_DOUBLE_AUTHENTIFICATION doit valoir « aucun », « administrateurs » ou « tous » (reçu « ${value} »).`);
  }
  return { required: known };
}
