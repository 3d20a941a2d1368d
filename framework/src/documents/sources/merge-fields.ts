/**
 * The merge fields of a source: its result's columns, labelled by `om_requete.merge_fields` when the
 * administrator wrote one (`champ: Libellé` or `[champ] Libellé` a line, as the template editor's help reads it), else from the name
 * (`date_naissance` → « Date naissance »).
 */
import type { MergeField } from './types.ts';

export function parseMergeFieldLabels(text: string | null | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  for (const line of (text ?? '').split(/\r?\n/)) {
    const match = /^\s*\[([^\]]+)\]\s*:?\s*(.+?)\s*$/.exec(line) ?? /^\s*([^\s:[\]]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (match?.[1] && match[2]) labels.set(match[1].trim(), match[2]);
  }
  return labels;
}

export function labelFromName(name: string): string {
  const words = name.replace(/[_.]+/g, ' ').trim();
  return words === '' ? name : words.charAt(0).toUpperCase() + words.slice(1);
}

export const mergeFieldsOf = (columns: readonly string[], labels: ReadonlyMap<string, string>): MergeField[] =>
  columns.map((name) => ({ name, label: labels.get(name) ?? labelFromName(name) }));
