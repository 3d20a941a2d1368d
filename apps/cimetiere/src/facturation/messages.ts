/** Messages of the bills (numbering, states, locks), French first. */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages('cimetiere_facturation', {
  nonSupprimable: 'La facture n° {numero} ne se supprime pas (le registre des factures n’a pas de trou) : annulez-la.',
  verrouillee: 'La facture n° {numero} est {etat} : elle ne se modifie plus.',
  pasATitrer: 'La facture n° {numero} n’est pas à titrer (elle est {etat}).',
  numeroTitre: 'Saisissez le numéro du titre de recette (30 caractères au plus).',
  titree: 'Titre n° {titre} du {date} émis pour la facture n° {numero} ({montant}).',
  payable: 'Seule une facture titrée s’enregistre comme payée.',
  payee: 'Facture n° {numero} payée le {date}.',
  annulable: 'Seule une facture émise, pas encore titrée, s’annule.',
  annulee: 'Facture n° {numero} annulée.',
  etatTitree: 'titrée',
  etatPayee: 'payée',
  etatAnnulee: 'annulée',
});
