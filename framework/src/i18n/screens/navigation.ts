/** Messages of the navigation screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const navigationFr = {} as const;

export const navigationEn: Translation<typeof navigationFr> = {};
