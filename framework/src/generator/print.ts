/**
 * Prints plain data as a TypeScript literal, formatted like the hand-written code: two-space
 * indent, single quotes, trailing commas, and short flat values kept on one line.
 */
import { propertyKey, quoteString } from './names.ts';

export type Literal = string | number | boolean | null | readonly Literal[] | { readonly [key: string]: Literal | undefined };

const LINE_WIDTH = 110;
const INDENT = '  ';
/** Small records (`target`, `validity`, `geometry`) stay on one line; fields always take several. */
const MAX_INLINE_ENTRIES = 3;

const isScalar = (value: Literal) => value === null || typeof value !== 'object';
const isArray = (value: Literal): value is readonly Literal[] => Array.isArray(value);

const entriesOf = (value: { readonly [key: string]: Literal | undefined }) =>
  Object.entries(value).filter((entry): entry is [string, Literal] => entry[1] !== undefined);

/** Flat: scalars, arrays of scalars or of such arrays (`uniques`), small records of scalars. */
function isFlat(value: Literal, depth = 0): boolean {
  if (isScalar(value)) return true;
  if (depth > 1) return false;
  if (isArray(value)) return value.every((child) => isFlat(child, depth + 1));
  const entries = entriesOf(value);
  return entries.length <= MAX_INLINE_ENTRIES && entries.every(([, child]) => isScalar(child));
}

function printScalar(value: string | number | boolean | null): string {
  return typeof value === 'string' ? quoteString(value) : String(value);
}

function printInline(value: Literal): string {
  if (isScalar(value)) return printScalar(value as string | number | boolean | null);
  if (isArray(value)) return `[${value.map(printInline).join(', ')}]`;
  const entries = entriesOf(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, child]) => `${propertyKey(key)}: ${printInline(child)}`).join(', ')} }`;
}

/** `column`: where the value starts on its line, to decide whether it fits there. */
export function printLiteral(value: Literal, indent = 0, column = indent * INDENT.length): string {
  if (isScalar(value)) return printScalar(value as string | number | boolean | null);
  const inline = printInline(value);
  // The room for the trailing comma is kept.
  if (isFlat(value) && column + inline.length < LINE_WIDTH) return inline;
  const inner = INDENT.repeat(indent + 1);
  const lines = isArray(value)
    ? value.map((child) => `${inner}${printLiteral(child, indent + 1)},`)
    : entriesOf(value).map(([key, child]) => {
        const prefix = `${inner}${propertyKey(key)}: `;
        return `${prefix}${printLiteral(child, indent + 1, prefix.length)},`;
      });
  if (lines.length === 0) return isArray(value) ? '[]' : '{}';
  const [open, close] = isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join('\n')}\n${INDENT.repeat(indent)}${close}`;
}
