/** « Tarif » (cimetiere.tarif): the price grid per year, nature of emplacement and duration (menu Facturation › Tarifs). */
import { Veto, type ObjectOverride, type PrepareContext } from '../../../../framework/src/model/override.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';
import { NATURES_EMPLACEMENT } from '../core/libelles.ts';
import { dureeDe, estDureeType } from '../concessions/duree.ts';
import { DUREES } from '../concessions/libelles.ts';

function preparer(context: PrepareContext): void {
  const dureeType = context.values['duree_type'] ?? context.previous?.['duree_type'];
  if (!estDureeType(dureeType)) return;
  const tapee = Object.hasOwn(context.values, 'duree') ? context.values['duree'] : context.previous?.['duree'];
  const duree = dureeDe(dureeType, tapee === null || tapee === undefined ? null : Number(tapee));
  if ('erreur' in duree) throw new Veto(duree.erreur, { duree: duree.erreur });
  context.values['duree'] = duree.duree;
}

export const tarif: ObjectOverride = {
  searchColumns: ['libelle'],
  defaultSort: ['-annee', 'nature', 'duree_type', 'duree'],
  prepare: preparer,
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.facturation, 30, 'Tarifs'),
    choices: { nature: NATURES_EMPLACEMENT, duree_type: DUREES },
    advancedSearch: [{ field: 'annee' }, { field: 'nature' }, { field: 'duree_type' }],
    help: {
      duree: 'Rempli d’office : 30 ans (trentenaire), 50 ans (cinquantenaire), vide (perpétuelle) ; de 1 à 15 ans pour une temporaire.',
      par_m2: 'Coché : le montant est au mètre carré, multiplié par la superficie concédée.',
    },
  },
};
