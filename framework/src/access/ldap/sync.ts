/**
 * The directory synchronisation (openMairie's `scr/directory.php`, done for real): reads the
 * subtree with the service account, plans the changes (`sync-plan.ts`), applies them one account
 * per transaction as the system (so that one failure does not undo the others), and keeps the
 * report in `om.om_annuaire_synchro`. A simulation reads and plans only: it writes nothing at all.
 * A disabled account loses its open sessions and API tokens in the transaction that disables it.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { readAs, writeAs } from '../../db/tenant-context.ts';
import type { Locale } from '../../i18n/index.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { endUserAccess } from '../end-user-access.ts';
import { failureReason, withServiceClient } from './client.ts';
import type { LdapConfig } from './config.ts';
import { listDirectoryUsers } from './directory-users.ts';
import { annuaireMessage } from './messages.ts';
import { planSync, type LocalAccount, type PlannedChange, type Profile } from './sync-plan.ts';

export type SyncOrigin = 'commande' | 'planifiee' | 'administration';

export interface SyncEntry {
  readonly login: string;
  readonly action: 'cree' | 'modifie' | 'desactive' | 'erreur';
  readonly detail: string;
}

export interface SyncReport {
  /** The stored report's id (undefined for a simulation). */
  readonly id: number | undefined;
  readonly simulation: boolean;
  readonly crees: number;
  readonly modifies: number;
  readonly desactives: number;
  readonly inchanges: number;
  readonly erreurs: number;
  readonly entries: readonly SyncEntry[];
}

export interface SyncOptions {
  readonly simulation?: boolean;
  readonly origin: SyncOrigin;
  /** Login of whoever started it (a command or the administration page). */
  readonly startedBy?: string | undefined;
  readonly locale?: Locale | undefined;
  readonly progress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal | undefined;
}

/** The synchronisation could not run at all (directory unreachable, unknown profile…): nothing was changed. */
export class SyncFailure extends Error {}

async function readProfiles(db: Db): Promise<Map<string, Profile>> {
  const rows = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ om_profil: number; libelle: string; hierarchie: number }>`select om_profil, libelle, hierarchie from om.om_profil`.execute(connection),
  );
  return new Map(rows.rows.map((row) => [row.libelle, { id: Number(row.om_profil), libelle: row.libelle, hierarchie: Number(row.hierarchie) }]));
}

async function readAccounts(db: Db): Promise<LocalAccount[]> {
  const rows = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ om_utilisateur: number; login: string; nom: string; email: string; om_profil: number; om_type: string; actif: boolean }>`
      select om_utilisateur, login, nom, email, om_profil, om_type, actif from om.om_utilisateur order by login, om_utilisateur`.execute(connection),
  );
  return rows.rows.map((row) => ({
    id: Number(row.om_utilisateur),
    login: row.login,
    nom: row.nom,
    email: row.email,
    profil: Number(row.om_profil),
    type: row.om_type,
    active: row.actif !== false,
  }));
}

async function checkTargets(db: Db, config: LdapConfig, profiles: ReadonlyMap<string, Profile>, locale?: Locale): Promise<void> {
  const wanted = [...config.mappings.map((mapping) => mapping.profil), ...(config.defaultProfil ? [config.defaultProfil] : [])];
  const unknown = wanted.find((profil) => !profiles.has(profil));
  if (unknown !== undefined) throw new SyncFailure(annuaireMessage('sync.unknownProfile', { profil: unknown }, locale));
  const found = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ present: boolean }>`select exists (select from om.om_collectivite where om_collectivite = ${config.collectivite}) as present`.execute(connection),
  );
  if (!found.rows[0]?.present) throw new SyncFailure(annuaireMessage('sync.unknownCollectivite', { id: config.collectivite }, locale));
}

async function apply(db: Db, config: LdapConfig, change: PlannedChange): Promise<void> {
  await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    switch (change.action) {
      case 'cree': {
        // '!' is no hash of any password: the account signs in through the directory only.
        const { account } = change;
        await sql`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_type, om_profil, actif)
          values (${account.nom}, ${account.email}, ${account.login}, '!', ${config.collectivite}, 'LDAP', ${account.profil}, true)`.execute(trx);
        return;
      }
      case 'modifie':
        await sql`update om.om_utilisateur set nom = ${change.set.nom}, email = ${change.set.email}, om_profil = ${change.set.profil}, actif = true
          where om_utilisateur = ${change.id} and om_type = 'LDAP'`.execute(trx);
        return;
      case 'desactive':
        await sql`update om.om_utilisateur set actif = false where om_utilisateur = ${change.id} and om_type = 'LDAP'`.execute(trx);
        await endUserAccess(trx, change.id);
        return;
      case 'erreur':
        return;
    }
  });
}

async function storeReport(db: Db, options: SyncOptions, report: Omit<SyncReport, 'id'>, failure?: string): Promise<number> {
  const stored = await sql<{ om_annuaire_synchro: number }>`
    insert into om.om_annuaire_synchro (termine_le, simulation, origine, lance_par, crees, modifies, desactives, inchanges, erreurs, detail, echec)
    values (now(), false, ${options.origin}, ${options.startedBy?.slice(0, 30) ?? null}, ${report.crees}, ${report.modifies},
            ${report.desactives}, ${report.inchanges}, ${report.erreurs}, ${JSON.stringify(report.entries)}::jsonb, ${failure ?? null})
    returning om_annuaire_synchro`.execute(db);
  return Number(stored.rows[0]?.om_annuaire_synchro);
}

const EMPTY = { crees: 0, modifies: 0, desactives: 0, inchanges: 0, erreurs: 0, entries: [] } as const;

/** Runs a synchronisation; throws `SyncFailure` (also kept as a failed report, unless simulating) when it cannot run. */
export async function synchronizeDirectory(db: Db, config: LdapConfig, options: SyncOptions): Promise<SyncReport> {
  const simulation = options.simulation ?? false;
  const locale = options.locale;
  let plan;
  try {
    const profiles = await readProfiles(db);
    await checkTargets(db, config, profiles, locale);
    let directory;
    try {
      directory = await withServiceClient(config, (client) => listDirectoryUsers(client, config));
    } catch (error) {
      const reason = failureReason(config, error, locale);
      throw new SyncFailure(annuaireMessage('sync.unreachable', { reason }, locale));
    }
    plan = planSync(config, directory.users, await readAccounts(db), profiles, locale);
  } catch (error) {
    if (error instanceof SyncFailure && !simulation) await storeReport(db, options, { simulation, ...EMPTY }, error.message);
    throw error;
  }

  const entries: SyncEntry[] = [];
  const counts = { crees: 0, modifies: 0, desactives: 0, erreurs: 0 };
  const total = plan.changes.length;
  for (const [index, change] of plan.changes.entries()) {
    options.signal?.throwIfAborted();
    let done: PlannedChange | SyncEntry = change;
    if (!simulation && change.action !== 'erreur') {
      try {
        await apply(db, config, change);
      } catch (error) {
        done = { login: change.login, action: 'erreur', detail: error instanceof Error ? error.message : String(error) };
      }
    }
    entries.push({ login: done.login, action: done.action, detail: done.detail });
    if (done.action === 'cree') counts.crees++;
    else if (done.action === 'modifie') counts.modifies++;
    else if (done.action === 'desactive') counts.desactives++;
    else counts.erreurs++;
    options.progress?.(index + 1, total);
  }
  const report = { simulation, ...counts, inchanges: plan.unchanged, entries };
  const id = simulation ? undefined : await storeReport(db, options, report);
  return { id, ...report };
}

/** One line: « 2 créé(s), 1 modifié(s)… ». */
export const summaryOf = (report: Pick<SyncReport, 'crees' | 'modifies' | 'desactives' | 'inchanges' | 'erreurs'>, locale?: Locale) =>
  annuaireMessage('sync.summary', { crees: report.crees, modifies: report.modifies, desactives: report.desactives, inchanges: report.inchanges, erreurs: report.erreurs }, locale);
