/** The public results page (no login, live): its routes and the figures it publishes. */
export { registerPublic, PUBLIC_PATH } from './routes.tsx';
export { resultatsPublics, electionsPubliees, type ResultatsPublics } from './donnees.ts';
export { cachePublic } from './cache.ts';
