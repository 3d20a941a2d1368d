/** Turning table and column names into TypeScript names that compile. */

const RESERVED = new Set([
  'arguments', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'enum', 'eval', 'export', 'extends', 'false', 'finally', 'for', 'function',
  'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package',
  'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'undefined', 'var', 'void', 'while', 'with', 'yield', 'Infinity', 'NaN',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const isPlainIdentifier = (name: string) => IDENTIFIER.test(name) && !RESERVED.has(name);

/** Single quotes, or double quotes when that spares escaping (`'DB'::character varying`). */
export function quoteString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/[\\'"\u0000-\u001f\u2028\u2029]/g, (character) => {
    if (character === '"' || character === "'") return character === quote ? `\\${quote}` : character;
    switch (character) {
      case '\\':
        return '\\\\';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `${quote}${escaped}${quote}`;
}

/** An object or interface key: bare when it is a plain identifier, quoted otherwise. */
export const propertyKey = (name: string) => (isPlainIdentifier(name) ? name : quoteString(name));

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

/** `om_utilisateur` → `OmUtilisateur`; a leading digit gets a `T` before it. */
export function pascalName(name: string): string {
  const joined = words(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  if (!joined) return 'Table';
  return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

/** `om_utilisateur` → `omUtilisateur`, never a reserved word nor one of `taken`. */
export function camelName(name: string, taken: ReadonlySet<string>): string {
  const pascal = pascalName(name);
  const base = /^[A-Z]/.test(pascal) && !/^T[0-9]/.test(pascal) ? pascal.charAt(0).toLowerCase() + pascal.slice(1) : pascal;
  let candidate = base;
  for (let index = 2; RESERVED.has(candidate) || taken.has(candidate); index++) candidate = `${base}${index}`;
  return candidate;
}
