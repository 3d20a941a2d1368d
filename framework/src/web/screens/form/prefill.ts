/**
 * An add form prefilled from its address (`/courrier/courrier/new?registre=depart&reponse_a=12`):
 * « Répondre » or a menu entry opens the form with some values already chosen. Only the fields the
 * add form lets the user type are taken (never read-only, hidden, locked or file fields); a column's
 * value must read as its type (else it is left out: the form starts empty there), an extra input's
 * is taken as text. Nothing is written: the service checks everything when the form is posted.
 */
import type { Locale } from '../../../i18n/index.ts';
import { coerceValue } from '../../../records/coerce.ts';
import type { FormField } from './fields.ts';
import { inputText, type FormValues } from './values.ts';

/** Longer values are not a form's prefill (and would only fill the page). */
const MAX_PREFILL_LENGTH = 2000;

const NOT_PREFILLED = new Set(['file', 'password', 'hidden', 'static']);

export function prefillFromQuery(fields: readonly FormField[], query: Readonly<Record<string, string>>, locale: Locale): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.locked || NOT_PREFILLED.has(field.widget) || !Object.hasOwn(query, field.name)) continue;
    const raw = query[field.name];
    if (raw === undefined || raw === '' || raw.length > MAX_PREFILL_LENGTH) continue;
    if (!field.field) {
      values[field.name] = raw;
      continue;
    }
    const coerced = coerceValue(field.field, raw, locale);
    if (!coerced.ok || coerced.value === null || coerced.value === undefined) continue;
    values[field.name] = inputText(field, coerced.value, locale);
  }
  return values;
}
