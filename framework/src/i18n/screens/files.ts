/** Messages of the files screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const filesFr = {} as const;

export const filesEn: Translation<typeof filesFr> = {};
