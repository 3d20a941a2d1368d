/**
 * A stored query's form (GET, so that a result can be bookmarked): the columns as checkboxes, the
 * sort and its order, each criterion, the output (table with a row limit, or CSV with a separator).
 * Filled again with the choices when the user comes back from a result or an error. Laid out as
 * the record forms are (`formulaire`: titled sections, one field a block, the buttons at the end).
 */
import type { Translate } from '../../i18n/index.ts';
import { parseFrenchDate } from '../../records/index.ts';
import type { FieldMeta } from '../../model/types.ts';
import { CSV_SEPARATORS, DEFAULT_LIMIT, MAX_LIMIT, OUTPUTS, type OfferedCriterion, type QueryChoices, type QueryShape } from '../../queries/index.ts';
import { frenchDate } from '../screens/shared/index.ts';
import type { ChoiceInput } from './choice-input.ts';
import { QUERY_PATHS } from './paths.ts';
import { PARAMS, criterionParam } from './query-string.ts';

export interface FormModel {
  readonly tr: Translate;
  readonly shape: QueryShape;
  readonly choices: QueryChoices;
  /** First visit: every column ticked. */
  readonly fresh: boolean;
  readonly choiceInputs: ReadonlyMap<string, ChoiceInput>;
  readonly mayDownload: boolean;
}

const DATE_KINDS = new Set(['date', 'timestamp', 'timestamptz']);
const SEPARATOR_LABELS = { ';': 'queries.form.semicolon', ',': 'queries.form.comma', '|': 'queries.form.pipe' } as const;

/** A date as typed, shown JJ/MM/AAAA when it is one. */
const shownBound = (field: FieldMeta, text: string | undefined) => {
  const iso = text !== undefined && DATE_KINDS.has(field.kind) ? parseFrenchDate(text) : undefined;
  return iso ? frenchDate(iso) : (text ?? '');
};

function Columns(props: { model: FormModel }) {
  const { tr, shape, choices, fresh } = props.model;
  return (
    <fieldset class="section">
      <legend>{tr('queries.form.columns')}</legend>
      <p class="aide" id="requete-colonnes-aide">{tr('queries.form.columnsHelp')}</p>
      <div class="grille colonnes-3">
        {shape.columns.map((field) => {
          const id = `requete-colonne-${field.name}`;
          return (
            <div class="champ champ-checkbox case">
              <input type="checkbox" id={id} name={PARAMS.column} value={field.name} checked={fresh || choices.columns.includes(field.name)} aria-describedby="requete-colonnes-aide" />{' '}
              <label for={id}>{field.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function Sort(props: { model: FormModel }) {
  const { tr, shape, choices } = props.model;
  if (shape.sorts.length === 0) return null;
  const descending = choices.direction === 'desc';
  return (
    <fieldset class="section">
      <legend>{tr('queries.form.sort')}</legend>
      <div class="grille colonnes-2">
        <div class="champ">
          <label for="requete-tri">{tr('queries.form.sortField')}</label>
          <select id="requete-tri" name={PARAMS.sort}>
            {shape.sorts.map((field) => (
              <option value={field.name} selected={choices.sort === field.name}>
                {field.label}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for="requete-ordre">{tr('queries.form.direction')}</label>
          <select id="requete-ordre" name={PARAMS.direction}>
            <option value="asc" selected={!descending}>{tr('queries.form.ascending')}</option>
            <option value="desc" selected={descending}>{tr('queries.form.descending')}</option>
          </select>
        </div>
      </div>
    </fieldset>
  );
}

function ChoiceCriterion(props: { model: FormModel; offered: OfferedCriterion; id: string; label: string }) {
  const { model, offered, id, label } = props;
  const { tr } = model;
  const name = criterionParam(offered.field.name);
  const current = model.choices.criteria.get(offered.field.name)?.value ?? '';
  const input = model.choiceInputs.get(offered.field.name) ?? { kind: 'key', target: undefined, tooMany: false };
  const required = offered.criterion.required;
  if (input.kind === 'select') {
    return (
      <div class="champ">
        <label for={id}>{label}</label>
        <select id={id} name={name} required={required}>
          <option value="">{tr(required ? 'queries.form.choose' : 'queries.form.any')}</option>
          {input.options.map((option) => (
            <option value={option.value} selected={option.value === current}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const target = input.target ?? offered.field.label;
  return (
    <div class="champ">
      <label for={id}>{label}</label>
      <input type="text" id={id} name={name} value={current} required={required} autocomplete="off" aria-describedby={`${id}-aide`} />
      <p class="aide" id={`${id}-aide`}>
        {tr(input.tooMany ? 'queries.form.tooManyChoices' : 'queries.form.keyHelp', { target })}
      </p>
    </div>
  );
}

function Criterion(props: { model: FormModel; offered: OfferedCriterion }) {
  const { model, offered } = props;
  const { tr } = model;
  const { field, criterion } = offered;
  const id = `requete-critere-${field.name}`;
  const label = criterion.required ? `${field.label} ${tr('queries.form.required')}` : field.label;
  const current = model.choices.criteria.get(field.name);
  switch (criterion.input) {
    case 'choice':
      return <ChoiceCriterion model={model} offered={offered} id={id} label={label} />;
    case 'text':
      return (
        <div class="champ">
          <label for={id}>{label}</label>
          <input type="text" id={id} name={criterionParam(field.name)} value={current?.value ?? ''} maxlength={200} required={criterion.required} autocomplete="off" aria-describedby={`${id}-aide`} />
          <p class="aide" id={`${id}-aide`}>{tr('queries.form.textHelp')}</p>
        </div>
      );
    case 'range': {
      const hint = `${id}-format`;
      const isDate = DATE_KINDS.has(field.kind);
      const inputMode = isDate ? 'numeric' : 'decimal';
      return (
        <fieldset class="listing-intervalle">
          <legend>{tr('queries.form.rangeLegend', { label })}</legend>
          <label for={`${id}-du`}>{tr('queries.form.from')}</label>
          <input type="text" inputmode={inputMode} id={`${id}-du`} name={criterionParam(field.name, 'du')} value={shownBound(field, current?.from)} size={10} autocomplete="off" aria-describedby={hint} />
          <label for={`${id}-au`}>{tr('queries.form.to')}</label>
          <input type="text" inputmode={inputMode} id={`${id}-au`} name={criterionParam(field.name, 'au')} value={shownBound(field, current?.to)} size={10} autocomplete="off" aria-describedby={hint} />
          <span id={hint} class="aide">{tr(isDate ? 'queries.form.dateHint' : 'queries.form.numberHint')}</span>
        </fieldset>
      );
    }
  }
}

function Output(props: { model: FormModel }) {
  const { tr, choices, mayDownload } = props.model;
  const csv = mayDownload && choices.output === OUTPUTS.csv;
  return (
    <fieldset class="section">
      <legend>{tr('queries.form.output')}</legend>
      <div class="champ case">
        <input type="radio" id="requete-sortie-tableau" name={PARAMS.output} value={OUTPUTS.table} checked={!csv} />{' '}
        <label for="requete-sortie-tableau">{tr('queries.form.table')}</label>
      </div>
      <div class="champ champ-detail">
        <label for="requete-limite">{tr('queries.form.limit')}</label>
        <input type="number" id="requete-limite" name={PARAMS.limit} value={choices.limit ?? String(DEFAULT_LIMIT)} min={1} max={MAX_LIMIT} step={1} aria-describedby="requete-limite-aide" />
        <p class="aide" id="requete-limite-aide">{tr('queries.form.limitHelp', { max: MAX_LIMIT })}</p>
      </div>
      {mayDownload ? (
        <>
          <div class="champ case">
            <input type="radio" id="requete-sortie-csv" name={PARAMS.output} value={OUTPUTS.csv} checked={csv} />{' '}
            <label for="requete-sortie-csv">{tr('queries.form.csv')}</label>
          </div>
          <div class="champ champ-detail">
            <label for="requete-separateur">{tr('queries.form.separator')}</label>
            <select id="requete-separateur" name={PARAMS.separator} aria-describedby="requete-separateur-aide">
              {CSV_SEPARATORS.map((separator) => (
                <option value={separator} selected={choices.separator === separator}>
                  {tr(SEPARATOR_LABELS[separator])}
                </option>
              ))}
            </select>
            <p class="aide" id="requete-separateur-aide">{tr('queries.form.separatorHelp')}</p>
          </div>
        </>
      ) : (
        <p class="aide">{tr('queries.form.csvForbidden', { object: props.model.shape.object.meta.label })}</p>
      )}
    </fieldset>
  );
}

export function FormView(props: { model: FormModel }) {
  const { model } = props;
  const { tr, shape } = model;
  return (
    <div class="requete">
      <p>{tr('queries.form.intro', { object: shape.object.meta.label })}</p>
      <form method="get" action={QUERY_PATHS.result(shape.spec.app, shape.spec.name)} class="formulaire">
        <Columns model={model} />
        <Sort model={model} />
        {shape.criteria.length > 0 && (
          <fieldset class="section">
            <legend>{tr('queries.form.criteria')}</legend>
            {shape.criteria.map((offered) => (
              <Criterion model={model} offered={offered} />
            ))}
          </fieldset>
        )}
        <Output model={model} />
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
