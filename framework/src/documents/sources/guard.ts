/**
 * The first barrier in front of an administrator's SQL: one statement that reads (`select`,
 * `with`, `values`, `table`), none of the functions that change a setting, sleep, hold a lock,
 * reach outside the database or run SQL given as text, and `&name` parameters turned into bound
 * parameters `$n` (never into text). The database is the second barrier: the read-only role, the
 * read-only transaction, row-level security and the statement time limit (sql-source.ts).
 */
import { SqlTextError, tokenize, type Token } from './sql-text.ts';

/** A refusal, with what the message needs. */
export type GuardRefusal =
  | { readonly reason: 'empty' }
  | { readonly reason: 'unterminated' | 'unicodeEscape'; readonly position: number }
  | { readonly reason: 'notSelect'; readonly word: string }
  | { readonly reason: 'severalStatements'; readonly position: number }
  | { readonly reason: 'parentheses'; readonly position: number }
  | { readonly reason: 'positional'; readonly position: number }
  | { readonly reason: 'forbiddenFunction'; readonly name: string }
  | { readonly reason: 'forbiddenWord'; readonly word: string }
  | { readonly reason: 'recursiveEmbedded' };

export interface GuardedSql {
  /** The statement with `$1`, `$2`… in place of the parameters, in the order of `parameters`. */
  readonly text: string;
  /** One name per `$n`: a parameter used twice is bound twice. */
  readonly parameters: readonly string[];
  /** A position (1-based) in `text` → the same place in the author's text. */
  readonly sourcePosition: (position: number) => number;
}

export type GuardResult = { readonly ok: true; readonly sql: GuardedSql } | { readonly ok: false; readonly refusal: GuardRefusal };

const READING_STARTS = new Set(['select', 'with', 'values', 'table']);

/** Functions a data source may never call, by exact name or by prefix (`lo_`, `dblink`…). */
const FORBIDDEN_FUNCTIONS = new Set([
  'set_config', 'pg_sleep', 'pg_sleep_for', 'pg_sleep_until', 'pg_read_file', 'pg_read_binary_file',
  'pg_stat_file', 'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'pg_rotate_logfile',
  'pg_notify', 'pg_logical_emit_message', 'pg_switch_wal', 'pg_create_restore_point', 'pg_promote',
  'query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema', 'cursor_to_xml', 'cursor_to_xmlschema',
  'database_to_xml', 'database_to_xmlschema', 'database_to_xml_and_xmlschema', 'ts_stat', 'ts_rewrite', 'pg_import_system_collations',
  'txid_current', 'pg_current_xact_id', 'nextval', 'setval', 'currval', 'lastval',
]);
const FORBIDDEN_PREFIXES = ['lo_', 'dblink', 'pg_advisory', 'pg_try_advisory', 'pg_ls_', 'pg_file_', 'pg_replication_', 'pg_create_', 'pg_drop_'];

/** Words that have no place in a reading statement (row locks, `into` a new table). */
const FORBIDDEN_WORDS = new Set(['into', 'for']);

const isForbiddenFunction = (name: string) => FORBIDDEN_FUNCTIONS.has(name) || FORBIDDEN_PREFIXES.some((prefix) => name.startsWith(prefix));

const nameOf = (token: Token) => (token.kind === 'word' ? token.text : token.kind === 'quoted' ? token.text.toLowerCase() : undefined);

function checkTokens(tokens: readonly Token[], interruptible: boolean): GuardRefusal | undefined {
  const first = tokens.find((token) => !(token.kind === 'symbol' && token.text === '('));
  if (!first) return { reason: 'empty' };
  if (first.kind !== 'word' || !READING_STARTS.has(first.text)) return { reason: 'notSelect', word: first.text };
  let depth = 0;
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1];
    if (token.kind === 'symbol') {
      if (token.text === '(') depth++;
      if (token.text === ')' && --depth < 0) return { reason: 'parentheses', position: token.start + 1 };
      if (token.text === ';') return { reason: 'severalStatements', position: token.start + 1 };
      if (token.text === '$' && next?.kind === 'symbol' && /\d/.test(next.text)) return { reason: 'positional', position: token.start + 1 };
      continue;
    }
    const name = nameOf(token);
    if (name === undefined) continue;
    // A function is a name followed by `(`; `for` also starts `for update`, never needed to read.
    if (next?.kind === 'symbol' && next.text === '(' && isForbiddenFunction(name)) {
      if (!(interruptible && name.startsWith('pg_sleep'))) return { reason: 'forbiddenFunction', name };
    }
    if (!interruptible && token.kind === 'word' && name === 'recursive') return { reason: 'recursiveEmbedded' };
    if (token.kind === 'word' && FORBIDDEN_WORDS.has(name) && !isForInsideCall(tokens, index)) return { reason: 'forbiddenWord', word: name };
  }
  if (depth !== 0) return { reason: 'parentheses', position: (tokens.at(-1)?.end ?? 0) + 1 };
  return undefined;
}

/** `substring(x from 2 for 3)`, `overlay(… for …)`: `for` inside a call's parentheses is an argument. */
function isForInsideCall(tokens: readonly Token[], index: number): boolean {
  if (tokens[index]?.text !== 'for') return false;
  let depth = 0;
  for (let back = index - 1; back >= 0; back--) {
    const token = tokens[back];
    if (token?.kind !== 'symbol') continue;
    if (token.text === ')') depth++;
    if (token.text === '(') {
      if (depth === 0) return tokens[back - 1]?.kind === 'word' && ['substring', 'overlay', 'trim'].includes(tokens[back - 1]?.text ?? '');
      depth--;
    }
  }
  return false;
}

/** A trailing `;` (and what follows it, if only blanks and comments) is the author's habit, not a second statement. */
function withoutFinalSemicolon(tokens: Token[]): Token[] {
  const last = tokens.at(-1);
  return last?.kind === 'symbol' && last.text === ';' ? tokens.slice(0, -1) : tokens;
}

/** The type a declared parameter is cast to, so that `&nom is null` can be written. */
export type SqlParameterType = 'text' | 'bigint' | 'date';

/**
 * Checks `text` and binds its parameters (cast to `types` when declared). `interruptible`: the
 * server cuts a long statement at its time limit; the embedded database cannot interrupt one, so
 * there `pg_sleep` and recursive queries (the easy endless loop) are refused.
 */
export function guardSql(text: string, options: { interruptible: boolean; types?: ReadonlyMap<string, SqlParameterType> }): GuardResult {
  let tokens: Token[];
  try {
    tokens = withoutFinalSemicolon(tokenize(text));
  } catch (error) {
    if (error instanceof SqlTextError) return { ok: false, refusal: { reason: error.reason, position: error.position } };
    throw error;
  }
  const refusal = checkTokens(tokens, options.interruptible);
  if (refusal) return { ok: false, refusal };
  const parameters: string[] = [];
  /** Where each replacement ends in the output, and how much shorter the output is from there on. */
  const shifts: { readonly after: number; readonly shift: number }[] = [];
  let output = '';
  let copied = 0;
  const end = tokens.at(-1)?.end ?? 0;
  for (const token of tokens) {
    const name = token.kind === 'parameter' ? token.text : token.kind === 'string' && /^&[A-Za-z][A-Za-z0-9_]*$/.test(token.text) ? token.text.slice(1) : undefined;
    if (name === undefined) continue;
    const lower = name.toLowerCase();
    parameters.push(lower);
    const type = options.types?.get(lower);
    output += `${text.slice(copied, token.start)}$${parameters.length}${type ? `::${type}` : ''}`;
    shifts.push({ after: output.length, shift: token.end - output.length });
    copied = token.end;
  }
  output += text.slice(copied, end);
  const sourcePosition = (position: number) => position + ([...shifts].reverse().find((entry) => position > entry.after)?.shift ?? 0);
  return { ok: true, sql: { text: output, parameters, sourcePosition } };
}
