/**
 * The processing activity: a status workflow (brouillon → validé → archivé) that only its actions
 * change, and the rule that sensitive data needs an impact assessment (AIPD) date.
 */
import type { Row } from '../../../../framework/src/db/index.ts';
import type { FieldErrors, ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';
import { message } from '../messages.ts';
import { archiverAction, STATUTS, statutLabel, validerAction } from '../workflow.ts';

/** The values a write leaves in the row: the previous row with the written values over it. */
const resulting = (values: Row, previous: Row | undefined): Row => ({ ...previous, ...values });

/** Sensitive data without an AIPD date: the message, on the AIPD field. */
export function aipdErrors(row: Row, locale: Parameters<typeof message>[1]): FieldErrors {
  const missing = row.donnees_sensibles === true && (row.date_aipd === null || row.date_aipd === undefined || row.date_aipd === '');
  return missing ? { date_aipd: message('aipdRequise', locale) } : {};
}

export const traitement: ObjectOverride = {
  searchColumns: ['libelle', 'responsable'],
  defaultSort: ['libelle'],
  // Kept by the database (migration 0003): the dates the CNIL's model register asks for.
  readOnlyFields: ['statut', 'date_creation', 'date_maj'],
  actions: { valider: validerAction, archiver: archiverAction },
  validate({ action, values, previous, locale }) {
    if (action === 'delete') return {};
    return aipdErrors(resulting(values, previous), locale);
  },
  screens: {
    menu: { rubrique: 'application', category: MENU_CATEGORY, order: 10, label: 'Registre des traitements' },
    listColumns: ['libelle', 'service', 'base_legale', 'statut', 'donnees_sensibles', 'date_revue_dpo'],
    advancedSearch: [
      { field: 'libelle' },
      { field: 'statut', kind: 'select' },
      { field: 'service' },
      { field: 'base_legale' },
      { field: 'donnees_sensibles' },
      { field: 'date_revue_dpo', label: 'Date de revue DPO' },
    ],
    choices: { statut: STATUTS.map((value) => ({ value, label: statutLabel(value, 'fr') })) },
    widgets: { finalite: 'textarea', observations: 'textarea' },
    formLayout: [
      { legend: 'Identification', fields: ['libelle', 'service', 'responsable'], columns: 1 },
      { legend: 'Finalité et base légale', fields: ['finalite', 'base_legale'] },
      { legend: 'Conformité', fields: ['statut', 'donnees_sensibles', 'date_aipd', 'date_revue_dpo'], columns: 2 },
      { legend: 'Observations', fields: ['observations'], collapsible: true },
      { legend: 'Suivi de la fiche', fields: ['date_creation', 'date_maj'], columns: 2 },
    ],
    help: {
      libelle: 'Un nom court que les agents reconnaissent (« Inscriptions à la cantine scolaire »).',
      finalite: 'Pourquoi les données sont collectées : l’objectif principal et, s’il y en a, les sous-finalités.',
      base_legale: 'Le fondement du traitement au sens de l’article 6 du RGPD ; pour une commune, souvent l’obligation légale ou la mission d’intérêt public.',
      statut: 'Le statut change par les actions « Valider » puis « Archiver ».',
      donnees_sensibles: 'Santé, opinions, origine, religion, orientation sexuelle, biométrie… (article 9 du RGPD).',
      date_aipd: 'Obligatoire pour un traitement de données sensibles.',
      date_revue_dpo: 'Date à laquelle le délégué à la protection des données doit revoir la fiche.',
    },
    subForms: {
      order: [
        'traitement_categorie_donnees',
        'traitement_categorie_personnes',
        'traitement_destinataire',
        'duree_conservation',
        'traitement_sous_traitant',
        'transfert_hors_ue',
        'traitement_mesure_securite',
      ],
      titles: {
        traitement_categorie_donnees: 'Données',
        traitement_categorie_personnes: 'Personnes concernées',
        traitement_destinataire: 'Destinataires',
        duree_conservation: 'Conservation',
        traitement_sous_traitant: 'Sous-traitants',
        transfert_hors_ue: 'Transferts hors UE',
        traitement_mesure_securite: 'Sécurité',
      },
    },
  },
};

