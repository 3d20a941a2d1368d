/**
 * The input of an état's or a lettre type's title or body: a textarea of HTML, which the editor
 * (`/static/editeur-gabarit.js`, loaded by the form) replaces by a rich-text editor with its
 * toolbar. Without JavaScript the textarea stays and works; with it, the editor writes the HTML
 * back into the textarea, so the form posts it as any other field.
 */
import { translator, type Locale } from '../../../i18n/index.ts';
import { TEMPLATE_FONT_SIZES } from '../../../documents/template-sanitize.ts';
import { BARCODE_KINDS } from '../../../documents/template-html.ts';
import { assetUrl } from '../../static/routes.ts';
import { TEMPLATE_FIELDS_URL, TEMPLATE_SOUSETATS_URL } from '../../templates/urls.ts';
import type { FormField } from './fields.ts';

/** The form field naming the data source whose merge fields the editor offers. */
const SOURCE_FIELD = 'om_sql';

/** What the editor needs, in French or the page's language: addresses, texts, choices. */
function editorConfig(field: FormField, locale: Locale) {
  const tr = translator(locale);
  const texts = {
    toolbar: tr('templates.editor.toolbar', { label: field.label }),
    area: tr('templates.editor.area', { label: field.label }),
    bold: tr('templates.editor.bold'),
    italic: tr('templates.editor.italic'),
    underline: tr('templates.editor.underline'),
    paragraph: tr('templates.editor.paragraph'),
    heading1: tr('templates.editor.heading', { level: 1 }),
    heading2: tr('templates.editor.heading', { level: 2 }),
    heading3: tr('templates.editor.heading', { level: 3 }),
    alignLeft: tr('templates.editor.alignLeft'),
    alignCenter: tr('templates.editor.alignCenter'),
    alignRight: tr('templates.editor.alignRight'),
    alignJustify: tr('templates.editor.alignJustify'),
    fontSize: tr('templates.editor.fontSize'),
    fontSizeDefault: tr('templates.editor.fontSizeDefault'),
    bulletList: tr('templates.editor.bulletList'),
    orderedList: tr('templates.editor.orderedList'),
    table: tr('templates.editor.table'),
    pageBreak: tr('templates.editor.pageBreak'),
    undo: tr('templates.editor.undo'),
    redo: tr('templates.editor.redo'),
    mergeField: tr('templates.editor.mergeField'),
    mergeFieldNone: tr('templates.editor.mergeFieldNone'),
    sousetat: tr('templates.editor.sousetat'),
    sousetatNone: tr('templates.editor.sousetatNone'),
    barcode: tr('templates.editor.barcode'),
    barcodeKind: tr('templates.editor.barcodeKind'),
    barcodeValue: tr('templates.editor.barcodeValue'),
    barcodeSize: tr('templates.editor.barcodeSize'),
    insert: tr('templates.editor.insert'),
    cancel: tr('templates.editor.cancel'),
    sousetatLabel: tr('templates.display.sousetat', { id: '{id}' }),
    barcodeLabel: tr('templates.display.barcode', { kind: '{kind}', value: '{value}' }),
  };
  return {
    fieldsUrl: TEMPLATE_FIELDS_URL,
    sousetatsUrl: TEMPLATE_SOUSETATS_URL,
    sourceField: SOURCE_FIELD,
    sizes: TEMPLATE_FONT_SIZES,
    barcodes: BARCODE_KINDS.map((kind) => ({ value: kind, label: tr(`templates.barcode.${kind}`) })),
    texts,
  };
}

/** The editor's address; none if it could not be built (the textarea then works alone). */
function editorScript(): { 'data-gabarit-script'?: string } {
  try {
    return { 'data-gabarit-script': assetUrl('editeur-gabarit.js') };
  } catch {
    return {};
  }
}

export function TemplateInput(props: {
  readonly field: FormField;
  readonly value: string;
  readonly locale: Locale;
  readonly ids: { readonly input: string };
  readonly common: Record<string, string>;
}) {
  const tr = translator(props.locale);
  return (
    <div class="gabarit-saisie">
      <textarea {...props.common} rows={10} class="gabarit-source"
        data-gabarit={JSON.stringify(editorConfig(props.field, props.locale))}
        {...editorScript()}
      >
        {props.value}
      </textarea>
      <p class="aide" id={`${props.ids.input}-aide-gabarit`}>
        {tr('templates.editor.help')}
      </p>
    </div>
  );
}
