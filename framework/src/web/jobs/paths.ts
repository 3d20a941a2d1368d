/** Addresses of « Mes traitements ». */
const segment = encodeURIComponent;

export const JOB_PATHS = {
  list: '/traitements',
  page: (page: number) => (page <= 1 ? '/traitements' : `/traitements?page=${page}`),
  state: (job: string) => `/traitements/${segment(job)}/etat`,
  cancel: (job: string) => `/traitements/${segment(job)}/annuler`,
  file: (job: string, name: string) => `/traitements/${segment(job)}/fichiers/${segment(name)}`,
} as const;
