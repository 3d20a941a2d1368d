/**
 * La carte d’un plan de cimetière : celle que la collectivité a réglée pour ses emplacements (ou,
 * sans réglage, les couches que `configurerPlans` écrirait), en Lambert-93, ouverte sur le
 * cimetière, ses couches restreintes à lui, ses plans scannés dessous pour qui peut les consulter.
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { can } from '../../../../framework/src/access/permissions.ts';
import { mapConfiguration, type MapConfiguration, type MapOverlay } from '../../../../framework/src/maps/configuration.ts';
import { withImageLayers } from '../../../../framework/src/maps/image-layer.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import type { ReadDeps } from '../../../../framework/src/records/read.ts';
import { COUCHES_PLAN, LEGENDE_ETATS } from './configuration.ts';
import type { CimetierePlan, PlanScanne } from './donnees.ts';
import { cheminPlan } from './liens.ts';

export const sourceEmplacementsDuPlan = (cimetiere: number): string => `/api/v1${cheminPlan(cimetiere)}/emplacements`;

/** Une couche du plan quand la collectivité n’a pas réglé sa carte : celles que `configurerPlans` écrirait. */
function couchesParDefaut(registry: Registry, actor: Actor): MapOverlay[] {
  return COUCHES_PLAN.flatMap((couche, index) => {
    const object = registry.get('cimetiere', couche.table);
    if (!object || !can(actor, object, 'tab')) return [];
    const query = new URLSearchParams({ format: 'geojson', geometrie: couche.champGeometrie });
    return [{
      id: -(index + 1),
      label: couche.libelle,
      app: 'cimetiere',
      table: couche.table,
      geometryField: couche.champGeometrie,
      source: `/api/v1/cimetiere/${couche.table}?${query.toString()}`,
      visible: true,
      order: couche.ordre,
      style: couche.champStyle ? { field: couche.champStyle, legend: LEGENDE_ETATS.map((entree) => ({ value: entree.valeur, label: entree.libelle, color: entree.couleur })) } : null,
    }];
  });
}

/** La couche telle que le plan de CE cimetière la charge : ses emplacements, ses zones, son périmètre. */
function restreinte(overlay: MapOverlay, cimetiere: number): MapOverlay {
  if (overlay.app !== 'cimetiere') return overlay;
  if (overlay.table === 'emplacement' && overlay.geometryField === 'geom') {
    const legend = overlay.style && overlay.style.legend.length > 0 ? overlay.style.legend : LEGENDE_ETATS.map((entree) => ({ value: entree.valeur, label: entree.libelle, color: entree.couleur }));
    return { ...overlay, source: sourceEmplacementsDuPlan(cimetiere), style: { field: 'etat', legend } };
  }
  if (overlay.table === 'zone' || overlay.table === 'cimetiere') {
    return { ...overlay, source: `${overlay.source}&${encodeURIComponent('filter[cimetiere]')}=${cimetiere}` };
  }
  return overlay;
}

/** La carte des emplacements de la collectivité, en Lambert-93, ouverte sur le cimetière, son plan scanné dessous. */
export async function configurationDuPlan(
  deps: ReadDeps,
  actor: Actor,
  cimetiere: CimetierePlan,
  plans: readonly PlanScanne[],
): Promise<MapConfiguration> {
  const reglee = await mapConfiguration(deps, actor, 'cimetiere', 'emplacement');
  const aSesEmplacements = reglee.overlays.some((overlay) => overlay.app === 'cimetiere' && overlay.table === 'emplacement');
  const overlays = (aSesEmplacements ? reglee.overlays : couchesParDefaut(deps.registry, actor)).map((overlay) => restreinte(overlay, cimetiere.cimetiere));
  const configuration: MapConfiguration = {
    ...reglee,
    projection: 'EPSG:2154',
    center: null,
    zoom: null,
    extent: cimetiere.emprise ?? reglee.extent,
    overlays,
  };
  const planObject = deps.registry.get('cimetiere', 'plan');
  const voitLesPlans = planObject !== undefined && can(actor, planObject, 'consulter');
  return withImageLayers(
    configuration,
    voitLesPlans ? plans.map((plan) => ({ label: `Plan scanné : ${plan.libelle}`, url: `/cimetiere/plan/${plan.plan}/fichier/fichier`, extent: plan.emprise })) : [],
  );
}
