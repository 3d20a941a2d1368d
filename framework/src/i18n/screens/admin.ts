/** Messages of the admin screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const adminFr = {} as const;

export const adminEn: Translation<typeof adminFr> = {};
