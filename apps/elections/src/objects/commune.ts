/**
 * The communes of France (loaded by the referential `decoupage-administratif`): named with their
 * département among the choices, since many share a name (« Saint-Martin (32) »); a former
 * commune says so.
 */
import type { Row } from '../../../../framework/src/db/index.ts';
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TYPES_COMMUNE } from '../choices.ts';
import { parametrageMenu } from '../menu.ts';

export function communeChoiceLabel(row: Row): string {
  const ancienne = row.om_validite_fin !== null && row.om_validite_fin !== undefined ? ', ancienne commune' : '';
  return `${String(row.libelle ?? row.commune ?? '')} (${String(row.departement ?? '')}${ancienne})`;
}

export const commune: ObjectOverride = {
  defaultSort: ['libelle', 'departement'],
  searchColumns: ['libelle', 'commune'],
  choiceLabel: communeChoiceLabel,
  screens: {
    menu: parametrageMenu('references', 10, 'Communes'),
    choices: { type: TYPES_COMMUNE },
    advancedSearch: [{ field: 'libelle' }, { field: 'commune' }, { field: 'departement' }, { field: 'type', kind: 'select' }],
  },
};
