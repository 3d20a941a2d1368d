/** A scrutin: its rounds' dates (the calendar of registrations is computed from the first). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TYPES_SCRUTIN } from '../choices.ts';
import { applicationMenu } from '../menu.ts';

export const scrutin: ObjectOverride = {
  defaultSort: ['date_tour1'],
  screens: {
    menu: applicationMenu(30, 'Scrutins'),
    choices: { type: TYPES_SCRUTIN },
  },
};
