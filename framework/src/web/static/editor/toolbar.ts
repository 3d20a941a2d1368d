/**
 * The toolbar: real buttons with their names and shortcuts (`aria-keyshortcuts`), `aria-pressed`
 * for what applies to the selection, two labelled selects (paragraph style, text size), and the
 * buttons that open the insertion panels (`aria-expanded`).
 */
import { setBlockType, toggleMark } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import type { Schema } from 'prosemirror-model';
import { wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { currentAlignment, currentSize, insertNode, insertTable, insertText, markActive, setAlignment, setSize } from './commands.ts';
import { text, type EditorConfig } from './config.ts';
import { button, Panel } from './panels.ts';
import type { Alignment } from './schema.ts';

export interface Toolbar {
  readonly element: HTMLElement;
  readonly panels: readonly HTMLElement[];
  readonly refresh: (state: EditorState) => void;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

function labelledSelect(id: string, label: string, options: readonly [string, string][]): { wrapper: HTMLElement; select: HTMLSelectElement } {
  const wrapper = document.createElement('span');
  wrapper.className = 'gabarit-choix';
  const element = document.createElement('label');
  element.htmlFor = id;
  element.textContent = label;
  const select = document.createElement('select');
  select.id = id;
  for (const [value, text] of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
  wrapper.append(element, select);
  return { wrapper, select };
}

export function buildToolbar(view: EditorView, schema: Schema, config: EditorConfig, textarea: HTMLTextAreaElement): Toolbar {
  const t = (key: string) => text(config, key);
  const run = (command: Command) => {
    command(view.state, view.dispatch, view);
    view.focus();
  };
  const bar = document.createElement('div');
  bar.className = 'gabarit-barre';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('toolbar'));
  bar.setAttribute('aria-controls', `${textarea.id}-editeur`);
  const group = (...items: HTMLElement[]) => {
    const element = document.createElement('span');
    element.className = 'gabarit-groupe';
    element.append(...items);
    bar.append(element);
  };
  const refreshers: ((state: EditorState) => void)[] = [];
  const toggle = (label: string, command: Command, active: (state: EditorState) => boolean, shortcut?: string) => {
    const element = button(label, () => run(command));
    element.setAttribute('aria-pressed', 'false');
    if (shortcut) element.setAttribute('aria-keyshortcuts', shortcut);
    refreshers.push((state) => element.setAttribute('aria-pressed', String(active(state))));
    return element;
  };
  const action = (label: string, command: Command, shortcut?: string) => {
    const element = button(label, () => run(command));
    if (shortcut) element.setAttribute('aria-keyshortcuts', shortcut);
    refreshers.push((state) => {
      element.disabled = !command(state);
    });
    return element;
  };

  const { strong, em, underline, font_size: fontSize } = schema.marks;
  const { paragraph, heading, bullet_list: bulletList, ordered_list: orderedList, page_break: pageBreak, sousetat, barcode } = schema.nodes;
  group(
    toggle(t('bold'), toggleMark(strong!), (state) => markActive(state, strong!), 'Control+B'),
    toggle(t('italic'), toggleMark(em!), (state) => markActive(state, em!), 'Control+I'),
    toggle(t('underline'), toggleMark(underline!), (state) => markActive(state, underline!), 'Control+U'),
  );

  const style = labelledSelect(`${textarea.id}-style`, t('paragraph'), [
    ['p', t('paragraph')],
    ['1', t('heading1')],
    ['2', t('heading2')],
    ['3', t('heading3')],
  ]);
  style.wrapper.querySelector('label')?.classList.add('visuellement-cache');
  style.select.addEventListener('change', () => {
    const value = style.select.value;
    const command = value === 'p' ? setBlockType(paragraph!) : setBlockType(heading!, { level: Number(value) });
    command(view.state, view.dispatch, view);
  });
  refreshers.push((state) => {
    const parent = state.selection.$from.parent;
    style.select.value = parent.type === heading ? String(parent.attrs.level) : 'p';
  });
  const size = labelledSelect(`${textarea.id}-taille`, t('fontSize'), [['', t('fontSizeDefault')], ...config.sizes.map((points): [string, string] => [String(points), `${points} pt`])]);
  size.wrapper.querySelector('label')?.classList.add('visuellement-cache');
  size.select.addEventListener('change', () => {
    setSize(fontSize!, size.select.value === '' ? null : Number(size.select.value))(view.state, view.dispatch, view);
  });
  refreshers.push((state) => {
    size.select.value = String(currentSize(state, fontSize!) ?? '');
  });
  group(style.wrapper, size.wrapper);

  const alignments: [Alignment, string][] = [
    ['left', t('alignLeft')],
    ['center', t('alignCenter')],
    ['right', t('alignRight')],
    ['justify', t('alignJustify')],
  ];
  group(
    ...alignments.map(([alignment, label]) =>
      toggle(label, (state, dispatch) => setAlignment(currentAlignment(state) === alignment ? null : alignment)(state, dispatch), (state) => currentAlignment(state) === alignment),
    ),
  );
  group(
    action(t('bulletList'), wrapInList(bulletList!), 'Control+Shift+8'),
    action(t('orderedList'), wrapInList(orderedList!), 'Control+Shift+9'),
    button(t('table'), () => run(insertTable(schema))),
    button(t('pageBreak'), () => run(insertNode(pageBreak!))),
  );

  // Insertion panels.
  const panels: Panel[] = [];
  const opener = (label: string, panel: Panel) => {
    const element = button(label, () => {
      if (panel.isOpen) return panel.close();
      for (const other of panels) if (other !== panel) other.close(false);
      void panel.open(element);
    });
    element.setAttribute('aria-expanded', 'false');
    element.setAttribute('aria-controls', panel.element.id);
    return element;
  };
  const sourceValue = () => {
    const field = textarea.form?.elements.namedItem(config.sourceField);
    return field instanceof HTMLSelectElement || field instanceof HTMLInputElement ? field.value : '';
  };
  const fieldsPanel = new Panel(config, t('mergeField'), [
    {
      name: 'champ',
      label: t('mergeField'),
      empty: t('mergeFieldNone'),
      options: async () => {
        const { fields } = await fetchJson<{ fields: { name: string; label: string }[] }>(`${config.fieldsUrl}?requete=${encodeURIComponent(sourceValue())}`);
        return fields.map((field) => ({ value: field.name, label: field.label === field.name ? `[${field.name}]` : `[${field.name}] ${field.label}` }));
      },
    },
  ], (values) => {
    if (values.champ) run(insertText(`[${values.champ}]`));
  });
  const sousetatPanel = new Panel(config, t('sousetat'), [
    {
      name: 'sousetat',
      label: t('sousetat'),
      empty: t('sousetatNone'),
      options: async () => (await fetchJson<{ sousetats: { value: string; label: string }[] }>(config.sousetatsUrl)).sousetats,
    },
  ], (values) => {
    if (values.sousetat) run(insertNode(sousetat!, { id: values.sousetat }));
  });
  const barcodePanel = new Panel(config, t('barcode'), [
    { name: 'kind', label: t('barcodeKind'), options: async () => config.barcodes },
    { name: 'value', label: t('barcodeValue') },
    { name: 'size', label: t('barcodeSize'), inputMode: 'numeric' },
  ], (values) => {
    const sizeValue = /^\d{1,3}$/.test(values.size ?? '') ? values.size : '';
    if (values.value) run(insertNode(barcode!, { kind: values.kind, value: values.value, size: sizeValue }));
  });
  panels.push(fieldsPanel, sousetatPanel, barcodePanel);
  group(opener(t('mergeField'), fieldsPanel), opener(t('sousetat'), sousetatPanel), opener(t('barcode'), barcodePanel));
  group(action(t('undo'), undo, 'Control+Z'), action(t('redo'), redo, 'Control+Y'));

  rovingFocus(bar);
  return {
    element: bar,
    panels: panels.map((panel) => panel.element),
    refresh: (state) => refreshers.forEach((refresher) => refresher(state)),
  };
}

/**
 * One Tab stop for the toolbar's buttons (the WAI-ARIA toolbar pattern): arrows, Home and End move
 * between them; the selects keep their own Tab stops (arrows change their value).
 */
function rovingFocus(bar: HTMLElement): void {
  const buttons = () => Array.from(bar.querySelectorAll<HTMLButtonElement>('button')).filter((button) => !button.disabled);
  const makeCurrent = (current: HTMLButtonElement) => {
    for (const button of bar.querySelectorAll<HTMLButtonElement>('button')) button.tabIndex = button === current ? 0 : -1;
  };
  const first = buttons()[0];
  if (first) makeCurrent(first);
  bar.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) makeCurrent(event.target);
  });
  bar.addEventListener('keydown', (event) => {
    if (!(event.target instanceof HTMLButtonElement)) return;
    const list = buttons();
    const index = list.indexOf(event.target);
    const next =
      event.key === 'ArrowRight' ? list[(index + 1) % list.length] :
      event.key === 'ArrowLeft' ? list[(index - 1 + list.length) % list.length] :
      event.key === 'Home' ? list[0] :
      event.key === 'End' ? list[list.length - 1] : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
  // A disabled button cannot hold the Tab stop (« Annuler » with nothing to undo).
  new MutationObserver(() => {
    const current = bar.querySelector<HTMLButtonElement>('button[tabindex="0"]');
    const fallback = buttons()[0];
    if ((!current || current.disabled) && fallback) makeCurrent(fallback);
  }).observe(bar, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
}
