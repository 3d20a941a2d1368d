import { sql } from 'kysely';
import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { Veto } from '../model/override.ts';

/**
 * API tokens seen by administrators: the hash is never shown; a token is created by its owner
 * (« Mes jetons d'API ») and an administrator can only revoke it. Niveau-1 administrators see the
 * tokens of their collectivité's users only (row-level security hides the others' users).
 */
export const omApiToken: ObjectOverride = {
  hiddenFields: ['empreinte'],
  readOnlyFields: ['om_utilisateur', 'libelle', 'prefixe', 'cree_le', 'utilise_le', 'expire_le'],
  defaultSort: ['-cree_le'],
  searchColumns: ['libelle', 'prefixe'],
  scope: (actor) => (actor.niveau === '2' ? undefined : sql`t.om_utilisateur in (select om_utilisateur from om.om_utilisateur)`),
  beforeWrite({ action, locale }) {
    if (action === 'create') throw new Veto(t('objects.apiToken.createdByOwner', undefined, locale));
  },
};
