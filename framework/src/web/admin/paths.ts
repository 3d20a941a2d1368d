/** Addresses of the administration screens that are not an object's listing or form. */
export const ADMIN_PATHS = {
  /** Profile × permission matrix. */
  matrix: '/administration/droits',
  /** One audit entry, before and after side by side. */
  journal: (id: unknown) => `/administration/journal/${encodeURIComponent(String(id))}`,
  /** The signed-in user's API tokens. */
  tokens: '/compte/jetons',
  revokeToken: (id: number) => `/compte/jetons/${id}/revoquer`,
} as const;
