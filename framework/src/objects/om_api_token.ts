import { sql } from 'kysely';
import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { Veto } from '../model/override.ts';

/**
 * API tokens seen by administrators: the hash is never shown; a token is created by its owner
 * (« Mes jetons d'API ») and an administrator can only revoke it (action `revoquer`). Niveau-1 administrators see the
 * tokens of their collectivité's users only (row-level security hides the others' users).
 */
export const omApiToken: ObjectOverride = {
  hiddenFields: ['empreinte'],
  // Revoking is the « Révoquer » action: a revoked token can never be brought back by an edit.
  readOnlyFields: ['om_utilisateur', 'libelle', 'prefixe', 'cree_le', 'utilise_le', 'expire_le', 'revoque_le'],
  defaultSort: ['-cree_le'],
  searchColumns: ['libelle', 'prefixe'],
  scope: (actor) => (actor.niveau === '2' ? undefined : sql`t.om_utilisateur in (select om_utilisateur from om.om_utilisateur)`),
  beforeWrite({ action, locale }) {
    if (action === 'create') throw new Veto(t('objects.apiToken.createdByOwner', undefined, locale));
  },
  actions: {
    revoquer: {
      label: t('admin.apiToken.revoke'),
      order: 10,
      inListing: true,
      condition: (record) => record.revoque_le === null || record.revoque_le === undefined,
      async run({ trx, record, locale }) {
        // The service clears the cached identities of `om` objects after the commit.
        await sql`update om.om_api_token set revoque_le = now()
          where om_api_token = ${record.om_api_token} and revoque_le is null`.execute(trx);
        return { message: t('admin.apiToken.revoked', { libelle: String(record.libelle) }, locale) };
      },
    },
  },
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.users'), order: 60, label: t('admin.menu.apiTokens') },
    listColumns: ['om_utilisateur', 'libelle', 'prefixe', 'cree_le', 'utilise_le', 'expire_le', 'revoque_le'],
    advancedSearch: [{ field: 'om_utilisateur' }, { field: 'libelle' }, { field: 'cree_le' }, { field: 'revoque_le' }],
    labels: { prefixe: t('admin.apiToken.labelPrefixe'), utilise_le: t('admin.apiToken.labelUtiliseLe') },
    help: { prefixe: t('admin.apiToken.helpPrefixe'), revoque_le: t('admin.apiToken.helpRevoqueLe') },
  },
};
