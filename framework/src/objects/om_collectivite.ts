import { sql } from 'kysely';
import { t } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride } from '../model/override.ts';
import { Veto } from '../model/override.ts';

/**
 * Collectivités: only a niveau-2 user creates or deletes one, or changes a niveau; there is at
 * most one niveau-2 collectivité.
 */
export const omCollectivite: ObjectOverride = {
  defaultSort: ['libelle'],

  async validate({ action, actor, values, previous, trx, locale }): Promise<FieldErrors> {
    const changesNiveau = values.niveau !== undefined && values.niveau !== previous?.niveau;
    if (actor.via !== 'system' && actor.niveau !== '2' && (action !== 'update' || changesNiveau)) {
      throw new Veto(t('objects.collectivite.niveau2Only', undefined, locale));
    }
    if (values.niveau === '2' && changesNiveau) {
      const existing = await sql`select 1 from om.om_collectivite where niveau = '2' limit 1`.execute(trx);
      if (existing.rows.length > 0) return { niveau: t('objects.collectivite.niveau2Exists', undefined, locale) };
    }
    return {};
  },

  beforeWrite({ action, actor, locale }) {
    if (action === 'delete' && actor.via !== 'system' && actor.niveau !== '2') {
      throw new Veto(t('objects.collectivite.deleteNiveau2Only', undefined, locale));
    }
  },
};
