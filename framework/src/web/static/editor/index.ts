/**
 * The editor of états' and lettres types' title and body (bundled into
 * `/static/editeur-gabarit.js`): each `textarea.gabarit-source` becomes a ProseMirror editor with
 * its toolbar; the textarea stays in the form, hidden, and always holds the editor's HTML, so the
 * form posts it as before. Pages without this script keep the textarea.
 */
import { baseKeymap, setBlockType, toggleMark, chainCommands, exitCode } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { DOMParser as ModelParser, DOMSerializer, type Schema } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, type Command } from 'prosemirror-state';
import { goToNextCell, tableEditing } from 'prosemirror-tables';
import { EditorView } from 'prosemirror-view';
import { readConfig, text, type EditorConfig } from './config.ts';
import { templateSchema } from './schema.ts';
import { buildToolbar } from './toolbar.ts';

const READY = 'data-gabarit-pret';

function schemaFor(config: EditorConfig): Schema {
  const label = (kind: string) => config.barcodes.find((barcode) => barcode.value === kind)?.label ?? kind;
  return templateSchema({
    sousetat: (id) => text(config, 'sousetatLabel', { id }),
    barcode: (kind, value) => text(config, 'barcodeLabel', { kind: label(kind), value }),
  });
}

function keys(schema: Schema) {
  const { marks, nodes } = schema;
  const bindings: Record<string, Command> = {
    'Mod-z': undo,
    'Mod-y': redo,
    'Shift-Mod-z': redo,
    'Mod-Alt-0': setBlockType(nodes.paragraph!),
  };
  if (marks.strong) bindings['Mod-b'] = toggleMark(marks.strong);
  if (marks.em) bindings['Mod-i'] = toggleMark(marks.em);
  if (marks.underline) bindings['Mod-u'] = toggleMark(marks.underline);
  for (const level of [1, 2, 3]) bindings[`Mod-Alt-${level}`] = setBlockType(nodes.heading!, { level });
  if (nodes.hard_break) {
    const breakLine: Command = (state, dispatch) => {
      if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView());
      return true;
    };
    bindings['Shift-Enter'] = chainCommands(exitCode, breakLine);
  }
  if (nodes.list_item) {
    bindings.Enter = splitListItem(nodes.list_item);
    bindings['Mod-['] = liftListItem(nodes.list_item);
    bindings['Mod-]'] = sinkListItem(nodes.list_item);
  }
  bindings['Mod-Shift-8'] = wrapInList(nodes.bullet_list!);
  bindings['Mod-Shift-9'] = wrapInList(nodes.ordered_list!);
  return bindings;
}

/** The document's HTML as the form posts it ('' for an empty document). */
function htmlOf(schema: Schema, state: EditorState): string {
  const doc = state.doc;
  const first = doc.firstChild;
  if (doc.childCount === 1 && first && first.type === schema.nodes.paragraph && first.content.size === 0) return '';
  const holder = document.createElement('div');
  holder.append(DOMSerializer.fromSchema(schema).serializeFragment(doc.content));
  return holder.innerHTML;
}

export function enhance(textarea: HTMLTextAreaElement): void {
  if (textarea.hasAttribute(READY)) return;
  const config = readConfig(textarea);
  if (!config) return;
  textarea.setAttribute(READY, '');
  const schema = schemaFor(config);
  // Parsed in an inert document: nothing of the stored HTML runs or loads.
  const source = new window.DOMParser().parseFromString(textarea.value, 'text/html').body;
  const state = EditorState.create({
    doc: ModelParser.fromSchema(schema).parse(source),
    plugins: [history(), keymap(keys(schema)), keymap({ Tab: goToNextCell(1), 'Shift-Tab': goToNextCell(-1) }), keymap(baseKeymap), tableEditing()],
  });
  const wrapper = document.createElement('div');
  wrapper.className = 'gabarit-editeur';
  textarea.parentElement?.insertBefore(wrapper, textarea);
  const area = document.createElement('div');
  const attributes: Record<string, string> = {
    id: `${textarea.id}-editeur`,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': text(config, 'area'),
    class: 'gabarit gabarit-zone',
  };
  for (const name of ['aria-describedby', 'aria-invalid', 'aria-required']) {
    const value = textarea.getAttribute(name);
    if (value) attributes[name] = value;
  }
  let refresh: (state: EditorState) => void = () => undefined;
  const view: EditorView = new EditorView(area, {
    state,
    attributes,
    dispatchTransaction(transaction) {
      const next = view.state.apply(transaction);
      view.updateState(next);
      if (transaction.docChanged) textarea.value = htmlOf(schema, next);
      refresh(next);
    },
  });
  const toolbar = buildToolbar(view, schema, config, textarea);
  refresh = toolbar.refresh;
  wrapper.append(toolbar.element, ...toolbar.panels, area);
  textarea.hidden = true;
  // The field's label now leads to the editor.
  const label = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  label?.addEventListener('click', (event) => {
    event.preventDefault();
    view.focus();
  });
  refresh(view.state);
}

function enhanceAll(root: ParentNode): void {
  root.querySelectorAll<HTMLTextAreaElement>('textarea.gabarit-source').forEach(enhance);
}

enhanceAll(document);
document.addEventListener('htmx:afterSwap', (event) => {
  const target = event.target;
  if (target instanceof Element) enhanceAll(target);
});
