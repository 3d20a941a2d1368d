/** The links of an election's page to the election-night pages about it (entry, seats, export, public page). */
import type { RecordLink } from '../../../../framework/src/model/override.ts';
import { PARTICIPATION_PERMISSION, SAISIE_PERMISSION } from '../election/permissions.ts';
import { EXPORT_PERMISSION } from '../export/routes.tsx';
import { isMunicipales } from './choices.ts';

const id = (record: Record<string, unknown>) => Number(record['election']);

export const LIENS_ELECTION: readonly RecordLink[] = [
  { label: 'Soirée électorale', href: (record) => `/resultats/suivi/${id(record)}`, permissions: [SAISIE_PERMISSION, 'resultats.election_consulter'] },
  { label: 'Saisir la participation', href: (record) => `/resultats/participation-saisie/${id(record)}`, permissions: [PARTICIPATION_PERMISSION] },
  {
    label: 'Répartition des sièges',
    href: (record) => `/resultats/sieges/${id(record)}`,
    permissions: ['resultats.election_consulter'],
    condition: (record) => isMunicipales(record['type']),
  },
  { label: 'Export préfecture', href: (record) => `/resultats/export-prefecture?election=${id(record)}`, permissions: [EXPORT_PERMISSION] },
  {
    label: 'Page publique des résultats',
    href: (record) => `/resultats/public/${Number(record['om_collectivite'])}/${id(record)}`,
    condition: (record) => record['etat'] !== 'preparation',
  },
];
