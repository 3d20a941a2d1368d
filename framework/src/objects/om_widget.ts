import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/**
 * Dashboard widgets: `web` shows its sanitised rich text and a link; `file` names a server widget
 * registered by an application (`lien` = `<app>.<name>`). Shared by every collectivité.
 */
export const omWidget: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'lien'],
  sharedByAllCollectivites: true,
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.dashboards'), order: 80, label: t('admin.menu.widgets') },
    listColumns: ['libelle', 'type', 'lien'],
    advancedSearch: [{ field: 'type', kind: 'select' }],
    widgets: { texte: 'richtext', type: 'select' },
    choices: {
      type: [
        { value: 'web', label: t('admin.widget.typeWeb') },
        { value: 'file', label: t('admin.widget.typeFile') },
      ],
    },
    formLayout: [{ fields: ['libelle', 'type'] }, { fields: ['lien', 'texte'] }],
    help: { type: t('admin.widget.helpType'), lien: t('admin.widget.helpLien'), texte: t('admin.widget.helpTexte') },
    subForms: { titles: { om_dashboard: t('admin.widget.subDashboard') } },
  },
};
