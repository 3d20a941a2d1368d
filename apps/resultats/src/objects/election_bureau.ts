/**
 * A bureau's result for an election. Its figures and state are written by the entry pages only
 * (src/saisie/, after their own permission checks): read-only here, in the API and the imports.
 * Its inscrits may be corrected until the result is validated.
 */
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { ETATS_BUREAU } from './choices.ts';
import { message } from './messages.ts';

/** Only the entry pages write them. */
export const CHIFFRES_SAISIS = ['votants', 'blancs', 'nuls', 'exprimes', 'etat', 'saisi_le', 'saisi_par', 'valide_le', 'valide_par'] as const;

function validateElectionBureau(context: WriteContext): FieldErrors {
  const { previous, values, locale } = context;
  if (context.action !== 'update' || !previous) return {};
  const errors: FieldErrors = {};
  for (const field of ['election', 'bureau'] as const) {
    if (Object.hasOwn(values, field) && String(values[field]) !== String(previous[field])) errors[field] = message('changementInterdit', locale);
  }
  if (previous.etat === 'valide' && Object.hasOwn(values, 'inscrits') && Number(values.inscrits) !== Number(previous.inscrits)) {
    errors.inscrits = message('inscritsValide', locale);
  }
  return errors;
}

export const electionBureau: ObjectOverride = {
  defaultSort: ['election', 'bureau'],
  readOnlyFields: CHIFFRES_SAISIS,
  validate: validateElectionBureau,
  beforeWrite: ({ action, previous, locale }) => {
    if (action === 'delete' && previous?.etat === 'valide') throw new Veto(message('suppressionValide', locale));
  },
  canDelete: (record) => record.etat !== 'valide',
  screens: {
    menu: false,
    choices: { etat: ETATS_BUREAU },
    subForms: { order: ['voix', 'participation', 'deverrouillage'], titles: { voix: 'Voix', participation: 'Participation', deverrouillage: 'Déverrouillages' } },
  },
};
