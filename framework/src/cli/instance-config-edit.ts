/**
 * Adds an application to an instance's `commun.config.ts` by a careful textual edit: one import
 * line after the last import, one name at the end of the `applications: [ … ]` list. A file of
 * another shape is left alone (the caller says what to add by hand).
 */

export type ConfigEdit =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'shape' | 'alreadyListed' };

const APPLICATIONS = /\bapplications\s*:\s*\[([^\]]*)\]/g;
/** An import statement, on one line or several (`import {\n a,\n b\n} from '…';`). */
const IMPORT = /^import\b[^;]*;[ \t]*$/gm;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function withName(list: string, identifier: string): string {
  const items = list.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) return identifier;
  if (!list.includes('\n')) return `${items.join(', ')}, ${identifier}`;
  // One name per line: the new one on its own line, indented like the others.
  const indentation = /\n([ \t]*)\S/.exec(list)?.[1] ?? '  ';
  const closing = /\n([ \t]*)$/.exec(list)?.[1] ?? '';
  return `\n${[...items, identifier].map((item) => `${indentation}${item},`).join('\n')}\n${closing}`;
}

/** End of the leading comment block (`/** … *\/` or `// …` lines), where an import can go when there is none. */
function afterLeadingComments(text: string): number {
  const leading = /^(?:\s*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*))*[ \t]*\n?/.exec(text);
  return leading?.[0].length ?? 0;
}

/** Whether an import statement already binds `identifier` (the part before `from`). */
function importsName(text: string, identifier: string): boolean {
  const word = new RegExp(`(^|[^A-Za-z0-9_$])${identifier}([^A-Za-z0-9_$]|$)`);
  return [...text.matchAll(IMPORT)].some((statement) => word.test(statement[0].split(/\sfrom\s/)[0] ?? ''));
}

export function addApplication(text: string, importLine: string, identifier: string): ConfigEdit {
  const lists = [...text.matchAll(APPLICATIONS)];
  const list = lists[0];
  if (lists.length !== 1 || list === undefined || list.index === undefined) return { ok: false, reason: 'shape' };
  const inner = list[1] ?? '';
  const items = inner.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (!items.every((item) => IDENTIFIER.test(item))) return { ok: false, reason: 'shape' };
  if (items.includes(identifier) || importsName(text, identifier)) return { ok: false, reason: 'alreadyListed' };
  const listStart = list.index + list[0].indexOf('[') + 1;
  const listEnd = list.index + list[0].length - 1;
  const edited = `${text.slice(0, listStart)}${withName(inner, identifier)}${text.slice(listEnd)}`;

  const imports = [...edited.matchAll(IMPORT)];
  const last = imports[imports.length - 1];
  const at = last?.index !== undefined ? last.index + last[0].length : afterLeadingComments(edited);
  const before = edited.slice(0, at);
  const after = edited.slice(at);
  const line = last ? `\n${importLine}` : `${importLine}\n`;
  return { ok: true, text: `${before}${line}${after}` };
}
