/** Where the operations and the archives go in the menu: part A's headings « Opérations » and « Archives ». */
import type { MenuPlacement } from '../../../../framework/src/model/override.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from '../objects/menu.ts';

export const menuOperations = (rang: number, label: string): MenuPlacement => applicationMenu(RUBRIQUES_CIMETIERE.operations, rang, label);
export const menuArchives = (rang: number, label: string): MenuPlacement => applicationMenu(RUBRIQUES_CIMETIERE.archives, rang, label);
