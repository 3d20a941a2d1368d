/** Addresses of the generator screen. */
export const GENERATOR_PATHS = {
  index: '/administration/generateur',
  app: (target: string) => `/administration/generateur/${encodeURIComponent(target)}`,
} as const;
