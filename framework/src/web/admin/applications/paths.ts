/** Addresses of « Administration › Applications ». */
export const APPLICATIONS_PATHS = {
  page: '/administration/applications',
  /** The address the issue names; it leads to the page. */
  alias: '/admin/applications',
} as const;

/** Form fields: every pair the page showed, and the pairs ticked « Activée ». */
export const SHOWN_FIELD = 'affichee';
export const ENABLED_FIELD = 'activee';
