// Surcharge de « Correspondant » (courrier.correspondant) : le comportement écrit à la main (contrôles, actions, écrans).
// Écrit une fois par `commun gen`, qui ne le réécrit jamais. Voir framework/src/model/override.ts.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const correspondant: ObjectOverride = {};
