/**
 * The stored query form's parameters (a GET form: the address of a result can be bookmarked):
 * `colonne` (repeated), `tri`, `ordre`, `critere[champ]`, `critere[champ][du|au]`, `sortie`,
 * `limite`, `separateur`. Read as text; `planStoredQuery` checks every name.
 */
import type { CriterionChoice, QueryChoices } from '../../queries/index.ts';

export const PARAMS = {
  column: 'colonne',
  sort: 'tri',
  direction: 'ordre',
  output: 'sortie',
  limit: 'limite',
  separator: 'separateur',
} as const;

export const criterionParam = (field: string, part?: 'du' | 'au') => `critere[${field}]${part ? `[${part}]` : ''}`;

const CRITERION = /^critere\[([^\]]*)\](?:\[(du|au)\])?$/;

function withPart(choice: CriterionChoice | undefined, part: string | undefined, value: string): CriterionChoice {
  if (part === 'du') return { ...choice, from: value };
  if (part === 'au') return { ...choice, to: value };
  return { ...choice, value };
}

export function choicesFromQuery(query: URLSearchParams): QueryChoices {
  const criteria = new Map<string, CriterionChoice>();
  for (const [name, value] of query) {
    if (!name.startsWith('critere[')) continue;
    const match = CRITERION.exec(name);
    // `critere[nom][zz]`: named as it came, so that the refusal says which one.
    const field = match ? (match[1] ?? '') : name.slice('critere['.length).replace(/\]$/, '');
    criteria.set(field, withPart(criteria.get(field), match?.[2], value));
  }
  const single = (name: string) => query.get(name) ?? undefined;
  return {
    columns: query.getAll(PARAMS.column),
    sort: single(PARAMS.sort),
    direction: single(PARAMS.direction),
    criteria,
    output: single(PARAMS.output),
    limit: single(PARAMS.limit),
    separator: single(PARAMS.separator),
  };
}

/** The form was not filled yet (first visit): every column is ticked. */
export const isFresh = (query: URLSearchParams) => !query.has(PARAMS.column) && !query.has(PARAMS.output);
