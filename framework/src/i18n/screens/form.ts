/** Messages of the form screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const formFr = {} as const;

export const formEn: Translation<typeof formFr> = {};
