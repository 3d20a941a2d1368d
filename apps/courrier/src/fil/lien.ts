/** « Fil du courrier » on a mail's page. */
import type { RecordLink } from '../../../../framework/src/model/override.ts';

export const FIL_PAGE = 'fil';
export const filHref = (courrier: unknown): string => `/courrier/${FIL_PAGE}/${String(courrier)}`;

export const filLink: RecordLink = {
  label: 'Fil du courrier',
  href: (record) => filHref(record['courrier']),
  permissions: ['courrier.courrier_consulter', 'courrier.courrier'],
  order: 20,
};
