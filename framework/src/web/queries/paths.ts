/** Addresses of the stored queries' screens. */
const segment = encodeURIComponent;

export const QUERY_PATHS = {
  index: '/requetes',
  form: (app: string, name: string) => `/requetes/${segment(app)}/${segment(name)}`,
  result: (app: string, name: string) => `/requetes/${segment(app)}/${segment(name)}/resultat`,
  /** An administrator's query (`om_requete` marked `reqmo`), by its key. */
  adminForm: (id: number) => `/requetes/administrateur/${id}`,
  adminResult: (id: number) => `/requetes/administrateur/${id}/resultat`,
} as const;
