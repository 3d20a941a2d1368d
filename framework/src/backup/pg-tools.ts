/**
 * `pg_dump` and `pg_restore` of the Debian `postgresql` package: on the PATH, else in
 * `/usr/lib/postgresql/<version>/bin` (the highest version: it reads older servers' databases).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { backupMessage } from './messages.ts';

export class ToolMissing extends Error {}

export function findTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const versions = (() => {
    try {
      return readdirSync('/usr/lib/postgresql').filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a));
    } catch {
      return [];
    }
  })();
  const candidates = [
    ...versions.map((version) => join('/usr/lib/postgresql', version, 'bin', name)),
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).map((folder) => join(folder, name)),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new ToolMissing(backupMessage('tools.missing', { name }));
  }
  return found;
}

/** Runs a tool; its error output becomes the error's message when it fails. */
export function runTool(path: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (errors.length < 8000) errors += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(backupMessage('tools.failed', { tool: path.split('/').pop() ?? path, code: String(code), errors: errors.trim() })));
    });
  });
}
