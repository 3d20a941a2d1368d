#!/usr/bin/env node
// Entry point of the `commun` command: registers tsx so that the TypeScript sources run as they are.
// The repository's tsconfig.json is named explicitly (JSX through hono/jsx): an instance folder
// outside the repository (`commun new` in another folder) has none of its own.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
register(existsSync(tsconfig) ? { tsconfig } : {});
await import('../src/cli.ts');
