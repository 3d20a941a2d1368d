/**
 * Seat allocation of the résultats application: the rules (pure functions), the allocation of a
 * stored election, and their registration (API route and page).
 */
export { repartitionDeLElection, type ModeDeRepartition, type RepartitionElection, type SiegesDeCandidature } from './election.ts';
export { elusCommunautaires, type CandidatDesDeuxListes } from './elus-communautaires.ts';
export { RepartitionImpossible } from './erreurs.ts';
export { repartitionMajoritaire } from './majoritaire.ts';
export { primeMajoritaire } from './prime.ts';
export { repartitionScrutinDeListe } from './scrutin-de-liste.ts';
export type * from './types.ts';
export { registerSieges, SIEGES_PAGE } from './routes.ts';
