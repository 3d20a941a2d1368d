/**
 * Les surcharges des tables de « Courrier », par nom de table : ce que le schéma ne dit pas (règles,
 * actions, écrans). `commun gen --app apps/courrier` écrit une fois src/objects/<table>.ts.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { agent } from './agent.ts';
import { bible } from './bible.ts';
import { categorie } from './categorie.ts';
import { civilite } from './civilite.ts';
import { copie } from './copie.ts';
import { correspondant } from './correspondant.ts';
import { correspondantType } from './correspondant_type.ts';
import { courrier } from './courrier.ts';
import { courrierArchive } from './courrier_archive.ts';
import { courrierLien } from './courrier_lien.ts';
import { document } from './document.ts';
import { elu } from './elu.ts';
import { nature } from './nature.ts';
import { service } from './service.ts';
import { tache } from './tache.ts';
import { tacheCategorie } from './tache_categorie.ts';
import { tacheEtat } from './tache_etat.ts';
import { visa } from './visa.ts';

export const overrides: Readonly<Record<string, ObjectOverride>> = {
  agent,
  bible,
  categorie,
  civilite,
  copie,
  correspondant,
  correspondant_type: correspondantType,
  courrier,
  courrier_archive: courrierArchive,
  courrier_lien: courrierLien,
  document,
  elu,
  nature,
  service,
  tache,
  tache_categorie: tacheCategorie,
  tache_etat: tacheEtat,
  visa,
};
