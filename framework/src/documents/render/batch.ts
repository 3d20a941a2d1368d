/**
 * One file of many documents (issue 10 §4: a selection or a whole search): the definition drawn
 * for each record from a new page, each document numbered on its own (« Page 1/2 » restarts at
 * every record, as openMairie's editions do). Pages are written out as they are finished
 * (`streamPages`: each footer is a form written once the record's page count is known), and the
 * bytes handed to `write` after each record, which may wait (a file, an HTTP stream).
 */
import { giveWay } from '../../jobs/give-way.ts';
import type { Actor } from '../../access/actor.ts';
import type { Locale } from '../../i18n/index.ts';
import type { DocumentDefinition } from './definition.ts';
import { documentWriter, drawRecord, pageFooter, sharedParts, type RenderRuntime } from './index.ts';

export interface BatchRequest {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly definition: DocumentDefinition;
  /** The records' keys, in print order. */
  readonly keys: Iterable<string | number> | AsyncIterable<string | number>;
  /** Receives the file's bytes in order; its promise is awaited before the next record. */
  readonly write: (chunk: Buffer) => Promise<void>;
  /** After each record: how many documents are done. */
  readonly progress?: (done: number) => void;
  /** Checked before each record: an aborted signal stops the work with its reason. */
  readonly signal?: AbortSignal | undefined;
}

/** Writes the file; returns the number of documents in it. */
export async function renderBatch(runtime: RenderRuntime, request: BatchRequest): Promise<number> {
  const { actor, locale, definition } = request;
  const shared = await sharedParts(runtime, definition, actor);
  const writer = documentWriter(definition, shared, locale);
  writer.streamPages(pageFooter(locale));
  let pending: Buffer[] = [];
  writer.doc.on('data', (chunk: Buffer) => pending.push(chunk));
  const drain = async () => {
    const chunks = pending;
    pending = [];
    // pdfkit hands over many small pieces (six per object): one write of them all.
    if (chunks.length > 0) await request.write(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  };
  // Between two batches of a long sous-état (an émargement of 5,000 pages is one record): out go the pages, and a cancel is heard.
  writer.writeOut = async () => {
    request.signal?.throwIfAborted();
    await drain();
  };
  let done = 0;
  for await (const key of request.keys) {
    request.signal?.throwIfAborted();
    await drawRecord(runtime, writer, definition, { actor, locale, kind: definition.kind, id: definition.id, key, objet: definition.objet ?? '' }, shared);
    writer.endDocument();
    done += 1;
    request.progress?.(done);
    await drain();
    await giveWay();
  }
  await writer.end();
  await drain();
  return done;
}
