/**
 * The archive of a fin de concession (cimetiere.md §2.10, §3.9): written only by the treatment
 * (src/fin-concession/), never changed (a trigger refuses it even to the schema's owner); its
 * « État concession » printed from its page, its défunts and concessionnaires as tabs.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MOTIFS } from '../fin-concession/demande.ts';
import { menuArchives } from '../operations/menu.ts';

export const finConcession: ObjectOverride = {
  label: 'Fin de concession',
  readOnly: true,
  defaultSort: ['-date_fin', '-fin_concession'],
  screens: {
    menu: menuArchives(10, 'Fins de concession'),
    choices: { motif: MOTIFS },
    subForms: { order: ['defunt_archive', 'autorisation_archive'], titles: { defunt_archive: 'Défunts', autorisation_archive: 'Concessionnaires et ayants droit' } },
    formLayout: [
      { legend: 'Fin de concession', fields: ['emplacement', 'concession', 'date_fin', 'motif', 'ossuaire', 'fait_le', 'fait_par'], columns: 2 },
      { legend: 'Archive', fields: ['donnees'], collapsible: true, collapsed: true },
    ],
  },
};
