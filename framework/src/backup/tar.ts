/**
 * The backup archive's container: a POSIX ustar stream, gzip-compressed, written and read as
 * streams so that memory stays flat whatever the size of the database and of the file store.
 * Only what backups need: regular files and folders, names up to 255 bytes (prefix + name).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
const ZEROS = Buffer.alloc(BLOCK * 2);

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0');
}

/** Splits a path in ustar's `prefix` (155 bytes) and `name` (100 bytes). */
function splitName(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut >= 0; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`nom trop long pour l'archive : ${path}`);
}

function header(path: string, size: number, type: '0' | '5', mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 8, 'ascii');
  block.write(octal(0, 8), 108, 8, 'ascii');
  block.write(octal(0, 8), 116, 8, 'ascii');
  block.write(octal(size, 12), 124, 12, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12, 'ascii');
  block.fill(' ', 148, 156);
  block.write(type, 156, 1, 'ascii');
  block.write('ustar\u000000', 257, 8, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${octal(sum, 7)}\u0000`, 148, 8, 'ascii');
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Writes a `.tar.gz` file entry by entry. */
export class TarGzWriter {
  readonly #gzip = createGzip({ level: 6 });
  readonly #out: Writable;
  readonly #done: Promise<void>;

  constructor(path: string) {
    this.#out = createWriteStream(path, { flags: 'wx' });
    this.#gzip.pipe(this.#out);
    this.#done = finished(this.#out);
    this.#done.catch(() => undefined); // awaited by `finish`
  }

  async #write(chunk: Buffer): Promise<void> {
    if (!this.#gzip.write(chunk)) await once(this.#gzip, 'drain');
  }

  async addBuffer(path: string, content: Buffer, mtime = new Date()): Promise<void> {
    await this.#write(header(path, content.byteLength, '0', mtime));
    await this.#write(content);
    await this.#write(padding(content.byteLength));
  }

  async addFolder(path: string, mtime = new Date()): Promise<void> {
    await this.#write(header(path.endsWith('/') ? path : `${path}/`, 0, '5', mtime));
  }

  /** Streams a file of known `size` (the file must not change while it is read). */
  async addFile(path: string, source: string, size: number, mtime = new Date()): Promise<void> {
    await this.#write(header(path, size, '0', mtime));
    let written = 0;
    for await (const chunk of createReadStream(source)) {
      const bytes = chunk as Buffer;
      written += bytes.byteLength;
      await this.#write(bytes);
    }
    if (written !== size) throw new Error(`le fichier ${source} a changé pendant sa copie dans l'archive`);
    await this.#write(padding(size));
  }

  async finish(): Promise<void> {
    await this.#write(ZEROS);
    this.#gzip.end();
    await this.#done;
  }

  /** Stops writing (after a failure); the caller removes the partial file. */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    this.#out.destroy();
    await this.#done.catch(() => undefined);
  }
}

export interface TarEntry {
  readonly path: string;
  readonly size: number;
  readonly type: 'file' | 'folder';
  /** The entry's content, in chunks; it must be read (or skipped with `skip`) before the next entry. */
  readonly body: AsyncIterable<Buffer>;
}

/** Reads exactly the bytes asked from an async stream of chunks. */
class ByteReader {
  #buffer: Buffer = Buffer.alloc(0);
  readonly #chunks: AsyncIterator<Buffer>;

  constructor(stream: Readable) {
    this.#chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  async #fill(wanted: number): Promise<boolean> {
    while (this.#buffer.byteLength < wanted) {
      const next = await this.#chunks.next();
      if (next.done) return false;
      this.#buffer = this.#buffer.byteLength === 0 ? next.value : Buffer.concat([this.#buffer, next.value]);
    }
    return true;
  }

  async exactly(length: number): Promise<Buffer | undefined> {
    if (!(await this.#fill(length))) return undefined;
    const taken = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    return taken;
  }

  /** Up to `length` bytes as they come (at least one), undefined at the end of the stream. */
  async some(length: number): Promise<Buffer | undefined> {
    if (!(await this.#fill(1))) return undefined;
    const taken = this.#buffer.subarray(0, Math.min(length, this.#buffer.byteLength));
    this.#buffer = this.#buffer.subarray(taken.byteLength);
    return taken;
  }
}

const text = (block: Buffer, start: number, length: number) => {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
};

export class ArchiveDamaged extends Error {}

/** The entries of a `.tar.gz` file, in order. */
export async function* readTarGz(path: string): AsyncGenerator<TarEntry> {
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  const reader = new ByteReader(source.pipe(gunzip));
  try {
    for (;;) {
      const block = await reader.exactly(BLOCK);
      if (!block) throw new ArchiveDamaged('archive tronquée');
      if (block.every((byte) => byte === 0)) return;
      const stored = Number.parseInt(text(block, 148, 8).trim(), 8);
      let sum = 0;
      for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 32 : (block[index] as number);
      if (stored !== sum) throw new ArchiveDamaged('en-tête d’entrée illisible');
      const prefix = text(block, 345, 155);
      const name = text(block, 0, 100);
      const size = Number.parseInt(text(block, 124, 12).trim() || '0', 8);
      const flag = text(block, 156, 1);
      const fullPath = prefix ? `${prefix}/${name}` : name;
      let left = size;
      let consumed = false;
      const body = async function* (): AsyncGenerator<Buffer> {
        consumed = true;
        while (left > 0) {
          let chunk: Buffer | undefined;
          try {
            chunk = await reader.some(left);
          } catch (error) {
            throw error instanceof ArchiveDamaged ? error : new ArchiveDamaged('flux compressé illisible ou interrompu');
          }
          if (!chunk) throw new ArchiveDamaged('archive tronquée');
          left -= chunk.byteLength;
          yield chunk;
        }
      };
      yield { path: fullPath.replace(/\/$/, ''), size, type: flag === '5' ? 'folder' : 'file', body: body() };
      if (!consumed || left > 0) for await (const _chunk of body()) void _chunk;
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad > 0 && !(await reader.exactly(pad))) throw new ArchiveDamaged('archive tronquée');
    }
  } catch (error) {
    if (error instanceof ArchiveDamaged) throw error;
    // zlib's own errors (a damaged gzip stream): said in French by the caller.
    throw new ArchiveDamaged('flux compressé illisible ou interrompu');
  } finally {
    source.destroy();
  }
}
