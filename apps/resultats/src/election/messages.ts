/** Messages of the election part: preparing an election's bureaux, the second round, the import from « Élections ». */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';
import { entier } from '../saisie/format.ts';

export const message = defineMessages('resultats_election', {
  creerSecondTour: 'Créer le second tour',
  reprendreBureaux: 'Reprendre les bureaux des listes électorales',
  secondTourSeulementTour1: 'Seule une élection du premier tour a un second tour.',
  secondTourExiste: 'Le second tour de cette élection existe déjà : « {libelle} ».',
  secondTourCree:
    'Le second tour est créé avec {bureaux} et leurs inscrits, et les tranches horaires du premier tour. Ajoutez-y les listes admises à s’y présenter.',
  libelleSecondTour: '{libelle} – second tour',
  droitBureaux: 'Vous n’avez pas le droit de modifier les bureaux de vote : demandez-le à votre administrateur.',
  bureauxRepris: '{bureaux}, {inscrits} inscrits.',
  bureauxReprisUnValide: '{bureaux}, {inscrits} inscrits ; 1 bureau déjà validé garde ses inscrits.',
  bureauxReprisValides: '{bureaux}, {inscrits} inscrits ; {valides} bureaux déjà validés gardent leurs inscrits.',
  aucunBureau: 'Les listes électorales de votre collectivité n’ont aucun bureau de vote : créez-les d’abord dans l’application « Élections ».',
});

/** « 1 bureau », « 12 bureaux ». */
export const bureaux = (count: number): string => `${formatNombre(count)} bureau${count > 1 ? 'x' : ''}`;

/** « 20 553 » (with the French thousands separator). */
export const formatNombre = entier;
