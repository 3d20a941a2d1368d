/**
 * Les surcharges des tables de « Cimetière », par nom de table : ce que le schéma ne dit pas (règles,
 * actions, écrans). `commun gen --app apps/cimetiere` écrit une fois src/objects/<table>.ts.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { autorisation } from './autorisation.ts';
import { autorisationArchive } from './autorisation_archive.ts';
import { cimetiere } from './cimetiere.ts';
import { concession } from './concession.ts';
import { courrier } from './courrier.ts';
import { defunt } from './defunt.ts';
import { defuntArchive } from './defunt_archive.ts';
import { dossier } from './dossier.ts';
import { emplacement } from './emplacement.ts';
import { entreprise } from './entreprise.ts';
import { facture } from './facture.ts';
import { finConcession } from './fin_concession.ts';
import { operation } from './operation.ts';
import { operationDefunt } from './operation_defunt.ts';
import { plan } from './plan.ts';
import { reprise } from './reprise.ts';
import { sepultureType } from './sepulture_type.ts';
import { tarif } from './tarif.ts';
import { titre } from './titre.ts';
import { travaux } from './travaux.ts';
import { travauxNature } from './travaux_nature.ts';
import { voie } from './voie.ts';
import { voieType } from './voie_type.ts';
import { zone } from './zone.ts';
import { zoneType } from './zone_type.ts';

export const overrides: Readonly<Record<string, ObjectOverride>> = {
  autorisation,
  autorisation_archive: autorisationArchive,
  cimetiere,
  concession,
  courrier,
  defunt,
  defunt_archive: defuntArchive,
  dossier,
  emplacement,
  entreprise,
  facture,
  fin_concession: finConcession,
  operation,
  operation_defunt: operationDefunt,
  plan,
  reprise,
  sepulture_type: sepultureType,
  tarif,
  titre,
  travaux,
  travaux_nature: travauxNature,
  voie,
  voie_type: voieType,
  zone,
  zone_type: zoneType,
};
