/**
 * Reads an administrator's SQL as PostgreSQL's lexer does, far enough to tell apart what is code
 * from what is a string, a quoted name or a comment: the guard checks only the code, and `&name`
 * parameters are looked for only there (and as a whole string literal `'&idx'`, openMairie's habit).
 */

export type Token =
  | { readonly kind: 'word'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'quoted'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'parameter'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly start: number; readonly end: number };

/** Why the text cannot be read: what the administrator has to fix, and where (1-based). */
export class SqlTextError extends Error {
  constructor(
    readonly reason: 'unterminated' | 'unicodeEscape',
    readonly position: number,
  ) {
    super(reason);
  }
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

function closing(text: string, from: number, quote: string, doubled: boolean): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] !== quote) continue;
    if (doubled && text[index + 1] === quote) {
      index++;
      continue;
    }
    return index;
  }
  return -1;
}

/** `E'…'` strings: a backslash escapes the next character. */
function closingEscaped(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === "'") {
      if (text[index + 1] === "'") index++;
      else return index;
    }
  }
  return -1;
}

function blockCommentEnd(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length - 1; index++) {
    if (text[index] === '/' && text[index + 1] === '*') {
      depth++;
      index++;
    } else if (text[index] === '*' && text[index + 1] === '/') {
      depth--;
      index++;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    const next = text[index + 1] ?? '';
    const start = index;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '-' && next === '-') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = blockCommentEnd(text, index + 2);
      if (end === -1) throw new SqlTextError('unterminated', start + 1);
      index = end;
    } else if ((char === 'U' || char === 'u') && next === '&' && (text[index + 2] === "'" || text[index + 2] === '"')) {
      // Unicode escapes could spell a forbidden name in a way the guard would not read.
      throw new SqlTextError('unicodeEscape', start + 1);
    } else if ((char === 'E' || char === 'e') && next === "'") {
      const end = closingEscaped(text, index + 2);
      if (end === -1) throw new SqlTextError('unterminated', start + 1);
      tokens.push({ kind: 'string', text: text.slice(index + 2, end), start, end: end + 1 });
      index = end + 1;
    } else if (char === "'") {
      const end = closing(text, index + 1, "'", true);
      if (end === -1) throw new SqlTextError('unterminated', start + 1);
      tokens.push({ kind: 'string', text: text.slice(index + 1, end).replaceAll("''", "'"), start, end: end + 1 });
      index = end + 1;
    } else if (char === '"') {
      const end = closing(text, index + 1, '"', true);
      if (end === -1) throw new SqlTextError('unterminated', start + 1);
      tokens.push({ kind: 'quoted', text: text.slice(index + 1, end).replaceAll('""', '"'), start, end: end + 1 });
      index = end + 1;
    } else if (char === '$' && /[A-Za-z_$]/.test(next) && /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.test(text.slice(index))) {
      const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(text.slice(index))?.[0] ?? '$$';
      const end = text.indexOf(tag, index + tag.length);
      if (end === -1) throw new SqlTextError('unterminated', start + 1);
      tokens.push({ kind: 'string', text: text.slice(index + tag.length, end), start, end: end + tag.length });
      index = end + tag.length;
    } else if (char === '&' && /[A-Za-z]/.test(next)) {
      let end = index + 1;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end] ?? '')) end++;
      tokens.push({ kind: 'parameter', text: text.slice(index + 1, end), start, end });
      index = end;
    } else if (WORD_START.test(char)) {
      let end = index + 1;
      while (end < text.length && WORD_PART.test(text[end] ?? '')) end++;
      tokens.push({ kind: 'word', text: text.slice(index, end).toLowerCase(), start, end });
      index = end;
    } else {
      tokens.push({ kind: 'symbol', text: char, start, end: index + 1 });
      index++;
    }
  }
  return tokens;
}
