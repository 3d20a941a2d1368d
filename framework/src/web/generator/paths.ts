/** Addresses of the generator screen. */
export const GENERATOR_PATHS = {
  index: '/administration/generateur',
  app: (target: string) => `/administration/generateur/${encodeURIComponent(target)}`,
  documents: (target: string) => `/administration/generateur/${encodeURIComponent(target)}/documents`,
} as const;
