/**
 * The register of « Libreville » (collectivité 1): its services, lists and about ten processing
 * activities a commune keeps, as a DPO would write them. Review dates are days from today, so
 * that the dashboard always has reviews due.
 */

/** The controller's identity and its DPO, as the register prints them (fictitious SIRET, right key). */
export const COLLECTIVITE = {
  adresse: 'Hôtel de ville, 1 place de la Mairie, 00000 Libreville',
  telephone: '01 23 45 67 89',
  email: 'mairie@libreville.example',
  siret: '21009900100013',
  dpo_nom: 'Claire Martin',
  dpo_contact: 'dpo@libreville.example, 01 23 45 67 00',
} as const;

export const SERVICES = [
  { libelle: 'État civil', code: 'EC' },
  { libelle: 'Élections', code: 'ELEC' },
  { libelle: 'Éducation et restauration scolaire', code: 'EDUC' },
  { libelle: 'Centre communal d’action sociale', code: 'CCAS' },
  { libelle: 'Urbanisme', code: 'URBA' },
  { libelle: 'Police municipale', code: 'PM' },
  { libelle: 'Ressources humaines', code: 'RH' },
  { libelle: 'Services techniques', code: 'ST' },
] as const;

export const CATEGORIES_DONNEES = [
  { libelle: 'État civil, identité', description: 'Nom, prénoms, date et lieu de naissance, sexe, filiation.', sensible: false },
  { libelle: 'Coordonnées', description: 'Adresse postale, téléphone, courriel.', sensible: false },
  { libelle: 'Situation familiale', description: 'Composition du foyer, enfants à charge.', sensible: false },
  { libelle: 'Situation économique et financière', description: 'Revenus, quotient familial, ressources.', sensible: false },
  { libelle: 'Données de santé', description: 'Allergies, régimes alimentaires médicaux, handicap.', sensible: true },
  { libelle: 'Images', description: 'Images de vidéoprotection.', sensible: false },
  { libelle: 'Numéro de sécurité sociale (NIR)', description: 'NIR des agents et des bénéficiaires.', sensible: false },
  { libelle: 'Vie professionnelle', description: 'Carrière, diplômes, évaluations.', sensible: false },
  { libelle: 'Informations cadastrales', description: 'Références cadastrales, propriétaires.', sensible: false },
] as const;

export const CATEGORIES_PERSONNES = [
  { libelle: 'Administrés', description: 'Habitants de la commune.' },
  { libelle: 'Électeurs', description: 'Personnes inscrites sur la liste électorale.' },
  { libelle: 'Élèves et leurs responsables légaux', description: '' },
  { libelle: 'Bénéficiaires de l’action sociale', description: '' },
  { libelle: 'Pétitionnaires', description: 'Demandeurs d’autorisations d’urbanisme.' },
  { libelle: 'Agents de la collectivité', description: '' },
  { libelle: 'Passants et usagers de l’espace public', description: '' },
] as const;

export const DESTINATAIRES = [
  { libelle: 'Agents habilités du service', interne: true },
  { libelle: 'Procureur de la République', interne: false },
  { libelle: 'INSEE', interne: false },
  { libelle: 'Préfecture', interne: false },
  { libelle: 'Trésor public', interne: false },
  { libelle: 'Services de police et de gendarmerie', interne: false },
  { libelle: 'Caisse d’allocations familiales', interne: false },
] as const;

export const SOUS_TRAITANTS = [
  { libelle: 'Syndicat informatique du département', adresse: '2 rue des Tilleuls, 00000 Chef-Lieu', contact: 'dpo@syndicat-informatique.example', contrat_debut: '2022-01-01', contrat_fin: '2026-12-31' },
  { libelle: 'Restauration Collective du Centre', adresse: 'Zone artisanale, 00000 Libreville', contact: 'contact@rcc.example', contrat_debut: '2023-09-01', contrat_fin: '2027-08-31' },
  { libelle: 'Hébergeur Cloud Souverain', adresse: '10 quai du Port, 00000 Port-Ville', contact: 'securite@hebergeur.example', contrat_debut: '2024-01-01', contrat_fin: null },
] as const;

export const MESURES = [
  { libelle: 'Contrôle d’accès par identifiant et mot de passe', description: 'Comptes nominatifs, mots de passe robustes.' },
  { libelle: 'Habilitations par profil', description: 'Chaque agent n’accède qu’aux données de sa mission.' },
  { libelle: 'Journalisation des accès', description: 'Traçabilité des consultations et modifications.' },
  { libelle: 'Sauvegardes chiffrées quotidiennes', description: '' },
  { libelle: 'Locaux fermés à clé', description: 'Archives papier sous clé.' },
  { libelle: 'Chiffrement des flux (HTTPS)', description: '' },
] as const;

type Categorie = (typeof CATEGORIES_DONNEES)[number]['libelle'];
type Personnes = (typeof CATEGORIES_PERSONNES)[number]['libelle'];
type Destinataire = (typeof DESTINATAIRES)[number]['libelle'];
type SousTraitant = (typeof SOUS_TRAITANTS)[number]['libelle'];
type Mesure = (typeof MESURES)[number]['libelle'];
type Service = (typeof SERVICES)[number]['libelle'];

export interface DemoTraitement {
  readonly libelle: string;
  readonly finalite: string;
  /** Code of the legal basis (article 6.1). */
  readonly base: '6.1.a' | '6.1.b' | '6.1.c' | '6.1.d' | '6.1.e' | '6.1.f';
  readonly service: Service;
  readonly responsable: string;
  /** Days from today to the next DPO review (negative: late). */
  readonly revueDans: number;
  readonly statut: 'brouillon' | 'valide' | 'archive';
  readonly sensibles?: boolean;
  readonly dateAipd?: string;
  readonly donnees: readonly Categorie[];
  readonly personnes: readonly Personnes[];
  readonly destinataires: readonly Destinataire[];
  readonly sousTraitants?: readonly SousTraitant[];
  readonly mesures: readonly Mesure[];
  readonly conservation: readonly { readonly duree: string; readonly depart: string; readonly categorie?: Categorie }[];
  readonly transferts?: readonly { readonly pays: string; readonly garanties: string }[];
}

const ACCES: readonly Mesure[] = ['Contrôle d’accès par identifiant et mot de passe', 'Habilitations par profil', 'Journalisation des accès'];

export const TRAITEMENTS: readonly DemoTraitement[] = [
  {
    libelle: 'Tenue des registres de l’état civil',
    finalite: 'Établir et conserver les actes de naissance, de mariage, de décès et de reconnaissance ; délivrer les copies et extraits.',
    base: '6.1.c', service: 'État civil', responsable: 'Officier d’état civil délégué', revueDans: 120, statut: 'valide',
    donnees: ['État civil, identité', 'Coordonnées', 'Situation familiale'],
    personnes: ['Administrés'],
    destinataires: ['Agents habilités du service', 'Procureur de la République', 'INSEE'],
    sousTraitants: ['Syndicat informatique du département'],
    mesures: [...ACCES, 'Locaux fermés à clé', 'Sauvegardes chiffrées quotidiennes'],
    conservation: [{ duree: '75 ans (100 ans pour les mineurs)', depart: 'Clôture du registre, puis versement aux archives' }],
  },
  {
    libelle: 'Gestion de la liste électorale',
    finalite: 'Inscrire et radier les électeurs, éditer les cartes électorales et les listes d’émargement.',
    base: '6.1.c', service: 'Élections', responsable: 'Responsable du service Élections', revueDans: 10, statut: 'valide',
    donnees: ['État civil, identité', 'Coordonnées'],
    personnes: ['Électeurs'],
    destinataires: ['Agents habilités du service', 'INSEE', 'Préfecture'],
    sousTraitants: ['Syndicat informatique du département'],
    mesures: ACCES,
    conservation: [{ duree: 'Durée de l’inscription', depart: 'Radiation de l’électeur' }],
  },
  {
    libelle: 'Inscriptions à la cantine scolaire',
    finalite: 'Inscrire les enfants à la restauration scolaire, adapter les repas et facturer les familles.',
    base: '6.1.e', service: 'Éducation et restauration scolaire', responsable: 'Responsable de la restauration scolaire', revueDans: -5, statut: 'valide',
    sensibles: true, dateAipd: '2024-03-15',
    donnees: ['État civil, identité', 'Coordonnées', 'Situation économique et financière', 'Données de santé'],
    personnes: ['Élèves et leurs responsables légaux'],
    destinataires: ['Agents habilités du service', 'Trésor public'],
    sousTraitants: ['Restauration Collective du Centre'],
    mesures: [...ACCES, 'Chiffrement des flux (HTTPS)'],
    conservation: [
      { duree: 'Durée de la scolarité', depart: 'Inscription de l’enfant' },
      { duree: '1 an', depart: 'Fin de l’année scolaire', categorie: 'Données de santé' },
    ],
  },
  {
    libelle: 'Aide sociale facultative du CCAS',
    finalite: 'Instruire les demandes d’aides facultatives (secours, bons alimentaires) et suivre les bénéficiaires.',
    base: '6.1.e', service: 'Centre communal d’action sociale', responsable: 'Directrice du CCAS', revueDans: 25, statut: 'brouillon',
    sensibles: true, dateAipd: '2025-02-10',
    donnees: ['État civil, identité', 'Coordonnées', 'Situation familiale', 'Situation économique et financière', 'Données de santé'],
    personnes: ['Bénéficiaires de l’action sociale'],
    destinataires: ['Agents habilités du service', 'Caisse d’allocations familiales'],
    mesures: [...ACCES, 'Locaux fermés à clé'],
    conservation: [{ duree: '5 ans', depart: 'Dernière aide accordée' }],
  },
  {
    libelle: 'Instruction des autorisations d’urbanisme',
    finalite: 'Instruire les permis de construire, d’aménager, de démolir et les déclarations préalables.',
    base: '6.1.c', service: 'Urbanisme', responsable: 'Instructeur principal', revueDans: 200, statut: 'valide',
    donnees: ['État civil, identité', 'Coordonnées', 'Informations cadastrales'],
    personnes: ['Pétitionnaires'],
    destinataires: ['Agents habilités du service', 'Préfecture'],
    sousTraitants: ['Hébergeur Cloud Souverain'],
    mesures: ACCES,
    conservation: [{ duree: 'Durée d’utilité administrative, puis archives', depart: 'Décision sur la demande' }],
  },
  {
    libelle: 'Vidéoprotection de la voie publique',
    finalite: 'Prévenir les atteintes aux biens et aux personnes et réguler le trafic sur la voie publique.',
    base: '6.1.e', service: 'Police municipale', responsable: 'Chef de la police municipale', revueDans: 3, statut: 'valide',
    sensibles: true, dateAipd: '2023-11-02',
    donnees: ['Images'],
    personnes: ['Passants et usagers de l’espace public'],
    destinataires: ['Agents habilités du service', 'Services de police et de gendarmerie'],
    mesures: [...ACCES, 'Locaux fermés à clé'],
    conservation: [{ duree: '30 jours', depart: 'Enregistrement des images' }],
  },
  {
    libelle: 'Gestion administrative du personnel',
    finalite: 'Gérer les carrières, la paie, les congés et la formation des agents.',
    base: '6.1.c', service: 'Ressources humaines', responsable: 'Responsable des ressources humaines', revueDans: 60, statut: 'valide',
    donnees: ['État civil, identité', 'Coordonnées', 'Numéro de sécurité sociale (NIR)', 'Vie professionnelle', 'Situation familiale'],
    personnes: ['Agents de la collectivité'],
    destinataires: ['Agents habilités du service', 'Trésor public'],
    sousTraitants: ['Syndicat informatique du département'],
    mesures: [...ACCES, 'Sauvegardes chiffrées quotidiennes'],
    conservation: [{ duree: 'Jusqu’aux 75 ans de l’agent', depart: 'Naissance de l’agent' }],
  },
  {
    libelle: 'Lettre d’information municipale par courriel',
    finalite: 'Envoyer la lettre d’information de la commune aux habitants qui s’y sont abonnés.',
    base: '6.1.a', service: 'Services techniques', responsable: 'Chargé de communication', revueDans: 90, statut: 'brouillon',
    donnees: ['Coordonnées'],
    personnes: ['Administrés'],
    destinataires: ['Agents habilités du service'],
    sousTraitants: ['Hébergeur Cloud Souverain'],
    mesures: ['Chiffrement des flux (HTTPS)'],
    conservation: [{ duree: 'Jusqu’au désabonnement', depart: 'Abonnement' }],
    transferts: [{ pays: 'États-Unis', garanties: 'Clauses contractuelles types de la Commission européenne (outil d’envoi de courriels).' }],
  },
  {
    libelle: 'Signalements sur l’espace public',
    finalite: 'Recevoir et traiter les signalements des habitants (voirie, propreté, éclairage).',
    base: '6.1.e', service: 'Services techniques', responsable: 'Directeur des services techniques', revueDans: 15, statut: 'valide',
    donnees: ['État civil, identité', 'Coordonnées'],
    personnes: ['Administrés'],
    destinataires: ['Agents habilités du service'],
    mesures: ACCES,
    conservation: [{ duree: '1 an', depart: 'Clôture du signalement' }],
  },
  {
    libelle: 'Recensement citoyen des jeunes de 16 ans',
    finalite: 'Recenser les jeunes en vue de la journée défense et citoyenneté et délivrer l’attestation.',
    base: '6.1.c', service: 'État civil', responsable: 'Officier d’état civil délégué', revueDans: -30, statut: 'archive',
    donnees: ['État civil, identité', 'Coordonnées', 'Situation familiale'],
    personnes: ['Administrés'],
    destinataires: ['Agents habilités du service', 'Préfecture'],
    mesures: ACCES,
    conservation: [{ duree: '3 ans', depart: 'Recensement' }],
  },
];
