/**
 * A SIRET number (INSEE): 14 digits whose Luhn key is right. La Poste's establishments (SIREN
 * 356 000 000) are numbered by another rule, the sum of their digits a multiple of 5.
 */
const LA_POSTE_SIREN = '356000000';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Spaces are tolerated (« 217 500 016 00019 »): the number without them, or undefined when wrong. */
export function normalizedSiret(text: string): string | undefined {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{14}$/.test(digits)) return undefined;
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== '35600000000048') {
    const sum = [...digits].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? digits : undefined;
  }
  return luhnValid(digits) ? digits : undefined;
}
