/** The reference rows of Libreville's cemetery service (cimetiere.md §2.6, §2.9) and its price grid. */

export const TITRES = [
  { code: 'M', libelle: 'Monsieur' },
  { code: 'MME', libelle: 'Madame' },
  { code: 'ENF', libelle: 'Enfant' },
] as const;

export const TYPES_ZONE = ['Carré', 'Extension', 'Section'] as const;
export const TYPES_VOIE = ['Allée', 'Rangée', 'Place'] as const;

export const TYPES_SEPULTURE = [
  'Pleine terre',
  'Caveau une place',
  'Caveau deux places',
  'Caveau quatre places',
  'Cavurne',
  'Case de colombarium',
] as const;

export const NATURES_TRAVAUX = [
  'Creusement',
  'Construction caveau T2 haut',
  'Construction pierre tombale',
  'Remise en place pierre tombale',
  'Démolition-reconstruction à l’identique',
  'Surélévation',
  'Nettoyage-consolidation',
  'Enlèvement porte',
  'Autorisation de travaux',
] as const;

export const ENTREPRISES = [
  { nom: 'Pompes funèbres de Libreville', pompes_funebres: true, habilitation: '23-00-0145', adresse1: '12 rue de la République', telephone: '01 23 45 67 01' },
  { nom: 'Roc’Eclerc Libreville', pompes_funebres: true, habilitation: '21-00-0098', adresse1: '4 avenue du Parc', telephone: '01 23 45 67 02' },
  { nom: 'Maison funéraire Fontaine', pompes_funebres: true, habilitation: '19-00-0310', adresse1: '27 rue Victor Hugo', telephone: '01 23 45 67 03' },
  { nom: 'Marbrerie Leroy et fils', pompes_funebres: false, habilitation: null, adresse1: '3 chemin des Tilleuls', telephone: '01 23 45 67 04' },
] as const;

/** The tariff of a sale in 2026 (€); earlier years are 3 % cheaper each. */
export const TARIFS_2026 = [
  { nature: 'concession', duree_type: 'temporaire', duree: 15, libelle: 'Concession quinze ans', montant: 260 },
  { nature: 'concession', duree_type: 'trentenaire', duree: 30, libelle: 'Concession trentenaire', montant: 540 },
  { nature: 'concession', duree_type: 'cinquantenaire', duree: 50, libelle: 'Concession cinquantenaire', montant: 980 },
  { nature: 'concession', duree_type: 'perpetuelle', duree: null, libelle: 'Concession perpétuelle', montant: 2400 },
  { nature: 'colombarium', duree_type: 'temporaire', duree: 15, libelle: 'Case de colombarium quinze ans', montant: 420 },
  { nature: 'colombarium', duree_type: 'trentenaire', duree: 30, libelle: 'Case de colombarium trente ans', montant: 780 },
  { nature: 'enfeu', duree_type: 'trentenaire', duree: 30, libelle: 'Enfeu trente ans', montant: 1500 },
] as const;

export const PARENTES = ['fils', 'fille', 'petit-fils', 'petite-fille', 'neveu', 'nièce', 'conjoint', 'frère', 'sœur'] as const;
