/**
 * The « Voir sur la carte » page of a search: the map (set up by `/static/carte.js`) beside the
 * list of the features it shows, the selection tools, and the links that carry the selection
 * (`filter[<field>][intersects]=<WKT>`, added by the script) to the listing, the CSV export and
 * the prints. Without JavaScript, the page says so and links back to the listing.
 */
import type { Translate } from '../../../i18n/index.ts';
import type { MapConfiguration } from '../../../maps/configuration.ts';
import type { FieldMeta } from '../../../model/types.ts';
import { ATTRIBUTES, type SearchTexts } from '../../static/carte/contract.ts';
import { mapAttributes } from './assets.ts';

export interface MapPageModel {
  readonly tr: Translate;
  readonly field: FieldMeta;
  readonly configuration: MapConfiguration;
  /** The GeoJSON of the search (the script adds the view's bbox). */
  readonly featuresUrl: string;
  /** The listing of the search. */
  readonly listHref: string;
  /** The links a selection is added to: the listing, the CSV export, the prints. */
  readonly selectionLinks: readonly { readonly label: string; readonly href: string; readonly title?: string | undefined; readonly download?: boolean }[];
}

function searchTexts(tr: Translate): SearchTexts {
  return {
    listEmpty: tr('carte.page.listEmpty'),
    listMore: tr('carte.page.listMore', { count: '{count}' }),
    limit: tr('carte.page.limit', { limit: '{limit}' }),
    loading: tr('carte.page.loading'),
    loaded: tr('carte.page.loaded', { count: '{count}' }),
    loadError: tr('carte.page.loadError'),
    open: tr('carte.page.open'),
    close: tr('carte.page.close'),
    cluster: tr('carte.page.cluster', { count: '{count}' }),
    selectionNone: tr('carte.page.selectionNone'),
    selectionDone: tr('carte.page.selectionDone'),
  };
}

/** The legend of the configured overlays that colour their features by a fixed choice. */
function Legend(props: { configuration: MapConfiguration; tr: Translate }) {
  const styled = props.configuration.overlays.filter((overlay) => overlay.style && overlay.style.legend.length > 0);
  if (styled.length === 0) return null;
  return (
    <section class="carte-legende" aria-labelledby="carte-legende-titre">
      <h2 id="carte-legende-titre">{props.tr('carte.page.legend')}</h2>
      {styled.map((overlay) => (
        <>
          <h3>{overlay.label}</h3>
          <ul>
            {(overlay.style?.legend ?? []).map((entry) => (
              <li>
                <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                  <rect x="0.5" y="0.5" width="13" height="13" fill={entry.color} stroke="#333333" />
                </svg>{' '}
                {entry.label}
              </li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

export function MapPage(props: { model: MapPageModel }) {
  const { tr, field, configuration } = props.model;
  return (
    <div
      class="carte-recherche"
      {...{
        [ATTRIBUTES.kind]: 'recherche',
        [ATTRIBUTES.features]: props.model.featuresUrl,
        [ATTRIBUTES.field]: field.name,
        [ATTRIBUTES.geometryType]: field.geometry?.type ?? 'Geometry',
        [ATTRIBUTES.texts]: JSON.stringify(searchTexts(tr)),
      }}
      {...mapAttributes(configuration)}
    >
      <p>
        <a href={props.model.listHref}>{tr('carte.page.backToList')}</a>
      </p>
      <p class="carte-sans-script">{tr('carte.page.noScript')}</p>
      <div class="carte-outils" role="group" aria-label={tr('carte.page.tools')} hidden>
        <button type="button" class="bouton-secondaire" data-carte-selection="rectangle" aria-pressed="false">
          {tr('carte.page.rectangle')}
        </button>
        <button type="button" class="bouton-secondaire" data-carte-selection="polygone" aria-pressed="false">
          {tr('carte.page.polygon')}
        </button>
        <button type="button" class="bouton-secondaire carte-effacer" disabled>
          {tr('carte.page.clear')}
        </button>
      </div>
      <p class="aide carte-consigne" hidden>
        {tr('carte.page.drawHelp')}
      </p>
      <p class="carte-etat" role="status" aria-live="polite"></p>
      <p class="carte-limite avertissement" role="status" hidden></p>
      <div class="carte-disposition">
        <div class="carte-fond" role="region" tabindex={0} aria-label={tr('carte.page.mapLabel')} hidden></div>
        <section class="carte-liste" aria-labelledby="carte-liste-titre" hidden>
          <h2 id="carte-liste-titre">{tr('carte.page.listTitle')}</h2>
          <p class="aide">{tr('carte.page.listHelp')}</p>
          <ul class="carte-elements"></ul>
          <p class="carte-plus" aria-live="polite"></p>
        </section>
      </div>
      <div class="carte-popup" role="group" aria-label={tr('carte.page.open')} hidden>
        <p class="carte-popup-titre"></p>
        <p>
          <a class="carte-popup-lien" href="#">
            {tr('carte.page.open')}
          </a>{' '}
          <button type="button" class="carte-lien-bouton carte-popup-fermer">
            {tr('carte.page.close')}
          </button>
        </p>
      </div>
      <section class="carte-selection" aria-labelledby="carte-selection-titre">
        <h2 id="carte-selection-titre">{tr('carte.page.selection')}</h2>
        <p class="carte-selection-etat" aria-live="polite">
          {tr('carte.page.selectionNone')}
        </p>
        <ul class="carte-selection-liens" hidden>
          {props.model.selectionLinks.map((link) => (
            <li>
              <a href={link.href} data-carte-base={link.href} {...(link.title ? { title: link.title } : {})} {...(link.download ? { download: true } : {})}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <Legend configuration={configuration} tr={tr} />
    </div>
  );
}
