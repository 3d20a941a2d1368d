/** Addresses of the stored queries' screens. */
const segment = encodeURIComponent;

export const QUERY_PATHS = {
  index: '/requetes',
  form: (app: string, name: string) => `/requetes/${segment(app)}/${segment(name)}`,
  result: (app: string, name: string) => `/requetes/${segment(app)}/${segment(name)}/resultat`,
} as const;
