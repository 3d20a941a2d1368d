/**
 * A page's content stream kept as text until the page ends. pdfkit turns every drawing operation
 * into its own small byte array (a character at a time) as it is written; a page of a long table
 * has thousands of them, and a 5,000-page list millions: most of a long document's time in
 * pdfkit and most of its garbage. Here the operations are kept as strings and turned into bytes
 * once, when pdfkit finalises the page — the bytes written are the same.
 */

/** The part of pdfkit's stream object (PDFReference, not in its typings) the buffer wraps. */
interface ContentStream {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

export interface BufferedContent {
  /** Operations written on the page so far (anyone's: the writer tells its own from others'). */
  readonly operations: number;
}

export function bufferPageContent(page: PDFKit.PDFPage): BufferedContent {
  const content = (page as unknown as { content: ContentStream }).content;
  const write = content.write.bind(content);
  const finalize = content.finalize.bind(content);
  const pending: string[] = [];
  const state = { operations: 0 };
  const flush = () => {
    if (pending.length === 0) return;
    // pdfkit writes each string operation followed by a new line, its characters as single bytes.
    write(Buffer.from(`${pending.join('\n')}\n`, 'latin1'));
    pending.length = 0;
  };
  content.write = (chunk) => {
    state.operations += 1;
    if (typeof chunk === 'string') {
      pending.push(chunk);
      return;
    }
    flush();
    write(chunk);
  };
  content.finalize = () => {
    flush();
    finalize();
  };
  return state;
}
