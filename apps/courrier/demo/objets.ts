/**
 * What Libreville's letters are about, by processing service: each objet with its catégorie, the
 * chance that a reply is wanted and who usually writes it (particulier, entreprise, association,
 * administration). `{voie}` is a street of the town, `{annee}` the year of the letter. Departures
 * that answer nothing (convocations, informations) have their own list.
 */
import type { CodeCategorie, CodeTypeCorrespondant } from './referentiels.ts';

export interface ObjetDemo {
  readonly texte: string;
  readonly categorie: CodeCategorie;
  /** Chance that « réponse souhaitée » is ticked. */
  readonly reponse: number;
  readonly de: CodeTypeCorrespondant;
}

const o = (texte: string, categorie: CodeCategorie, reponse: number, de: CodeTypeCorrespondant): ObjetDemo => ({ texte, categorie, reponse, de });

export const OBJETS_ARRIVEE: Readonly<Record<string, readonly ObjetDemo[]>> = {
  DG: [
    o('Demande de rendez-vous avec la direction générale', 'INF', 0.4, 'ENT'),
    o('Transmission de l’arrêté préfectoral relatif à la sécheresse', 'INF', 0, 'ADM'),
    o('Projet de convention de mutualisation des services', 'INF', 0.6, 'ADM'),
    o('Enquête annuelle sur les effectifs et les services', 'INF', 0.7, 'ADM'),
    o('Proposition de partenariat pour la fibre optique', 'INF', 0.3, 'ENT'),
  ],
  CAB: [
    o('Invitation à l’assemblée générale de l’association', 'INV', 0.2, 'ASSO'),
    o('Invitation à la cérémonie du 11 novembre', 'INV', 0, 'ASSO'),
    o('Demande d’audience auprès de Madame le Maire', 'DEM', 0.8, 'PART'),
    o('Félicitations pour l’organisation de la fête de la musique', 'INF', 0, 'PART'),
    o('Demande de parrainage pour une manifestation caritative', 'DEM', 0.6, 'ASSO'),
    o('Doléances au sujet du bruit nocturne {voie}', 'REC', 0.7, 'PART'),
    o('Invitation à l’inauguration des nouveaux locaux', 'INV', 0.1, 'ENT'),
  ],
  URBA: [
    o('Dépôt d’une demande de permis de construire, {voie}', 'URB', 0.5, 'PART'),
    o('Dépôt d’une déclaration préalable de travaux, {voie}', 'URB', 0.5, 'PART'),
    o('Demande de certificat d’urbanisme pour la parcelle {voie}', 'URB', 0.8, 'ENT'),
    o('Demande de permis de construire modificatif', 'URB', 0.5, 'ENT'),
    o('Déclaration d’intention d’aliéner, {voie}', 'URB', 0.3, 'ENT'),
    o('Recours gracieux contre un refus de permis de construire', 'URB', 0.9, 'PART'),
    o('Avis de l’architecte des Bâtiments de France sur un projet {voie}', 'URB', 0, 'ADM'),
    o('Réclamation au sujet d’une construction sans autorisation {voie}', 'REC', 0.7, 'PART'),
    o('Demande de renseignements sur le plan local d’urbanisme', 'INF', 0.6, 'PART'),
  ],
  VOIRIE: [
    o('Réclamation concernant l’état de la chaussée {voie}', 'REC', 0.8, 'PART'),
    o('Signalement d’un nid-de-poule {voie}', 'REC', 0.6, 'PART'),
    o('Demande d’autorisation de voirie pour un échafaudage {voie}', 'DEM', 0.9, 'ENT'),
    o('Demande d’arrêté de circulation pour un déménagement {voie}', 'DEM', 0.9, 'PART'),
    o('Réclamation concernant l’éclairage public {voie}', 'REC', 0.7, 'PART'),
    o('Déclaration de projet de travaux sur réseaux {voie}', 'DEM', 0.4, 'ENT'),
    o('Demande de pose d’un ralentisseur {voie}', 'DEM', 0.7, 'ASSO'),
  ],
  EV: [
    o('Demande d’élagage des arbres {voie}', 'DEM', 0.7, 'PART'),
    o('Réclamation au sujet de l’entretien du parc du Moulin', 'REC', 0.6, 'PART'),
    o('Proposition de fleurissement du rond-point des Tilleuls', 'INF', 0.3, 'ASSO'),
    o('Demande de parcelle aux jardins partagés', 'DEM', 0.8, 'PART'),
  ],
  ETAT: [
    o('Demande de copie intégrale d’acte de naissance', 'ETC', 0.9, 'PART'),
    o('Demande d’extrait d’acte de mariage', 'ETC', 0.9, 'PART'),
    o('Demande de copie d’acte de décès', 'ETC', 0.9, 'PART'),
    o('Avis de mention à porter en marge d’un acte', 'ETC', 0.2, 'ADM'),
    o('Demande de rectification d’une erreur matérielle dans un acte', 'ETC', 0.9, 'PART'),
    o('Demande d’inscription sur les listes électorales', 'ETC', 0.7, 'PART'),
    o('Avis de l’INSEE relatif au répertoire électoral unique', 'INF', 0, 'ADM'),
    o('Dossier de mariage à déposer, pièces justificatives', 'ETC', 0.5, 'PART'),
    o('Demande de livret de famille en duplicata', 'ETC', 0.9, 'PART'),
  ],
  CCAS: [
    o('Demande d’aide exceptionnelle', 'DEM', 0.9, 'PART'),
    o('Demande de logement social', 'DEM', 0.8, 'PART'),
    o('Demande d’inscription au repas des aînés', 'DEM', 0.5, 'PART'),
    o('Convention d’objectifs avec la Caisse d’allocations familiales', 'INF', 0.5, 'ADM'),
    o('Demande de subvention de l’association pour l’année {annee}', 'SUB', 0.9, 'ASSO'),
    o('Signalement d’une personne isolée {voie}', 'DEM', 0.6, 'PART'),
  ],
  EDUC: [
    o('Demande de dérogation scolaire', 'DEM', 0.9, 'PART'),
    o('Inscription au restaurant scolaire', 'DEM', 0.5, 'PART'),
    o('Réclamation au sujet du transport scolaire', 'REC', 0.8, 'PART'),
    o('Carte scolaire de la rentrée {annee}', 'INF', 0.2, 'ADM'),
    o('Demande de travaux à l’école Jules-Ferry', 'DEM', 0.7, 'ASSO'),
    o('Compte rendu du conseil d’école', 'INF', 0, 'ASSO'),
  ],
  CULT: [
    o('Demande de prêt de la salle des fêtes', 'DEM', 0.8, 'ASSO'),
    o('Proposition de spectacle pour la saison culturelle', 'INF', 0.3, 'ENT'),
    o('Demande de subvention de l’association pour l’année {annee}', 'SUB', 0.9, 'ASSO'),
    o('Don d’ouvrages à la médiathèque', 'INF', 0.5, 'PART'),
  ],
  SPORT: [
    o('Demande de créneaux au gymnase Pasteur', 'DEM', 0.8, 'ASSO'),
    o('Demande de subvention de l’association pour l’année {annee}', 'SUB', 0.9, 'ASSO'),
    o('Réclamation au sujet de l’état des vestiaires du stade', 'REC', 0.7, 'ASSO'),
    o('Invitation au tournoi de fin de saison', 'INV', 0, 'ASSO'),
  ],
  FIN: [
    o('Facture de travaux', 'FAC', 0, 'ENT'),
    o('Facture de fournitures', 'FAC', 0, 'ENT'),
    o('Relance pour une facture impayée', 'REC', 0.7, 'ENT'),
    o('Notification de la dotation globale de fonctionnement {annee}', 'INF', 0, 'ADM'),
    o('Proposition de prêt pour le programme d’investissement', 'INF', 0.4, 'ENT'),
    o('Demande de remboursement de la taxe d’enlèvement des ordures ménagères', 'REC', 0.8, 'PART'),
  ],
  RH: [
    o('Candidature spontanée et curriculum vitae', 'EMP', 0.7, 'PART'),
    o('Candidature au poste d’agent d’entretien', 'EMP', 0.9, 'PART'),
    o('Demande de stage', 'EMP', 0.8, 'PART'),
    o('Arrêt de travail d’un agent', 'INF', 0, 'ADM'),
    o('Avis du comité médical', 'INF', 0.2, 'ADM'),
    o('Déclaration sociale nominative, relevé annuel', 'INF', 0, 'ADM'),
  ],
  ST: [
    o('Rapport de vérification des installations électriques', 'INF', 0.2, 'ENT'),
    o('Demande d’intervention dans un bâtiment communal', 'DEM', 0.7, 'ASSO'),
    o('Rapport de la commission de sécurité', 'INF', 0.5, 'ADM'),
    o('Devis de maintenance des ascenseurs', 'INF', 0.4, 'ENT'),
    o('Réclamation au sujet de la collecte des déchets {voie}', 'REC', 0.7, 'PART'),
  ],
  PM: [
    o('Réclamation au sujet du stationnement gênant {voie}', 'REC', 0.7, 'PART'),
    o('Demande d’autorisation d’occupation du domaine public {voie}', 'DEM', 0.9, 'ENT'),
    o('Signalement d’un véhicule abandonné {voie}', 'REC', 0.6, 'PART'),
    o('Demande de vidéoprotection aux abords de l’école', 'DEM', 0.6, 'ASSO'),
    o('Plainte pour divagation de chiens {voie}', 'REC', 0.6, 'PART'),
  ],
};

/** Departures that answer no letter: by service, written to correspondents of that kind. */
export const OBJETS_DEPART: Readonly<Record<string, readonly { readonly texte: string; readonly a: CodeTypeCorrespondant }[]>> = {
  DG: [{ texte: 'Transmission des délibérations du conseil municipal', a: 'ADM' }, { texte: 'Réponse à l’enquête annuelle', a: 'ADM' }],
  CAB: [{ texte: 'Invitation aux vœux de Madame le Maire', a: 'ASSO' }, { texte: 'Lettre de félicitations', a: 'PART' }, { texte: 'Invitation à la cérémonie du 8 mai', a: 'ASSO' }],
  URBA: [{ texte: 'Demande de pièces complémentaires au dossier de permis de construire', a: 'PART' }, { texte: 'Notification de l’arrêté de permis de construire', a: 'PART' }],
  VOIRIE: [{ texte: 'Arrêté de circulation temporaire {voie}', a: 'ENT' }, { texte: 'Information des riverains sur les travaux {voie}', a: 'PART' }],
  EV: [{ texte: 'Information sur le calendrier d’élagage', a: 'PART' }],
  ETAT: [{ texte: 'Envoi de la copie d’acte demandée', a: 'PART' }, { texte: 'Avis de mention à l’officier de l’état civil', a: 'ADM' }],
  CCAS: [{ texte: 'Convocation à la commission d’attribution', a: 'PART' }, { texte: 'Notification de la décision d’aide', a: 'PART' }],
  EDUC: [{ texte: 'Notification de l’affectation scolaire', a: 'PART' }, { texte: 'Convocation au conseil d’école', a: 'ASSO' }],
  CULT: [{ texte: 'Convention de mise à disposition de la salle', a: 'ASSO' }],
  SPORT: [{ texte: 'Planning d’occupation des équipements sportifs', a: 'ASSO' }],
  FIN: [{ texte: 'Notification de la subvention accordée', a: 'ASSO' }, { texte: 'Bon de commande', a: 'ENT' }],
  RH: [{ texte: 'Convocation à un entretien de recrutement', a: 'PART' }, { texte: 'Saisine du comité médical', a: 'ADM' }],
  ST: [{ texte: 'Commande de travaux de maintenance', a: 'ENT' }],
  PM: [{ texte: 'Mise en demeure d’enlever un véhicule {voie}', a: 'PART' }, { texte: 'Arrêté d’occupation du domaine public', a: 'ENT' }],
};

/** How a reply opens, by catégorie of the letter it answers. */
export const REPONSES: Readonly<Partial<Record<CodeCategorie, string>>> = {
  REC: 'Réponse à votre réclamation',
  ETC: 'Envoi de l’acte demandé',
  URB: 'Réponse à votre demande d’urbanisme',
  DEM: 'Réponse à votre demande',
  SUB: 'Suite donnée à votre demande de subvention',
  EMP: 'Réponse à votre candidature',
};

/** Free-text answers of tasks answered without a departure letter. */
export const REPONSES_LIBRES: readonly string[] = [
  'Réponse donnée par téléphone.',
  'Réponse envoyée par courriel.',
  'Reçu en mairie, réponse donnée au guichet.',
  'Intervention faite par les services techniques.',
  'Dossier transmis au service instructeur ; le demandeur est informé.',
];

/** Hand-made tasks (« pour avis », « intervention ») given to a service beside the processing one. */
export const TACHES_MANUELLES: readonly { readonly libelle: string; readonly categorie: 'INT' | 'AVIS' | 'INFO' }[] = [
  { libelle: 'Vérifier sur place et établir un constat', categorie: 'INT' },
  { libelle: 'Donner un avis technique sur la demande', categorie: 'AVIS' },
  { libelle: 'Chiffrer l’intervention', categorie: 'AVIS' },
  { libelle: 'Prendre connaissance du courrier', categorie: 'INFO' },
  { libelle: 'Planifier l’intervention de l’équipe', categorie: 'INT' },
];
