/**
 * The movement (inscription, modification, radiation): its list, its states and provenances in
 * words, the copy of the elector's fields in the elector's groups, its pièces as a sub-form. The
 * instruction itself (states, duplicates, deadline) is the workflow's.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { CIVILITES, ETATS_MOUVEMENT, LIEUX_NAISSANCE, PROVENANCES, SEXES } from '../choices.ts';
import { applicationMenu } from '../menu.ts';
import { bureauForceErrors, lieuNaissanceErrors } from './identite.ts';

export const mouvement: ObjectOverride = {
  defaultSort: ['date_demande', 'mouvement'],
  searchColumns: ['nom', 'nom_usage', 'prenoms'],
  validate({ action, values, previous, locale }) {
    if (action === 'delete') return {};
    const row = { ...previous, ...values };
    return { ...lieuNaissanceErrors(row, locale), ...bureauForceErrors(row, locale) };
  },
  screens: {
    menu: applicationMenu(20, 'Mouvements'),
    advancedSearch: [
      { field: 'type_mouvement' },
      { field: 'etat', kind: 'select' },
      { field: 'provenance', kind: 'select' },
      { field: 'liste' },
      { field: 'nom' },
      { field: 'date_demande' },
    ],
    choices: { etat: ETATS_MOUVEMENT, provenance: PROVENANCES, civilite: CIVILITES, sexe: SEXES, naissance_lieu: LIEUX_NAISSANCE },
    widgets: {
      electeur: 'autocomplete',
      commune_naissance: 'autocomplete',
      pays_naissance: 'autocomplete',
      commune_provenance: 'autocomplete',
      motif_refus: 'textarea',
      observations: 'textarea',
    },
    expiredChoices: ['commune_naissance', 'pays_naissance', 'commune_provenance'],
    formLayout: [
      { legend: 'Demande', fields: ['type_mouvement', 'liste', 'electeur', 'date_demande', 'provenance', 'scrutin', 'cas_l30'], columns: 2 },
      { legend: 'Décision', fields: ['etat', 'date_decision', 'motif_refus', 'doublon_arbitre'], columns: 2 },
      { legend: 'État civil', fields: ['civilite', 'sexe', 'nom', 'nom_usage', 'prenoms', 'nom_recherche'], columns: 2 },
      {
        legend: 'Naissance',
        fields: ['date_naissance', 'naissance_lieu', 'commune_naissance', 'pays_naissance', 'departement_algerie', 'libelle_lieu_naissance'],
        columns: 2,
      },
      { legend: 'Nationalité', fields: ['nationalite', 'commune_provenance'] },
      { legend: 'Adresse dans la commune', fields: ['numero', 'complement_numero', 'voie', 'complement'], columns: 2 },
      {
        legend: 'Contact',
        fields: ['contact_adresse', 'contact_complement', 'contact_code_postal', 'contact_ville', 'telephone', 'courriel'],
        columns: 2,
        collapsible: true,
      },
      { legend: 'Bureau', fields: ['bureau', 'bureau_force', 'motif_bureau_force', 'ancien_bureau'], columns: 2 },
      { legend: 'Observations', fields: ['observations'], collapsible: true },
    ],
    subForms: { titles: { piece: 'Pièces justificatives' } },
    help: {
      electeur: 'Vide pour une inscription tant qu’elle n’est pas acceptée.',
      commune_provenance: 'Pour une inscription venant d’une autre commune.',
    },
  },
};
