import { tables } from '../../gen/index.ts';
import type { ObjectOverride } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { registerAdminMenu } from './menu.ts';
import { omApiToken } from './om_api_token.ts';
import { omAudit } from './om_audit.ts';
import { omCollectivite } from './om_collectivite.ts';
import { omDashboard } from './om_dashboard.ts';
import { omDroit } from './om_droit.ts';
import { omEtat } from './om_etat.ts';
import { omEtiquette } from './om_etiquette.ts';
import { omLettretype } from './om_lettretype.ts';
import { omLogo } from './om_logo.ts';
import { omParametre } from './om_parametre.ts';
import { omPermission } from './om_permission.ts';
import { omProfil } from './om_profil.ts';
import { omRequete } from './om_requete.ts';
import { omSousetat } from './om_sousetat.ts';
import { omSigCarte } from './om_sig_carte.ts';
import { omSigCarteFlux, omSigCouche, omSigLegende } from './om_sig_couche.ts';
import { omSigAdresse } from './om_sig_adresse.ts';
import { omSigFlux } from './om_sig_flux.ts';
import { omUtilisateur } from './om_utilisateur.ts';
import { omWidget } from './om_widget.ts';

export { registerAdminMenu } from './menu.ts';

/**
 * Hand-written behaviour of the framework's own objects (their metadata is generated in gen/).
 * `registry`: the documents' lists of objects, read when a form is shown (every object registered by then).
 */
export function frameworkOverrides(registry: Registry): Record<string, ObjectOverride> {
  return {
    om_collectivite: omCollectivite,
    om_parametre: omParametre,
    om_profil: omProfil,
    om_droit: omDroit,
    om_utilisateur: omUtilisateur,
    om_api_token: omApiToken,
    om_permission: omPermission,
    om_widget: omWidget,
    om_dashboard: omDashboard,
    om_audit: omAudit,
    om_etat: omEtat(registry),
    om_sousetat: omSousetat,
    om_lettretype: omLettretype(registry),
    om_logo: omLogo,
    om_etiquette: omEtiquette(registry),
    om_requete: omRequete,
    om_sig_flux: omSigFlux,
    om_sig_carte: omSigCarte(registry),
    om_sig_carte_flux: omSigCarteFlux,
    om_sig_couche: omSigCouche(registry),
    om_sig_legende: omSigLegende,
    om_sig_adresse: omSigAdresse,
    // Technical tables, should the generator ever register them: never in a menu, never written.
    om_soumission: { readOnly: true, hiddenFields: ['jeton'], screens: { menu: false } },
  };
}

/** Registers the framework's objects and the administration's menu entries. */
export function registerFrameworkObjects(registry: Registry): void {
  const overrides = frameworkOverrides(registry);
  for (const meta of tables) registry.register(meta, overrides[meta.name] ?? {});
  registerAdminMenu(registry);
}
