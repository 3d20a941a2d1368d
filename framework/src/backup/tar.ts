/**
 * The backup archive's container: a `.tar.gz` written and read by node-tar as streams, so that
 * memory stays flat whatever the size of the database and of the file store. Entries are written
 * from our own headers rather than added by path (node-tar would stat each file again, and record
 * a second name of a hard-linked staged file as a link): each file's size is the one listed and
 * hashed for the manifest, and a file that no longer has it is refused.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Header, Pack, Parser, ReadEntry } from 'tar';
import { backupMessage } from './messages.ts';

/** A file that changed size between its listing (and hashing) and its copy into the archive. */
export class FileChanged extends Error {}

/** Writes a `.tar.gz` file entry by entry (one at a time: each `add…` is awaited before the next). */
export class TarGzWriter {
  readonly #pack = new Pack({ gzip: { level: 6 }, portable: true, strict: true });
  readonly #done: Promise<void>;

  constructor(path: string) {
    const out = createWriteStream(path, { flags: 'wx' });
    this.#pack.on('error', (error: unknown) => out.destroy(error as Error));
    this.#pack.pipe(out);
    this.#done = finished(out);
    this.#done.catch(() => undefined); // awaited by `finish`, or raced while an entry waits
  }

  /** Adds one entry whose content `body` yields exactly `size` bytes; else FileChanged. */
  async #add(path: string, type: 'File' | 'Directory', size: number, mtime: Date, body: AsyncIterable<Buffer> | Iterable<Buffer> = []): Promise<void> {
    const mode = type === 'Directory' ? 0o755 : 0o644;
    const entry = new ReadEntry(new Header({ path, type, size, mtime, mode, uid: 0, gid: 0 }));
    this.#pack.write(entry);
    let written = 0;
    for await (const chunk of body) {
      written += chunk.byteLength;
      if (written > size) throw new FileChanged(backupMessage('archive.fileChanged', { path }));
      if (!entry.write(chunk)) await Promise.race([once(entry, 'drain'), this.#done]);
    }
    if (written !== size) throw new FileChanged(backupMessage('archive.fileChanged', { path }));
    entry.end();
  }

  addBuffer(path: string, content: Buffer, mtime = new Date()): Promise<void> {
    return this.#add(path, 'File', content.byteLength, mtime, [content]);
  }

  addFolder(path: string, mtime = new Date()): Promise<void> {
    return this.#add(path.endsWith('/') ? path : `${path}/`, 'Directory', 0, mtime);
  }

  /** Streams a file of known `size`: one that grew or shrank since is refused (FileChanged). */
  addFile(path: string, source: string, size: number, mtime = new Date()): Promise<void> {
    return this.#add(path, 'File', size, mtime, createReadStream(source));
  }

  async finish(): Promise<void> {
    this.#pack.end();
    await this.#done;
  }

  /** Stops writing (after a failure); the caller removes the partial file. */
  async abort(): Promise<void> {
    this.#pack.destroy(new Error('aborted'));
    await this.#done.catch(() => undefined);
  }
}

export interface TarEntry {
  readonly path: string;
  readonly size: number;
  readonly type: 'file' | 'folder';
  /** The entry's content, in chunks; it must be read (or left, it is then skipped) before the next entry. */
  readonly body: AsyncIterable<Buffer>;
}

/** A damaged or truncated archive; its message is a French detail, shown inside the restore's refusal. */
export class ArchiveDamaged extends Error {}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * The entries of a `.tar.gz` file, in order, as node-tar's parser reads them (strict: a bad
 * checksum, a truncated entry or a broken gzip stream is an error, not a warning). The parser
 * gives the next entry only once the current one has been read, so at most one entry is in flight.
 */
export async function* readTarGz(path: string): AsyncGenerator<TarEntry> {
  // PostgreSQL's data files are mostly empty pages, which gzip shrinks about 1000 times: the
  // parser's guard against decompression bombs would refuse a genuine backup.
  const parser = new Parser({ strict: true, maxDecompressionRatio: Infinity });
  // Small reads: the parser inflates a whole read at once, and a run of zeros (a fresh WAL segment)
  // inflates about 1000 times, so that a read of 16 KiB holds at most some 16 MiB in memory.
  const source = createReadStream(path, { highWaterMark: 16 * 1024 });
  const waiting: ReadEntry[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  // Raced with every wait: an error ends whatever is awaited (a chunk, the next entry) at once.
  let failure: ArchiveDamaged | undefined;
  let rejectFailed: (error: ArchiveDamaged) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  const fail = (error: unknown) => {
    if (failure) return;
    failure = new ArchiveDamaged(detailOf(error));
    rejectFailed(failure);
  };
  parser.on('entry', (entry: ReadEntry) => {
    waiting.push(entry);
    signal();
  });
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('error', fail);
  source.on('error', fail);
  source.pipe(parser);
  let current: ReadEntry | undefined;
  try {
    for (;;) {
      while (waiting.length === 0 && !ended) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), failed]);
      if (failure) throw failure;
      const entry = waiting.shift();
      if (!entry) return;
      current = entry;
      if (entry.type !== 'Directory' && !FILE_TYPES.has(entry.type)) throw new ArchiveDamaged(backupMessage('archive.unexpectedEntry', { path: entry.path }));
      const body = async function* (): AsyncGenerator<Buffer> {
        const chunks = entry[Symbol.asyncIterator]();
        for (let next = await Promise.race([chunks.next(), failed]); !next.done; next = await Promise.race([chunks.next(), failed])) {
          yield next.value as Buffer;
        }
        // node-tar ends a truncated entry before it reports the archive's error.
        if (failure) throw failure;
      };
      yield { path: entry.path.replace(/\/$/, ''), size: entry.size, type: entry.type === 'Directory' ? 'folder' : 'file', body: body() };
      entry.resume(); // whatever the consumer left unread: the parser waits for it
    }
  } finally {
    current?.resume();
    source.destroy();
  }
}

/** zlib's and node-tar's errors, as a French detail of the restore's refusal. */
function detailOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR' || /unexpected end|truncated/i.test(message)) return backupMessage('archive.truncated');
  if (code === 'TAR_ENTRY_INVALID' || code === 'TAR_BAD_ARCHIVE') return backupMessage('archive.badHeader');
  return backupMessage('archive.badStream');
}
