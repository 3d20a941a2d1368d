/**
 * The merge fields a data source declares in its help (`om_requete.merge_fields`), one a line:
 * `[nom] Nom de l'électeur`, `nom : Nom de l'électeur` or `nom`. The editor offers them.
 */
import type { MergeField } from '../../documents/sources/types.ts';

const LINE = /^\s*\[?([\p{L}_][\p{L}\p{N}_.]*)\]?\s*(?:[:=–—-]\s*)?(.*)$/u;

export function parseMergeFieldsHelp(text: string | null | undefined): MergeField[] {
  const fields: MergeField[] = [];
  const seen = new Set<string>();
  for (const line of (text ?? '').split(/\r?\n/)) {
    const match = LINE.exec(line);
    const name = match?.[1];
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const label = (match?.[2] ?? '').trim();
    fields.push({ name, label: label === '' ? name : label });
  }
  return fields;
}
