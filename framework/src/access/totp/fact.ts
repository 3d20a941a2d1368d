/**
 * « Double authentification : activée le 05/12/2026 (8 codes de secours restants) » on a user's
 * page, for the administrator who is asked about a lost phone. The secret never shows.
 */
import type { FactsContext, RecordFact } from '../../model/override.ts';
import { frenchDate } from '../../documents/render/format.ts';
import { totpMessage } from './messages.ts';
import { twoFactorStatus } from './store.ts';

export async function twoFactorFact(context: FactsContext): Promise<readonly RecordFact[]> {
  const { record, locale } = context;
  const label = totpMessage('admin.factLabel', undefined, locale);
  if (record.om_type === 'LDAP') return [{ label, value: totpMessage('admin.factDirectory', undefined, locale) }];
  if (record.om_type === 'OIDC') return [{ label, value: totpMessage('admin.factProvider', undefined, locale) }];
  const status = await twoFactorStatus(context.db, Number(record.om_utilisateur));
  const value = status.active && status.activatedAt
    ? totpMessage('admin.factActive', { date: frenchDate(status.activatedAt), codes: status.recoveryCodesLeft }, locale)
    : totpMessage('admin.factInactive', undefined, locale);
  return [{ label, value }];
}
