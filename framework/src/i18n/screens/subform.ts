/** Messages of the subform screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const subformFr = {} as const;

export const subformEn: Translation<typeof subformFr> = {};
