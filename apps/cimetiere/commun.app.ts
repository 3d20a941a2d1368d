/**
 * Options du générateur de l’application « Cimetière » : `commun gen --app apps/cimetiere` les lit.
 * Les rubriques du menu et les sous-formulaires cachés sont dans les surcharges (src/objects/).
 */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'cimetiere',
  title: 'Cimetière',
  schema: 'cimetiere',
  migrations: './migrations',
  postgis: true,
  labels: {
    cimetiere: 'Cimetière',
    defunt: 'Défunt',
    autorisation: 'Concessionnaire ou ayant droit',
    'operation.emplacement_transfert': 'Emplacement de destination',
  },
  listColumns: {
    cimetiere: ['libelle', 'adresse1', 'cp', 'ville'],
    zone: ['cimetiere', 'zone_type', 'libelle'],
    voie: ['zone', 'voie_type', 'libelle'],
    plan: ['cimetiere', 'libelle', 'fichier'],
    emplacement: ['nature', 'voie', 'numero', 'complement', 'famille', 'etat', 'nombre_places', 'place_occupee'],
    concession: ['numero_acte', 'emplacement', 'date_vente', 'duree_type', 'duree', 'date_terme', 'etat'],
    autorisation: ['nature', 'nom', 'nom_naissance', 'prenom', 'ville', 'parente', 'decede'],
    defunt: ['nom', 'nom_naissance', 'prenom', 'nature', 'date_deces', 'date_inhumation', 'emplacement'],
    operation: ['numero', 'categorie', 'date_operation', 'emplacement', 'entreprise', 'etat'],
    operation_defunt: ['operation', 'defunt'],
    courrier: ['date_courrier', 'lettre_type', 'autorisation', 'operation'],
    travaux: ['travaux_nature', 'entreprise', 'date_debut', 'date_fin'],
    dossier: ['date_dossier', 'type_dossier', 'fichier', 'observation'],
    reprise: ['emplacement', 'etat', 'date_premier_constat', 'date_second_constat', 'date_arrete', 'date_reprise'],
    tarif: ['annee', 'nature', 'duree_type', 'duree', 'libelle', 'montant'],
    facture: ['numero', 'date_facture', 'objet', 'emplacement', 'payeur_nom', 'montant', 'etat'],
    fin_concession: ['date_fin', 'emplacement', 'concession', 'motif', 'fait_par'],
    defunt_archive: ['nom', 'nom_naissance', 'prenom', 'date_deces', 'destination', 'fin_concession'],
    autorisation_archive: ['nature', 'nom', 'prenom', 'ville', 'fin_concession'],
    entreprise: ['nom', 'pompes_funebres', 'ville', 'telephone'],
  },
  subFormOrder: {
    cimetiere: ['zone', 'plan'],
    zone: ['voie'],
    voie: ['emplacement'],
    emplacement: ['defunt', 'concession', 'autorisation', 'courrier', 'operation', 'travaux', 'dossier', 'reprise', 'facture', 'fin_concession'],
    operation: ['operation_defunt', 'courrier'],
    fin_concession: ['defunt_archive', 'autorisation_archive'],
  },
  parametrage: ['cimetiere', 'zone', 'voie', 'plan', 'titre', 'entreprise', 'sepulture_type', 'travaux_nature', 'zone_type', 'voie_type', 'tarif'],
  imports: ['cimetiere', 'zone', 'voie', 'emplacement', 'concession', 'autorisation', 'defunt', 'entreprise', 'tarif'],
});
