/**
 * Messages of two safety rules of the API and the record service: a password is changed only in a
 * signed-in session (never with an API token), and an explicit exact count has a time limit.
 * French and English, key for key.
 */
import type { Translation } from '../types.ts';

export const apiSafetyFr = {
  passwordNeedsSession:
    'Un jeton d’API ne permet pas de changer un mot de passe : connectez-vous avec votre identifiant et votre mot de passe pour le faire.',
  exactCountTooLong:
    'Le comptage exact a dépassé la durée permise ({seconds} s) et a été interrompu : affinez la recherche, ou demandez un total estimé (count=estimated).',
};

export const apiSafetyEn: Translation<typeof apiSafetyFr> = {
  passwordNeedsSession: 'An API token cannot be used to change a password: sign in with your login and password to do it.',
  exactCountTooLong: 'The exact count took longer than allowed ({seconds} s) and was stopped: narrow the search, or ask for an estimated total (count=estimated).',
};
