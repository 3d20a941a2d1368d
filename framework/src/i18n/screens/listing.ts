/** Messages of the listing screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const listingFr = {} as const;

export const listingEn: Translation<typeof listingFr> = {};
