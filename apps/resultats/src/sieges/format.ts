/** Figures as the pages show them (French). */
const ENTIER = new Intl.NumberFormat('fr-FR');
const POURCENT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const entier = (valeur: number) => ENTIER.format(valeur);
/** « 52,00 % »; a dash without a base. */
export const pourcent = (part: number, base: number) => (base > 0 ? `${POURCENT.format((part * 100) / base)} %` : '—');
