/**
 * The HTML of états and lettres types made safe, from the one definition of `template-html.ts`:
 * on save (`sanitizeTemplateHtml`: the hooks of om_etat and om_lettretype, so that forms, the API
 * and imports all go through it) and on display (`templateDisplayHtml`: the consult page, where
 * the strict Content-Security-Policy refuses `style` attributes, so alignment and size become
 * classes, and sous-états and barcodes show what they are).
 */
import sanitize from 'sanitize-html';
import { t, type Locale } from '../i18n/index.ts';
import { BARCODE_KINDS, PAGE_BREAK_CLASS, TEMPLATE_ATTRIBUTES, TEMPLATE_TAGS, TEXT_ALIGNMENTS } from './template-html.ts';

/** The sizes the editor offers (pt); the consult page has a class for each. */
export const TEMPLATE_FONT_SIZES = [8, 9, 10, 11, 12, 14, 16, 18, 20, 24, 28, 36] as const;

/** Classes the editor writes (a browser under our CSP cannot write `style`), read back as styles. */
const ALIGNMENT_CLASSES: Readonly<Record<string, (typeof TEXT_ALIGNMENTS)[number]>> = {
  'aligne-gauche': 'left',
  'aligne-centre': 'center',
  'aligne-droite': 'right',
  'aligne-justifie': 'justify',
};
const CLASS_OF_ALIGNMENT = Object.fromEntries(Object.entries(ALIGNMENT_CLASSES).map(([name, value]) => [value, name]));
const SIZE_CLASS = /^taille-(\d{1,2})$/;
const SOUSETAT_ID = /^[A-Za-z0-9_.-]{1,50}$/;
const BARCODE_SIZE = /^\d{1,3}$/;
const COLSPAN = /^[1-9]\d?$/;

type Attributes = Record<string, string>;

/** `font-size: 14pt` from a size in points, when it is a sensible one (4 to 99). */
const fontSize = (points: number) => (Number.isFinite(points) && points >= 4 && points < 100 ? `${points}pt` : undefined);

/** The editor's classes turned into the styles the renderer reads; other classes dropped. */
function classesToStyle(attribs: Attributes): Attributes {
  const classes = (attribs.class ?? '').split(/\s+/).filter(Boolean);
  if (classes.length === 0) return attribs;
  const styles = (attribs.style ?? '').trim() === '' ? [] : [attribs.style as string];
  for (const name of classes) {
    const alignment = ALIGNMENT_CLASSES[name];
    if (alignment) styles.push(`text-align: ${alignment}`);
    const size = SIZE_CLASS.exec(name)?.[1];
    const points = size === undefined ? undefined : fontSize(Number(size));
    if (points) styles.push(`font-size: ${points}`);
  }
  const { class: _classes, ...rest } = attribs;
  return styles.length > 0 ? { ...rest, style: styles.join('; ') } : rest;
}

/** Keeps the special attributes of a tag only when their values are what the renderer expects. */
function checkedSpecials(tag: string, attribs: Attributes): Attributes {
  const result = { ...attribs };
  if (tag === 'div' && result['data-sousetat'] !== undefined && !SOUSETAT_ID.test(result['data-sousetat'])) delete result['data-sousetat'];
  if (tag === 'span' && result['data-code-barre'] !== undefined) {
    if (!(BARCODE_KINDS as readonly string[]).includes(result['data-code-barre'])) {
      delete result['data-code-barre'];
      delete result['data-valeur'];
      delete result['data-taille'];
    } else if (result['data-taille'] !== undefined && !BARCODE_SIZE.test(result['data-taille'])) delete result['data-taille'];
  }
  if ((tag === 'td' || tag === 'th') && result.colspan !== undefined && !COLSPAN.test(result.colspan)) delete result.colspan;
  return result;
}

const isPlaceholder = (tag: string, attribs: Attributes) =>
  (tag === 'div' && attribs['data-sousetat'] !== undefined) || (tag === 'span' && attribs['data-code-barre'] !== undefined);

const ALLOWED_ATTRIBUTES: Record<string, string[]> = { '*': ['style'] };
for (const [tag, names] of Object.entries(TEMPLATE_ATTRIBUTES)) ALLOWED_ATTRIBUTES[tag] = [...names, 'style'];
// The page break's class is kept by `allowedClasses`, no other.
ALLOWED_ATTRIBUTES.hr = [];

const STORED: sanitize.IOptions = {
  allowedTags: [...TEMPLATE_TAGS],
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedClasses: { hr: [PAGE_BREAK_CLASS] },
  allowedStyles: {
    '*': {
      'text-align': [new RegExp(`^(${TEXT_ALIGNMENTS.join('|')})$`)],
      'font-size': [/^\d{1,2}(\.\d{1,2})?pt$/],
    },
  },
  allowedSchemes: [],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    '*': (tagName, attribs) => {
      const keepClass = tagName === 'hr' && (attribs.class ?? '').split(/\s+/).includes(PAGE_BREAK_CLASS);
      const styled = classesToStyle(attribs);
      const checked = checkedSpecials(tagName, keepClass ? { ...styled, class: PAGE_BREAK_CLASS } : styled);
      // A sous-état or a barcode is an empty placeholder: the editor's label inside is not kept.
      return isPlaceholder(tagName, checked) ? { tagName, attribs: checked, text: '' } : { tagName, attribs: checked };
    },
  },
};

/** The template HTML as it is saved: only the tags, attributes and styles of `template-html.ts`. */
export function sanitizeTemplateHtml(html: string): string {
  // sanitize-html's `text` replaces only text nodes: tags inside a placeholder are cut here, and
  // the second pass drops a closing tag this may leave unpaired.
  const emptied = sanitize(html, STORED)
    .replace(/(<div\b[^>]*\bdata-sousetat="[^"]*"[^>]*>)[\s\S]*?(<\/div>)/g, '$1$2')
    .replace(/(<span\b[^>]*\bdata-code-barre="[^"]*"[^>]*>)[\s\S]*?(<\/span>)/g, '$1$2');
  return sanitize(emptied, STORED);
}

/** The class of the consult page for a font size: the nearest size the editor offers. */
function sizeClass(points: number): string {
  let nearest: number = TEMPLATE_FONT_SIZES[0];
  for (const size of TEMPLATE_FONT_SIZES) if (Math.abs(size - points) < Math.abs(nearest - points)) nearest = size;
  return `taille-${nearest}`;
}

/** `text-align: center; font-size: 14pt` → `aligne-centre taille-14`. */
function styleToClasses(style: string | undefined): string[] {
  const classes: string[] = [];
  for (const declaration of (style ?? '').split(';')) {
    const [property = '', value = ''] = declaration.split(':').map((part) => part.trim().toLowerCase());
    if (property === 'text-align' && CLASS_OF_ALIGNMENT[value]) classes.push(CLASS_OF_ALIGNMENT[value] as string);
    if (property === 'font-size') {
      const points = Number.parseFloat(value);
      if (Number.isFinite(points)) classes.push(sizeClass(points));
    }
  }
  return classes;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The template HTML for a page (consult): sanitised again, styles as classes (no inline style
 * under our CSP), a sous-état and a barcode as a labelled box.
 */
export function templateDisplayHtml(html: string, locale?: Locale): string {
  const classed = sanitize(sanitizeTemplateHtml(html), {
    allowedTags: [...TEMPLATE_TAGS],
    // Only the classes written below: the first pass dropped the others (but the page break's).
    allowedAttributes: { ...ALLOWED_ATTRIBUTES, '*': ['class'] },
    allowedSchemes: [],
    transformTags: {
      '*': (tagName, attribs) => {
        const classes = styleToClasses(attribs.style);
        if (tagName === 'hr' && attribs.class === PAGE_BREAK_CLASS) classes.push(PAGE_BREAK_CLASS);
        if (tagName === 'div' && attribs['data-sousetat'] !== undefined) classes.push('gabarit-sousetat');
        if (tagName === 'span' && attribs['data-code-barre'] !== undefined) classes.push('gabarit-code-barre');
        const { style: _style, class: _class, ...rest } = attribs;
        return { tagName, attribs: classes.length > 0 ? { ...rest, class: classes.join(' ') } : rest };
      },
    },
  });
  // The placeholders are empty: their label is written in (attribute values are already escaped).
  return classed
    .replace(/(<div data-sousetat="([^"]*)"[^>]*>)(<\/div>)/g, (_, open: string, id: string, close: string) =>
      `${open}${escapeText(t('templates.display.sousetat', { id }, locale))}${close}`,
    )
    .replace(/(<span data-code-barre="([^"]*)"(?: data-valeur="([^"]*)")?[^>]*>)(<\/span>)/g, (_, open: string, kind: string, value: string | undefined, close: string) => {
      const name = (BARCODE_KINDS as readonly string[]).includes(kind) ? t(`templates.barcode.${kind as (typeof BARCODE_KINDS)[number]}`, undefined, locale) : kind;
      return `${open}${escapeText(t('templates.display.barcode', { kind: name, value: '\u0000' }, locale)).replace('\u0000', value ?? '')}${close}`;
    });
}
