/**
 * L’application « Cimetière » telle que l’instance la sert (commun.config.ts) : les modules générés
 * (gen/, écrits par `commun gen --app apps/cimetiere`) et les surcharges écrites à la main (src/objects/).
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { overrides } from './objects/index.ts';

export const cimetiere: Application = {
  name: 'cimetiere',
  title: generated.title,
  postgis: true,
  migrations: { scope: 'cimetiere', schema: 'cimetiere', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => {
    registerGenerated(registry, generated, overrides);
  },
};
