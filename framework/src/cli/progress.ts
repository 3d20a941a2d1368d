/**
 * A progress bar on stderr: redrawn in place on a terminal, else (a log, a pipe) one line every
 * `intervalMs` so that the output stays readable.
 */
import { t } from '../i18n/index.ts';

const WIDTH = 30;

export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #intervalMs: number;
  #last = 0;
  #drawn = false;

  constructor(stream: NodeJS.WriteStream = process.stderr, intervalMs = Number(process.env.COMMUN_PROGRESS_MS ?? 3000)) {
    this.#stream = stream;
    this.#intervalMs = intervalMs;
  }

  update(done: number, total: number | undefined): void {
    const now = Date.now();
    const tty = this.#stream.isTTY === true;
    if (!tty && now - this.#last < this.#intervalMs && this.#last !== 0) return;
    if (tty && now - this.#last < 100) return;
    this.#last = now;
    const percent = total ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    const text = t('bulkImport.cli.progress', { done, total: total ?? '?', percent });
    if (tty) {
      const filled = Math.round((percent / 100) * WIDTH);
      this.#stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${text}`);
      this.#drawn = true;
    } else this.#stream.write(`${text}\n`);
  }

  /** Leaves the bar's line before the next output. */
  end(): void {
    if (this.#drawn) this.#stream.write('\n');
    this.#drawn = false;
  }
}
