/**
 * A défunt of an emplacement: its size follows its nature (never typed), it must fit in the
 * emplacement, it is locked while an active operation concerns it; each write recomputes the place
 * and the state of its emplacement (src/core/regles-defunt.ts).
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { NATURES_DEFUNT } from '../core/libelles.ts';
import { apresEcritureDuDefunt, datesDuDefunt, placeDuDefunt, tailleDuDefunt, verrouDuDefunt } from '../core/regles-defunt.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const defunt: ObjectOverride = {
  choiceLabel: (row) => [row['nom'], row['prenom']].filter((part) => part !== null && part !== undefined && part !== '').join(' '),
  defaultSort: ['nom', 'prenom'],
  searchColumns: ['nom', 'nom_usage', 'nom_naissance', 'prenom'],
  readOnlyFields: ['taille', 'verrou', 'historique'],
  prepare: tailleDuDefunt,
  validate: datesDuDefunt,
  beforeWrite: async (context) => {
    await verrouDuDefunt(context);
    await placeDuDefunt(context);
  },
  afterWrite: apresEcritureDuDefunt,
  // A locked défunt is deleted by its operation only (the service refuses it too: beforeWrite, and the operation's row).
  canDelete: (record) => record['verrou'] !== true,
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.emplacements, 40, 'Défunts'),
    choices: { nature: NATURES_DEFUNT },
    advancedSearch: [{ field: 'nom' }, { field: 'nom_naissance' }, { field: 'prenom' }, { field: 'nature' }, { field: 'date_deces' }, { field: 'exhumation' }],
    formLayout: [
      { legend: 'Identité', fields: ['emplacement', 'titre', 'nom', 'nom_usage', 'nom_naissance', 'prenom', 'date_naissance', 'date_deces', 'lieu_deces'], columns: 2 },
      { legend: 'Nature et place', fields: ['nature', 'taille'], columns: 2 },
      { legend: 'Informations funéraires', fields: ['date_inhumation', 'reduction', 'date_reduction', 'exhumation', 'date_exhumation'], columns: 2 },
      { legend: 'Historique', fields: ['historique', 'verrou'] },
      { legend: 'Observations', fields: ['observation'] },
    ],
    help: {
      taille: 'Calculée d’après la nature et les paramètres (taille_cercueil, taille_urne, taille_reduction).',
      verrou: 'Un défunt concerné par une opération en cours ne se modifie que par elle.',
      historique: 'Écrit par les opérations validées.',
    },
  },
};
