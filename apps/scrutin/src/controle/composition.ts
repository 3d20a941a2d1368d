/**
 * What a bureau lacks before the day (R42: a président, at least two assesseurs, a secrétaire),
 * from the functions of its affectations: a pure function, tested alone, that the control page
 * applies bureau by bureau.
 */

/** The minimum of each function a bureau needs, in the order shown. */
export const MINIMUM: readonly { readonly fonctions: readonly string[]; readonly nombre: number; readonly libelle: (manque: number) => string }[] = [
  { fonctions: ['president'], nombre: 1, libelle: () => 'un président' },
  {
    fonctions: ['assesseur_titulaire'],
    nombre: 2,
    libelle: (manque) => (manque === 1 ? 'un assesseur titulaire (il en faut au moins deux)' : 'deux assesseurs titulaires'),
  },
  { fonctions: ['secretaire'], nombre: 1, libelle: () => 'un secrétaire' },
];

/** The missing members of a bureau (empty: the bureau is complete). */
export function manquants(fonctions: readonly string[]): string[] {
  const missing: string[] = [];
  for (const rule of MINIMUM) {
    const count = fonctions.filter((fonction) => rule.fonctions.includes(fonction)).length;
    if (count < rule.nombre) missing.push(rule.libelle(rule.nombre - count));
  }
  return missing;
}
