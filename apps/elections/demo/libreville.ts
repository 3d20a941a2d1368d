/**
 * The electoral geography of « Libreville » (collectivité 1, a fictional town: its postcodes
 * 00100 and 00110 are fictional too): two cantons, one constituency, twelve polling stations,
 * sixty streets, and the scrutins of the demo.
 */

export const CANTONS = [
  { code: '01', libelle: 'Libreville-1' },
  { code: '02', libelle: 'Libreville-2' },
] as const;

export const CIRCONSCRIPTIONS = [{ code: '03', libelle: '3e circonscription' }] as const;

/** Each bureau with its canton (by code); the first six are in the old town, the others in the new quarters. */
export const BUREAUX = [
  { code: '1', libelle: 'Hôtel de ville', adresse: '1 place de la Mairie', canton: '01', capacite: 1800 },
  { code: '2', libelle: 'École Jules-Ferry', adresse: '12 rue Jules Ferry', canton: '01', capacite: 1800 },
  { code: '3', libelle: 'Salle des fêtes', adresse: '4 place du Marché', canton: '01', capacite: 1800 },
  { code: '4', libelle: 'École Jean-Jaurès', adresse: '30 avenue Jean Jaurès', canton: '01', capacite: 1800 },
  { code: '5', libelle: 'Gymnase Pasteur', adresse: '8 rue Pasteur', canton: '01', capacite: 1800 },
  { code: '6', libelle: 'Maison des associations', adresse: '2 rue de l’Église', canton: '01', capacite: 1800 },
  { code: '7', libelle: 'École des Tilleuls', adresse: '15 allée des Tilleuls', canton: '02', capacite: 1800 },
  { code: '8', libelle: 'Centre social des Vignes', adresse: '3 chemin des Vignes', canton: '02', capacite: 1800 },
  { code: '9', libelle: 'Groupe scolaire du Moulin', adresse: '21 rue du Moulin', canton: '02', capacite: 1800 },
  { code: '10', libelle: 'Médiathèque', adresse: '5 boulevard Gambetta', canton: '02', capacite: 1800 },
  { code: '11', libelle: 'Salle polyvalente des Coteaux', adresse: '1 rue des Coteaux', canton: '02', capacite: 1800 },
  { code: '12', libelle: 'École maternelle du Parc', adresse: '9 avenue du Parc', canton: '02', capacite: 1800 },
] as const;

/** Sixty streets, five by bureau in this order, with their highest number and postcode. */
export const VOIES: readonly { readonly libelle: string; readonly dernierNumero: number; readonly codePostal: string }[] = [
  { libelle: 'Place de la Mairie', dernierNumero: 24, codePostal: '00100' },
  { libelle: 'Rue de la République', dernierNumero: 180, codePostal: '00100' },
  { libelle: 'Rue Victor Hugo', dernierNumero: 140, codePostal: '00100' },
  { libelle: 'Rue du Général Leclerc', dernierNumero: 96, codePostal: '00100' },
  { libelle: 'Rue des Halles', dernierNumero: 60, codePostal: '00100' },
  { libelle: 'Rue Jules Ferry', dernierNumero: 120, codePostal: '00100' },
  { libelle: 'Rue Émile Zola', dernierNumero: 110, codePostal: '00100' },
  { libelle: 'Rue Voltaire', dernierNumero: 84, codePostal: '00100' },
  { libelle: 'Impasse des Lilas', dernierNumero: 18, codePostal: '00100' },
  { libelle: 'Rue Saint-Jacques', dernierNumero: 72, codePostal: '00100' },
  { libelle: 'Place du Marché', dernierNumero: 30, codePostal: '00100' },
  { libelle: 'Rue de la Paix', dernierNumero: 90, codePostal: '00100' },
  { libelle: 'Rue des Écoles', dernierNumero: 66, codePostal: '00100' },
  { libelle: 'Rue Anatole France', dernierNumero: 104, codePostal: '00100' },
  { libelle: 'Quai de la Loire', dernierNumero: 150, codePostal: '00100' },
  { libelle: 'Avenue Jean Jaurès', dernierNumero: 220, codePostal: '00100' },
  { libelle: 'Rue Gambetta', dernierNumero: 88, codePostal: '00100' },
  { libelle: 'Rue Carnot', dernierNumero: 76, codePostal: '00100' },
  { libelle: 'Rue du Château', dernierNumero: 48, codePostal: '00100' },
  { libelle: 'Ruelle des Tanneurs', dernierNumero: 22, codePostal: '00100' },
  { libelle: 'Rue Pasteur', dernierNumero: 130, codePostal: '00100' },
  { libelle: 'Rue Jean Moulin', dernierNumero: 94, codePostal: '00100' },
  { libelle: 'Rue Aristide Briand', dernierNumero: 116, codePostal: '00100' },
  { libelle: 'Rue de la Gare', dernierNumero: 80, codePostal: '00100' },
  { libelle: 'Passage du Commerce', dernierNumero: 16, codePostal: '00100' },
  { libelle: 'Rue de l’Église', dernierNumero: 58, codePostal: '00100' },
  { libelle: 'Place Saint-Pierre', dernierNumero: 20, codePostal: '00100' },
  { libelle: 'Rue des Remparts', dernierNumero: 70, codePostal: '00100' },
  { libelle: 'Rue du Four', dernierNumero: 34, codePostal: '00100' },
  { libelle: 'Rue Notre-Dame', dernierNumero: 62, codePostal: '00100' },
  { libelle: 'Allée des Tilleuls', dernierNumero: 64, codePostal: '00110' },
  { libelle: 'Avenue du Général de Gaulle', dernierNumero: 240, codePostal: '00110' },
  { libelle: 'Rue des Acacias', dernierNumero: 52, codePostal: '00110' },
  { libelle: 'Rue des Peupliers', dernierNumero: 46, codePostal: '00110' },
  { libelle: 'Square des Marronniers', dernierNumero: 28, codePostal: '00110' },
  { libelle: 'Chemin des Vignes', dernierNumero: 86, codePostal: '00110' },
  { libelle: 'Route de Saint-Martin', dernierNumero: 200, codePostal: '00110' },
  { libelle: 'Chemin de la Fontaine', dernierNumero: 40, codePostal: '00110' },
  { libelle: 'Lotissement les Bruyères', dernierNumero: 36, codePostal: '00110' },
  { libelle: 'Impasse du Pressoir', dernierNumero: 14, codePostal: '00110' },
  { libelle: 'Rue du Moulin', dernierNumero: 98, codePostal: '00110' },
  { libelle: 'Rue de la Forge', dernierNumero: 44, codePostal: '00110' },
  { libelle: 'Chemin du Lavoir', dernierNumero: 26, codePostal: '00110' },
  { libelle: 'Rue des Prés', dernierNumero: 68, codePostal: '00110' },
  { libelle: 'Allée des Saules', dernierNumero: 32, codePostal: '00110' },
  { libelle: 'Boulevard Gambetta', dernierNumero: 170, codePostal: '00110' },
  { libelle: 'Rue Louis Pergaud', dernierNumero: 54, codePostal: '00110' },
  { libelle: 'Rue Marie Curie', dernierNumero: 78, codePostal: '00110' },
  { libelle: 'Rue Georges Brassens', dernierNumero: 42, codePostal: '00110' },
  { libelle: 'Place de l’Europe', dernierNumero: 24, codePostal: '00110' },
  { libelle: 'Rue des Coteaux', dernierNumero: 92, codePostal: '00110' },
  { libelle: 'Chemin des Crêtes', dernierNumero: 38, codePostal: '00110' },
  { libelle: 'Rue du Stade', dernierNumero: 56, codePostal: '00110' },
  { libelle: 'Allée des Cerisiers', dernierNumero: 30, codePostal: '00110' },
  { libelle: 'Impasse des Mésanges', dernierNumero: 12, codePostal: '00110' },
  { libelle: 'Avenue du Parc', dernierNumero: 160, codePostal: '00110' },
  { libelle: 'Rue Antoine de Saint-Exupéry', dernierNumero: 74, codePostal: '00110' },
  { libelle: 'Rue Simone Veil', dernierNumero: 50, codePostal: '00110' },
  { libelle: 'Allée des Bleuets', dernierNumero: 26, codePostal: '00110' },
  { libelle: 'Rue de la Croix Verte', dernierNumero: 66, codePostal: '00110' },
];

export const SCRUTINS = [
  { libelle: 'Élections municipales 2026', type: 'municipales', date_tour1: '2026-03-15', date_tour2: '2026-03-22' },
  { libelle: 'Élection présidentielle 2027', type: 'presidentielle', date_tour1: '2027-04-11', date_tour2: '2027-04-25' },
] as const;
