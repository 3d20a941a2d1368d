/** Timing helpers for the benchmarks: latency over repeated runs, throughput of concurrent loops. */

export interface Latency {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export interface Throughput {
  completions: number;
  seconds: number;
  perSecond: number;
  errors: number;
  firstError: unknown;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times one after the other. */
export async function measureLatency(work: () => Promise<unknown>, options: { runs?: number; warmup?: number } = {}): Promise<Latency> {
  const { runs = 50, warmup = 5 } = options;
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { runs, medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), minMs: samples[0] as number };
}

/**
 * Runs `concurrency` loops at once for `seconds`, each calling `work(loop)` again as soon as the
 * previous call ends, and counts the calls that completed. A loop stops at its first error.
 */
export async function measureThroughput(
  work: (loop: number) => Promise<unknown>,
  options: { concurrency?: number; seconds?: number } = {},
): Promise<Throughput> {
  const { concurrency = 10, seconds = 10 } = options;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let completions = 0;
  let errors = 0;
  let firstError: unknown;
  const loop = async (index: number) => {
    while (performance.now() < deadline) {
      try {
        await work(index);
        completions++;
      } catch (error) {
        errors++;
        firstError ??= error;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => loop(index)));
  const elapsed = (performance.now() - start) / 1000;
  return { completions, seconds: elapsed, perSecond: completions / elapsed, errors, firstError };
}

/** A table with aligned columns: text left, numbers right. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (text: string) => /^[\d\s.,–-]+$/.test(text);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column > 0 && numeric(cell) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** `12.3` for ms, `4 520` for counts (French grouping with a plain space, readable in any font). */
export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');
export const count = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('fr-FR').replace(/\s/g, ' ') : '–');
