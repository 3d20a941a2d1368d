/**
 * « Adresses » (Administration › Cartographie): the collectivité's address points, loaded from a
 * Base Adresse Locale file, that « Localiser » reads (maps/adresses.ts). The voie's lookup key is
 * computed, never typed.
 */
import { cleDeVoie } from '../maps/adresses.ts';
import type { ObjectOverride } from '../model/override.ts';
import { cartesMessage } from './om_sig_messages.ts';
import { cartographieMenu } from './om_sig_flux.ts';

export const omSigAdresse: ObjectOverride = {
  defaultSort: ['voie_cle', 'numero', 'suffixe'],
  searchColumns: ['voie_nom', 'cle_interop'],
  readOnlyFields: ['voie_cle'],
  prepare: (context) => {
    const voie = context.values['voie_nom'];
    if (typeof voie === 'string') context.values['voie_cle'] = cleDeVoie(voie);
  },
  screens: {
    menu: cartographieMenu(30, cartesMessage('menu.adresses')),
    listColumns: ['voie_nom', 'numero', 'suffixe', 'longitude', 'latitude', 'source', 'om_collectivite'],
    advancedSearch: [{ field: 'voie_nom' }, { field: 'numero' }, { field: 'source' }, { field: 'om_collectivite' }],
    help: { voie_nom: cartesMessage('aide.adresse') },
  },
};
