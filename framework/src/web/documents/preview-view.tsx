/**
 * The « Prévisualiser » page: a search for a sample record of the document's object (a GET form
 * that works without script; with htmx, as the author types, only the list is swapped and the
 * status line, a live region kept in place, says what it now offers), then the preview form: the
 * records as choices, or a key typed, and the button that returns the PDF.
 */
import type { Row } from '../../db/connection.ts';
import { translator, type Locale, type Translate } from '../../i18n/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { recordUrl } from '../screens/shared/index.ts';
import { SAMPLE_COUNT, type Samples } from './preview-samples.ts';

export const PREVIEW_ACTION = 'previsualiser';
/** The search's parameter, carried by the preview form so that a refused preview keeps the list. */
export const SEARCH_PARAMETER = 'recherche';
/** The element htmx swaps after a search: the sample list. */
export const RESULTS_ID = 'apercu-resultats';
const STATUS_ID = 'apercu-compte';

export const previewUrl = (table: string, id: unknown) => `/om/${table}/${encodeURIComponent(String(id))}/${PREVIEW_ACTION}`;

export interface PreviewForm {
  readonly document: RegisteredObject;
  readonly record: Row;
  readonly target: RegisteredObject | undefined;
  /** The author may search the object's records. */
  readonly searchable: boolean;
  readonly search: string;
  readonly samples: Samples;
  readonly chosen: string;
  readonly typed: string;
}

const documentKey = (form: PreviewForm) => form.record[form.document.meta.key ?? ''];

/** What the list offers now, in one sentence. */
export function samplesStatus(tr: Translate, form: PreviewForm): string {
  const { samples, search } = form;
  const object = form.target?.meta.label ?? '';
  if (samples.error !== undefined) return samples.error;
  if (search === '') {
    if (samples.choices.length === 0) return tr('templates.preview.sampleNone', { object });
    return samples.more ? tr('templates.preview.offeredFirst', { max: SAMPLE_COUNT }) : tr('templates.preview.offered', { count: samples.choices.length });
  }
  if (samples.choices.length === 0) return tr('templates.preview.foundNone', { object, search });
  return samples.more ? tr('templates.preview.foundMore', { max: SAMPLE_COUNT, search }) : tr('templates.preview.found', { count: samples.choices.length, search });
}

function SearchForm(props: { tr: Translate; form: PreviewForm }) {
  const { tr, form } = props;
  const url = previewUrl(form.document.name, documentKey(form));
  const swap = { 'hx-get': url, 'hx-target': `#${RESULTS_ID}`, 'hx-swap': 'outerHTML', 'hx-push-url': 'true' };
  return (
    // In a `div.formulaire` (the form's styles) rather than a `form.formulaire`: the page's one such form is the preview's.
    <div class="formulaire apercu-recherche">
      <form method="get" action={url} role="search" aria-label={tr('templates.preview.searchRegion')} {...swap}>
        <div class="champ">
          <label for="apercu-recherche">{tr('templates.preview.search', { object: form.target?.meta.label ?? '' })}</label>
          <input
            type="search"
            id="apercu-recherche"
            name={SEARCH_PARAMETER}
            value={form.search}
            maxlength={200}
            autocomplete="off"
            aria-describedby="apercu-recherche-aide"
            aria-controls={RESULTS_ID}
            hx-trigger="input changed delay:300ms, search"
            hx-include="closest form"
            hx-sync="closest form:replace"
            {...swap}
          />
          <p class="aide" id="apercu-recherche-aide">
            {tr('listing.search.hint')}
          </p>
        </div>
        <div class="boutons">
          <button type="submit">{tr('templates.preview.searchSubmit')}</button>
        </div>
      </form>
    </div>
  );
}

/** The sample list (empty: the status line says why), and the search it answers: what a search swaps. */
export function SampleResults(props: { tr: Translate; form: PreviewForm }) {
  const { tr, form } = props;
  const object = form.target?.meta.label ?? '';
  return (
    <div id={RESULTS_ID}>
      {form.search !== '' && <input type="hidden" name={SEARCH_PARAMETER} value={form.search} />}
      {form.samples.choices.length > 0 && (
        <div class="champ">
          <label for="apercu-enregistrement">{tr('templates.preview.sample', { object })}</label>
          <select id="apercu-enregistrement" name="enregistrement">
            {form.samples.choices.map((sample) => (
              <option value={sample.value} selected={sample.value === form.chosen}>
                {sample.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** The answer to htmx's search: the list, and the status line's new text (swapped into the live region in place). */
export function SearchAnswer(props: { locale: Locale; form: PreviewForm }) {
  const tr = translator(props.locale);
  return (
    <>
      <SampleResults tr={tr} form={props.form} />
      <p id={STATUS_ID} hx-swap-oob="innerHTML">
        {samplesStatus(tr, props.form)}
      </p>
    </>
  );
}

export function PreviewFormView(props: { form: PreviewForm; locale: Locale }) {
  const tr = translator(props.locale);
  const { form } = props;
  const id = documentKey(form);
  const objet = form.record['objet'];
  return (
    <div class="previsualisation">
      <p>{tr('templates.preview.intro')}</p>
      {!form.target && <p class="aide">{typeof objet === 'string' && objet !== '' ? tr('templates.preview.unknownObjet', { objet }) : tr('templates.preview.noObjet')}</p>}
      {form.target && form.searchable && <SearchForm tr={tr} form={form} />}
      {form.target && (
        <p id={STATUS_ID} role="status" class="aide">
          {samplesStatus(tr, form)}
        </p>
      )}
      <form method="get" action={previewUrl(form.document.name, id)} class="formulaire">
        <input type="hidden" name="apercu" value="1" />
        {form.target && (
          <>
            <SampleResults tr={tr} form={form} />
            <div class="champ">
              <label for="apercu-cle">{tr('templates.preview.key')}</label>
              <input type="text" id="apercu-cle" name="cle" value={form.typed} aria-describedby="apercu-cle-aide" />
              <p class="aide" id="apercu-cle-aide">{tr('templates.preview.keyHelp')}</p>
            </div>
          </>
        )}
        <div class="boutons">
          <button type="submit">{tr('templates.preview.submit')}</button>{' '}
          <a class="bouton bouton-secondaire" href={recordUrl(form.document, id)}>
            {tr('templates.preview.back')}
          </a>
        </div>
      </form>
    </div>
  );
}
