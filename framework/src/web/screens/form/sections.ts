/**
 * The form's layout from the override's `formLayout`: fieldsets with a legend, untitled blocks,
 * 1 to 3 columns, foldable sections. Fields not named go, in order, into a last untitled block;
 * a section with no field to show is left out.
 */
import type { FormSection } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { FormField } from './fields.ts';

export interface LaidOutSection {
  readonly legend: string | undefined;
  readonly fields: readonly FormField[];
  readonly columns: 1 | 2 | 3;
  readonly collapsible: boolean;
  readonly collapsed: boolean;
}

export function layOut(object: RegisteredObject, fields: readonly FormField[]): LaidOutSection[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const placed = new Set<string>();
  const sections: LaidOutSection[] = [];
  const declared: readonly FormSection[] = object.override.screens?.formLayout ?? [];
  for (const section of declared) {
    const members = section.fields.flatMap((name) => {
      const field = byName.get(name);
      if (!field || placed.has(name)) return [];
      placed.add(name);
      return [field];
    });
    if (members.length === 0) continue;
    sections.push({
      legend: section.legend,
      fields: members,
      columns: section.columns ?? 1,
      collapsible: section.collapsible === true || section.collapsed === true,
      collapsed: section.collapsed === true,
    });
  }
  const rest = fields.filter((field) => !placed.has(field.name));
  if (rest.length > 0) sections.push({ legend: undefined, fields: rest, columns: 1, collapsible: false, collapsed: false });
  return sections;
}
