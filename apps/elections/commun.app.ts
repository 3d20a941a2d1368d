/**
 * Options du générateur de l’application « Élections » : `commun gen --app apps/elections` les lit.
 * Les rubriques et en-têtes du menu (Découpage, Tables de références, Métier) sont dans les
 * surcharges (src/objects/), le générateur ne rangeant que sous le titre de l’application.
 */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'elections',
  title: 'Élections',
  schema: 'elections',
  migrations: './migrations',
  postgis: true,
  labels: {
    'nationalite.ue': 'Union européenne',
    'electeur.nom_recherche': 'Nom (recherche)',
    'mouvement.nom_recherche': 'Nom (recherche)',
    'electeur.type_inscription': 'Motif d’inscription',
    'mouvement.electeur': 'Électeur',
  },
  listColumns: {
    electeur: ['numero_liste', 'nom', 'nom_usage', 'prenoms', 'date_naissance', 'liste', 'bureau', 'numero', 'voie'],
    mouvement: ['mouvement', 'date_demande', 'type_mouvement', 'liste', 'nom', 'prenoms', 'date_naissance', 'etat', 'provenance'],
    piece: ['type_piece', 'libelle', 'fichier'],
    scrutin: ['libelle', 'type', 'date_tour1', 'date_tour2'],
    bureau: ['code', 'libelle', 'adresse', 'canton', 'circonscription', 'capacite'],
    voie: ['code', 'libelle', 'code_postal', 'ville'],
    decoupage: ['voie', 'bureau', 'premier_impair', 'dernier_impair', 'premier_pair', 'dernier_pair'],
    canton: ['code', 'libelle'],
    circonscription: ['code', 'libelle'],
    commune: ['commune', 'libelle', 'departement', 'type', 'om_validite_fin'],
    departement: ['departement', 'libelle', 'region'],
    type_mouvement: ['type_mouvement', 'libelle', 'categorie', 'effet', 'code_insee', 'carte'],
    type_piece: ['code', 'libelle'],
  },
  subFormOrder: {
    electeur: ['mouvement'],
    mouvement: ['piece'],
    voie: ['decoupage', 'electeur', 'mouvement'],
    bureau: ['decoupage', 'electeur', 'mouvement'],
  },
  parametrage: [
    'canton', 'circonscription', 'bureau', 'voie', 'decoupage',
    'commune', 'departement', 'region', 'pays', 'departement_algerie', 'nationalite', 'type_piece',
    'type_mouvement', 'liste',
  ],
});
