/** « Tester la connexion »: binds as the service account and counts the users of the subtree. */
import type { Locale } from '../../i18n/index.ts';
import { failureReason, withServiceClient } from './client.ts';
import type { LdapConfig } from './config.ts';
import { annuaireMessage } from './messages.ts';

export interface ConnectionTest {
  readonly ok: boolean;
  readonly message: string;
}

export async function testDirectoryConnection(config: LdapConfig, locale?: Locale): Promise<ConnectionTest> {
  try {
    const count = await withServiceClient(config, async (client) => {
      const { searchEntries } = await client.search(config.userBase, { scope: 'sub', filter: config.userFilter, attributes: ['1.1'], paged: { pageSize: 500 } });
      return searchEntries.length;
    });
    return { ok: true, message: annuaireMessage('connection.ok', { count, base: config.userBase }, locale) };
  } catch (error) {
    const reason = failureReason(config, error, locale);
    return { ok: false, message: annuaireMessage('connection.failed', { reason }, locale) };
  }
}
