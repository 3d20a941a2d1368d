/**
 * The limited rich text of a template (template-html.ts) read into blocks the page writer lays
 * out: paragraphs of styled runs, list items, tables, page breaks, sous-états and barcodes. Read
 * with htmlparser2 as a stream of tags; anything outside the limited set keeps its text only.
 */
import { Parser } from 'htmlparser2';
import { BARCODE_KINDS, PAGE_BREAK_CLASS, TEXT_ALIGNMENTS, type BarcodeKind } from '../template-html.ts';

export type Alignment = (typeof TEXT_ALIGNMENTS)[number];

export interface RunStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  /** In points; the document's base size when absent. */
  readonly fontSize: number | undefined;
}

/** A piece of text in one style; `\n` is a line break. */
export interface Run {
  readonly text: string;
  readonly style: RunStyle;
}

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly runs: readonly Run[];
  readonly align: Alignment;
  /** 1–3 for headings. */
  readonly heading: number | undefined;
  /** « • » or « 3. » before a list item. */
  readonly bullet: string | undefined;
  /** List depth (0 outside lists). */
  readonly depth: number;
}

export interface TableCell {
  readonly runs: readonly Run[];
  readonly header: boolean;
  readonly colspan: number;
  readonly align: Alignment;
}

export interface Table {
  readonly kind: 'table';
  readonly rows: readonly { readonly header: boolean; readonly cells: readonly TableCell[] }[];
}

export interface Barcode {
  readonly kind: 'barcode';
  readonly type: BarcodeKind;
  /** May hold merge fields. */
  readonly value: string;
  /** Width in mm (the height follows the kind). */
  readonly size: number;
  readonly align: Alignment;
}

export type Block =
  | Paragraph
  | Table
  | Barcode
  | { readonly kind: 'pageBreak' }
  | { readonly kind: 'sousetat'; readonly id: string };

const PLAIN: RunStyle = { bold: false, italic: false, underline: false, fontSize: undefined };
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'li', 'div']);
/** Never printed, even if a template was written around the sanitiser. */
const SILENT_TAGS = new Set(['script', 'style', 'template', 'title']);
const DEFAULT_BARCODE_MM = 30;

/** `font-size` in points (pt, px or a bare number), and `text-align`, from a style attribute. */
function styleOf(attribute: string | undefined): { fontSize?: number; align?: Alignment } {
  const result: { fontSize?: number; align?: Alignment } = {};
  for (const declaration of (attribute ?? '').split(';')) {
    const [property, raw] = declaration.split(':').map((part) => part.trim().toLowerCase());
    if (property === 'text-align' && (TEXT_ALIGNMENTS as readonly string[]).includes(raw ?? '')) result.align = raw as Alignment;
    if (property === 'font-size') {
      const match = /^(\d+(?:\.\d+)?)\s*(pt|px)?$/.exec(raw ?? '');
      if (match) {
        const size = Number(match[1]) * (match[2] === 'px' ? 0.75 : 1);
        if (size >= 4 && size <= 72) result.fontSize = size;
      }
    }
  }
  return result;
}

interface OpenTag {
  readonly name: string;
  readonly style: RunStyle;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  readonly #tags: OpenTag[] = [];
  readonly #lists: { ordered: boolean; count: number }[] = [];
  #runs: Run[] = [];
  #align: Alignment = 'left';
  #heading: number | undefined;
  #bullet: string | undefined;
  #table: { header: boolean; cells: TableCell[] }[] | undefined;
  #row: { header: boolean; cells: TableCell[] } | undefined;
  #cell: { runs: Run[]; header: boolean; colspan: number; align: Alignment } | undefined;
  #inHead = false;
  #silent = 0;

  get #style(): RunStyle {
    return this.#tags.at(-1)?.style ?? PLAIN;
  }

  open(name: string, attributes: Record<string, string>): void {
    if (SILENT_TAGS.has(name)) {
      this.#silent += 1;
      return;
    }
    const css = styleOf(attributes['style']);
    let style = this.#style;
    if (name === 'strong' || name === 'b' || name === 'th' || /^h[1-3]$/.test(name)) style = { ...style, bold: true };
    if (name === 'em' || name === 'i') style = { ...style, italic: true };
    if (name === 'u') style = { ...style, underline: true };
    if (css.fontSize !== undefined) style = { ...style, fontSize: css.fontSize };

    if (name === 'br') {
      this.#text('\n', true);
      return;
    }
    if (name === 'hr') {
      if ((attributes['class'] ?? '').split(/\s+/).includes(PAGE_BREAK_CLASS)) {
        this.#flush();
        this.blocks.push({ kind: 'pageBreak' });
      }
      return;
    }
    if (name === 'span' && attributes['data-code-barre'] !== undefined) {
      const type = attributes['data-code-barre'] as BarcodeKind;
      if ((BARCODE_KINDS as readonly string[]).includes(type)) {
        const align = this.#align;
        this.#flush();
        const size = Number(attributes['data-taille']);
        this.blocks.push({
          kind: 'barcode',
          type,
          value: attributes['data-valeur'] ?? '',
          size: Number.isFinite(size) && size >= 5 && size <= 200 ? size : DEFAULT_BARCODE_MM,
          align,
        });
        this.#align = align;
      }
    }
    if (name === 'div' && attributes['data-sousetat'] !== undefined) {
      this.#flush();
      this.blocks.push({ kind: 'sousetat', id: attributes['data-sousetat'] });
    }
    if (name === 'ul' || name === 'ol') {
      this.#flush();
      this.#lists.push({ ordered: name === 'ol', count: 0 });
    }
    if (name === 'table') {
      this.#flush();
      this.#table = [];
    }
    if (name === 'thead') this.#inHead = true;
    if (name === 'tr' && this.#table) this.#row = { header: this.#inHead, cells: [] };
    if ((name === 'td' || name === 'th') && this.#row) {
      const colspan = Number(attributes['colspan']);
      this.#cell = { runs: [], header: name === 'th', colspan: Number.isInteger(colspan) && colspan > 1 ? colspan : 1, align: css.align ?? 'left' };
    }
    if (BLOCK_TAGS.has(name) && !this.#cell) {
      this.#flush();
      this.#align = css.align ?? 'left';
      this.#heading = /^h[1-3]$/.test(name) ? Number(name[1]) : undefined;
      if (name === 'li') {
        const list = this.#lists.at(-1);
        if (list) {
          list.count += 1;
          this.#bullet = list.ordered ? `${list.count}.` : '•';
        }
      }
    } else if (BLOCK_TAGS.has(name) && this.#cell && this.#cell.runs.length > 0) {
      this.#text('\n', true);
    }
    this.#tags.push({ name, style });
  }

  close(name: string): void {
    if (SILENT_TAGS.has(name)) {
      this.#silent = Math.max(0, this.#silent - 1);
      return;
    }
    const index = this.#tags.map((tag) => tag.name).lastIndexOf(name);
    if (index >= 0) this.#tags.length = index;
    if (BLOCK_TAGS.has(name) && !this.#cell) this.#flush();
    if (name === 'ul' || name === 'ol') {
      this.#flush();
      this.#lists.pop();
    }
    if ((name === 'td' || name === 'th') && this.#cell && this.#row) {
      this.#row.cells.push({ ...this.#cell, runs: trimRuns(this.#cell.runs) });
      this.#cell = undefined;
    }
    if (name === 'tr' && this.#row && this.#table) {
      if (this.#row.cells.length > 0) this.#table.push(this.#row);
      this.#row = undefined;
    }
    if (name === 'thead') this.#inHead = false;
    if (name === 'table' && this.#table) {
      if (this.#table.length > 0) this.blocks.push({ kind: 'table', rows: this.#table });
      this.#table = undefined;
    }
  }

  text(raw: string): void {
    if (this.#silent > 0) return;
    // HTML's collapsing of white space, which never touches a no-break space (« 42 », n° 5).
    this.#text(raw.replace(/[ \t\n\r\f]+/g, ' '), false);
  }

  #text(text: string, verbatim: boolean): void {
    if (text === '') return;
    if (this.#table && !this.#cell) return; // whitespace between rows and cells
    const runs = this.#cell ? this.#cell.runs : this.#runs;
    if (!verbatim && text === ' ' && (runs.length === 0 || runs.at(-1)?.text.endsWith('\n'))) return;
    const last = runs.at(-1);
    if (last && sameStyle(last.style, this.#style)) runs[runs.length - 1] = { text: last.text + text, style: last.style };
    else runs.push({ text, style: this.#style });
  }

  #flush(): void {
    const runs = trimRuns(this.#runs);
    if (runs.length > 0 || this.#bullet !== undefined) {
      this.blocks.push({ kind: 'paragraph', runs, align: this.#align, heading: this.#heading, bullet: this.#bullet, depth: this.#lists.length });
    }
    this.#runs = [];
    this.#align = 'left';
    this.#heading = undefined;
    this.#bullet = undefined;
  }

  finish(): Block[] {
    this.#flush();
    return this.blocks;
  }
}

const sameStyle = (a: RunStyle, b: RunStyle) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.fontSize === b.fontSize;

/** Without the spaces at both ends (HTML's collapsing); empty runs dropped. */
function trimRuns(runs: readonly Run[]): Run[] {
  const result = runs.map((run) => ({ ...run }));
  if (result[0]) result[0] = { ...result[0], text: result[0].text.replace(/^ +/, '') };
  const last = result.length - 1;
  if (result[last]) result[last] = { ...result[last], text: result[last].text.replace(/ +$/, '') };
  return result.filter((run) => run.text !== '');
}

/** The blocks of a template's HTML (title or body). */
export function templateBlocks(html: string): Block[] {
  const builder = new BlockBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attributes) => builder.open(name, attributes),
      onclosetag: (name) => builder.close(name),
      ontext: (text) => builder.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}
