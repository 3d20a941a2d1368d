/**
 * The limited rich text of états, lettres types and their title blocks: what the editor may
 * produce, what the sanitiser keeps on save and what the PDF renderer draws. One definition for
 * the three, so that nothing the author sees is lost on paper.
 *
 * - Blocks: `p`, `h1`–`h3`, `ul`/`ol` with `li`, `table` (`thead`, `tbody`, `tr`, `th`, `td`),
 *   `br` (line break), `hr` with class `saut-de-page` (page break).
 * - Inline: `strong`/`b`, `em`/`i`, `u`, and `span` with a font size.
 * - Styles kept: `text-align` (left, center, right, justify) on blocks, `font-size` (in pt) on
 *   spans and blocks.
 * - Merge fields are plain text `[champ]`; variables are plain text `&aujourdhui`, `&ville`,
 *   `&<parametre>`.
 * - A sous-état: `<div data-sousetat="<id>"></div>` (the om_sousetat's `id`).
 * - A barcode: `<span data-code-barre="qrcode|code128|datamatrix" data-valeur="[champ]"
 *   data-taille="<mm>"></span>` (the value may hold merge fields).
 */
export const TEMPLATE_TAGS = [
  'p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 'span', 'div',
] as const;

export type TemplateTag = (typeof TEMPLATE_TAGS)[number];

export const TEXT_ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;

export const BARCODE_KINDS = ['qrcode', 'code128', 'datamatrix'] as const;
export type BarcodeKind = (typeof BARCODE_KINDS)[number];

/** The attributes each tag may keep (besides `style`, reduced to the styles above). */
export const TEMPLATE_ATTRIBUTES: Readonly<Partial<Record<TemplateTag, readonly string[]>>> = {
  hr: ['class'],
  div: ['data-sousetat'],
  span: ['data-code-barre', 'data-valeur', 'data-taille'],
  td: ['colspan'],
  th: ['colspan'],
};

/** The class of an `hr` that starts a new page. */
export const PAGE_BREAK_CLASS = 'saut-de-page';
