import type { TwoFactorConfig } from '../../config/two-factor.ts';
import type { Actor } from '../actor.ts';
import { allows } from '../permissions.ts';

/**
 * Who counts as an administrator for COMMUN_DOUBLE_AUTHENTIFICATION=administrateurs: whoever may
 * create or change accounts, profiles or their rights (`om_utilisateur`, `om_profil`, `om_droit`,
 * whole or `_ajouter` / `_modifier`): the ADMINISTRATEUR profile, and any profile an instance gave
 * those rights, since each of them can take over any other account.
 */
const ADMINISTERING = ['om_utilisateur', 'om_profil', 'om_droit'] as const;

export function administersAccounts(actor: Actor): boolean {
  return ADMINISTERING.some((base) => allows(actor, base, 'ajouter') || allows(actor, base, 'modifier'));
}

/** Whether this (database) account must sign in with a second factor. */
export function secondFactorRequired(config: TwoFactorConfig, actor: Actor): boolean {
  if (config.required === 'tous') return true;
  return config.required === 'administrateurs' && administersAccounts(actor);
}
