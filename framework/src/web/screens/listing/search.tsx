/**
 * The listing's search: a simple box (as-you-type with htmx, column choice) or the advanced form
 * the override declares. Both are GET forms to the listing itself, so they work without script;
 * the hidden state (sort, page size, expired rows) is refreshed out of band after each swap.
 */
import { parseFrenchDate } from '../../../records/coerce.ts';
import { visibleField } from '../../../records/visible-fields.ts';
import { frenchDate } from '../shared/index.ts';
import { criterionParameters, type ResolvedCriterion } from './criteria.ts';
import { swapAttributes, type ListingModel } from './model.ts';
import { changed, withoutCriteria, withQuery } from './state.ts';

/** Hidden inputs carrying what the search does not change. */
export function SearchState(props: { model: ListingModel; outOfBand?: boolean }) {
  const { model } = props;
  const { state } = model;
  const kept: [string, string][] = [];
  const sort = state.query.get('sort');
  if (sort) kept.push(['sort', sort]);
  if (state.query.get('per_page')) kept.push(['per_page', state.query.get('per_page') as string]);
  if (state.expired) kept.push(['expired', '1']);
  if (model.criteria && state.advanced) kept.push(['adv', '1']);
  return (
    <div id={model.ids.state} {...(props.outOfBand ? { 'hx-swap-oob': 'true' } : {})}>
      {kept.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </div>
  );
}

function formAttributes(model: ListingModel) {
  return {
    id: model.ids.form,
    class: 'listing-recherche',
    role: 'search',
    'aria-label': model.tr('listing.search.region'),
    method: 'get' as const,
    action: model.options.baseUrl,
    'hx-get': model.options.baseUrl,
    ...swapAttributes(model),
  };
}

function SimpleSearch(props: { model: ListingModel }) {
  const { model } = props;
  const { tr, state, ids } = model;
  const { object } = model;
  const labels = object.override.screens?.labels ?? {};
  const searchable = (object.override.searchColumns ?? object.meta.searchColumns)
    .map((name) => visibleField(object, name))
    .filter((field) => field !== undefined)
    .map((field) => ({ name: field.name, label: labels[field.name] ?? field.label }));
  if (searchable.length === 0) return null;
  const live = { 'hx-get': model.options.baseUrl, 'hx-include': 'closest form', 'hx-sync': 'closest form:replace', ...swapAttributes(model) };
  return (
    <form {...formAttributes(model)}>
      <SearchState model={model} />
      <div class="listing-champs">
        <p class="champ">
          <label for={`${ids.root}-q`}>{tr('listing.search.label')}</label>
          <input
            type="search"
            id={`${ids.root}-q`}
            name="q"
            value={state.q}
            maxlength={200}
            autocomplete="off"
            aria-describedby={`${ids.root}-q-aide`}
            hx-trigger="input changed delay:300ms, search"
            {...live}
          />
        </p>
        {searchable.length > 1 ? (
          <p class="champ">
            <label for={`${ids.root}-col`}>{tr('listing.search.column')}</label>
            <select id={`${ids.root}-col`} name="col" hx-trigger="change" {...live}>
              <option value="">{tr('listing.search.allColumns')}</option>
              {searchable.map((column) => (
                <option value={column.name} selected={state.col === column.name}>
                  {column.label}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="listing-boutons">
          <button type="submit">{tr('listing.search.submit')}</button>
          {model.criteria ? <a href={withQuery(model.options.baseUrl, changed(state, { adv: '1', q: null, col: null }))}>{tr('listing.search.toAdvanced')}</a> : null}
        </p>
      </div>
      <p id={`${ids.root}-q-aide`} class="aide">
        {tr('listing.search.hint')}
      </p>
    </form>
  );
}

const TRUE_WORDS = new Set(['true', 't', '1', 'oui']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'non']);

/** A date bound as typed (JJ/MM/AAAA shown for a valid date, else the text as it came). */
const shownDate = (text: string) => {
  const iso = parseFrenchDate(text);
  return iso ? frenchDate(iso) : text;
};

function Criterion(props: { model: ListingModel; criterion: ResolvedCriterion }) {
  const { model, criterion } = props;
  const { tr, state } = model;
  const id = `${model.ids.root}-critere-${criterion.field.name}`;
  const parameters = criterionParameters(criterion);
  const current = parameters.single ? (state.query.get(parameters.single) ?? '') : '';
  switch (criterion.kind) {
    case 'dateRange': {
      const hint = `${id}-format`;
      return (
        <fieldset class="listing-intervalle">
          <legend>{tr('listing.search.rangeLegend', { label: criterion.label })}</legend>
          <label for={`${id}-du`}>{tr('listing.search.from')}</label>
          <input type="text" inputmode="numeric" id={`${id}-du`} name={parameters.from} value={shownDate(state.query.get(parameters.from ?? '') ?? '')} size={10} maxlength={10} autocomplete="off" aria-describedby={hint} />
          <label for={`${id}-au`}>{tr('listing.search.to')}</label>
          <input type="text" inputmode="numeric" id={`${id}-au`} name={parameters.to} value={shownDate(state.query.get(parameters.to ?? '') ?? '')} size={10} maxlength={10} autocomplete="off" aria-describedby={hint} />
          <span id={hint} class="aide">
            {tr('listing.search.dateHint')}
          </span>
        </fieldset>
      );
    }
    case 'boolean': {
      const word = current.toLowerCase();
      return (
        <p class="champ">
          <label for={id}>{criterion.label}</label>
          <select id={id} name={parameters.single}>
            <option value="">{tr('listing.search.any')}</option>
            <option value="true" selected={TRUE_WORDS.has(word)}>
              {tr('listing.search.yes')}
            </option>
            <option value="false" selected={FALSE_WORDS.has(word)}>
              {tr('listing.search.no')}
            </option>
          </select>
        </p>
      );
    }
    case 'select':
      if (criterion.options) {
        return (
          <p class="champ">
            <label for={id}>{criterion.label}</label>
            <select id={id} name={parameters.single}>
              <option value="">{tr('listing.search.any')}</option>
              {criterion.options.map((option) => (
                <option value={option.value} selected={option.value === current}>
                  {option.label}
                </option>
              ))}
            </select>
          </p>
        );
      }
      return (
        <p class="champ">
          <label for={id}>{criterion.label}</label>
          <input type="text" inputmode="numeric" id={id} name={parameters.single} value={current} size={10} autocomplete="off" aria-describedby={`${id}-aide`} />
          <span id={`${id}-aide`} class="aide">
            {tr('listing.search.idHint')}
          </span>
        </p>
      );
    default:
      return (
        <p class="champ">
          <label for={id}>{criterion.label}</label>
          <input type="text" id={id} name={parameters.single} value={current} maxlength={200} autocomplete="off" />
        </p>
      );
  }
}

function AdvancedSearch(props: { model: ListingModel; criteria: readonly ResolvedCriterion[] }) {
  const { model } = props;
  const { tr, state } = model;
  // Plain links: the form's own fields change with them.
  const withoutSearch = { ...state, query: withoutCriteria(state.query) };
  const cleared = withQuery(model.options.baseUrl, changed(withoutSearch, { adv: '1', q: null, col: null }));
  const simple = withQuery(model.options.baseUrl, changed(withoutSearch, { adv: null }));
  return (
    <form {...formAttributes(model)}>
      <SearchState model={model} />
      <fieldset class="listing-criteres">
        <legend>{tr('listing.search.advancedLegend')}</legend>
        {props.criteria.map((criterion) => (
          <Criterion model={model} criterion={criterion} />
        ))}
      </fieldset>
      <p class="listing-boutons">
        <button type="submit">{tr('listing.search.submit')}</button>
        <a href={cleared}>{tr('listing.search.clear')}</a>
        <a href={simple}>{tr('listing.search.toSimple')}</a>
      </p>
    </form>
  );
}

export function Search(props: { model: ListingModel }) {
  const { model } = props;
  if (model.criteria && model.state.advanced) return <AdvancedSearch model={model} criteria={model.criteria} />;
  return <SimpleSearch model={model} />;
}
