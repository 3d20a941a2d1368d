/**
 * The movement (inscription, modification, radiation): its list, its states and provenances in
 * words, the copy of the elector's fields in the elector's groups, its pièces as a sub-form. The
 * instruction itself (states, duplicates, deadline) is the workflow's.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { CIVILITES, ETATS_MOUVEMENT, LIEUX_NAISSANCE, PROVENANCES, SEXES } from '../choices.ts';
import { applicationMenu } from '../menu.ts';
import { mouvementActions } from '../mouvements/actions.ts';
import { mouvementDocuments } from '../mouvements/lettres.ts';
import { ETATS_EN_COURS, etatOf } from '../mouvements/categorie.ts';
import { message } from '../mouvements/messages.ts';
import { beforeMouvementWrite, etatLabel, mouvementErrors } from '../mouvements/saisie.ts';
import { CAS_L30 } from '../rules/calendrier.ts';
import { identiteErrors } from './identite.ts';

export const mouvement: ObjectOverride = {
  defaultSort: ['date_demande', 'mouvement'],
  searchColumns: ['nom', 'nom_usage', 'prenoms'],
  // The workflow's actions write these; the form shows them.
  readOnlyFields: ['etat', 'categorie', 'date_decision', 'date_transmission', 'ancien_bureau'],
  async validate(context) {
    const { action, values, previous, trx, locale } = context;
    if (action === 'delete') return {};
    const row = { ...previous, ...values };
    // The elector an accepted movement writes must pass the elector form's own rules.
    return { ...(await identiteErrors(trx, row, locale)), ...(await mouvementErrors(context)) };
  },
  async beforeWrite(context) {
    const { action, previous, locale } = context;
    if (action === 'delete' && previous && !ETATS_EN_COURS.includes(etatOf(previous))) {
      throw new Veto(message('nonModifiable', { etat: etatLabel(etatOf(previous)) }, locale));
    }
    await beforeMouvementWrite(context);
  },
  canDelete: (record) => ETATS_EN_COURS.includes(etatOf(record)),
  actions: mouvementActions,
  documents: mouvementDocuments,
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
    choices: { cas_l30: CAS_L30.map((cas) => ({ value: cas.code, label: `${cas.article} — ${cas.libelle}` })), etat: ETATS_MOUVEMENT, provenance: PROVENANCES, civilite: CIVILITES, sexe: SEXES, naissance_lieu: LIEUX_NAISSANCE },
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
      { legend: 'Décision', fields: ['etat', 'date_decision', 'date_transmission', 'motif_refus', 'doublon_arbitre'], columns: 2 },
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
    labels: { doublon_arbitre: 'J’ai vérifié : ce n’est pas la même personne', cas_l30: 'Cas de l’article L30' },
    help: {
      doublon_arbitre: 'À cocher seulement après avoir vérifié les doublons possibles que l’enregistrement a signalés.',
      cas_l30: 'Pour une demande déposée après la date limite d’inscription du scrutin choisi.',
      bureau: 'Donné par le découpage de la voie, sauf si « Bureau forcé » est coché.',
      electeur: 'Vide pour une inscription tant qu’elle n’est pas acceptée.',
      commune_provenance: 'Pour une inscription venant d’une autre commune.',
    },
  },
};
