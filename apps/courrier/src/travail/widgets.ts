/**
 * The dashboard widgets of « Courrier » (placed by migration 0004): « mes tâches » (my open tasks,
 * the late ones first), « tâches en retard » (per service, each linking to the screen filtered on
 * it) and « tâches non soldées par service » (a chart, its table as the text alternative). Read as
 * the user.
 */
import type { ServerWidget } from '../../../../framework/src/model/extensions.ts';
import { agentDe } from '../core/agents.ts';
import { dateFr } from '../taches/dates.ts';
import { CHEMINS_TRAVAIL } from './pages.tsx';
import { comptesParService, tachesOuvertes } from './requetes.ts';
import { joursFr } from './vues.tsx';

const LECTEURS = ['courrier.tache', 'courrier.tache_tab'];
const MES_TACHES_AFFICHEES = 5;
const nombre = new Intl.NumberFormat('fr-FR');
const taches = (n: number) => `${nombre.format(n)} ${n > 1 ? 'tâches' : 'tâche'}`;

export const mesTachesWidget: ServerWidget = {
  id: 'courrier.mes_taches',
  label: 'Courrier : mes tâches',
  permissions: LECTEURS,
  async render({ read, actor }) {
    const page = await read(async (db) => {
      const agent = await agentDe(db, actor);
      return agent ? tachesOuvertes(db, { enRetard: false, agent: agent.agent }, 1, MES_TACHES_AFFICHEES) : undefined;
    });
    if (!page || page.total === 0) return { kind: 'counter', value: 0, label: 'tâche non soldée vous est confiée', href: `/courrier/${CHEMINS_TRAVAIL.monCourrier}` };
    return {
      kind: 'list',
      items: page.lignes.map((t) => ({
        label: `${t.libelle} (courrier ${t.numero})`,
        href: `/courrier/tache/${t.tache}`,
        detail: t.retard > 0 ? `En retard de ${joursFr(t.retard)}` : t.butoir ? `À faire avant le ${dateFr(t.butoir)}` : 'Sans date butoir',
      })),
      more: { label: `${taches(page.total)} non ${page.total > 1 ? 'soldées' : 'soldée'} : voir mon courrier`, href: `/courrier/${CHEMINS_TRAVAIL.monCourrier}` },
    };
  },
};

export const tachesEnRetardWidget: ServerWidget = {
  id: 'courrier.taches_en_retard',
  label: 'Courrier : tâches en retard',
  permissions: LECTEURS,
  async render({ read }) {
    const comptes = (await read((db) => comptesParService(db))).filter((c) => c.enRetard > 0);
    const total = comptes.reduce((somme, c) => somme + c.enRetard, 0);
    if (total === 0) return { kind: 'counter', value: 0, label: 'tâche en retard', href: `/courrier/${CHEMINS_TRAVAIL.enRetard}` };
    return {
      kind: 'list',
      items: comptes.map((c) => ({ label: c.libelle, href: `/courrier/${CHEMINS_TRAVAIL.enRetard}?service=${c.service}`, detail: `${taches(c.enRetard)} en retard` })),
      more: { label: `${taches(total)} en retard : voir la liste`, href: `/courrier/${CHEMINS_TRAVAIL.enRetard}` },
    };
  },
};

export const tachesParServiceWidget: ServerWidget = {
  id: 'courrier.taches_par_service',
  label: 'Courrier : tâches non soldées par service',
  permissions: LECTEURS,
  async render({ read }) {
    const comptes = await read((db) => comptesParService(db));
    if (comptes.length === 0) return { kind: 'counter', value: 0, label: 'tâche non soldée', href: `/courrier/${CHEMINS_TRAVAIL.nonSoldees}` };
    const total = comptes.reduce((somme, c) => somme + c.nonSoldees, 0);
    return {
      kind: 'chart',
      chart: 'bar',
      title: `Tâches non soldées par service (${taches(total)} au total)`,
      labels: comptes.map((c) => c.libelle),
      series: [
        { label: 'Non soldées', values: comptes.map((c) => c.nonSoldees) },
        { label: 'Dont en retard', values: comptes.map((c) => c.enRetard) },
      ],
    };
  },
};

export const WIDGETS_COURRIER = [mesTachesWidget, tachesEnRetardWidget, tachesParServiceWidget] as const;
