import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { ApiTokenInfo } from '../../access/api-tokens.ts';
import type { Db } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';

/** The signed-in user as `GET /api/v1/me` shows it. */
export interface MeJson {
  id: number;
  login: string;
  nom: string;
  email: string;
  profil: { id: number; libelle: string; hierarchie: number };
  niveau: '1' | '2';
  collectivite: { id: number; libelle: string };
  /** Where the user works: their own collectivité, or the one a niveau-2 user chose. */
  collectivite_active: { id: number; libelle: string };
  permissions: string[];
  authentification: 'session' | 'jeton';
}

/** Reads the names of the actor's collectivités (as the actor: row-level security applies). */
export async function describeActor(db: Db, actor: Actor): Promise<MeJson> {
  const ids = [actor.collectivite, actor.workingCollectivite];
  const rows = await readAs(db, actor, async (connection) =>
    (await sql<{ om_collectivite: number; libelle: string }>`
      select om_collectivite, libelle from om.om_collectivite where om_collectivite in (${sql.join(ids)})`.execute(connection)).rows,
  );
  const name = (id: number) => rows.find((row) => Number(row.om_collectivite) === id)?.libelle ?? '';
  return {
    id: actor.userId,
    login: actor.login,
    nom: actor.nom,
    email: actor.email,
    profil: { id: actor.profileId, libelle: actor.profileLabel, hierarchie: actor.hierarchy },
    niveau: actor.niveau,
    collectivite: { id: actor.collectivite, libelle: name(actor.collectivite) },
    collectivite_active: { id: actor.workingCollectivite, libelle: name(actor.workingCollectivite) },
    permissions: [...actor.permissions].sort(),
    authentification: actor.via === 'token' ? 'jeton' : 'session',
  };
}

/** A token as the API lists it: never its secret. */
export function tokenJson(info: ApiTokenInfo) {
  return {
    id: info.id,
    libelle: info.label,
    prefixe: info.prefix,
    cree_le: info.createdAt,
    utilise_le: info.lastUsedAt,
    expire_le: info.expiresAt,
    revoque_le: info.revokedAt,
  };
}
