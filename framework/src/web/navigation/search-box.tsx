import { translator, type Locale } from '../../i18n/index.ts';

/** Longest query the global search accepts (the listings' simple search has the same limit). */
export const MAX_QUERY_LENGTH = 200;
export const SEARCH_PATH = '/recherche';

/** The header's search box (`GET /recherche?q=`), with the current query. */
export function GlobalSearchBox(props: { value: string; locale: Locale }) {
  const tr = translator(props.locale);
  return (
    <form class="recherche-globale" role="search" method="get" action={SEARCH_PATH}>
      <label for="recherche-globale" class="visuellement-cache">
        {tr('navigation.search.label')}
      </label>
      <input type="search" id="recherche-globale" name="q" value={props.value} maxlength={MAX_QUERY_LENGTH} autocomplete="off" />
      <button type="submit">{tr('navigation.search.submit')}</button>
    </form>
  );
}
