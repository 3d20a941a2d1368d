/**
 * Reads WKT and EWKT (`SRID=2154;POLYGON((…))`) in TypeScript before any SQL: a text of the wrong
 * shape is refused with a French message instead of a PostGIS parse error, and the geometry's
 * type is known (a LINESTRING is refused in a Point column before the database sees it).
 */
import type { Locale } from '../i18n/index.ts';
import { sigMessage } from './messages.ts';

/** Beyond this length a geometry is refused (a search parameter, a form field: not a data load). */
export const MAX_WKT_LENGTH = 100_000;

export type WktType = 'Point' | 'LineString' | 'Polygon' | 'MultiPoint' | 'MultiLineString' | 'MultiPolygon' | 'GeometryCollection';

const TYPES: Readonly<Record<string, WktType>> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** SRIDs a text may name: WGS 84, Web Mercator, Lambert-93, the conic conformal zones, Lambert II étendu. */
const KNOWN_SRIDS: ReadonlySet<number> = new Set([4326, 4171, 3857, 2154, 3942, 3943, 3944, 3945, 3946, 3947, 3948, 3949, 3950, 27572]);

export interface ParsedWkt {
  /** The SRID the text names (EWKT), undefined for plain WKT. */
  readonly srid: number | undefined;
  readonly type: WktType;
  /** The WKT without its `SRID=…;` prefix, upper-cased and on one line. */
  readonly wkt: string;
  readonly points: readonly (readonly [number, number])[];
}

export type WktResult = { readonly ok: true; readonly value: ParsedWkt } | { readonly ok: false; readonly detail: string };

class WktError extends Error {}

type Point = readonly [number, number];

/** A recursive-descent reader over the upper-cased text. */
class Reader {
  private position = 0;
  readonly points: Point[] = [];

  constructor(
    private readonly text: string,
    private readonly locale: Locale | undefined,
  ) {}

  private fail(what: 'nombre' | 'parentheseOuvrante' | 'parentheseFermante' | 'finAttendue'): never {
    const attendu = sigMessage(`detail.${what}`, undefined, this.locale);
    throw new WktError(sigMessage('detail.attendu', { attendu, position: this.position + 1 }, this.locale));
  }

  private skip(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position] ?? '')) this.position++;
  }

  private peek(): string {
    this.skip();
    return this.text[this.position] ?? '';
  }

  private expect(char: '(' | ')'): void {
    if (this.peek() !== char) this.fail(char === '(' ? 'parentheseOuvrante' : 'parentheseFermante');
    this.position++;
  }

  /** `,` then true, or `)` then false. */
  private more(): boolean {
    const next = this.peek();
    this.position++;
    if (next === ',') return true;
    if (next === ')') return false;
    this.position--;
    return this.fail('parentheseFermante');
  }

  word(): string {
    this.skip();
    const match = /^[A-Z]+/.exec(this.text.slice(this.position));
    this.position += match?.[0].length ?? 0;
    return match?.[0] ?? '';
  }

  private number(): number {
    this.skip();
    const match = /^[-+]?(\d+(\.\d*)?|\.\d+)(E[-+]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) this.fail('nombre');
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail('nombre');
    this.position += match[0].length;
    return value;
  }

  private point(): Point {
    const point: Point = [this.number(), this.number()];
    const next = this.peek();
    if (/^[-+\d.]$/.test(next)) throw new WktError(sigMessage('detail.coordonnees', { position: this.position + 1 }, this.locale));
    if (next !== ',' && next !== ')') this.fail('parentheseFermante');
    this.points.push(point);
    return point;
  }

  private list<T>(item: () => T): T[] {
    this.expect('(');
    const items = [item()];
    while (this.more()) items.push(item());
    return items;
  }

  private line(): Point[] {
    const points = this.list(() => this.point());
    if (points.length < 2) throw new WktError(sigMessage('detail.ligneCourte', undefined, this.locale));
    return points;
  }

  private ring(): void {
    const points = this.list(() => this.point());
    const [first, last] = [points[0], points[points.length - 1]];
    if (points.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      throw new WktError(sigMessage('detail.anneauOuvert', undefined, this.locale));
    }
  }

  private polygon(): void {
    this.list(() => this.ring());
  }

  /** `MULTIPOINT(1 2, 3 4)` and `MULTIPOINT((1 2), (3 4))` are both WKT. */
  private multiPointMember(): void {
    if (this.peek() === '(') {
      this.position++;
      this.point();
      this.expect(')');
    } else this.point();
  }

  geometry(): WktType {
    const word = this.word();
    const type = TYPES[word];
    if (!type) throw new WktError(sigMessage('detail.typeInconnu', { type: word.slice(0, 30) || this.text.slice(this.position, this.position + 10) }, this.locale));
    const after = this.word();
    if (after === 'EMPTY') throw new WktError(sigMessage('detail.vide2', undefined, this.locale));
    if (after !== '') throw new WktError(sigMessage('detail.coordonnees', { position: this.position }, this.locale));
    switch (type) {
      case 'Point':
        this.expect('(');
        this.point();
        this.expect(')');
        break;
      case 'LineString':
        this.line();
        break;
      case 'Polygon':
        this.polygon();
        break;
      case 'MultiPoint':
        this.list(() => this.multiPointMember());
        break;
      case 'MultiLineString':
        this.list(() => this.line());
        break;
      case 'MultiPolygon':
        this.list(() => this.polygon());
        break;
      case 'GeometryCollection':
        this.list(() => this.geometry());
        break;
    }
    return type;
  }

  end(): void {
    if (this.peek() !== '') this.fail('finAttendue');
  }
}

/** Reads WKT or EWKT; `allowedSrid` is accepted besides the usual ones (the column's own). */
export function parseWkt(raw: string, locale?: Locale, allowedSrid?: number): WktResult {
  if (raw.length > MAX_WKT_LENGTH) return { ok: false, detail: sigMessage('detail.tropLong', { max: MAX_WKT_LENGTH.toLocaleString('fr-FR') }, locale) };
  const text = raw.trim().toUpperCase();
  if (text === '') return { ok: false, detail: sigMessage('detail.vide', undefined, locale) };
  const prefix = /^SRID\s*=\s*(\d{1,6})\s*;/.exec(text);
  const srid = prefix ? Number(prefix[1]) : undefined;
  if (srid !== undefined && !KNOWN_SRIDS.has(srid) && srid !== allowedSrid) return { ok: false, detail: sigMessage('detail.srid', { srid }, locale) };
  const body = prefix ? text.slice(prefix[0].length).trim() : text;
  const reader = new Reader(body, locale);
  try {
    const type = reader.geometry();
    reader.end();
    return { ok: true, value: { srid, type, wkt: body.replace(/\s+/g, ' '), points: reader.points } };
  } catch (error) {
    if (error instanceof WktError) return { ok: false, detail: error.message };
    throw error;
  }
}

/** Every point is a WGS 84 longitude and latitude. */
export const withinWgs84 = (parsed: ParsedWkt): boolean =>
  parsed.points.every(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
