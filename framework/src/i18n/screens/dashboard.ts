/** Messages of the dashboard screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const dashboardFr = {} as const;

export const dashboardEn: Translation<typeof dashboardFr> = {};
