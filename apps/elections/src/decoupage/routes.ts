/**
 * The découpage pages (issue 11 §2): « Contrôle du découpage », « Import des voies (BAL) »,
 * « Redécoupage » and its application, each with its own permission.
 */
import { RouteError, type AppPage, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { ServiceError } from '../../../../framework/src/records/index.ts';
import { HEADINGS, TITLE } from '../menu.ts';
import { codeVoieAuto, importVoiesBal } from './bal-import.ts';
import { BalPage, type BalPageState } from './bal-page.tsx';
import { validateBal } from './bal-validation.ts';
import { ControlePage } from './controle-page.tsx';
import { controleDecoupage } from './controle.ts';
import { RedecoupagePage } from './redecoupage-page.tsx';
import { simulate } from './redecoupage.ts';
import { applyOrStartRedecoupage, REDECOUPAGE_JOB_THRESHOLD } from './redecoupage-job.ts';

export const CONTROLE_PERMISSION = 'elections.decoupage_controle';
export const BAL_PERMISSION = 'elections.voie_import_bal';
export const REDECOUPAGE_PERMISSION = 'elections.redecoupage';
export const REDECOUPAGE_APPLIQUER_PERMISSION = 'elections.redecoupage_appliquer';
export const DECOUPAGE_PERMISSIONS = [CONTROLE_PERMISSION, BAL_PERMISSION, REDECOUPAGE_PERMISSION, REDECOUPAGE_APPLIQUER_PERMISSION];

/** Largest BAL file accepted (a town's BAL weighs a few megabytes). */
export const BAL_MAX_BYTES = 10 * 1024 * 1024;

const controlePage: AppPage = {
  app: 'elections',
  path: 'decoupage-controle',
  permission: CONTROLE_PERMISSION,
  menu: { rubrique: 'parametrage', category: HEADINGS.decoupage, order: 60, label: 'Contrôle du découpage' },
  async handler({ read }) {
    return { title: 'Contrôle du découpage', body: ControlePage({ controle: await read(controleDecoupage) }) };
  },
};

async function balPost(context: PageContext<Actor>, state: BalPageState) {
  const fichier = context.files['fichier'];
  const refuse = (liste: string[], champEnErreur: BalPageState['champEnErreur'], status: 400 | 422 = 422) => ({
    status,
    messages: [{ kind: 'error' as const, text: liste.length === 1 ? (liste[0] ?? '') : 'Le fichier n’est pas importé : il contient des erreurs.' }],
    state: { ...state, erreurs: { liste, total: liste.length }, champEnErreur },
  });
  if (!fichier) return refuse(['Choisissez le fichier BAL (CSV) à importer.'], 'fichier', 400);
  if (fichier.size > BAL_MAX_BYTES) return refuse([`Le fichier pèse plus de ${BAL_MAX_BYTES / 1024 / 1024} Mo : il n’est pas importé.`], 'fichier', 400);
  if (state.codePostal !== '' && !/^\d{5}$/.test(state.codePostal)) return refuse([`Le code postal « ${state.codePostal} » doit avoir 5 chiffres.`], 'code_postal', 400);
  const result = await validateBal(Buffer.from(await fichier.arrayBuffer()));
  if (!result.ok) {
    return {
      status: 422 as const,
      messages: [{ kind: 'error' as const, text: `Le fichier n’est pas importé : ${result.total} erreur(s) au regard du format Base Adresse Locale 1.3.` }],
      state: { ...state, erreurs: { liste: [...result.erreurs], total: result.total }, champEnErreur: 'fichier' as const },
    };
  }
  try {
    const resultat = await importVoiesBal(context.service, context.actor, result.voies, {
      codePostal: state.codePostal === '' ? undefined : state.codePostal,
      requestId: context.requestId,
      adresses: result.adresses,
    });
    return {
      status: 200 as const,
      messages: [{ kind: 'success' as const, text: `Import terminé : ${resultat.creees.length} voie(s) créée(s), ${resultat.inchangees.length} inchangée(s), ${resultat.adresses} adresse(s) localisée(s).` }],
      state: { ...state, resultat },
    };
  } catch (error) {
    if (error instanceof RouteError || error instanceof ServiceError) return refuse([error.message], undefined);
    throw error;
  }
}

const balPage: AppPage = {
  app: 'elections',
  path: 'voies-bal',
  methods: ['GET', 'POST'],
  permission: BAL_PERMISSION,
  menu: { rubrique: 'parametrage', category: HEADINGS.decoupage, order: 45, label: 'Import des voies (BAL)' },
  async handler(context) {
    const state: BalPageState = {
      csrf: context.csrf,
      codePostal: (context.form['code_postal'] ?? '').trim(),
      codeAuto: await codeVoieAuto(context.service, context.actor.workingCollectivite),
      maxMo: BAL_MAX_BYTES / 1024 / 1024,
    };
    const title = 'Import des voies (BAL)';
    if (context.method === 'GET') return { title, body: BalPage({ state }) };
    const answer = await balPost(context, state);
    return { title, status: answer.status, messages: answer.messages, body: BalPage({ state: answer.state }) };
  },
};

const redecoupagePage: AppPage = {
  app: 'elections',
  path: 'redecoupage',
  permission: REDECOUPAGE_PERMISSION,
  menu: { rubrique: 'traitement', category: TITLE, order: 50, label: 'Redécoupage' },
  async handler({ actor, read, csrf }) {
    const redecoupage = await read(simulate);
    const mayApply = actor.permissions.has(REDECOUPAGE_APPLIQUER_PERMISSION);
    return { title: 'Redécoupage', body: RedecoupagePage({ redecoupage, csrf: mayApply ? csrf : undefined }) };
  },
};

/** « Appliquer »: from `jobThreshold` electors to move on, as a job followed in « Mes traitements ». */
const appliquerPage = (jobThreshold: number): AppPage => ({
  app: 'elections',
  path: 'redecoupage/appliquer',
  methods: ['POST'],
  permission: REDECOUPAGE_APPLIQUER_PERMISSION,
  handler: (context) => applyOrStartRedecoupage(context, jobThreshold),
});

export interface DecoupageOptions {
  /** Electors to move from which « Appliquer » runs as a job (tests lower it). */
  readonly jobThreshold?: number;
}

export function registerDecoupage(registry: Registry, options: DecoupageOptions = {}): void {
  registry.addPage(controlePage);
  registry.addPage(balPage);
  registry.addPage(redecoupagePage);
  registry.addPage(appliquerPage(options.jobThreshold ?? REDECOUPAGE_JOB_THRESHOLD));
}
