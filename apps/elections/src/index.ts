/**
 * L’application « Élections » telle que l’instance la sert (commun.config.ts) : les modules générés
 * (gen/, écrits par `commun gen --app apps/elections`) et les surcharges écrites à la main (src/objects/).
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { DECOUPAGE_PERMISSIONS, registerDecoupage } from './decoupage/routes.ts';
import { loadDemo } from './demo.ts';
import { overrides } from './objects/index.ts';
import { decoupageAdministratif } from './referentiels/decoupage-administratif.ts';
import { CALENDRIER_PERMISSION, registerCalendrier } from './routes/calendrier.ts';
import { registerTableauDeBord } from './tableau-de-bord/index.ts';
import { mouvementsEnAttente } from './notifications.ts';

export const elections: Application = {
  name: 'elections',
  title: generated.title,
  description: 'Listes électorales : électeurs, mouvements d’inscription et de radiation, bureaux de vote, découpage et documents électoraux.',
  version: '1.0.0',
  postgis: true,
  migrations: { scope: 'elections', schema: 'elections', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => {
    registerGenerated(registry, generated, overrides);
    registerCalendrier(registry);
    registerTableauDeBord(registry);
    registerDecoupage(registry);
  },
  permissions: [CALENDRIER_PERMISSION, ...DECOUPAGE_PERMISSIONS],
  referentials: [decoupageAdministratif],
  loadDemo,
  pendingWork: mouvementsEnAttente,
};
