/**
 * A record shown read-only (consulter, and the confirmation of supprimer or of an action): the
 * fields in the override's sections, each as a term and its value.
 */
import type { Row } from '../../../db/connection.ts';
import type { RecordFact } from '../../../model/override.ts';
import type { FormField } from './fields.ts';
import { layOut, type LaidOutSection } from './sections.ts';
import { StaticValue, type StaticContext } from './static-value.tsx';

function Entries(props: { section: LaidOutSection; record: Row; context: StaticContext }) {
  return (
    <dl class={`fiche grille colonnes-${props.section.columns}`}>
      {props.section.fields.map((field) => (
        <div class="ligne">
          <dt>{field.label}</dt>
          <dd>
            <StaticValue field={field} record={props.record} context={props.context} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SheetSection(props: { section: LaidOutSection; record: Row; context: StaticContext; headingLevel: 2 | 3 }) {
  const { section } = props;
  const entries = <Entries section={section} record={props.record} context={props.context} />;
  if (!section.legend) return <div class="section bloc">{entries}</div>;
  if (section.collapsible) {
    return (
      <details class="section" open={!section.collapsed}>
        <summary>{section.legend}</summary>
        {entries}
      </details>
    );
  }
  return (
    <section class="section">
      {props.headingLevel === 2 ? <h2>{section.legend}</h2> : <h3>{section.legend}</h3>}
      {entries}
    </section>
  );
}

export function RecordSheet(props: { fields: readonly FormField[]; record: Row; context: StaticContext; headingLevel?: 2 | 3 }) {
  const shown = props.fields.filter((field) => field.widget !== 'hidden');
  return (
    <div class="fiche-enregistrement">
      {layOut(props.context.object, shown).map((section) => (
        <SheetSection section={section} record={props.record} context={props.context} headingLevel={props.headingLevel ?? 2} />
      ))}
    </div>
  );
}

/** The override's computed lines (`facts`), below the fields, in the same form. */
export function RecordFacts(props: { facts: readonly RecordFact[] }) {
  if (props.facts.length === 0) return null;
  return (
    <dl class="fiche grille colonnes-1 faits">
      {props.facts.map((fact) => (
        <div class="ligne">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
