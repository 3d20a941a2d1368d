/**
 * Les plans des cimetières (issue 14 §8) : « Plans des cimetières » (`/cimetiere/plans-cimetieres`,
 * au menu), la page « Plan » d’un cimetière (`/cimetiere/plan-cimetiere/:cimetiere`, ouverte autour
 * d’un emplacement par `?emplacement=`), le passage d’un emplacement à son plan
 * (`/cimetiere/plan-emplacement/:emplacement`), la source GeoJSON des emplacements d’un cimetière
 * (`/api/v1/cimetiere/plan-cimetiere/:cimetiere/emplacements`) ; et, pour les autres parties, la
 * carte de la collectivité (`configurerPlans`), les liens des fiches et « Localiser » un emplacement.
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { RouteError, type PageAnswer, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { configurationDuPlan, sourceEmplacementsDuPlan } from './carte.ts';
import {
  compterParEtat,
  emplacementsDuPlan,
  empriseAutourDe,
  lireCimetiere,
  lirePlansScannes,
  lirePositionEmplacement,
  listerCimetieres,
} from './donnees.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from '../objects/menu.ts';
import { cheminPlan, PERMISSION_PLAN } from './liens.ts';
import { PlansPage } from './liste-page.tsx';
import { PlanPage } from './page.tsx';

export { configurationDuPlan, sourceEmplacementsDuPlan } from './carte.ts';
export { configurerPlans, LEGENDE_ETATS } from './configuration.ts';
export { cheminPlan, lienPlanDeLEmplacement, lienPlanDuCimetiere, PERMISSION_PLAN } from './liens.ts';
export { localisateurEmplacement } from './localiser.ts';

const TITRE_PLANS = 'Plans des cimetières';

const entier = (texte: string | undefined): number | undefined => (texte !== undefined && /^\d{1,9}$/.test(texte) ? Number(texte) : undefined);

const introuvable = () => RouteError.notFound('Ce cimetière n’existe pas, ou il n’est pas de votre collectivité.');

async function pagePlan(context: PageContext<Actor>): Promise<PageAnswer> {
  const id = entier(context.params['cimetiere']);
  if (id === undefined) throw introuvable();
  const lu = await context.read(async (db) => {
    const cimetiere = await lireCimetiere(db, id);
    if (!cimetiere) return undefined;
    return { cimetiere, plans: await lirePlansScannes(db, id), ...(await compterParEtat(db, id)) };
  });
  if (!lu) throw introuvable();
  // `?emplacement=` : la vue s’ouvre autour de cet emplacement (s’il est placé, dans ce cimetière).
  const demande = entier(context.query.get('emplacement') ?? undefined);
  const position = demande === undefined ? undefined : await context.read((db) => lirePositionEmplacement(db, demande));
  const autour = position?.cimetiere === id && position.point ? empriseAutourDe(position.point) : null;
  const cimetiere = autour ? { ...lu.cimetiere, emprise: autour } : lu.cimetiere;
  const configuration = await configurationDuPlan(context.service, context.actor, cimetiere, lu.plans);
  const title = `Plan — ${lu.cimetiere.libelle}`;
  return {
    title,
    breadcrumb: [
      { label: TITRE_PLANS, href: '/cimetiere/plans-cimetieres' },
      { label: lu.cimetiere.libelle, href: `/cimetiere/cimetiere/${id}` },
      { label: 'Plan' },
    ],
    body: PlanPage({
      modele: {
        cimetiere: lu.cimetiere,
        configuration,
        sourceEmplacements: sourceEmplacementsDuPlan(id),
        comptes: lu.comptes,
        sansPosition: lu.sansPosition,
        plansScannes: lu.plans,
      },
    }),
  };
}

/** `bbox=ouest,sud,est,nord` en EPSG:4326, comme la carte la demande. */
function boiteDe(texte: string | null): [number, number, number, number] | undefined {
  if (texte === null || texte.trim() === '') return undefined;
  const parties = texte.split(',').map((partie) => partie.trim());
  const nombres = parties.map(Number);
  const [ouest, sud, est, nord] = nombres;
  const lisible = parties.length === 4 && parties.every((partie) => /^[-+]?\d{1,3}(\.\d{1,12})?$/.test(partie));
  if (!lisible || ouest === undefined || sud === undefined || est === undefined || nord === undefined || ouest >= est || sud >= nord) {
    throw RouteError.badRequest(`La boîte « ${texte.slice(0, 80)} » est illisible : donnez ouest,sud,est,nord en degrés, par exemple 2.35,48.85,2.36,48.86.`);
  }
  return [ouest, sud, est, nord];
}

/** `plan-emplacement/:emplacement` : vers le plan de son cimetière, ouvert autour de lui. */
async function versLePlanDeLEmplacement(context: PageContext<Actor>): Promise<PageAnswer> {
  const id = entier(context.params['emplacement']);
  const position = id === undefined ? undefined : await context.read((db) => lirePositionEmplacement(db, id));
  if (!position) throw RouteError.notFound('Cet emplacement n’existe pas, ou il n’est pas de votre collectivité.');
  const chemin = `${cheminPlan(position.cimetiere)}?emplacement=${position.emplacement}`;
  if (position.point) return { redirect: chemin };
  return {
    redirect: chemin,
    flash: { kind: 'info', text: 'Cet emplacement n’a pas encore de position sur le plan : utilisez « Localiser » dans son formulaire.' },
  };
}

export function registerPlans(registry: Registry): void {
  registry.addPage({
    app: 'cimetiere',
    path: 'plans-cimetieres',
    permission: PERMISSION_PLAN,
    menu: { ...applicationMenu(RUBRIQUES_CIMETIERE.emplacements, 90, TITRE_PLANS), label: TITRE_PLANS },
    handler: async (context) => ({
      title: TITRE_PLANS,
      breadcrumb: [{ label: 'Application' }, { label: TITRE_PLANS }],
      body: PlansPage({ cimetieres: await context.read(listerCimetieres), chemin: cheminPlan }),
    }),
  });
  registry.addPage({ app: 'cimetiere', path: 'plan-cimetiere/:cimetiere', permission: PERMISSION_PLAN, handler: pagePlan });
  registry.addPage({ app: 'cimetiere', path: 'plan-emplacement/:emplacement', permission: PERMISSION_PLAN, handler: versLePlanDeLEmplacement });
  registry.addApiRoute({
    app: 'cimetiere',
    method: 'GET',
    path: 'plan-cimetiere/:cimetiere/emplacements',
    permission: PERMISSION_PLAN,
    doc: {
      summary: 'Les emplacements placés d’un cimetière (GeoJSON, EPSG:4326), avec leur état.',
      query: [{ name: 'bbox', description: 'ouest,sud,est,nord en degrés : les emplacements dans cette boîte seulement.', example: '2.35,48.85,2.36,48.86' }],
    },
    handler: async (context) => {
      const id = entier(context.params['cimetiere']);
      if (id === undefined) throw introuvable();
      const boite = boiteDe(context.query.get('bbox'));
      return context.read(async (db) => {
        if (!(await lireCimetiere(db, id))) throw introuvable();
        return emplacementsDuPlan(db, id, boite);
      });
    },
  });
}
