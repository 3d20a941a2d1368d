/** The heading under which the register's entries appear in the menu's rubriques. */
export const MENU_CATEGORY = 'Registre RGPD';
