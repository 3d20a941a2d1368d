/** The application's heading in the menu. */
export const TITRE = 'Composition des bureaux';
