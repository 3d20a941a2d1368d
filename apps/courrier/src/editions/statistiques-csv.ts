/**
 * « Statistiques du courrier » as CSV, by the framework's conventions (UTF-8 with BOM, `;`, CRLF,
 * decimal comma): one line per service, then the total, then per nature and per catégorie, the
 * first column naming the grouping. Labels typed by users cannot run as spreadsheet formulas.
 */
import { spreadsheetSafe } from '../../../../framework/src/imports/spreadsheet-safe.ts';
import { chiffre, COLONNES, type LigneStatistique, type Statistiques } from './statistiques.ts';

const cellule = (valeur: string): string => (/[;"\r\n]/.test(valeur) ? `"${valeur.replace(/"/g, '""')}"` : valeur);

const ENTETE = ['Regroupement', 'Libellé', ...COLONNES.map((colonne) => colonne.libelle)];

const ligne = (regroupement: string, statistique: LigneStatistique): string[] => [
  regroupement,
  spreadsheetSafe(statistique.libelle),
  ...COLONNES.map((colonne) => chiffre(statistique[colonne.cle])),
];

export function csvStatistiques(statistiques: Statistiques): string {
  const lignes = [
    ENTETE,
    ...statistiques.parService.map((s) => ligne('Service', s)),
    ligne('Total', statistiques.total),
    ...statistiques.parNature.map((s) => ligne('Nature', s)),
    ...statistiques.parCategorie.map((s) => ligne('Catégorie', s)),
  ];
  return `\ufeff${lignes.map((cellules) => cellules.map(cellule).join(';')).join('\r\n')}\r\n`;
}
