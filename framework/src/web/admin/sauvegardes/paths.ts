/** Addresses of « Administration › Sauvegardes ». */
export const BACKUP_PATHS = {
  page: '/administration/sauvegardes',
  archive: (name: string) => `/administration/sauvegardes/${encodeURIComponent(name)}`,
} as const;

/** The permission of the page: it saves and hands out every collectivité's data (migration 0027). */
export const BACKUP_PERMISSION = 'sauvegarde';
