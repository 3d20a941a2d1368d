/**
 * A form's geometry field: the map where the user draws (set up by `/static/carte.js`), and the
 * labelled WKT textarea the form posts, with the expected format in its help. Without JavaScript,
 * or in a projection the maps do not draw, the textarea alone does the job.
 */
import { can } from '../../../access/permissions.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import type { MapConfiguration } from '../../../maps/configuration.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { Actor } from '../../../access/actor.ts';
import { ATTRIBUTES } from '../../static/carte/contract.ts';
import type { FormField } from '../form/fields.ts';
import { geometryTypeOf, mapAttributes, projectionOf, sridOf } from './assets.ts';
import { geometryFields } from '../../../maps/geojson.ts';
import { geoJsonUrl } from './urls.ts';
import { geoJsonToWkt } from './wkt.ts';

type Drawn = 'Point' | 'LineString' | 'Polygon';

/** The drawing tools a column's type offers: its own (simple or multi), all three for `Geometry`. */
function drawnTypes(type: string): Drawn[] {
  const simple = type.toLowerCase().replace(/[zm]+$/, '').replace(/^multi/, '');
  if (simple === 'point') return ['Point'];
  if (simple === 'linestring') return ['LineString'];
  if (simple === 'polygon') return ['Polygon'];
  return ['Point', 'LineString', 'Polygon'];
}

const DRAW_KEYS = { Point: 'point', LineString: 'line', Polygon: 'polygon' } as const;

/** The format help of a geometry field (its id is added to the textarea's description). */
export function geometryHelp(field: FormField, locale: Locale): string {
  const tr = translator(locale);
  const type = geometryTypeOf(field.field);
  const { name, example } = projectionOf(sridOf(field.field));
  const drawn = drawnTypes(type);
  const main =
    drawn.length > 1 ? tr('carte.field.help.any', { projection: name }) : tr(`carte.field.help.${DRAW_KEYS[drawn[0] ?? 'Point']}`, { projection: name, example });
  const multi = /^multi/i.test(type) ? ` ${tr('carte.field.help.multi')}` : '';
  return `${main}${multi} ${tr('carte.field.help.ewkt')}`;
}

export function GeometryInput(props: {
  readonly field: FormField;
  readonly value: string;
  readonly locale: Locale;
  readonly ids: { readonly input: string };
  readonly common: Record<string, string>;
  readonly formatId: string;
  readonly map: { readonly configuration: MapConfiguration | undefined; readonly object: RegisteredObject; readonly actor: Actor } | undefined;
}) {
  const { field, locale, ids } = props;
  const tr = translator(locale);
  // The record service reads geometry as GeoJSON: the text field shows it as WKT in the column's SRID.
  const text = geoJsonToWkt(props.value) ?? props.value;
  const object = props.map?.object;
  const neighbours = object && props.map && can(props.map.actor, object, 'tab') ? { [ATTRIBUTES.features]: geoJsonUrl(object, field.name) } : {};
  const localisateur = object?.override.localiser;
  const localisable = object && localisateur && (localisateur.champGeometrie ?? geometryFields(object)[0]?.name) === field.name;
  const localiser = localisable
    ? { [ATTRIBUTES.localiser]: `/${object.app}/${object.name}/localiser`, [ATTRIBUTES.localiserFields]: JSON.stringify(localisateur.champs) }
    : {};
  return (
    <div
      class="carte-champ"
      {...{ [ATTRIBUTES.kind]: 'champ', [ATTRIBUTES.srid]: String(sridOf(field.field)), [ATTRIBUTES.geometryType]: geometryTypeOf(field.field) }}
      {...mapAttributes(props.map?.configuration)}
      {...neighbours}
      {...localiser}
      {...{ [ATTRIBUTES.texts]: JSON.stringify({ invalid: tr('carte.field.invalid'), localiserError: tr('carte.localiser.error') }) }}
    >
      <div class="carte-outils" hidden>
        {drawnTypes(geometryTypeOf(field.field)).map((type) => (
          <button type="button" class="bouton-secondaire" data-carte-dessin={type} aria-pressed="false" aria-controls={`${ids.input}-carte`}>
            {tr(`carte.field.draw.${DRAW_KEYS[type]}`)}
          </button>
        ))}
        <button type="button" class="bouton-secondaire carte-supprimer">
          {tr('carte.field.remove')}
        </button>
        {localisable ? (
          <button type="button" class="bouton-secondaire carte-localiser" hidden>
            {tr('carte.localiser.button')}
          </button>
        ) : null}
      </div>
      {localisable ? <p class="aide carte-localisation" role="status"></p> : null}
      <div class="carte-fond" id={`${ids.input}-carte`} role="region" tabindex={0} aria-label={tr('carte.field.mapLabel', { label: field.label })} hidden></div>
      <p class="aide carte-consigne" hidden>
        {tr('carte.field.cancel')}
      </p>
      <textarea {...props.common} rows={3} class="carte-wkt" spellcheck={false} autocomplete="off">
        {text}
      </textarea>
      <p id={props.formatId} class="aide">
        {geometryHelp(field, locale)}
      </p>
      <p class="erreur-champ carte-erreur" role="alert" hidden></p>
    </div>
  );
}
