import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { baseLegale } from './base_legale.ts';
import { categorieDonnees } from './categorie_donnees.ts';
import { categoriePersonnes } from './categorie_personnes.ts';
import { destinataire } from './destinataire.ts';
import { dureeConservation } from './duree_conservation.ts';
import { mesureSecurite } from './mesure_securite.ts';
import { service } from './service.ts';
import { sousTraitant } from './sous_traitant.ts';
import { traitement } from './traitement.ts';
import { traitementCategorieDonnees } from './traitement_categorie_donnees.ts';
import { traitementCategoriePersonnes } from './traitement_categorie_personnes.ts';
import { traitementDestinataire } from './traitement_destinataire.ts';
import { traitementMesureSecurite } from './traitement_mesure_securite.ts';
import { traitementSousTraitant } from './traitement_sous_traitant.ts';
import { transfertHorsUe } from './transfert_hors_ue.ts';

/** The hand-written behaviour of each table of the register, by table name (one module per table). */
export const overrides: Readonly<Record<string, ObjectOverride>> = {
  base_legale: baseLegale,
  categorie_donnees: categorieDonnees,
  categorie_personnes: categoriePersonnes,
  destinataire,
  duree_conservation: dureeConservation,
  mesure_securite: mesureSecurite,
  service,
  sous_traitant: sousTraitant,
  traitement,
  traitement_categorie_donnees: traitementCategorieDonnees,
  traitement_categorie_personnes: traitementCategoriePersonnes,
  traitement_destinataire: traitementDestinataire,
  traitement_mesure_securite: traitementMesureSecurite,
  traitement_sous_traitant: traitementSousTraitant,
  transfert_hors_ue: transfertHorsUe,
};
