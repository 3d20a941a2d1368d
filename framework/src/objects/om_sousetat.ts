import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import { editionsMenu } from './editions.ts';

/** The three summary rows of a sous-état (total, moyenne, nombre) have the same six settings. */
const summaryFields = (suffix: 'total' | 'moyenne' | 'nbr') =>
  ['fond', 'fontaille', 'hauteur', 'fondcouleur', 'bordure', 'align'].map((setting) => `cellule_${setting}_${suffix}`);

/**
 * « Sous-états »: a table inserted into the body of an état or a lettre type. Its many layout
 * settings are grouped in folded sections; the colours are « R-V-B » triplets, as in openMairie.
 */
export const omSousetat: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'id'],
  screens: {
    menu: editionsMenu(30, t('admin.menu.sousetats')),
    listColumns: ['id', 'libelle', 'actif', 'om_collectivite'],
    advancedSearch: [{ field: 'libelle' }, { field: 'actif' }, { field: 'om_collectivite' }],
    widgets: { titre: 'textarea', om_sql: 'textarea' },
    labels: {
      id: t('admin.editions.code'),
      titre: t('admin.sousetat.titre'),
      titrehauteur: t('admin.sousetat.titreHauteur'),
      titrefont: t('admin.sousetat.titreFont'),
      titreattribut: t('admin.sousetat.titreAttribut'),
      titretaille: t('admin.sousetat.titreTaille'),
      titrebordure: t('admin.sousetat.titreBordure'),
      titrealign: t('admin.sousetat.titreAlign'),
      titrefond: t('admin.sousetat.titreFond'),
      titrefondcouleur: t('admin.sousetat.titreFondCouleur'),
      titretextecouleur: t('admin.sousetat.titreTexteCouleur'),
      intervalle_debut: t('admin.sousetat.intervalleDebut'),
      intervalle_fin: t('admin.sousetat.intervalleFin'),
      entete_flag: t('admin.sousetat.enteteFlag'),
      entete_fond: t('admin.sousetat.enteteFond'),
      entete_orientation: t('admin.sousetat.enteteOrientation'),
      entete_hauteur: t('admin.sousetat.enteteHauteur'),
      entetecolone_bordure: t('admin.sousetat.enteteBordure'),
      entetecolone_align: t('admin.sousetat.enteteAlign'),
      entete_fondcouleur: t('admin.sousetat.enteteFondCouleur'),
      entete_textecouleur: t('admin.sousetat.enteteTexteCouleur'),
      tableau_largeur: t('admin.sousetat.tableauLargeur'),
      tableau_bordure: t('admin.sousetat.tableauBordure'),
      tableau_fontaille: t('admin.sousetat.tableauTaille'),
      bordure_couleur: t('admin.sousetat.bordureCouleur'),
      se_fond1: t('admin.sousetat.fond1'),
      se_fond2: t('admin.sousetat.fond2'),
      cellule_fond: t('admin.sousetat.celluleFond'),
      cellule_hauteur: t('admin.sousetat.celluleHauteur'),
      cellule_largeur: t('admin.sousetat.celluleLargeur'),
      cellule_bordure_un: t('admin.sousetat.celluleBordureUn'),
      cellule_bordure: t('admin.sousetat.celluleBordure'),
      cellule_align: t('admin.sousetat.celluleAlign'),
      cellule_numerique: t('admin.sousetat.celluleNumerique'),
      cellule_total: t('admin.sousetat.celluleTotal'),
      cellule_moyenne: t('admin.sousetat.celluleMoyenne'),
      cellule_compteur: t('admin.sousetat.celluleCompteur'),
      om_sql: t('admin.sousetat.requete'),
    },
    formLayout: [
      { legend: t('admin.editions.legendIdentification'), fields: ['id', 'libelle', 'actif', 'om_collectivite', 'masque_si_vide'], columns: 2 },
      {
        legend: t('admin.sousetat.legendTitre'),
        fields: ['titre', 'titrehauteur', 'titrefont', 'titreattribut', 'titretaille', 'titrebordure', 'titrealign', 'titrefond', 'titrefondcouleur', 'titretextecouleur'],
        columns: 2,
        collapsible: true,
      },
      { legend: t('admin.sousetat.legendIntervalles'), fields: ['intervalle_debut', 'intervalle_fin'], columns: 2, collapsible: true, collapsed: true },
      {
        legend: t('admin.sousetat.legendEntete'),
        fields: ['entete_flag', 'entete_fond', 'entete_orientation', 'entete_hauteur', 'entetecolone_bordure', 'entetecolone_align', 'entete_fondcouleur', 'entete_textecouleur'],
        columns: 2,
        collapsible: true,
        collapsed: true,
      },
      {
        legend: t('admin.sousetat.legendTableau'),
        fields: ['tableau_largeur', 'tableau_bordure', 'tableau_fontaille', 'bordure_couleur', 'se_fond1', 'se_fond2'],
        columns: 2,
        collapsible: true,
        collapsed: true,
      },
      {
        legend: t('admin.sousetat.legendCellules'),
        fields: ['cellule_fond', 'cellule_hauteur', 'cellule_largeur', 'cellule_bordure_un', 'cellule_bordure', 'cellule_align'],
        columns: 2,
        collapsible: true,
        collapsed: true,
      },
      { legend: t('admin.sousetat.legendTotal'), fields: summaryFields('total'), columns: 3, collapsible: true, collapsed: true },
      { legend: t('admin.sousetat.legendMoyenne'), fields: summaryFields('moyenne'), columns: 3, collapsible: true, collapsed: true },
      { legend: t('admin.sousetat.legendNombre'), fields: summaryFields('nbr'), columns: 3, collapsible: true, collapsed: true },
      {
        legend: t('admin.sousetat.legendColonnes'),
        fields: ['cellule_numerique', 'cellule_total', 'cellule_moyenne', 'cellule_compteur'],
        columns: 2,
        collapsible: true,
      },
      { legend: t('admin.sousetat.legendRequete'), fields: ['om_sql'] },
    ],
    help: {
      titreattribut: t('admin.sousetat.helpAttribut'),
      titrefondcouleur: t('admin.editions.helpCouleur'),
      entete_orientation: t('admin.sousetat.helpListe'),
      entetecolone_bordure: t('admin.sousetat.helpListe'),
      entetecolone_align: t('admin.sousetat.helpListe'),
      cellule_largeur: t('admin.sousetat.helpLargeurs'),
      cellule_align: t('admin.sousetat.helpListe'),
      cellule_numerique: t('admin.sousetat.helpNumerique'),
      cellule_total: t('admin.sousetat.helpDrapeaux'),
      cellule_moyenne: t('admin.sousetat.helpDrapeaux'),
      cellule_compteur: t('admin.sousetat.helpDrapeaux'),
      om_sql: t('admin.sousetat.helpRequete'),
    },
  },
};
