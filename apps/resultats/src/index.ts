/**
 * L’application « Résultats électoraux » telle que l’instance la sert (commun.config.ts) : les modules générés
 * (gen/, écrits par `commun gen --app apps/resultats`) et les surcharges écrites à la main (src/objects/).
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { registerAnalyse } from './analyse/index.ts';
import { registerDocuments } from './documents/index.ts';
import { EXPORT_PERMISSION, registerExport } from './export/routes.tsx';
import { loadDemo } from './demo.ts';
import { RESULTATS_PERMISSIONS } from './election/permissions.ts';
import { registerElection } from './election/reprendre-bureaux.ts';
import { overrides } from './objects/index.ts';
import { registerPublic } from './public/index.ts';
import { registerSaisie } from './saisie/routes.ts';
import { registerSieges } from './sieges/index.ts';

export const resultats: Application = {
  name: 'resultats',
  title: generated.title,
  description: 'Soirée électorale : saisie des résultats par bureau, contrôles, proclamation, publication et transmission à la préfecture.',
  version: '1.0.0',
  migrations: { scope: 'resultats', schema: 'resultats', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => {
    registerGenerated(registry, generated, overrides);
    registerSieges(registry);
    registerAnalyse(registry);
    registerPublic(registry);
    registerSaisie(registry);
    registerDocuments(registry);
    registerExport(registry);
  },
  connect: (registry) => registerElection(registry),
  permissions: [
    ...RESULTATS_PERMISSIONS,
    EXPORT_PERMISSION,
  ],
  loadDemo,
};
