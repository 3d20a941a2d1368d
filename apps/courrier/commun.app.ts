/**
 * Options du générateur de l’application « Courrier » : `commun gen --app apps/courrier` les lit.
 * Les rubriques du menu et les sous-formulaires cachés sont dans les surcharges (src/objects/).
 */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'courrier',
  title: 'Courrier',
  schema: 'courrier',
  migrations: './migrations',
  labels: {
    courrier: 'Courrier',
    courrier_lien: 'Courrier lié',
    courrier_archive: 'Courrier archivé',
    'courrier_lien.courrier_lie': 'Courrier lié',
    'courrier.reponse_a': 'En réponse au courrier',
    'tache.reponse': 'Courrier de réponse',
  },
  listColumns: {
    courrier: ['numero', 'registre', 'date_arrivee', 'date_depart', 'correspondant', 'objet', 'service', 'priorite', 'etat'],
    correspondant: ['nom', 'prenom', 'organisme', 'adresse1', 'cp', 'ville', 'correspondant_type'],
    tache: ['libelle', 'courrier', 'service', 'agent', 'date_butoir', 'tache_etat', 'solde'],
    document: ['libelle', 'type_document', 'date_document', 'fichier'],
    copie: ['service', 'elu'],
    visa: ['rang', 'agent', 'decision', 'decide_le', 'annotation'],
    courrier_lien: ['courrier', 'courrier_lie', 'observation'],
    courrier_archive: ['numero', 'registre', 'date_arrivee', 'date_depart', 'correspondant_libelle', 'objet', 'service_libelle'],
    service: ['code', 'libelle', 'service_parent', 'diffusion'],
    agent: ['om_utilisateur', 'service', 'tous_services', 'notification'],
    elu: ['civilite', 'nom', 'prenom', 'fonction', 'copie_auto'],
    bible: ['libelle', 'registre', 'texte'],
    categorie: ['code', 'libelle', 'delai_reponse'],
  },
  subFormOrder: {
    courrier: ['document', 'tache', 'copie', 'visa', 'courrier_lien'],
    correspondant: ['courrier', 'courrier_archive'],
    service: ['agent', 'courrier', 'tache'],
  },
  parametrage: ['service', 'agent', 'elu', 'civilite', 'correspondant_type', 'nature', 'categorie', 'bible', 'tache_categorie', 'tache_etat'],
  imports: ['correspondant', 'service', 'elu', 'bible', 'nature', 'categorie'],
});
