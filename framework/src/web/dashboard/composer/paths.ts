/** The composer's addresses. */
export const COMPOSER_PATH = '/administration/tableau-de-bord';

export const composerUrl = (profileId?: number) => (profileId === undefined ? COMPOSER_PATH : `${COMPOSER_PATH}?profil=${profileId}`);
export const addUrl = () => `${COMPOSER_PATH}/ajouter`;
export const moveUrl = (placementId: number) => `${COMPOSER_PATH}/${placementId}/deplacer`;
export const removeUrl = (placementId: number) => `${COMPOSER_PATH}/${placementId}/retirer`;
