import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { editionsMenu } from './editions.ts';

/** Data sources of the états and lettres types; shared by every collectivité. */
export const omRequete: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'code', 'description'],
  sharedByAllCollectivites: true,
  screens: {
    menu: editionsMenu(50, t('admin.menu.requetes')),
    listColumns: ['code', 'libelle', 'type', 'description'],
    advancedSearch: [{ field: 'libelle' }, { field: 'type', kind: 'select' }],
    widgets: { type: 'select', requete: 'textarea', merge_fields: 'textarea', description: 'textarea' },
    choices: {
      type: [
        { value: 'sql', label: t('admin.requete.typeSql') },
        { value: 'objet', label: t('admin.requete.typeObjet') },
      ],
    },
    labels: { merge_fields: t('admin.requete.mergeFields'), classe: t('admin.requete.classe'), methode: t('admin.requete.methode') },
    formLayout: [
      { fields: ['code', 'libelle', 'description'] },
      { legend: t('admin.requete.legendSource'), fields: ['type', 'requete', 'classe', 'methode'] },
      { legend: t('admin.requete.legendChamps'), fields: ['merge_fields'], collapsible: true },
    ],
    help: {
      code: t('admin.requete.helpCode'),
      requete: t('admin.requete.helpRequete'),
      merge_fields: t('admin.requete.helpMergeFields'),
      classe: t('admin.requete.helpClasse'),
    },
    subForms: { titles: { om_etat: t('admin.menu.etats'), om_lettretype: t('admin.menu.lettretypes') } },
  },
};
