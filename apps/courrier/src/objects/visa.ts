// Surcharge de « Étape du circuit de visa » (courrier.visa) : le comportement écrit à la main (contrôles, actions, écrans).
// Écrit une fois par `commun gen`, qui ne le réécrit jamais. Voir framework/src/model/override.ts.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { reglesEtape, verifierEtatDuCircuit } from '../depart/etapes.ts';

export const visa: ObjectOverride = {
  label: 'Étape du circuit de visa',
  defaultSort: ['rang'],
  // The decision is the viser's, through the actions « Viser » and « Refuser » of the mail.
  readOnlyFields: ['decision', 'decide_le', 'annotation'],
  validate: reglesEtape,
  beforeWrite: verifierEtatDuCircuit,
  screens: {
    menu: false,
    listColumns: ['rang', 'agent', 'decision', 'decide_le', 'annotation'],
    formLayout: [
      { legend: 'Étape', fields: ['courrier', 'rang', 'agent'], columns: 3 },
      { legend: 'Décision (écrite par « Viser » ou « Refuser »)', fields: ['decision', 'decide_le', 'annotation'] },
    ],
    labels: { agent: 'Viseur', decide_le: 'Décidé le' },
    choices: { decision: [{ value: 'vise', label: 'Visé' }, { value: 'refuse', label: 'Refusé' }] },
    help: { rang: 'Les étapes se visent dans l’ordre des rangs : 1, puis 2…' },
  },
};
