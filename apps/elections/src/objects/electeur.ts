/**
 * The elector: the form in openElec's groups, the birthplace fields that match « Lieu de
 * naissance » (the framework has no conditional fields: all three are shown, the rule says which
 * one to fill), the communes and countries of birth by autocomplete (former ones offered too).
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { CIVILITES, LIEUX_NAISSANCE, SEXES } from '../choices.ts';
import { applicationMenu } from '../menu.ts';
import { electeurActions } from '../mouvements/fiche-electeur.ts';
import { identiteErrors } from './identite.ts';

export const electeur: ObjectOverride = {
  defaultSort: ['nom', 'prenoms', 'date_naissance'],
  searchColumns: ['nom', 'nom_usage', 'prenoms', 'ine'],
  async validate({ action, values, previous, trx, locale }) {
    if (action === 'delete') return {};
    const row = { ...previous, ...values };
    return identiteErrors(trx, row, locale);
  },
  actions: electeurActions,
  screens: {
    menu: applicationMenu(10, 'Électeurs'),
    subForms: { titles: { mouvement: 'Historique des mouvements' } },
    advancedSearch: [
      { field: 'nom' },
      { field: 'prenoms' },
      { field: 'date_naissance' },
      { field: 'liste' },
      { field: 'bureau' },
      { field: 'voie' },
      { field: 'nationalite' },
      // « Depuis une date » : the cards of electors registered since then.
      { field: 'date_inscription' },
    ],
    choices: { civilite: CIVILITES, sexe: SEXES, naissance_lieu: LIEUX_NAISSANCE },
    widgets: {
      commune_naissance: 'autocomplete',
      pays_naissance: 'autocomplete',
      observations: 'textarea',
    },
    expiredChoices: ['commune_naissance', 'pays_naissance'],
    formLayout: [
      { legend: 'État civil', fields: ['liste', 'civilite', 'sexe', 'nom', 'nom_usage', 'prenoms', 'ine', 'nom_recherche'], columns: 2 },
      {
        legend: 'Naissance',
        fields: ['date_naissance', 'naissance_lieu', 'commune_naissance', 'pays_naissance', 'departement_algerie', 'libelle_lieu_naissance'],
        columns: 2,
      },
      { legend: 'Nationalité', fields: ['nationalite'] },
      { legend: 'Adresse dans la commune', fields: ['numero', 'complement_numero', 'voie', 'complement'], columns: 2 },
      {
        legend: 'Contact',
        fields: ['contact_adresse', 'contact_complement', 'contact_code_postal', 'contact_ville', 'telephone', 'courriel'],
        columns: 2,
        collapsible: true,
      },
      {
        legend: 'Bureau',
        fields: ['bureau', 'bureau_force', 'motif_bureau_force', 'numero_liste', 'numero_bureau', 'date_inscription', 'type_inscription', 'carte_retour'],
        columns: 2,
      },
      { legend: 'Observations', fields: ['observations'], collapsible: true },
    ],
    help: {
      naissance_lieu: 'Selon ce choix, renseignez la commune (en France), le pays et la ville (à l’étranger) ou le département et la ville (en Algérie) ; laissez les autres vides.',
      commune_naissance: 'Tapez le début du nom ou le code INSEE ; les anciennes communes sont proposées.',
      pays_naissance: 'Tapez le début du nom ou le code INSEE (99…).',
      libelle_lieu_naissance: 'Pour une naissance à l’étranger ou en Algérie : la ville, telle que sur l’acte de naissance.',
      nationalite: 'Française pour la liste principale ; celle d’un autre État de l’Union européenne pour les listes complémentaires.',
      numero: 'Saisissez 0 quand l’adresse n’a pas de numéro.',
      bureau_force: 'Cochez pour garder ce bureau quel que soit le découpage de la voie ; le motif est alors obligatoire.',
    },
  },
};
