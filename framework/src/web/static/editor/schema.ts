/**
 * The editor's document: exactly the limited rich text of `documents/template-html.ts`. Alignment
 * and font size are written as classes (`aligne-centre`, `taille-14`): under our CSP a page may not
 * set `style` attributes; the server turns them into the styles it stores. Existing templates are
 * read from either form.
 */
import { Schema, type DOMOutputSpec, type Node as PMNode, type NodeSpec, type MarkSpec } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';

export const ALIGNMENTS = { left: 'aligne-gauche', center: 'aligne-centre', right: 'aligne-droite', justify: 'aligne-justifie' } as const;
export type Alignment = keyof typeof ALIGNMENTS;

/** Labels of the placeholders, from the page (`{id}`, `{kind}`, `{value}` filled in). */
export interface PlaceholderLabels {
  readonly sousetat: (id: string) => string;
  readonly barcode: (kind: string, value: string) => string;
}

function alignmentOf(dom: HTMLElement): Alignment | null {
  for (const [alignment, className] of Object.entries(ALIGNMENTS)) if (dom.classList.contains(className)) return alignment as Alignment;
  const fromStyle = dom.style.textAlign;
  return fromStyle in ALIGNMENTS ? (fromStyle as Alignment) : null;
}

const alignAttrs = (node: PMNode) => (node.attrs.align ? { class: ALIGNMENTS[node.attrs.align as Alignment] } : {});

function sizeOf(dom: HTMLElement): number | null {
  for (const className of Array.from(dom.classList)) {
    const match = /^taille-(\d{1,2})$/.exec(className);
    if (match) return Number(match[1]);
  }
  const points = /^(\d{1,2}(?:\.\d+)?)pt$/.exec(dom.style.fontSize)?.[1];
  return points ? Math.round(Number(points)) : null;
}

export function templateSchema(labels: PlaceholderLabels): Schema {
  const nodes: Record<string, NodeSpec> = {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      attrs: { align: { default: null } },
      parseDOM: [{ tag: 'p', getAttrs: (dom) => ({ align: alignmentOf(dom as HTMLElement) }) }],
      toDOM: (node): DOMOutputSpec => ['p', alignAttrs(node), 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      defining: true,
      attrs: { level: { default: 1 }, align: { default: null } },
      parseDOM: [1, 2, 3].map((level) => ({ tag: `h${level}`, getAttrs: (dom: HTMLElement) => ({ level, align: alignmentOf(dom) }) })),
      toDOM: (node): DOMOutputSpec => [`h${node.attrs.level as number}`, alignAttrs(node), 0],
    },
    bullet_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
    ordered_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ol' }], toDOM: () => ['ol', 0] },
    list_item: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
    page_break: {
      group: 'block',
      atom: true,
      selectable: true,
      parseDOM: [{ tag: 'hr' }],
      toDOM: (): DOMOutputSpec => ['hr', { class: 'saut-de-page' }],
    },
    sousetat: {
      group: 'block',
      atom: true,
      selectable: true,
      attrs: { id: { default: '' } },
      parseDOM: [{ tag: 'div[data-sousetat]', getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute('data-sousetat') ?? '' }) }],
      toDOM: (node): DOMOutputSpec => ['div', { 'data-sousetat': node.attrs.id as string, class: 'gabarit-sousetat' }, labels.sousetat(node.attrs.id as string)],
    },
    ...tableNodes({ tableGroup: 'block', cellContent: 'block+', cellAttributes: {} }),
    text: { group: 'inline' },
    barcode: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: true,
      attrs: { kind: { default: 'qrcode' }, value: { default: '' }, size: { default: '' } },
      parseDOM: [
        {
          tag: 'span[data-code-barre]',
          getAttrs: (dom) => {
            const element = dom as HTMLElement;
            return { kind: element.getAttribute('data-code-barre') ?? 'qrcode', value: element.getAttribute('data-valeur') ?? '', size: element.getAttribute('data-taille') ?? '' };
          },
        },
      ],
      toDOM: (node): DOMOutputSpec => {
        const attrs: Record<string, string> = { 'data-code-barre': node.attrs.kind as string, 'data-valeur': node.attrs.value as string, class: 'gabarit-code-barre' };
        if (node.attrs.size) attrs['data-taille'] = node.attrs.size as string;
        return ['span', attrs, labels.barcode(node.attrs.kind as string, node.attrs.value as string)];
      },
    },
    hard_break: { group: 'inline', inline: true, selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
  };
  const marks: Record<string, MarkSpec> = {
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b', getAttrs: (dom) => ((dom as HTMLElement).style.fontWeight !== 'normal' ? null : false) }],
      toDOM: () => ['strong', 0],
    },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
    underline: { parseDOM: [{ tag: 'u' }], toDOM: () => ['u', 0] },
    font_size: {
      attrs: { size: {} },
      parseDOM: [
        {
          tag: 'span',
          getAttrs: (dom) => {
            const size = sizeOf(dom as HTMLElement);
            return size === null ? false : { size };
          },
        },
      ],
      toDOM: (mark) => ['span', { class: `taille-${mark.attrs.size as number}` }, 0],
    },
  };
  return new Schema({ nodes, marks });
}
