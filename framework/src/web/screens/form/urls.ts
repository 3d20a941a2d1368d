/** The form engine's own addresses (outside `/:app/:table/…`, so that they clash with no record route). */
import type { RegisteredObject } from '../../../model/registry.ts';

/** Suggestions of an autocomplete field: `GET /choix/:app/:table/:field?q=`. */
export const suggestionsUrl = (object: Pick<RegisteredObject, 'app' | 'name'>, field: string) =>
  `/choix/${encodeURIComponent(object.app)}/${encodeURIComponent(object.name)}/${encodeURIComponent(field)}`;

/** Sanitised preview of rich text: `POST /apercu/texte-riche`. */
export const PREVIEW_URL = '/apercu/texte-riche';

/** The field of the preview request naming the field to preview. */
export const PREVIEW_FIELD = '_champ';
