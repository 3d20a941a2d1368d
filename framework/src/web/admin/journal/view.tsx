import { translator, type Locale } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { displayValue } from '../../screens/shared/index.ts';
import type { ValueRow } from './values.ts';

/** One line of the entry's description: its label, its text, and a link when there is one. */
export interface JournalFact {
  readonly label: string;
  readonly text: string;
  readonly href?: string | undefined;
}

export interface JournalViewProps {
  readonly facts: readonly JournalFact[];
  readonly rows: readonly ValueRow[];
  readonly object: RegisteredObject | undefined;
  /** The update shows how many fields changed. */
  readonly isUpdate: boolean;
  readonly backHref: string;
  readonly locale: Locale;
}

function Value(props: { row: ValueRow; side: 'before' | 'after'; locale: Locale }) {
  const tr = translator(props.locale);
  const present = props.side === 'before' ? props.row.inBefore : props.row.inAfter;
  const value = props.side === 'before' ? props.row.before : props.row.after;
  if (!present) return <span class="absent">{tr('admin.journal.absent')}</span>;
  if (value === null || value === undefined || value === '') return <span class="vide">{tr('admin.journal.empty')}</span>;
  if (typeof value === 'object') return <pre>{JSON.stringify(value, null, 2)}</pre>;
  return <>{props.row.field ? displayValue(props.row.field, value, props.locale) : String(value)}</>;
}

function labelOf(row: ValueRow, object: RegisteredObject | undefined): string {
  return object?.override.screens?.labels?.[row.name] ?? row.field?.label ?? row.name;
}

/** The audit entry: who, when, what, then every value before and after, the changed ones marked. */
export function JournalView(props: JournalViewProps) {
  const tr = translator(props.locale);
  const changed = props.rows.filter((row) => row.changed).length;
  return (
    <div class="journal-entree">
      <dl class="faits-journal">
        {props.facts.map((fact) => (
          <>
            <dt>{fact.label}</dt>
            <dd>{fact.href ? <a href={fact.href}>{fact.text}</a> : fact.text}</dd>
          </>
        ))}
      </dl>
      {props.rows.length === 0 ? (
        <p>{tr('admin.journal.noValues')}</p>
      ) : (
        <>
          {props.isUpdate ? <p>{tr('admin.journal.changedCount', { count: changed })}</p> : null}
          <div class="valeurs-conteneur" role="region" aria-labelledby="valeurs-titre" tabindex={0}>
            <table class="valeurs-journal">
              <caption id="valeurs-titre">{tr('admin.journal.valuesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('admin.journal.field')}</th>
                  <th scope="col">{tr('admin.journal.before')}</th>
                  <th scope="col">{tr('admin.journal.after')}</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((row) => (
                  <tr class={row.changed ? 'modifie' : undefined}>
                    <th scope="row">
                      {labelOf(row, props.object)} <code class="nom-champ">{row.name}</code>
                      {row.changed ? <span class="marque marque-modifie">{tr('admin.journal.changed')}</span> : null}
                    </th>
                    <td>
                      <Value row={row} side="before" locale={props.locale} />
                    </td>
                    <td>
                      <Value row={row} side="after" locale={props.locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <a href={props.backHref}>{tr('admin.journal.back')}</a>
      </p>
    </div>
  );
}
