import { readFileSync } from 'node:fs';

/** The framework's version, from its package.json (shown in the page footer). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
