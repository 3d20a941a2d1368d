/**
 * The demo data of « Libreville » (collectivité 1, a fictional town): its twelve bureaux (the codes
 * of apps/elections/demo/libreville.ts), the municipales of 15 March 2026 and their four lists.
 */
import { BUREAUX as BUREAUX_ELECTIONS } from '../../elections/demo/libreville.ts';

export const BUREAUX: readonly { readonly code: string; readonly libelle: string; readonly adresse: string }[] = BUREAUX_ELECTIONS.map((bureau) => ({
  code: bureau.code,
  libelle: bureau.libelle,
  adresse: `${bureau.adresse}, Libreville`,
}));

/** The fictional town's département, for the check « électeur du département » (R44). */
export const DEPARTEMENT = '33';

export const SCRUTIN = {
  libelle: 'Élections municipales 2026 — premier tour',
  type: 'municipales',
  date_scrutin: '2026-03-15',
  tour: 1,
  heure_ouverture: '08:00',
  heure_fermeture: '18:00',
  departement: DEPARTEMENT,
} as const;

export const LISTES = [
  { libelle: 'Libreville Avenir', tete: 'Claire Moreau', mandataire: 'Paul Girard' },
  { libelle: 'Ensemble pour Libreville', tete: 'Henri Lefèvre', mandataire: 'Sophie Roux' },
  { libelle: 'Libreville écologique et solidaire', tete: 'Nadia Benali', mandataire: 'Julien Faure' },
  { libelle: 'Renouveau librevillois', tete: 'Marc Chevalier', mandataire: 'Isabelle Perrin' },
] as const;

/** The bureau left incomplete (no secrétaire, one assesseur titulaire): the control page shows it. */
export const BUREAU_INCOMPLET = '12';

export const NOMS = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL',
  'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD', 'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE',
  'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFÈVRE', 'FAURE', 'ANDRÉ', 'MERCIER', 'BLANC', 'GUÉRIN', 'BOYER', 'GARNIER', 'CHEVALIER',
] as const;
export const PRENOMS = [
  'Marie', 'Jean', 'Nathalie', 'Pierre', 'Isabelle', 'Michel', 'Sylvie', 'Philippe', 'Catherine', 'Alain', 'Françoise', 'Éric',
  'Sandrine', 'Patrick', 'Valérie', 'Nicolas', 'Christine', 'Laurent', 'Céline', 'Stéphane', 'Aurélie', 'Thierry', 'Julie', 'Hélène',
] as const;
export const RUES = ['rue de la République', 'rue Victor Hugo', 'rue Jules Ferry', 'rue Émile Zola', 'avenue Jean Jaurès', 'rue Pasteur', 'allée des Tilleuls', 'rue du Moulin'] as const;
