/** « Historique du correspondant » on a correspondent's page. */
import type { RecordLink } from '../../../../framework/src/model/override.ts';

export const HISTORIQUE_PAGE = 'historique-correspondant';
export const historiqueHref = (correspondant: unknown): string => `/courrier/${HISTORIQUE_PAGE}/${String(correspondant)}`;

export const historiqueLink: RecordLink = {
  label: 'Historique du correspondant',
  href: (record) => historiqueHref(record['correspondant']),
  permissions: ['courrier.courrier_tab', 'courrier.courrier_consulter', 'courrier.courrier'],
  order: 10,
};
