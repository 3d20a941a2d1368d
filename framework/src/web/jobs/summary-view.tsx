/**
 * « Où en était le traitement »: the summary a job saved with its last committed batch (the
 * import's lines created and updated, the ranges of lines whose batches were committed, the last
 * line, the rejects), for a job that did not end normally.
 */
import type { MessageKey, Translate } from '../../i18n/index.ts';

const COUNTS: readonly (readonly [key: string, label: MessageKey])[] = [
  ['imported', 'traitements.follow.written'],
  ['updated', 'traitements.follow.updated'],
  ['rejected', 'traitements.follow.rejected'],
  ['lastLine', 'traitements.follow.lastLine'],
];

type Range = readonly [number, number];

const isRange = (value: unknown): value is Range =>
  Array.isArray(value) && value.length === 2 && value.every((bound) => Number.isInteger(bound));

/** « lignes 2 à 5001, ligne 5003 »: the batches committed, as the job saved them. */
function rangesText(tr: Translate, ranges: unknown): string | undefined {
  if (!Array.isArray(ranges) || ranges.length === 0 || !ranges.every(isRange)) return undefined;
  return ranges.map(([first, last]) => tr('traitements.follow.range', { first, last })).join(', ');
}

export function JobSummary(props: { tr: Translate; summary: Readonly<Record<string, unknown>> | undefined }) {
  const { tr, summary } = props;
  const rows: (readonly [string, string | number])[] = COUNTS.flatMap(([key, label]) =>
    typeof summary?.[key] === 'number' ? [[tr(label), summary[key] as number] as const] : [],
  );
  const ranges = rangesText(tr, summary?.writtenRanges);
  if (ranges !== undefined) rows.splice(2, 0, [tr('traitements.follow.ranges'), ranges]);
  if (rows.length === 0) return <p>{tr('traitements.follow.noneWritten')}</p>;
  return (
    <table class="import-table traitement-bilan">
      <caption>{tr('traitements.follow.summaryCaption')}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td class={typeof value === 'number' ? 'nombre' : undefined}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
