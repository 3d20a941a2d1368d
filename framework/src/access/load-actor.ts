import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { readAs } from '../db/tenant-context.ts';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { withoutDisabledApplications } from './applications/uses.ts';

interface ActorRow {
  om_utilisateur: number;
  login: string;
  nom: string;
  email: string;
  om_profil: number;
  profil: string;
  hierarchie: number;
  om_collectivite: number;
  niveau: string;
  chosen: number | null;
  permissions: string[] | null;
  disabled: string[] | null;
}

/**
 * Builds the actor of a user: profile, collectivité and effective permissions. Profiles are
 * hierarchical, as in openMairie: the user holds every permission granted to a profile whose
 * `hierarchie` is lower than or equal to their own profile's.
 *
 * `workingCollectivite` is the one a niveau-2 user chose; it is ignored for niveau 1, and when it
 * no longer exists the user's own collectivité is used. A disabled account (`actif` false) has no
 * actor: its sessions and tokens stop working at once.
 *
 * The applications the working collectivité does not use (`om_application_collectivite`) are
 * named in `disabledApplications`, and their permissions are left out.
 */
export async function loadActor(
  db: Db,
  userId: number,
  workingCollectivite?: number | null,
  via: Actor['via'] = 'session',
): Promise<Actor | undefined> {
  const wanted = workingCollectivite ?? null;
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<ActorRow>`
      select u.om_utilisateur, u.login, u.nom, u.email, u.om_profil, p.libelle as profil, p.hierarchie,
             u.om_collectivite, c.niveau,
             (select w.om_collectivite from om.om_collectivite w where w.om_collectivite = ${wanted}::integer) as chosen,
             array(select distinct d.libelle::text
                     from om.om_droit d
                     join om.om_profil granting on granting.om_profil = d.om_profil
                    where granting.hierarchie <= p.hierarchie
                    order by 1) as permissions,
             array(select a.application::text
                     from om.om_application_collectivite a
                    where not a.active
                      and a.om_collectivite = case when c.niveau = '2'
                            then coalesce((select w.om_collectivite from om.om_collectivite w where w.om_collectivite = ${wanted}::integer), u.om_collectivite)
                            else u.om_collectivite end
                    order by 1) as disabled
        from om.om_utilisateur u
        join om.om_profil p on p.om_profil = u.om_profil
        join om.om_collectivite c on c.om_collectivite = u.om_collectivite
       where u.om_utilisateur = ${userId}
         and u.actif`.execute(connection),
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const niveau = row.niveau === '2' ? '2' : '1';
  const collectivite = Number(row.om_collectivite);
  const disabledApplications = new Set(row.disabled ?? []);
  return {
    userId: Number(row.om_utilisateur),
    login: row.login,
    nom: row.nom,
    email: row.email,
    profileId: Number(row.om_profil),
    profileLabel: row.profil,
    hierarchy: Number(row.hierarchie),
    collectivite,
    niveau,
    workingCollectivite: niveau === '2' && row.chosen !== null ? Number(row.chosen) : collectivite,
    permissions: new Set(withoutDisabledApplications(row.permissions ?? [], disabledApplications)),
    disabledApplications,
    via,
  };
}
