/**
 * A record's geometry on its consult page: a small map (set up by `/static/carte.js`) and the
 * geometry's WKT in a `<details>`, which is what screen readers and pages without JavaScript get.
 */
import { translator, type Locale } from '../../../i18n/index.ts';
import type { MapConfiguration } from '../../../maps/configuration.ts';
import { ATTRIBUTES } from '../../static/carte/contract.ts';
import type { FormField } from '../form/fields.ts';
import { mapAttributes, projectionOf, sridOf } from './assets.ts';
import { geoJsonToWkt } from './wkt.ts';

export function RecordGeometry(props: { field: FormField; value: unknown; locale: Locale; configuration: MapConfiguration | undefined }) {
  const tr = translator(props.locale);
  const srid = sridOf(props.field.field);
  const geoJson = typeof props.value === 'string' ? props.value : JSON.stringify(props.value);
  const wkt = geoJsonToWkt(props.value) ?? geoJson;
  return (
    <div class="carte-fiche" {...{ [ATTRIBUTES.kind]: 'fiche', [ATTRIBUTES.srid]: String(srid), [ATTRIBUTES.geometry]: geoJson }} {...mapAttributes(props.configuration)}>
      <div class="carte-fond" role="region" tabindex={0} aria-label={tr('carte.record.mapLabel', { label: props.field.label })} hidden></div>
      <details class="carte-wkt-details">
        <summary>{tr('carte.record.wkt', { projection: projectionOf(srid).name })}</summary>
        <code class="carte-wkt-texte">{wkt}</code>
      </details>
    </div>
  );
}
