/** A scrutin (one round): its hours, its département (for the members of the bureaux), its lists and its affectations. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { CONTROLE_PERMISSION } from '../controle/routes.ts';
import { marquerScrutinConvoque } from '../convocations/marquer.ts';
import { TITRE } from '../menu.ts';

export const TYPES_SCRUTIN = [
  { value: 'municipales', label: 'Municipales' },
  { value: 'legislatives', label: 'Législatives' },
  { value: 'presidentielle', label: 'Présidentielle' },
  { value: 'europeennes', label: 'Européennes' },
  { value: 'departementales', label: 'Départementales' },
  { value: 'regionales', label: 'Régionales' },
  { value: 'referendum', label: 'Référendum' },
  { value: 'partielle', label: 'Élection partielle' },
] as const;

export const scrutin: ObjectOverride = {
  defaultSort: ['-date_scrutin', 'tour'],
  actions: { convoquer: marquerScrutinConvoque },
  links: [{ label: 'Contrôle de la composition', href: (record) => `/scrutin/controle/${Number(record['scrutin'])}`, permissions: [CONTROLE_PERMISSION] }],
  screens: {
    menu: { rubrique: 'application', category: TITRE, order: 10, label: 'Scrutins' },
    listColumns: ['libelle', 'type', 'date_scrutin', 'tour', 'departement'],
    choices: { type: TYPES_SCRUTIN, tour: [{ value: '1', label: 'Premier tour' }, { value: '2', label: 'Second tour' }] },
    widgets: { heure_ouverture: 'time', heure_fermeture: 'time' },
    formLayout: [
      { fields: ['libelle', 'type'], columns: 2 },
      { legend: 'Date et heures', fields: ['date_scrutin', 'tour', 'heure_ouverture', 'heure_fermeture'], columns: 2 },
      { fields: ['departement'] },
    ],
    subForms: { order: ['affectation', 'candidature'], titles: { affectation: 'Composition des bureaux', candidature: 'Listes et candidats' } },
    help: { departement: 'Code INSEE du département (33, 2A, 971) : le président, le vice-président et les assesseurs doivent y être électeurs.' },
  },
};
