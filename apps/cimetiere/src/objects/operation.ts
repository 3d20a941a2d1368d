/**
 * A funeral operation (cimetiere.md §2.8, §3.7): its dossier number given at creation from the
 * yearly register, its rules checked while it is en cours (controles.ts), definitive once
 * validated or cancelled; « Valider », « Annuler », « Préparer les courriers »; its autorisation
 * printed from its page.
 */
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { prochainNumero } from '../core/registres.ts';
import { parametresCimetiere } from '../core/parametres.ts';
import { annuler } from '../operations/annuler.ts';
import { controlerOperation } from '../operations/controles.ts';
import { operationDocuments, preparerCourriers } from '../operations/courriers.ts';
import { CATEGORIES, ETATS, messageNonActive, NATURES_DEFUNT_INHUME } from '../operations/libelles.ts';
import { menuOperations } from '../operations/menu.ts';
import { valider } from '../operations/valider.ts';
import { deverrouiller } from '../operations/verrou.ts';

async function validateOperation(context: WriteContext): Promise<FieldErrors> {
  const { action, previous, values, trx } = context;
  if (action === 'delete') return {};
  if (previous && previous.etat !== 'actif') throw new Veto(messageNonActive(previous.etat));
  if (previous && values.categorie !== undefined && values.categorie !== previous.categorie) {
    return { categorie: 'La catégorie d’une opération ne change plus une fois enregistrée : annulez-la et créez-en une autre.' };
  }
  const merged = { ...previous, ...values };
  return controlerOperation(trx, merged, await parametresCimetiere(trx, Number(merged.om_collectivite)));
}

export const operation: ObjectOverride = {
  defaultSort: ['-date_operation', '-operation'],
  searchColumns: ['numero', 'defunt_nom', 'demandeur'],
  readOnlyFields: ['numero', 'etat', 'valide_le', 'valide_par'],
  prepare: async ({ action, trx, values }) => {
    if (action !== 'create') return;
    const date = typeof values.date_operation === 'string' ? values.date_operation : '';
    // Without a date the write is refused on the date: the number is only a placeholder then.
    values.numero = /^\d{4}-/.test(date) ? await prochainNumero(trx, 'operation', date, Number(values.om_collectivite)) : '—';
  },
  validate: validateOperation,
  beforeWrite: async ({ action, previous, trx, actor }) => {
    if (action !== 'delete' || !previous) return;
    if (previous.etat !== 'actif') throw new Veto(messageNonActive(previous.etat));
    await deverrouiller(trx, actor, previous.operation);
  },
  canDelete: (record) => record.etat === 'actif',
  actions: { valider, annuler, courriers: preparerCourriers },
  documents: operationDocuments,
  screens: {
    menu: menuOperations(10, 'Toutes les opérations'),
    choices: { categorie: CATEGORIES, etat: ETATS, defunt_nature: NATURES_DEFUNT_INHUME },
    advancedSearch: [{ field: 'numero' }, { field: 'categorie' }, { field: 'etat' }, { field: 'date_operation' }, { field: 'emplacement' }, { field: 'defunt_nom' }],
    formLayout: [
      { legend: 'Dossier', fields: ['numero', 'categorie', 'etat', 'date_operation', 'heure', 'emplacement'], columns: 2 },
      { legend: 'Intervenant', fields: ['entreprise', 'particulier', 'demandeur'], columns: 2 },
      {
        legend: 'Défunt inhumé (inhumation)',
        fields: ['defunt_titre', 'defunt_nom', 'defunt_nom_usage', 'defunt_nom_naissance', 'defunt_prenom', 'defunt_date_naissance', 'defunt_date_deces', 'defunt_lieu_deces', 'defunt_nature'],
        columns: 2,
      },
      { legend: 'Destination (transfert)', fields: ['emplacement_transfert'] },
      { legend: 'Lieu de dispersion (dispersion des cendres)', fields: ['lieu_dispersion'] },
      { legend: 'Validation', fields: ['valide_le', 'valide_par', 'observation'], columns: 2 },
    ],
    subForms: { order: ['operation_defunt', 'courrier'], titles: { operation_defunt: 'Défunts concernés', courrier: 'Courriers' } },
    // The columns' comments all start « Défunt inhumé : … »: without these, the nine fields share one label.
    labels: {
      defunt_titre: 'Titre du défunt',
      defunt_nom: 'Nom du défunt',
      defunt_nom_usage: 'Nom d’usage du défunt',
      defunt_nom_naissance: 'Nom de naissance du défunt',
      defunt_prenom: 'Prénom du défunt',
      defunt_date_naissance: 'Date de naissance du défunt',
      defunt_date_deces: 'Date de décès du défunt',
      defunt_lieu_deces: 'Lieu de décès du défunt',
      defunt_nature: 'Cercueil ou urne',
    },
    help: {
      numero: 'Donné à l’enregistrement, au registre de l’année de l’opération (AAAA-n).',
      emplacement: 'L’emplacement où a lieu l’opération : celui d’où partent les défunts d’un transfert.',
      defunt_nom: 'Pour une inhumation : le défunt est créé dans l’emplacement à la validation.',
      etat: 'En cours : les défunts concernés sont verrouillés. Traitée : validée, définitive.',
    },
  },
};
