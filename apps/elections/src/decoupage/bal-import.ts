/**
 * Creates the voies of a Base Adresse Locale file that the collectivité does not have yet (same
 * libellé once normalised: case, accents, apostrophes and dashes ignored), through the records
 * service in one transaction: all or nothing. The code is generated (the highest numeric code + 1)
 * when the option `option_code_voie_auto` is on (the default), otherwise taken from the voie's part
 * of the interoperability key.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { settingsOf } from '../../../../framework/src/access/settings.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import { remplacerAdresses, type AdressePoint } from '../../../../framework/src/maps/adresses.ts';
import { RouteError } from '../../../../framework/src/model/app-routes.ts';
import { writeBatch, type ReadDeps } from '../../../../framework/src/records/index.ts';
import { nomRecherche } from '../rules/normalisation.ts';
import type { VoieBal } from './bal-validation.ts';

export const OPTION_CODE_VOIE_AUTO = 'option_code_voie_auto';

export interface VoieImportee {
  readonly libelle: string;
  readonly code: string;
  readonly adresses: number;
}

export interface BalImportResult {
  readonly creees: readonly VoieImportee[];
  /** Already there (same normalised libellé): left as they are. */
  readonly inchangees: readonly VoieImportee[];
  /** Address points kept for « Localiser » (they replace the collectivité's previous ones). */
  readonly adresses: number;
}

const isTrue = (value: string | undefined) => value === undefined || ['true', 't', '1', 'oui'].includes(value.trim().toLowerCase());

/** Whether the collectivité's voie codes are generated (`option_code_voie_auto`, true unless set otherwise). */
export async function codeVoieAuto(service: ReadDeps, collectivite: number): Promise<boolean> {
  return isTrue((await settingsOf(service.db.kysely, collectivite)).get(OPTION_CODE_VOIE_AUTO));
}

export async function importVoiesBal(
  service: ReadDeps,
  actor: Actor,
  voies: readonly VoieBal[],
  options: { readonly codePostal: string | undefined; readonly requestId?: string; readonly adresses?: readonly AdressePoint[] },
): Promise<BalImportResult> {
  const object = service.registry.get('elections', 'voie');
  if (!object) throw new Error('elections/voie non enregistré');
  const auto = await codeVoieAuto(service, actor.workingCollectivite);
  return writeAs(service.db.kysely, actor, async (trx) => {
    const existing = (await sql<{ code: string; libelle: string }>`select code, libelle from elections.voie`.execute(trx)).rows;
    const byName = new Map(existing.map((row) => [nomRecherche(row.libelle), row]));
    const codes = new Set(existing.map((row) => row.code));
    let next = Math.max(0, ...existing.filter((row) => /^\d{1,9}$/.test(row.code)).map((row) => Number(row.code))) + 1;
    const creees: VoieImportee[] = [];
    const inchangees: VoieImportee[] = [];
    const refus: string[] = [];
    for (const voie of voies) {
      const known = byName.get(nomRecherche(voie.libelle));
      if (known) {
        inchangees.push({ libelle: known.libelle, code: known.code, adresses: voie.adresses });
        continue;
      }
      let code: string | undefined;
      if (auto) {
        while (codes.has(String(next))) next++;
        code = String(next++);
      } else if (voie.codeVoie && !codes.has(voie.codeVoie)) {
        code = voie.codeVoie;
      } else {
        refus.push(
          voie.codeVoie
            ? `La voie « ${voie.libelle} » ne peut pas prendre le code ${voie.codeVoie} de sa clé d’interopérabilité : une autre voie l’a déjà.`
            : `La voie « ${voie.libelle} » n’a pas de code dans sa clé d’interopérabilité, et les codes des voies ne sont pas générés (option « ${OPTION_CODE_VOIE_AUTO} »).`,
        );
        continue;
      }
      codes.add(code);
      byName.set(nomRecherche(voie.libelle), { code, libelle: voie.libelle });
      creees.push({ libelle: voie.libelle, code, adresses: voie.adresses });
    }
    if (refus.length > 0) throw RouteError.badRequest(`Aucune voie n’a été créée : ${refus.join(' ')}`);
    const lines = creees.map((voie, index) => ({
      line: index + 1,
      input: { code: voie.code, libelle: voie.libelle, code_postal: options.codePostal ?? '', ville: voies.find((v) => v.libelle === voie.libelle)?.commune ?? '' },
    }));
    const outcome = await writeBatch(service, actor, object, trx, lines, { requestId: options.requestId });
    if (outcome.refused.length > 0) {
      const details = outcome.refused.map((refused) => `« ${creees[refused.line - 1]?.libelle ?? ''} » : ${refused.error.message}`).join(' ');
      throw RouteError.badRequest(`Aucune voie n’a été créée : ${details}`);
    }
    const adresses = options.adresses ? await remplacerAdresses(trx, actor.workingCollectivite, options.adresses) : 0;
    return { creees, inchangees, adresses };
  });
}
