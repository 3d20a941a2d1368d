/**
 * L’application « Courrier » telle que l’instance la sert (commun.config.ts) : les modules générés
 * (gen/, écrits par `commun gen --app apps/courrier`) et les surcharges écrites à la main (src/objects/).
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { registerDepartArchivesRegistres } from './depart/index.ts';
import { loadDemo } from './demo.ts';
import { registerEditions } from './editions/index.ts';
import { registerEnregistrement } from './enregistrement/index.ts';
import { overrides } from './objects/index.ts';
import { registerTaches } from './taches/index.ts';
import { tachesEnAttente } from './notifications.ts';

export const courrier: Application = {
  name: 'courrier',
  title: generated.title,
  description: 'Courrier : enregistrement et numérisation des arrivées et des départs, tâches, visas, réponses et archives.',
  version: '1.0.0',
  migrations: { scope: 'courrier', schema: 'courrier', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => {
    registerGenerated(registry, generated, overrides);
    registerEnregistrement(registry);
    registerEditions(registry);
    registerTaches(registry);
    registerDepartArchivesRegistres(registry);
  },
  loadDemo,
  pendingWork: tachesEnAttente,
  // Module rights (pages, treatments, not objects): listed so that the profiles' screen offers them.
  permissions: ['courrier.numerisation', 'courrier.viser', 'courrier.envoyer', 'courrier.archiver', 'courrier.registre_remise_a_zero', 'courrier.statistiques', 'courrier.rouvrir_tache'],
};
