/**
 * SIRET numbers carry a Luhn check digit, except La Poste's establishments (SIREN 356 000 000),
 * too many for the Luhn key: INSEE numbers them with another rule, so any such SIRET is accepted.
 */
const LA_POSTE_SIREN = '356000000';

/** The SIRET without the spaces people type (« 213 105 554 00016 »). */
export const normalizedSiret = (value: string) => value.replace(/[\s\u00a0\u202f.]/g, '');

export function isValidSiret(siret: string): boolean {
  if (!/^[0-9]{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) return true;
  let sum = 0;
  for (let index = 0; index < 14; index += 1) {
    let digit = Number(siret[13 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
