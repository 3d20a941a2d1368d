/**
 * Writes `om.om_fournisseur_identite` for an administrator already checked. The framework writes it
 * (as the system), like every table of migration 0028; a change forgets the discovered configuration.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../access/actor.ts';
import type { Actor } from '../../../access/actor.ts';
import { forgetProviderConfiguration } from '../../../access/oidc/index.ts';
import type { Db } from '../../../db/connection.ts';
import { writeAs } from '../../../db/tenant-context.ts';
import { writeSettingAudit } from '../../../records/setting-audit.ts';
import type { ProviderValues } from './provider-form.ts';

/** Who changes a provider, for the journal. */
export interface ProviderChangeAuthor {
  readonly actor: Actor;
  readonly requestId: string | undefined;
}

export const PROVIDER_AUDIT_OBJECT = 'om_fournisseur_identite';

/** A provider's row as the journal keeps it (the client secret is never in the database). */
export async function providerRow(db: Db, id: number): Promise<Record<string, unknown> | undefined> {
  const result = await sql<{ ligne: Record<string, unknown> }>`
    select to_jsonb(f) as ligne from om.om_fournisseur_identite f where om_fournisseur_identite = ${id}`.execute(db);
  return result.rows[0]?.ligne;
}

/** A list as text[] (null when empty), the same on pg and PGlite. */
const textArray = (items: readonly string[] | null) => (items === null ? sql`null::text[]` : sql`array(select jsonb_array_elements_text(${JSON.stringify(items)}::jsonb))`);

export async function codeTaken(db: Db, code: string, exceptId?: number): Promise<boolean> {
  const result = await sql`select 1 from om.om_fournisseur_identite where code = ${code} and om_fournisseur_identite <> ${exceptId ?? 0}`.execute(db);
  return result.rows.length > 0;
}

export async function insertProvider(db: Db, values: ProviderValues, author: ProviderChangeAuthor): Promise<number> {
  const id = await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const result = await sql<{ om_fournisseur_identite: number }>`
      insert into om.om_fournisseur_identite (code, libelle, modele, url_decouverte, authentification_client, portees, correspondance,
             rattachement_par_courriel, creation_autorisee, siret_inconnu, om_profil_defaut, roles_autorises, domaines_autorises, acr_exiges, actif, ordre)
      values (${values.code}, ${values.libelle}, ${values.modele}, ${values.url}, ${values.auth}, ${values.scopes}, ${JSON.stringify(values.claims)}::jsonb,
             ${values.linkByEmail}, ${values.createAccounts}, ${values.unknownSiret}, ${values.profile}, ${textArray(values.roles)},
             ${textArray(values.domains)}, ${textArray(values.acr)}, ${values.active}, ${values.order})
      returning om_fournisseur_identite`.execute(trx);
    const created = Number(result.rows[0]?.om_fournisseur_identite);
    await writeSettingAudit(trx, {
      ...author, objet: PROVIDER_AUDIT_OBJECT, cle: created, action: 'create', before: undefined, after: await providerRow(trx, created), collectivite: null,
    });
    return created;
  });
  forgetProviderConfiguration(id);
  return id;
}

export async function updateProvider(db: Db, id: number, values: ProviderValues, author: ProviderChangeAuthor): Promise<boolean> {
  const changed = await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const before = await providerRow(trx, id);
    const result = await sql`
      update om.om_fournisseur_identite set code = ${values.code}, libelle = ${values.libelle}, modele = ${values.modele},
             url_decouverte = ${values.url}, authentification_client = ${values.auth}, portees = ${values.scopes},
             correspondance = ${JSON.stringify(values.claims)}::jsonb, rattachement_par_courriel = ${values.linkByEmail},
             creation_autorisee = ${values.createAccounts}, siret_inconnu = ${values.unknownSiret}, om_profil_defaut = ${values.profile},
             roles_autorises = ${textArray(values.roles)}, domaines_autorises = ${textArray(values.domains)}, acr_exiges = ${textArray(values.acr)},
             actif = ${values.active}, ordre = ${values.order}
       where om_fournisseur_identite = ${id}`.execute(trx);
    if (Number(result.numAffectedRows ?? 0) === 0) return false;
    await writeSettingAudit(trx, {
      ...author, objet: PROVIDER_AUDIT_OBJECT, cle: id, action: 'update', before, after: await providerRow(trx, id), collectivite: null,
    });
    return true;
  });
  forgetProviderConfiguration(id);
  return changed;
}
