/** The French labels of an operation's catégories and états, and the words its messages use. */
import type { Choice } from '../../../../framework/src/model/override.ts';

export type Categorie = 'inhumation' | 'reduction' | 'transfert' | 'exhumation' | 'dispersion';
export type EtatOperation = 'actif' | 'traite' | 'annule';

export const CATEGORIES: readonly Choice[] = [
  { value: 'inhumation', label: 'Inhumation' },
  { value: 'reduction', label: 'Réduction' },
  { value: 'transfert', label: 'Transfert' },
  { value: 'exhumation', label: 'Exhumation' },
  { value: 'dispersion', label: 'Dispersion des cendres' },
];

export const ETATS: readonly Choice[] = [
  { value: 'actif', label: 'En cours' },
  { value: 'traite', label: 'Traitée' },
  { value: 'annule', label: 'Annulée' },
];

export const NATURES_DEFUNT_INHUME: readonly Choice[] = [
  { value: 'cercueil', label: 'Cercueil' },
  { value: 'urne', label: 'Urne' },
];

export const categorieLibelle = (categorie: unknown): string =>
  CATEGORIES.find((choice) => choice.value === categorie)?.label ?? String(categorie ?? '');

export { dateFr } from '../core/format.ts';

const UNITES = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];

/** « cinq ans », « un an », « 12 ans ». */
export const dureeEnAnnees = (annees: number): string => {
  const nombre = Number.isInteger(annees) && annees >= 0 && annees <= 10 ? UNITES[annees] : String(annees).replace('.', ',');
  return `${nombre} ${annees === 1 ? 'an' : 'ans'}`;
};

/** The date `annees` years after `iso` (a 29 February gives the 28th, or the 1st of March when the law says so: here the 28th). */
export function ajouterAnnees(iso: string, annees: number): string {
  const [annee, mois, jour] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const cible = annee + Math.trunc(annees);
  const dernierJour = new Date(Date.UTC(cible, mois, 0)).getUTCDate();
  return `${cible}-${String(mois).padStart(2, '0')}-${String(Math.min(jour, dernierJour)).padStart(2, '0')}`;
}

/** How a défunt is named in a message: « M. Jean DURAND ». */
export const nomComplet = (row: { titre?: unknown; prenom?: unknown; nom?: unknown }): string =>
  [row.titre, row.prenom, row.nom].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');

export const DEFINITIVE = 'Une opération traitée est définitive.';
export const ANNULEE = 'Une opération annulée ne change plus.';

/** The refusal for a write on an operation that is no longer actif. */
export const messageNonActive = (etat: unknown): string => (etat === 'annule' ? ANNULEE : DEFINITIVE);
