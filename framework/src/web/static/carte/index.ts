/**
 * The maps' browser bundle (`/static/carte.js`, built by esbuild, loaded by `js/carte.js` where a
 * page has a map): sets up each `[data-carte]` element, now and in the parts htmx swaps in.
 */
import { ATTRIBUTES, type MapKind } from './contract.ts';
import { setUpFieldEditor } from './field-editor.ts';
import { setUpPlanMap } from './plan-map.ts';
import { setUpRecordMap } from './record-map.ts';
import { setUpSearchMap } from './search-map.ts';

const SET_UP: Record<MapKind, (root: HTMLElement) => void> = {
  champ: setUpFieldEditor,
  fiche: setUpRecordMap,
  plan: setUpPlanMap,
  recherche: setUpSearchMap,
};

function setUpAll(scope: ParentNode): void {
  for (const element of scope.querySelectorAll<HTMLElement>(`[${ATTRIBUTES.kind}]:not([${ATTRIBUTES.ready}])`)) {
    const kind = element.getAttribute(ATTRIBUTES.kind) as MapKind | null;
    const setUp = kind ? SET_UP[kind] : undefined;
    if (!setUp) continue;
    element.setAttribute(ATTRIBUTES.ready, '');
    try {
      setUp(element);
    } catch (error) {
      // The text input and the page's links keep working without the map.
      console.error('carte :', error);
    }
  }
}

setUpAll(document);
document.addEventListener('htmx:afterSwap', (event) => {
  if (event.target instanceof HTMLElement) setUpAll(event.target);
});
