/**
 * L’application « Cimetière » telle que l’instance la sert (commun.config.ts) : les modules générés
 * (gen/, écrits par `commun gen --app apps/cimetiere`) et les surcharges écrites à la main (src/objects/).
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { registerConcessions } from './concessions/index.ts';
import { loadDemo } from './demo.ts';
import { overrides } from './objects/index.ts';
import { registerOperations } from './operations/index.ts';
import { registerPlans } from './plans/index.ts';
import { registerEmplacements } from './tableau-de-bord/index.ts';
import { concessionsArrivantATerme } from './notifications.ts';

export const cimetiere: Application = {
  name: 'cimetiere',
  title: generated.title,
  description: 'Cimetières : emplacements, concessions, défunts, opérations funéraires, plans et facturation.',
  version: '1.0.0',
  postgis: true,
  migrations: { scope: 'cimetiere', schema: 'cimetiere', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => {
    registerGenerated(registry, generated, overrides);
    registerConcessions(registry);
    registerOperations(registry);
    registerPlans(registry);
    registerEmplacements(registry);
  },
  // Module rights (pages, not objects): listed so that the profiles' screen offers them.
  permissions: ['cimetiere.calcul_place'],
  loadDemo,
  pendingWork: concessionsArrivantATerme,
};
