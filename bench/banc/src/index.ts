/**
 * The benchmark application (`bench/banc`): a list of inscrits with two references given by label,
 * a unique number, a date and a decimal, served as any catalogue application is.
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { overrides } from './objects/index.ts';

export const banc: Application = {
  name: 'banc',
  migrations: { scope: 'banc', schema: 'banc', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => registerGenerated(registry, generated, overrides),
};
