/**
 * « Tâche » (courrier.tache): given by hand from a mail's « Tâches » tab or the tasks' listing, or
 * created with the mail when a reply is wanted (taches/automatique.ts); its rules in
 * taches/regles.ts, its e-mail in taches/notification.ts.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { notifierTache } from '../taches/notification.ts';
import { aNotifier, preparerTache, validerTache } from '../taches/regles.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const tache: ObjectOverride = {
  defaultSort: ['solde', 'date_butoir', 'tache'],
  searchColumns: ['libelle', 'chronoreponse', 'observation'],
  readOnlyFields: ['date_creation', 'automatique', 'notifie_le'],
  prepare: preparerTache,
  validate: validerTache,
  afterWrite: async (context) => {
    const cle = context.result?.tache;
    if (aNotifier(context) && cle !== undefined && cle !== null) await notifierTache(context.trx, Number(cle));
  },
  screens: {
    menu: applicationMenu(RUBRIQUES_COURRIER.travail, 20, 'Toutes les tâches'),
    advancedSearch: [
      { field: 'libelle' },
      { field: 'service' },
      { field: 'agent' },
      { field: 'tache_categorie' },
      { field: 'tache_etat' },
      { field: 'date_butoir' },
      { field: 'solde' },
    ],
    formLayout: [
      { legend: 'Tâche', fields: ['courrier', 'libelle', 'tache_categorie', 'tache_etat'], columns: 2 },
      { legend: 'Affectation', fields: ['service', 'agent'], columns: 2 },
      { legend: 'Échéance', fields: ['date_creation', 'date_butoir', 'date_execution', 'solde'], columns: 2 },
      { legend: 'Réponse', fields: ['chronoreponse', 'reponse'], columns: 2 },
      { legend: 'Suivi', fields: ['observation', 'automatique', 'notifie_le'] },
    ],
    widgets: { chronoreponse: 'textarea', observation: 'textarea' },
    labels: { libelle: 'Libellé', reponse: 'Courrier de départ en réponse' },
    help: {
      service: 'Le service de traitement du courrier ou l’un de ses sous-services (paramètre service_tache).',
      agent: 'Facultatif : un agent du service choisi. Il reçoit la tâche par courriel s’il l’a demandé.',
      date_butoir: 'Pas avant la date de création.',
      solde: 'Une tâche soldée est close : sans date d’exécution, elle prend celle du jour. Seul un responsable du courrier la rouvre.',
      chronoreponse: 'La réponse en texte libre, ou bien le courrier de départ ci-contre.',
      reponse: 'Un courrier de départ (un courrier arrivé est refusé).',
    },
  },
};
