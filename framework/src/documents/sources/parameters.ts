/**
 * The parameters an administrator declares for a source (`om_requete.parametres`), one a line:
 * `nom: type Libellé`, type among `texte`, `entier`, `date`, `choix(valeur=Libellé|…)`; a `*`
 * after the type makes it required (`bureau: choix(1=Bureau 1|2=Bureau 2)* Bureau`). A stored
 * query asks for them in its form; `&nom` in the SQL receives the value, always bound.
 */
import { t, type Locale } from '../../i18n/index.ts';
import { parseFrenchDate } from '../../records/index.ts';
import { SourceError } from './errors.ts';
import type { SourceParams } from './types.ts';

export type ParameterType = 'texte' | 'entier' | 'date' | 'choix';

export interface SourceParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly label: string;
  readonly required: boolean;
  /** For `choix`. */
  readonly choices: readonly { readonly value: string; readonly label: string }[];
}

const LINE = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*:\s*(texte|entier|date|choix\(([^)]*)\))(\*?)\s*(.*?)\s*$/;

export function parseParameters(text: string | null | undefined, locale?: Locale): SourceParameter[] {
  const parameters: SourceParameter[] = [];
  for (const [index, line] of (text ?? '').split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) throw new SourceError(t('sources.errors.badParameters', { line: index + 1, text: line.trim() }, locale));
    const [, name = '', written = '', choiceText, star, label] = match;
    const type = (written.startsWith('choix') ? 'choix' : written) as ParameterType;
    const choices = (choiceText ?? '')
      .split('|')
      .filter((part) => part.trim() !== '')
      .map((part) => {
        const [value = '', shown] = part.split('=');
        return { value: value.trim(), label: (shown ?? value).trim() };
      });
    parameters.push({ name: name.toLowerCase(), type, label: label || name, required: star === '*', choices });
  }
  return parameters;
}

/**
 * The values typed in a form, checked against the declarations: French messages, all together.
 * Empty optional values are null (the SQL can test `&nom is null`).
 */
export function readParameterValues(
  declared: readonly SourceParameter[],
  typed: ReadonlyMap<string, string>,
  locale?: Locale,
): { readonly ok: true; readonly params: SourceParams } | { readonly ok: false; readonly errors: readonly string[] } {
  const params: Record<string, string | number | null> = {};
  const errors: string[] = [];
  for (const parameter of declared) {
    const text = typed.get(parameter.name)?.trim() ?? '';
    const label = parameter.label;
    if (text === '') {
      if (parameter.required) errors.push(t('sources.parameters.required', { label }, locale));
      params[parameter.name] = null;
      continue;
    }
    if (parameter.type === 'entier') {
      if (!/^-?\d{1,15}$/.test(text)) errors.push(t('sources.parameters.notInteger', { label }, locale));
      else params[parameter.name] = Number(text);
    } else if (parameter.type === 'date') {
      const iso = parseFrenchDate(text);
      if (!iso) errors.push(t('sources.parameters.notDate', { label }, locale));
      else params[parameter.name] = iso;
    } else if (parameter.type === 'choix') {
      if (!parameter.choices.some((choice) => choice.value === text)) errors.push(t('sources.parameters.notChoice', { label }, locale));
      else params[parameter.name] = text;
    } else {
      params[parameter.name] = text;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params };
}
