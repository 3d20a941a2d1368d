/**
 * « Facture » (cimetiere.facture). Its number is given at creation in the year's register
 * (F-AAAA-n); choosing a payer (a concessionnaire) copies its name and address. States:
 * emise → titree (« Émettre le titre », right `facture_titrer`, with the titre's number and date)
 * → payee; emise → annulee. A titrée, payée or annulée bill no longer changes, and no bill is
 * deleted (the register has no gap): it is cancelled.
 */
import { sql } from 'kysely';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';
import { Veto, type ActionContext, type ObjectOverride, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import { aujourdhuiAParis } from '../core/etat.ts';
import { prochainNumero } from '../core/registres.ts';
import { dateFr, texteDate } from '../concessions/dates.ts';
import { payeurDe } from '../concessions/lecture.ts';
import { ETATS_FACTURE, OBJETS_FACTURE } from '../concessions/libelles.ts';
import { dateSaisie, texte } from '../concessions/saisie.ts';
import { euros } from '../facturation/factures.ts';
import { message } from '../facturation/messages.ts';

const etatEnMots = (etat: unknown): string =>
  etat === 'titree' ? message('etatTitree') : etat === 'payee' ? message('etatPayee') : etat === 'annulee' ? message('etatAnnulee') : String(etat);

async function preparer(context: PrepareContext): Promise<void> {
  const { values, trx } = context;
  const payeur = values['payeur'];
  const payeurChange = payeur !== null && payeur !== undefined && (context.action === 'create' || payeur !== context.previous?.['payeur']);
  if (payeurChange) {
    const lu = await payeurDe(trx, Number(payeur));
    if (lu) {
      values['payeur_nom'] = lu.nom.slice(0, 150);
      values['payeur_adresse1'] = lu.adresse1;
      values['payeur_adresse2'] = lu.adresse2;
      values['payeur_cp'] = lu.cp;
      values['payeur_ville'] = lu.ville;
    }
  }
  if (context.action === 'create') {
    const date = texteDate(values['date_facture']) ?? aujourdhuiAParis();
    values['date_facture'] = date;
    const emplacement = (await sql<{ om_collectivite: number }>`select om_collectivite from cimetiere.emplacement where emplacement = ${values['emplacement'] ?? null}`.execute(trx)).rows[0];
    values['numero'] = await prochainNumero(trx, 'facture', date, Number(values['om_collectivite'] ?? emplacement?.om_collectivite ?? context.actor.workingCollectivite));
  }
}

function verrou(context: WriteContext): void {
  if (context.action === 'create') return;
  const numero = String(context.previous?.['numero']);
  if (context.action === 'delete') throw new Veto(message('nonSupprimable', { numero }));
  const etat = String(context.previous?.['etat'] ?? 'emise');
  if (etat !== 'emise') throw new Veto(message('verrouillee', { numero, etat: etatEnMots(etat) }));
}

const numeroDe = (context: ActionContext) => String(context.record['numero']);

export const facture: ObjectOverride = {
  searchColumns: ['numero', 'payeur_nom', 'libelle'],
  defaultSort: ['-date_facture', '-facture'],
  readOnlyFields: ['numero', 'etat', 'numero_titre', 'date_titre', 'date_paiement'],
  prepare: preparer,
  beforeWrite: verrou,
  canDelete: () => false,
  actions: {
    titrer: {
      label: 'Émettre le titre',
      permissionSuffix: 'titrer',
      order: 10,
      condition: (record) => record['etat'] === 'emise',
      unavailableMessage: (record) => message('pasATitrer', { numero: String(record['numero']), etat: etatEnMots(record['etat']) }),
      inputs: [
        { name: 'numero_titre', label: 'Numéro du titre de recette', widget: 'text', required: true },
        { name: 'date_titre', label: 'Date du titre', widget: 'text', help: 'JJ/MM/AAAA ; aujourd’hui si vide.' },
      ],
      run: async (context) => {
        const numeroTitre = texte(context.input['numero_titre']);
        if (numeroTitre === '' || numeroTitre.length > 30) {
          const erreur = message('numeroTitre');
          throw new Veto(erreur, { numero_titre: erreur });
        }
        const date = dateSaisie(context.input['date_titre'], 'date_titre', 'la date du titre');
        await sql`update cimetiere.facture set etat = 'titree', numero_titre = ${numeroTitre}, date_titre = ${date} where facture = ${context.record['facture']}`.execute(context.trx);
        return { message: message('titree', { titre: numeroTitre, date: dateFr(date), numero: numeroDe(context), montant: euros(Number(context.record['montant'])) }) };
      },
    },
    payer: {
      label: 'Enregistrer le paiement',
      permissionSuffix: 'titrer',
      order: 20,
      condition: (record) => record['etat'] === 'titree',
      unavailableMessage: () => message('payable'),
      inputs: [{ name: 'date_paiement', label: 'Date du paiement', widget: 'text', help: 'JJ/MM/AAAA ; aujourd’hui si vide.' }],
      run: async (context) => {
        const date = dateSaisie(context.input['date_paiement'], 'date_paiement', 'la date du paiement');
        await sql`update cimetiere.facture set etat = 'payee', date_paiement = ${date} where facture = ${context.record['facture']}`.execute(context.trx);
        return { message: message('payee', { numero: numeroDe(context), date: dateFr(date) }) };
      },
    },
    annuler: {
      label: 'Annuler la facture',
      permissionSuffix: 'titrer',
      order: 30,
      condition: (record) => record['etat'] === 'emise',
      unavailableMessage: () => message('annulable'),
      run: async (context) => {
        await sql`update cimetiere.facture set etat = 'annulee' where facture = ${context.record['facture']}`.execute(context.trx);
        return { message: message('annulee', { numero: numeroDe(context) }) };
      },
    },
  },
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.facturation, 10, 'Factures'),
    choices: { objet: OBJETS_FACTURE, etat: ETATS_FACTURE },
    advancedSearch: [{ field: 'numero' }, { field: 'etat' }, { field: 'objet' }, { field: 'date_facture' }, { field: 'payeur_nom' }],
    help: {
      numero: 'Donné à l’enregistrement, dans le registre des factures de l’année (F-AAAA-n).',
      payeur: 'Choisir un concessionnaire recopie son nom et son adresse ci-dessous.',
    },
  },
};
