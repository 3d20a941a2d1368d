import { sql } from 'kysely';
import { t } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride } from '../model/override.ts';
import { Veto } from '../model/override.ts';
import { EMAIL } from './om_utilisateur.ts';
import { normalizedSiret } from './siret.ts';

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Collectivités: only a niveau-2 user creates or deletes one, or changes a niveau; there is at
 * most one niveau-2 collectivité. The controller's contact details, SIRET (checked) and DPO are
 * what the register of processing activities (GDPR article 30) prints.
 */
export const omCollectivite: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle'],
  screens: {
    menu: { rubrique: 'administration', order: 10, label: t('admin.menu.collectivites') },
    listColumns: ['om_collectivite', 'libelle', 'niveau'],
    choices: {
      niveau: [
        { value: '1', label: t('admin.collectivite.niveau1') },
        { value: '2', label: t('admin.collectivite.niveau2') },
      ],
    },
    help: {
      niveau: t('admin.collectivite.helpNiveau'),
      siret: t('admin.collectivite.helpSiret'),
      dpo_nom: t('admin.collectivite.helpDpo'),
    },
    widgets: { email: 'email' },
    formLayout: [
      { legend: t('admin.collectivite.legendIdentite'), fields: ['om_collectivite', 'libelle', 'niveau'], columns: 1 },
      { legend: t('admin.collectivite.legendCoordonnees'), fields: ['adresse', 'telephone', 'email', 'siret'], columns: 2 },
      { legend: t('admin.collectivite.legendDpo'), fields: ['dpo_nom', 'dpo_contact'], columns: 2 },
    ],
    subForms: {
      order: ['om_utilisateur', 'om_parametre', 'om_etat', 'om_lettretype', 'om_sousetat', 'om_logo'],
      titles: {
        om_utilisateur: t('admin.menu.utilisateurs'),
        om_parametre: t('admin.menu.parametres'),
        om_etat: t('admin.menu.etats'),
        om_lettretype: t('admin.menu.lettretypes'),
        om_sousetat: t('admin.menu.sousetats'),
        om_logo: t('admin.menu.logos'),
      },
      hidden: ['om_fichier', 'om_session'],
    },
  },

  prepare({ values }) {
    // « 217 500 016 00019 » as printed on a letterhead is the same number.
    if (filled(values.siret)) values.siret = normalizedSiret(values.siret) ?? values.siret;
  },

  async validate({ action, actor, values, previous, trx, locale }): Promise<FieldErrors> {
    const changesNiveau = values.niveau !== undefined && values.niveau !== previous?.niveau;
    if (actor.via !== 'system' && actor.niveau !== '2' && (action !== 'update' || changesNiveau)) {
      throw new Veto(t('objects.collectivite.niveau2Only', undefined, locale));
    }
    if (values.niveau === '2' && changesNiveau) {
      const existing = await sql`select 1 from om.om_collectivite where niveau = '2' limit 1`.execute(trx);
      if (existing.rows.length > 0) return { niveau: t('objects.collectivite.niveau2Exists', undefined, locale) };
    }
    const errors: FieldErrors = {};
    if (filled(values.siret) && normalizedSiret(values.siret) === undefined) errors.siret = t('objects.collectivite.siret', undefined, locale);
    if (filled(values.email) && !EMAIL.test(values.email)) errors.email = t('objects.collectivite.email', undefined, locale);
    return errors;
  },

  beforeWrite({ action, actor, locale }) {
    if (action === 'delete' && actor.via !== 'system' && actor.niveau !== '2') {
      throw new Veto(t('objects.collectivite.deleteNiveau2Only', undefined, locale));
    }
  },
};
