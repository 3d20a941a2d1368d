import { t } from '../i18n/index.ts';
import type { ScreensDeclaration } from '../model/override.ts';

/** The category of the Paramétrage rubrique that holds the documents' settings. */
export const editionsMenu = (order: number, label: string): NonNullable<ScreensDeclaration['menu']> => ({
  rubrique: 'parametrage',
  category: t('admin.menu.editions'),
  order,
  label,
});

/** `om_etat` and `om_lettretype` have the same columns: the same screens. */
export function documentScreens(order: number, label: string): ScreensDeclaration {
  return {
    menu: editionsMenu(order, label),
    listColumns: ['id', 'libelle', 'actif', 'om_collectivite'],
    advancedSearch: [{ field: 'libelle' }, { field: 'actif' }, { field: 'om_collectivite' }, { field: 'om_sql' }],
    widgets: { orientation: 'select', format: 'select', titre_om_htmletat: 'template', corps_om_htmletatex: 'template' },
    choices: {
      orientation: [
        { value: 'P', label: t('admin.editions.portrait') },
        { value: 'L', label: t('admin.editions.landscape') },
      ],
      format: ['A3', 'A4', 'A5'].map((value) => ({ value, label: value })),
    },
    labels: {
      id: t('admin.editions.code'),
      logoleft: t('admin.editions.logoLeft'),
      logotop: t('admin.editions.logoTop'),
      titre_om_htmletat: t('admin.editions.titre'),
      titreleft: t('admin.editions.titreLeft'),
      titretop: t('admin.editions.titreTop'),
      titrelargeur: t('admin.editions.titreLargeur'),
      titrehauteur: t('admin.editions.titreHauteur'),
      titrebordure: t('admin.editions.titreBordure'),
      corps_om_htmletatex: t('admin.editions.corps'),
      om_sql: t('admin.editions.source'),
      se_font: t('admin.editions.seFont'),
      se_couleurtexte: t('admin.editions.seCouleur'),
      margeleft: t('admin.editions.margeLeft'),
      margetop: t('admin.editions.margeTop'),
      margeright: t('admin.editions.margeRight'),
      margebottom: t('admin.editions.margeBottom'),
    },
    formLayout: [
      { legend: t('admin.editions.legendIdentification'), fields: ['id', 'libelle', 'actif', 'om_collectivite', 'impression_differee'], columns: 2 },
      { legend: t('admin.editions.legendPage'), fields: ['orientation', 'format', 'margeleft', 'margetop', 'margeright', 'margebottom'], columns: 2 },
      { legend: t('admin.editions.legendLogo'), fields: ['logo', 'logoleft', 'logotop'], columns: 3, collapsible: true },
      {
        legend: t('admin.editions.legendTitre'),
        fields: ['titre_om_htmletat', 'titreleft', 'titretop', 'titrelargeur', 'titrehauteur', 'titrebordure'],
        collapsible: true,
      },
      { legend: t('admin.editions.legendCorps'), fields: ['corps_om_htmletatex', 'om_sql', 'se_font', 'se_couleurtexte'] },
    ],
    help: {
      id: t('admin.editions.helpCode'),
      actif: t('admin.editions.helpActif'),
      logo: t('admin.editions.helpLogo'),
      corps_om_htmletatex: t('admin.editions.helpCorps'),
      om_sql: t('admin.editions.helpSource'),
      se_couleurtexte: t('admin.editions.helpCouleur'),
    },
  };
}
