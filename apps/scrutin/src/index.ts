/**
 * L’application « Composition des bureaux » telle que l’instance la sert (commun.config.ts) : les modules générés
 * (gen/, écrits par `commun gen --app apps/scrutin`), les surcharges écrites à la main (src/objects/), la page de
 * contrôle de la composition et le choix d’une personne dans la liste électorale de l’application « Élections ».
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import * as generated from '../gen/index.ts';
import { connecterElections } from './bureaux/reprendre.ts';
import { registerControle } from './controle/routes.ts';
import { loadDemo } from './demo.ts';
import { registerChoixElecteur } from './electeurs/routes.ts';
import { overrides } from './objects/index.ts';

export const scrutin: Application = {
  name: 'scrutin',
  title: generated.title,
  description: 'Composition des bureaux de vote : présidents, assesseurs, secrétaires et délégués, convocations et récépissés.',
  version: '1.0.0',
  migrations: { scope: 'scrutin', schema: 'scrutin', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: (registry) => {
    registerGenerated(registry, generated, overrides);
    registerControle(registry);
    registerChoixElecteur(registry);
  },
  connect: (registry) => connecterElections(registry),
  loadDemo,
};
