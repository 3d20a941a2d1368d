/** How numbers and dates read in the cimetière's messages: « 1,5 », « 21/06/2013 ». */

const NOMBRE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export const nombreFr = (valeur: number): string => NOMBRE.format(valeur);

/** « 2 places », « 1 place », « 0,5 place » (a quantity below two is singular in French). */
export const places = (valeur: number): string => `${nombreFr(valeur)} ${Math.abs(valeur) >= 2 ? 'places' : 'place'}`;

/** A date as stored (YYYY-MM-DD, or a Date) as users read it (JJ/MM/AAAA). */
export function dateFr(valeur: unknown): string {
  if (valeur instanceof Date) return dateFr(dateIso(valeur));
  const texte = String(valeur ?? '');
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(texte);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : texte;
}

/** A date value as YYYY-MM-DD (PGlite gives Date objects, pg strings), or undefined. */
export function dateIso(valeur: unknown): string | undefined {
  if (valeur === null || valeur === undefined || valeur === '') return undefined;
  if (valeur instanceof Date) {
    const annee = valeur.getFullYear();
    return `${annee}-${String(valeur.getMonth() + 1).padStart(2, '0')}-${String(valeur.getDate()).padStart(2, '0')}`;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(String(valeur));
  return iso?.[1];
}
