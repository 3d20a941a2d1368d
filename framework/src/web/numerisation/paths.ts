/** Addresses of « Mes documents numérisés ». */
export const INTAKE_PATHS = {
  index: '/numerisation',
  file: (id: number) => `/numerisation/${id}/fichier`,
  remove: (id: number) => `/numerisation/${id}/supprimer`,
} as const;

/** The name of the file input (several files). */
export const FILES_FIELD = 'fichiers';
