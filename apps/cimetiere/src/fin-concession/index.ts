/** Fin de concession: the emplacement's action, the archive's état source. */
export { finDeConcession, DROIT_FIN_CONCESSION } from './action.ts';
export { terminerConcession } from './terminer.ts';
export { finConcessionSource } from './source.ts';
