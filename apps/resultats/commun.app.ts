/**
 * Options du générateur de l’application « Résultats électoraux » : `commun gen --app apps/resultats` les lit.
 * Les rubriques du menu et les sous-formulaires cachés sont dans les surcharges (src/objects/).
 */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'resultats',
  title: 'Résultats électoraux',
  schema: 'resultats',
  migrations: './migrations',
  labels: {
    election: 'Élection',
    election_bureau: 'Résultat d’un bureau',
    'candidat.candidature': 'Liste',
  },
  listColumns: {
    election: ['libelle', 'type', 'tour', 'date_scrutin', 'sieges', 'etat'],
    bureau: ['code', 'libelle', 'adresse', 'canton', 'circonscription'],
    candidature: ['ordre', 'libelle', 'tete_de_liste', 'nuance', 'couleur'],
    candidat: ['rang', 'nom', 'prenom', 'sexe', 'date_naissance', 'rang_communautaire'],
    tranche: ['heure'],
    election_bureau: ['bureau', 'inscrits', 'votants', 'blancs', 'nuls', 'exprimes', 'etat'],
    voix: ['election_bureau', 'candidature', 'nombre'],
    participation: ['election_bureau', 'tranche', 'votants'],
    deverrouillage: ['election_bureau', 'le', 'par', 'motif'],
  },
  subFormOrder: {
    election: ['candidature', 'election_bureau', 'tranche'],
    candidature: ['candidat'],
    election_bureau: ['voix', 'participation', 'deverrouillage'],
  },
  parametrage: ['bureau'],
  // Les chiffres, les voix et la participation ne s’importent pas : seule la saisie les écrit.
  imports: ['bureau', 'election', 'candidature', 'candidat'],
});
