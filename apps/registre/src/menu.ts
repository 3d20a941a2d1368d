/** The heading under which the register's entries appear in the menu's rubriques: its title (commun.app.ts). */
export { title as MENU_CATEGORY } from '../gen/index.ts';
