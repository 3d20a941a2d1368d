/** Addresses of « Administration › Import ». */
const segment = encodeURIComponent;

export const IMPORT_PATHS = {
  index: '/import',
  spec: (app: string, name: string) => `/import/${segment(app)}/${segment(name)}`,
  template: (app: string, name: string) => `/import/${segment(app)}/${segment(name)}/modele.csv`,
  follow: (job: string) => `/import/suivi/${segment(job)}`,
  rejects: (job: string) => `/import/suivi/${segment(job)}/rejets.csv`,
} as const;
