// Surcharge de « Courrier lié » (courrier.courrier_lien) : le comportement écrit à la main (contrôles, actions, écrans).
// Écrit une fois par `commun gen`, qui ne le réécrit jamais. Voir framework/src/model/override.ts.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const courrierLien: ObjectOverride = {};
