/**
 * The screens of an administrator's stored query: its form (the declared parameters, the output)
 * and its result as a table. A GET form, as the generated queries': a result can be bookmarked.
 */
import type { Locale, Translate } from '../../i18n/index.ts';
import type { SourceParameter, SourceResult, StoredSource } from '../../documents/sources/index.ts';
import { ADMIN_OUTPUTS, CSV_SEPARATORS, DEFAULT_LIMIT, MAX_LIMIT, type AdminQueryChoices } from '../../queries/index.ts';
import { cellText, isNumberCell } from './admin-cells.ts';
import { QUERY_PATHS } from './paths.ts';

export const ADMIN_PARAMS = { output: 'sortie', limit: 'limite', separator: 'separateur' } as const;
export const parameterParam = (name: string) => `parametre[${name}]`;

export function adminChoicesFromQuery(query: URLSearchParams): AdminQueryChoices {
  const params = new Map<string, string>();
  for (const [name, value] of query) {
    const match = /^parametre\[([A-Za-z0-9_]+)\]$/.exec(name);
    if (match?.[1]) params.set(match[1].toLowerCase(), value);
  }
  return {
    params,
    output: query.get(ADMIN_PARAMS.output) ?? undefined,
    limit: query.get(ADMIN_PARAMS.limit) ?? undefined,
    separator: query.get(ADMIN_PARAMS.separator) ?? undefined,
  };
}

const SEPARATOR_LABELS = { ';': 'queries.form.semicolon', ',': 'queries.form.comma', '|': 'queries.form.pipe' } as const;
const OUTPUT_LABELS = { tableau: 'queries.form.table', csv: 'queries.form.csv', xlsx: 'queries.admin.xlsx', ods: 'queries.admin.ods', pdf: 'queries.admin.pdf' } as const;

function ParameterInput(props: { tr: Translate; parameter: SourceParameter; value: string }) {
  const { tr, parameter, value } = props;
  const id = `requete-parametre-${parameter.name}`;
  const label = parameter.required ? `${parameter.label} ${tr('queries.form.required')}` : parameter.label;
  if (parameter.type === 'choix') {
    return (
      <div class="champ">
        <label for={id}>{label}</label>
        <select id={id} name={parameterParam(parameter.name)} required={parameter.required}>
          <option value="">{tr(parameter.required ? 'queries.form.choose' : 'queries.form.any')}</option>
          {parameter.choices.map((choice) => (
            <option value={choice.value} selected={choice.value === value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const hint = parameter.type === 'entier' ? tr('queries.admin.integerHint') : parameter.type === 'date' ? tr('queries.admin.dateHint') : undefined;
  return (
    <div class="champ">
      <label for={id}>{label}</label>
      <input
        type="text"
        id={id}
        name={parameterParam(parameter.name)}
        value={value}
        maxlength={200}
        required={parameter.required}
        inputmode={parameter.type === 'entier' || parameter.type === 'date' ? 'numeric' : undefined}
        autocomplete="off"
        aria-describedby={hint ? `${id}-aide` : undefined}
      />
      {hint && (
        <p class="aide" id={`${id}-aide`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function AdminFormView(props: { tr: Translate; source: StoredSource; parameters: readonly SourceParameter[]; choices: AdminQueryChoices; maxRows: number }) {
  const { tr, source, parameters, choices } = props;
  const chosen = choices.output ?? 'tableau';
  return (
    <div class="requete">
      <p>{tr('queries.admin.intro')}</p>
      {source.description && <p>{source.description}</p>}
      <form method="get" action={QUERY_PATHS.adminResult(source.om_requete)} class="formulaire">
        {parameters.length > 0 && (
          <fieldset class="section">
            <legend>{tr('queries.admin.parameters')}</legend>
            {parameters.map((parameter) => (
              <ParameterInput tr={tr} parameter={parameter} value={choices.params.get(parameter.name) ?? ''} />
            ))}
          </fieldset>
        )}
        <fieldset class="section">
          <legend>{tr('queries.form.output')}</legend>
          <p class="aide" id="requete-sortie-aide">{tr('queries.admin.downloadHelp', { max: props.maxRows })}</p>
          {ADMIN_OUTPUTS.map((output) => (
            <>
              <div class="champ case">
                <input type="radio" id={`requete-sortie-${output}`} name={ADMIN_PARAMS.output} value={output} checked={chosen === output} aria-describedby="requete-sortie-aide" />{' '}
                <label for={`requete-sortie-${output}`}>{tr(OUTPUT_LABELS[output])}</label>
              </div>
              {output === 'tableau' && (
                <div class="champ champ-detail">
                  <label for="requete-limite">{tr('queries.form.limit')}</label>
                  <input type="number" id="requete-limite" name={ADMIN_PARAMS.limit} value={choices.limit ?? String(DEFAULT_LIMIT)} min={1} max={MAX_LIMIT} step={1} aria-describedby="requete-limite-aide" />
                  <p class="aide" id="requete-limite-aide">{tr('queries.form.limitHelp', { max: MAX_LIMIT })}</p>
                </div>
              )}
              {output === 'csv' && (
                <div class="champ champ-detail">
                  <label for="requete-separateur">{tr('queries.form.separator')}</label>
                  <select id="requete-separateur" name={ADMIN_PARAMS.separator}>
                    {CSV_SEPARATORS.map((separator) => (
                      <option value={separator} selected={choices.separator === separator}>
                        {tr(SEPARATOR_LABELS[separator])}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </>
          ))}
        </fieldset>
        <div class="boutons">
          <button type="submit">{tr('queries.form.submit')}</button>{' '}
          <a class="bouton bouton-secondaire" href={QUERY_PATHS.index}>
            {tr('queries.form.back')}
          </a>
        </div>
      </form>
    </div>
  );
}

export function AdminResultView(props: { tr: Translate; locale: Locale; source: StoredSource; result: SourceResult & { more: boolean }; formHref: string }) {
  const { tr, locale, source, result } = props;
  const shown = result.rows.length;
  const summary = shown === 0 ? tr('queries.result.empty') : result.more ? tr('queries.admin.more', { shown }) : shown === 1 ? tr('queries.result.allOne') : tr('queries.result.all', { count: shown });
  const numeric = result.fields.map((field) => result.rows.length > 0 && result.rows.every((row) => row[field.name] === null || isNumberCell(row[field.name])));
  return (
    <div class="requete-resultat">
      <p class="listing-compte" id="requete-compte">{summary}</p>
      <p class="listing-boutons">
        <a href={props.formHref}>{tr('queries.result.backToForm')}</a>
      </p>
      {shown > 0 && (
        <div class="listing-defilement" role="region" aria-labelledby="requete-legende" tabindex={0}>
          <table class="listing-tableau" aria-describedby="requete-compte">
            <caption id="requete-legende">{tr('queries.result.caption', { label: source.libelle })}</caption>
            <thead>
              <tr>
                {result.fields.map((field, index) => (
                  <th scope="col" class={numeric[index] ? 'nombre' : undefined}>{field.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr>
                  {result.fields.map((field, index) => (
                    <td class={numeric[index] ? 'nombre' : undefined}>{cellText(row[field.name], tr, locale)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
