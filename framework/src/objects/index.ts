import { tables } from '../../gen/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { omApiToken } from './om_api_token.ts';
import { omCollectivite } from './om_collectivite.ts';
import { omUtilisateur } from './om_utilisateur.ts';

/** Hand-written behaviour of the framework's own objects (their metadata is generated in gen/). */
const overrides: Record<string, ObjectOverride> = {
  om_utilisateur: omUtilisateur,
  om_collectivite: omCollectivite,
  om_api_token: omApiToken,
  om_permission: { readOnly: true, defaultSort: ['libelle'] },
  om_audit: { readOnly: true, defaultSort: ['-horodatage'], searchColumns: ['login', 'objet', 'cle', 'action'] },
  om_droit: { defaultSort: ['libelle'], sharedByAllCollectivites: true },
  om_profil: { defaultSort: ['-hierarchie'], sharedByAllCollectivites: true },
  om_widget: { sharedByAllCollectivites: true },
  om_dashboard: { sharedByAllCollectivites: true },
  om_requete: { sharedByAllCollectivites: true },
};

export function registerFrameworkObjects(registry: Registry): void {
  for (const meta of tables) registry.register(meta, overrides[meta.name] ?? {});
}
