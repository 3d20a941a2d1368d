/**
 * The register of processing activities (GDPR article 30): generated metadata (`gen/`) plus the
 * hand-written overrides (`src/objects/`), the status workflow, dashboard widgets and demo data.
 */
import { fileURLToPath } from 'node:url';
import { registerGenerated, type Application } from '../../../framework/src/application.ts';
import type { Registry } from '../../../framework/src/model/registry.ts';
import * as generated from '../gen/index.ts';
import { loadDemo } from './demo.ts';
import { overrides } from './objects/index.ts';
import { revuesWidget, statutsWidget } from './widgets.ts';

export function registerRegistre(registry: Registry): void {
  registerGenerated(registry, generated, overrides);
  registry.addWidget(statutsWidget);
  registry.addWidget(revuesWidget);
}

export const registre: Application = {
  name: 'registre',
  title: generated.title,
  description: 'Registre des activités de traitement (RGPD) : traitements, sous-traitants, mesures de sécurité et violations de données.',
  version: '1.0.0',
  migrations: { scope: 'registre', schema: 'registre', directory: fileURLToPath(new URL('../migrations', import.meta.url)) },
  register: registerRegistre,
  loadDemo,
};
