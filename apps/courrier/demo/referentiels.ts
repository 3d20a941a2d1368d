/**
 * The reference rows of Libreville's mail room (autres-applications.md §3): civilités, types of
 * correspondent, natures, catégories with their delays, the « bible » of reusable objets, the
 * categories and states of tasks (REP and NT are the codes of src/taches/automatique.ts).
 */

export const CIVILITES = [
  { code: 'M', libelle: 'Monsieur' },
  { code: 'MME', libelle: 'Madame' },
  { code: 'MM', libelle: 'Madame, Monsieur' },
  { code: 'ME', libelle: 'Maître' },
  { code: 'DR', libelle: 'Docteur' },
] as const;

export type CodeCivilite = (typeof CIVILITES)[number]['code'];

export const TYPES_CORRESPONDANT = [
  { code: 'PART', libelle: 'Particulier' },
  { code: 'ENT', libelle: 'Entreprise' },
  { code: 'ASSO', libelle: 'Association' },
  { code: 'ADM', libelle: 'Administration' },
] as const;

export type CodeTypeCorrespondant = (typeof TYPES_CORRESPONDANT)[number]['code'];

/** Natures with their weight among arrivals. */
export const NATURES = [
  { code: 'LET', libelle: 'Lettre', poids: 52 },
  { code: 'LRAR', libelle: 'Lettre recommandée A/R', poids: 8 },
  { code: 'MEL', libelle: 'Courriel', poids: 28 },
  { code: 'FAX', libelle: 'Fax', poids: 1 },
  { code: 'DEP', libelle: 'Dépôt', poids: 8 },
  { code: 'CHRONO', libelle: 'Chronopost', poids: 2 },
  { code: 'TELEC', libelle: 'Télécopie', poids: 1 },
] as const;

export type CodeNature = (typeof NATURES)[number]['code'];

/** Catégories and their delay to answer (null: the parameter delai_reponse, 15 days). */
export const CATEGORIES = [
  { code: 'REC', libelle: 'Réclamation', delai: 8 },
  { code: 'ETC', libelle: 'Demande d’état civil', delai: 10 },
  { code: 'URB', libelle: 'Urbanisme', delai: 30 },
  { code: 'DEM', libelle: 'Demande d’intervention', delai: 15 },
  { code: 'SUB', libelle: 'Demande de subvention', delai: 45 },
  { code: 'EMP', libelle: 'Candidature', delai: 30 },
  { code: 'INV', libelle: 'Invitation', delai: null },
  { code: 'INF', libelle: 'Information', delai: null },
  { code: 'FAC', libelle: 'Facture', delai: null },
] as const;

export type CodeCategorie = (typeof CATEGORIES)[number]['code'];

/** The « bible »: objets the mail room types often. */
export const BIBLE: readonly { readonly libelle: string; readonly texte: string; readonly registre: 'arrivee' | 'depart' | null }[] = [
  { libelle: 'Acte de naissance', texte: 'Demande de copie intégrale d’acte de naissance', registre: 'arrivee' },
  { libelle: 'Acte de mariage', texte: 'Demande d’extrait d’acte de mariage', registre: 'arrivee' },
  { libelle: 'Acte de décès', texte: 'Demande de copie d’acte de décès', registre: 'arrivee' },
  { libelle: 'Permis de construire', texte: 'Dépôt d’une demande de permis de construire', registre: 'arrivee' },
  { libelle: 'Déclaration préalable', texte: 'Dépôt d’une déclaration préalable de travaux', registre: 'arrivee' },
  { libelle: 'Subvention', texte: 'Demande de subvention de fonctionnement pour l’année', registre: 'arrivee' },
  { libelle: 'Candidature spontanée', texte: 'Candidature spontanée et curriculum vitae', registre: 'arrivee' },
  { libelle: 'Réclamation voirie', texte: 'Réclamation concernant l’état de la chaussée', registre: 'arrivee' },
  { libelle: 'Invitation', texte: 'Invitation adressée à Monsieur le Maire', registre: 'arrivee' },
  { libelle: 'Accusé de réception', texte: 'Accusé de réception de votre courrier', registre: 'depart' },
  { libelle: 'Réponse favorable', texte: 'Réponse favorable à votre demande', registre: 'depart' },
  { libelle: 'Convocation', texte: 'Convocation à la réunion de la commission', registre: 'depart' },
  { libelle: 'Transmission', texte: 'Transmission du dossier pour information', registre: null },
];

export const TACHE_CATEGORIES = [
  { code: 'REP', libelle: 'Attente de réponse' },
  { code: 'INT', libelle: 'Intervention' },
  { code: 'AVIS', libelle: 'Avis demandé' },
  { code: 'INFO', libelle: 'Pour information' },
] as const;

export const TACHE_ETATS = [
  { code: 'NT', libelle: 'Non traité' },
  { code: 'EC', libelle: 'En cours' },
  { code: 'TR', libelle: 'Traité' },
  { code: 'SS', libelle: 'Sans suite' },
] as const;
