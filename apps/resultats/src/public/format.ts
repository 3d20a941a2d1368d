/** Figures written as in France, the same way as the live page script (framework js/page-vivante.js) writes them. */

const NOMBRE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const POURCENT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** « 12 345 ». */
export const nombreFr = (value: number): string => NOMBRE.format(value);

/** « 45,67 % ». */
export const pourcentFr = (value: number): string => `${POURCENT.format(value)}\u00a0%`;

/** `AAAA-MM-JJ` → « JJ/MM/AAAA ». */
export const dateFr = (iso: string): string => {
  const [annee, mois, jour] = iso.split('-');
  return `${jour}/${mois}/${annee}`;
};
