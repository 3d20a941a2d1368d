/**
 * A voie's split into bureaux by house-number ranges (reference §3.5): each `decoupage` row gives
 * a bureau the odd numbers premier_impair…dernier_impair and the even numbers
 * premier_pair…dernier_pair of the voie; a parity may be absent (both ends null).
 *
 * `checkDecoupage` lists what is wrong with a voie's rows (errors) or worth a look (warnings:
 * numbers between two ranges that no bureau takes); `bureauOf` finds the bureau of an address.
 */

export type Parite = 'impair' | 'pair';

export interface DecoupageRange {
  readonly bureau: number;
  /** Shown in messages (the bureau's code); the id when absent. */
  readonly bureau_code?: string | null;
  readonly premier_impair: number | null;
  readonly dernier_impair: number | null;
  readonly premier_pair: number | null;
  readonly dernier_pair: number | null;
}

export type DecoupageIssueCode = 'borne_manquante' | 'borne_negative' | 'ordre' | 'parite' | 'chevauchement' | 'trou';

export interface DecoupageIssue {
  readonly severity: 'erreur' | 'avertissement';
  readonly code: DecoupageIssueCode;
  readonly parite: Parite;
  /** Positions, in the ranges given, of the rows concerned (a new row has no id yet). */
  readonly rows: readonly number[];
  readonly message: string;
}

const PARITES: readonly Parite[] = ['impair', 'pair'];

const bounds = (range: DecoupageRange, parite: Parite): [number | null, number | null] =>
  parite === 'impair' ? [range.premier_impair, range.dernier_impair] : [range.premier_pair, range.dernier_pair];

const remainder = (parite: Parite): number => (parite === 'impair' ? 1 : 0);

const hasParity = (numero: number, parite: Parite): boolean => Math.abs(numero % 2) === remainder(parite);

const bureauName = (range: DecoupageRange): string => range.bureau_code ?? String(range.bureau);

const numeros = (parite: Parite): string => (parite === 'impair' ? 'numéros impairs' : 'numéros pairs');

/** « 2 », « 2 et 3 », « 2, 3 et 4 ». */
function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Numbers of one parity from `first` to `last`, both of that parity. */
interface Span {
  readonly first: number;
  readonly last: number;
}

const spanText = (span: Span): string => (span.first === span.last ? String(span.first) : `${span.first} à ${span.last}`);

const spansCount = (spans: readonly Span[]): number => spans.reduce((count, span) => count + (span.last - span.first) / 2 + 1, 0);

/** The errors of one row for one parity; none when the parity is absent. */
function rowIssues(voie: string, range: DecoupageRange, index: number, parite: Parite): DecoupageIssue[] {
  const [first, last] = bounds(range, parite);
  if (first === null && last === null) return [];
  const bureau = bureauName(range);
  const issue = (code: DecoupageIssueCode, message: string): DecoupageIssue => ({ severity: 'erreur', code, parite, rows: [index], message });
  if (first === null || last === null) {
    const given = first ?? last;
    const which = first === null ? 'le dernier numéro' : 'le premier numéro';
    const missing = first === null ? 'le premier' : 'le dernier';
    return [issue('borne_manquante', `Le découpage de la voie « ${voie} » pour le bureau ${bureau} donne ${which} ${parite} (${given}) sans ${missing}.`)];
  }
  const issues: DecoupageIssue[] = [];
  for (const [label, value] of [['premier', first], ['dernier', last]] as const) {
    if (value < 0) {
      issues.push(issue('borne_negative', `Le ${label} numéro ${parite} du bureau ${bureau} sur la voie « ${voie} » est négatif (${value}).`));
    } else if (!hasParity(value, parite)) {
      const other = parite === 'impair' ? 'pair' : 'impair';
      issues.push(issue('parite', `Le ${label} numéro ${parite} du bureau ${bureau} sur la voie « ${voie} » est ${value}, un numéro ${other}.`));
    }
  }
  if (first > last) {
    issues.push(
      issue(
        'ordre',
        `Les ${numeros(parite)} de la voie « ${voie} » pour le bureau ${bureau} vont de ${first} à ${last} : le premier doit être inférieur ou égal au dernier.`,
      ),
    );
  }
  return issues;
}

/** The numbers of `parite` a row covers, its bounds brought inside to the parity; undefined when it covers none or is in error. */
function usableSpan(range: DecoupageRange, parite: Parite): Span | undefined {
  const [first, last] = bounds(range, parite);
  if (first === null || last === null || first < 0 || last < 0 || first > last) return undefined;
  const from = hasParity(first, parite) ? first : first + 1;
  const to = hasParity(last, parite) ? last : last - 1;
  return from <= to ? { first: from, last: to } : undefined;
}

interface Segment extends Span {
  /** Positions of the rows covering the segment. */
  readonly rows: readonly number[];
}

/** The voie's numbers of one parity cut where the set of covering rows changes, from the lowest to the highest covered. */
function segments(spans: readonly (readonly [number, Span])[]): Segment[] {
  const cuts = [...new Set(spans.flatMap(([, span]) => [span.first, span.last + 2]))].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let position = 0; position + 1 < cuts.length; position++) {
    const first = cuts[position]!;
    const last = cuts[position + 1]! - 2;
    const rows = spans.filter(([, span]) => span.first <= first && last <= span.last).map(([index]) => index);
    const previous = result[result.length - 1];
    if (previous && previous.last + 2 === first && previous.rows.join() === rows.join()) {
      result[result.length - 1] = { first: previous.first, last, rows };
    } else {
      result.push({ first, last, rows });
    }
  }
  return result;
}

function overlapMessage(voie: string, parite: Parite, span: Span, bureaux: readonly string[]): string {
  const distinct = [...new Set(bureaux)];
  const times = bureaux.length === 2 ? 'deux fois' : `${bureaux.length} fois`;
  const single = span.first === span.last;
  const subject = single ? `Le numéro ${parite} ${span.first}` : `Les ${numeros(parite)} ${spanText(span)}`;
  const verb = single ? 'est attribué' : 'sont attribués';
  const target = distinct.length === 1 ? `${times} au bureau ${distinct[0]}` : `aux bureaux ${frenchList(distinct)}`;
  return `${subject} de la voie « ${voie} » ${verb} ${target}.`;
}

function gapMessage(voie: string, parite: Parite, gaps: readonly Span[]): string {
  const list = frenchList(gaps.map(spanText));
  return spansCount(gaps) === 1
    ? `Le numéro ${parite} ${list} de la voie « ${voie} » n’est attribué à aucun bureau.`
    : `Les ${numeros(parite)} ${list} de la voie « ${voie} » ne sont attribués à aucun bureau.`;
}

/** Overlaps (errors) and, when the parity has several ranges, gaps between them (one warning). */
function coverageIssues(voie: string, ranges: readonly DecoupageRange[], parite: Parite): DecoupageIssue[] {
  const spans = ranges.flatMap((range, index) => {
    const span = usableSpan(range, parite);
    return span ? [[index, span] as const] : [];
  });
  if (spans.length < 2) return [];
  const issues: DecoupageIssue[] = [];
  const gaps: Segment[] = [];
  for (const segment of segments(spans)) {
    if (segment.rows.length === 0) gaps.push(segment);
    if (segment.rows.length < 2) continue;
    const message = overlapMessage(voie, parite, segment, segment.rows.map((index) => bureauName(ranges[index]!)));
    issues.push({ severity: 'erreur', code: 'chevauchement', parite, rows: segment.rows, message });
  }
  if (gaps.length > 0) {
    const neighbours = spans.filter(([, span]) => gaps.some((gap) => span.last + 2 === gap.first || gap.last + 2 === span.first));
    issues.push({
      severity: 'avertissement',
      code: 'trou',
      parite,
      rows: neighbours.map(([index]) => index),
      message: gapMessage(voie, parite, gaps),
    });
  }
  return issues;
}

/**
 * What is wrong with the découpage of the voie `voie` (its libellé, for the messages): for each
 * row and parity, a missing end, a negative number, an end of the other parity, a first number
 * after the last; between rows of the same parity, the numbers given to two bureaux (or twice to
 * one); as a warning, the numbers between two ranges that no bureau takes.
 * Errors first, in the order of the rows, then overlaps and gaps, odd numbers before even ones.
 */
export function checkDecoupage(voie: string, ranges: readonly DecoupageRange[]): DecoupageIssue[] {
  const issues: DecoupageIssue[] = [];
  ranges.forEach((range, index) => {
    for (const parite of PARITES) issues.push(...rowIssues(voie, range, index, parite));
  });
  for (const parite of PARITES) issues.push(...coverageIssues(voie, ranges, parite));
  return issues;
}

/**
 * The bureau of the address `numero` on a voie split by `ranges`; undefined when no range holds
 * it (or the number is not a whole number ≥ 0). Rows in error are ignored.
 * Number 0 (an address without number) goes to the even range holding 0 if any, otherwise to the
 * range that starts at the voie's lowest number, odd or even (the start of the street).
 * Overlapping ranges are refused by `checkDecoupage`; should some remain, the first given wins.
 */
export function bureauOf(ranges: readonly DecoupageRange[], numero: number): number | undefined {
  if (!Number.isInteger(numero) || numero < 0) return undefined;
  const parite: Parite = numero % 2 === 1 ? 'impair' : 'pair';
  const holding = ranges.find((range) => {
    const span = usableSpan(range, parite);
    return span !== undefined && span.first <= numero && numero <= span.last;
  });
  if (holding || numero !== 0) return holding?.bureau;
  let lowest: { bureau: number; first: number } | undefined;
  for (const range of ranges) {
    for (const side of PARITES) {
      const span = usableSpan(range, side);
      if (span && (lowest === undefined || span.first < lowest.first)) lowest = { bureau: range.bureau, first: span.first };
    }
  }
  return lowest?.bureau;
}
