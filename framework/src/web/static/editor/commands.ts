/** The editor's commands beyond ProseMirror's own: alignment, font size, insertions. */
import type { MarkType, Node as PMNode, NodeType, Schema } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { Alignment } from './schema.ts';

/** Aligns every paragraph and heading of the selection (`null`: as the document says). */
export function setAlignment(alignment: Alignment | null): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    let changed = false;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!('align' in node.attrs)) return true;
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, align: alignment });
      changed = true;
      return false;
    });
    if (changed && dispatch) dispatch(tr.scrollIntoView());
    return changed;
  };
}

/** The alignment of the block holding the cursor. */
export function currentAlignment(state: EditorState): Alignment | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if ('align' in node.attrs) return (node.attrs.align as Alignment | null) ?? null;
  }
  return null;
}

/** Whether a mark is on the selection (or on what will be typed). */
export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

/** The font size of the selection's start, in points; null: the document's. */
export function currentSize(state: EditorState, type: MarkType): number | null {
  const marks = state.selection.empty ? (state.storedMarks ?? state.selection.$from.marks()) : state.selection.$from.marks();
  const mark = type.isInSet(marks);
  return mark ? (mark.attrs.size as number) : null;
}

/** Sets (or removes, with null) the font size of the selection or of what will be typed. */
export function setSize(type: MarkType, size: number | null): Command {
  return (state, dispatch) => {
    if (!dispatch) return true;
    const { from, to, empty } = state.selection;
    const tr = state.tr;
    if (empty) {
      tr.removeStoredMark(type);
      if (size !== null) tr.addStoredMark(type.create({ size }));
    } else {
      tr.removeMark(from, to, type);
      if (size !== null) tr.addMark(from, to, type.create({ size }));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/**
 * Inserts a node (a sous-état, a barcode, a page break) in place of the selection. After a block,
 * the cursor goes into the paragraph that follows (one is added if needed): typing or inserting
 * again never replaces the block just inserted.
 */
export function insertNode(type: NodeType, attrs: Record<string, unknown> = {}): Command {
  return (state, dispatch) => {
    const node = type.createAndFill(attrs);
    if (!node) return false;
    if (!dispatch) return true;
    const tr = state.tr.replaceSelectionWith(node);
    const paragraph = state.schema.nodes.paragraph;
    if (node.isBlock && paragraph && !(tr.selection instanceof TextSelection && tr.selection.$from.parent.isTextblock)) {
      const position = tr.selection.to;
      tr.insert(position, paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, position + 1));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Inserts text (a merge field `[nom]`) at the cursor. */
export function insertText(text: string): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.insertText(text).scrollIntoView());
    return true;
  };
}

/** A table of `rows` × `columns` empty cells. */
export function insertTable(schema: Schema, rows = 2, columns = 2): Command {
  return (state, dispatch) => {
    const cell = (): PMNode | null => schema.nodes.table_cell?.createAndFill() ?? null;
    const row = () => schema.nodes.table_row?.create(null, Array.from({ length: columns }, cell).filter((node): node is PMNode => node !== null));
    const table = schema.nodes.table?.create(null, Array.from({ length: rows }, row).filter((node): node is PMNode => node !== undefined));
    if (!table) return false;
    if (dispatch) dispatch(state.tr.replaceSelectionWith(table).scrollIntoView());
    return true;
  };
}
