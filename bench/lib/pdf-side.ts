/**
 * One side of a PDF benchmark, run in its own child process (`script mode url file`) so that its
 * peak memory (VmHWM, sampled) is its own: time, peak RSS, pages and size of the file it wrote.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { peakRss } from './instance.ts';

export interface PdfSide {
  readonly name: string;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly pages: number;
  readonly bytes: number;
}

/** PDF pages counted from the file's page objects. */
function pageCount(file: string): number {
  return (readFileSync(file, 'latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

export async function runPdfSide(script: string, name: string, mode: string, url: string, file: string): Promise<PdfSide> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode, url, file], { stdio: ['ignore', 'inherit', 'inherit'] });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${name} : code de sortie ${code}`);
  return { name, ms: performance.now() - started, peakRssMb: peak, pages: pageCount(file), bytes: statSync(file).size };
}

/** A table row of a side: pages, Mo, seconds, ratio to the reference side, peak RSS. */
export const sideLine = (side: PdfSide, reference: PdfSide): string[] =>
  [side.name, String(side.pages), (side.bytes / 1e6).toFixed(1), (side.ms / 1000).toFixed(1), (side.ms / reference.ms).toFixed(2), side.peakRssMb.toFixed(0)];
