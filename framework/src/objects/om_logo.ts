import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { editionsMenu } from './editions.ts';

/** Logos the états and lettres types name by their code (`id`); the image is in the file store. */
export const omLogo: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'id', 'description'],
  screens: {
    menu: editionsMenu(40, t('admin.menu.logos')),
    listColumns: ['id', 'libelle', 'fichier', 'actif', 'resolution', 'om_collectivite'],
    advancedSearch: [{ field: 'libelle' }, { field: 'actif' }, { field: 'om_collectivite' }],
    widgets: { fichier: 'file', description: 'textarea' },
    fileFields: { fichier: { types: ['image/png', 'image/jpeg'], preview: true } },
    labels: { id: t('admin.editions.code'), fichier: t('admin.logo.fichier'), resolution: t('admin.logo.resolution') },
    help: { id: t('admin.logo.helpCode'), fichier: t('admin.logo.helpFichier'), resolution: t('admin.logo.helpResolution'), actif: t('admin.logo.helpActif') },
  },
};
