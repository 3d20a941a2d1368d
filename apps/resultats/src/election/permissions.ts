/** The application's own permissions, besides its objects': the entry pages (src/saisie/) check them. */
export const SAISIE_PERMISSION = 'resultats.saisie';
export const PARTICIPATION_PERMISSION = 'resultats.saisie_participation';
export const VALIDER_PERMISSION = 'resultats.valider';
export const DEVERROUILLER_PERMISSION = 'resultats.deverrouiller';

export const RESULTATS_PERMISSIONS = [SAISIE_PERMISSION, PARTICIPATION_PERMISSION, VALIDER_PERMISSION, DEVERROUILLER_PERMISSION] as const;
