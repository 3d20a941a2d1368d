/**
 * Sign-ins held for an administrator (`om.om_connexion_attente`): an agent whose SIRET is mapped to
 * no collectivité, when the provider says to hold rather than refuse. Nothing is given until an
 * administrator accepts: then the account is created in the collectivité they chose, the identity
 * linked, and (if asked) the SIRET mapped so that the organisation's next agents come in directly.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { readAs, writeAs } from '../../db/tenant-context.ts';
import type { Runtime } from '../../runtime.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { holds } from '../permissions.ts';
import { auditAccountCreation } from './account-audit.ts';
import { createFederatedAccount } from './accounts.ts';
import type { FederatedIdentity } from './identity.ts';
import { oidcMessage } from './messages.ts';
import { writeSettingAudit } from '../../records/setting-audit.ts';

/** Who administers accounts may decide on held sign-ins (the annuaire's rule). */
export const HELD_SIGN_IN_PERMISSION = 'om_utilisateur';

export type HeldStatus = 'attente' | 'acceptee' | 'refusee';

export interface HeldSignIn {
  readonly id: number;
  readonly providerId: number;
  readonly providerLabel: string;
  readonly subject: string;
  readonly email: string | undefined;
  readonly givenName: string | undefined;
  readonly familyName: string | undefined;
  readonly siret: string | undefined;
  readonly organisation: string | undefined;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly requestedAt: Date;
  readonly lastAttemptAt: Date;
  readonly status: HeldStatus;
  readonly decidedBy: string | undefined;
  readonly decidedAt: Date | undefined;
  readonly reason: string | undefined;
  readonly userId: number | undefined;
}

interface Row {
  om_connexion_attente: number;
  om_fournisseur_identite: number;
  fournisseur: string;
  sujet: string;
  courriel: string | null;
  prenom: string | null;
  nom: string | null;
  siret: string | null;
  organisation: string | null;
  revendications: unknown;
  demandee_le: Date | string;
  derniere_tentative: Date | string;
  statut: string;
  traitee_par: string | null;
  traitee_le: Date | string | null;
  motif: string | null;
  om_utilisateur: number | null;
}

const dateOf = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function claimsOf(raw: unknown): Record<string, unknown> {
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const toHeld = (row: Row): HeldSignIn => ({
  id: Number(row.om_connexion_attente),
  providerId: Number(row.om_fournisseur_identite),
  providerLabel: row.fournisseur,
  subject: row.sujet,
  email: row.courriel ?? undefined,
  givenName: row.prenom ?? undefined,
  familyName: row.nom ?? undefined,
  siret: row.siret ?? undefined,
  organisation: row.organisation ?? undefined,
  claims: claimsOf(row.revendications),
  requestedAt: dateOf(row.demandee_le),
  lastAttemptAt: dateOf(row.derniere_tentative),
  status: row.statut === 'acceptee' ? 'acceptee' : row.statut === 'refusee' ? 'refusee' : 'attente',
  decidedBy: row.traitee_par ?? undefined,
  decidedAt: row.traitee_le === null ? undefined : dateOf(row.traitee_le),
  reason: row.motif ?? undefined,
  userId: row.om_utilisateur === null ? undefined : Number(row.om_utilisateur),
});

const selectHeld = sql`
  select a.om_connexion_attente, a.om_fournisseur_identite, f.libelle as fournisseur, a.sujet, a.courriel, a.prenom, a.nom, a.siret,
         a.organisation, a.revendications, a.demandee_le, a.derniere_tentative, a.statut, a.traitee_par, a.traitee_le, a.motif, a.om_utilisateur
    from om.om_connexion_attente a join om.om_fournisseur_identite f using (om_fournisseur_identite)`;

/** The held sign-ins of one status (waiting ones first by date of request, decided ones most recent first). */
export async function listHeldSignIns(db: Db, statut: HeldStatus = 'attente'): Promise<HeldSignIn[]> {
  const order = statut === 'attente' ? sql`a.demandee_le, a.om_connexion_attente` : sql`a.traitee_le desc nulls last, a.om_connexion_attente desc`;
  const result = await sql<Row>`${selectHeld} where a.statut = ${statut} order by ${order}`.execute(db);
  return result.rows.map(toHeld);
}

export async function findHeldSignIn(db: Db, id: number): Promise<HeldSignIn | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const result = await sql<Row>`${selectHeld} where a.om_connexion_attente = ${id}`.execute(db);
  return result.rows[0] ? toHeld(result.rows[0]) : undefined;
}

/**
 * Holds a sign-in (or notes another attempt of one already waiting). Answers 'refusee' when an
 * administrator already refused this agent at this provider: the agent is told, nothing is added.
 */
export async function holdSignIn(db: Db, providerId: number, identity: FederatedIdentity): Promise<'attente' | 'refusee'> {
  const previous = await sql<{ statut: string }>`
    select statut from om.om_connexion_attente where om_fournisseur_identite = ${providerId} and sujet = ${identity.subject}
     order by demandee_le desc, om_connexion_attente desc limit 1`.execute(db);
  if (previous.rows[0]?.statut === 'refusee') return 'refusee';
  const claims = JSON.stringify(identity.claims);
  const updated = await sql`
    update om.om_connexion_attente set derniere_tentative = now(), courriel = ${identity.email ?? null}, prenom = ${identity.givenName ?? null},
           nom = ${identity.familyName ?? null}, siret = ${identity.siret ?? null}, organisation = ${identity.organisation ?? null},
           revendications = ${claims}::jsonb
     where om_fournisseur_identite = ${providerId} and sujet = ${identity.subject} and statut = 'attente'`.execute(db);
  if (Number(updated.numAffectedRows ?? 0) === 0) {
    await sql`
      insert into om.om_connexion_attente (om_fournisseur_identite, sujet, courriel, prenom, nom, siret, organisation, revendications)
      values (${providerId}, ${identity.subject}, ${identity.email ?? null}, ${identity.givenName ?? null}, ${identity.familyName ?? null},
              ${identity.siret ?? null}, ${identity.organisation ?? null}, ${claims}::jsonb)
      on conflict do nothing`.execute(db);
  }
  return 'attente';
}

type Decision = { ok: true; userId: number } | { ok: false; message: string };

/**
 * May this actor decide? Account administrators of the niveau-2 collectivité; one of a niveau-1
 * collectivité may only accept an agent into their own (a refusal concerns every collectivité).
 */
const mayDecide = (actor: Actor, collectivite?: number) =>
  holds(actor, HELD_SIGN_IN_PERMISSION) && (actor.niveau === '2' || (collectivite !== undefined && collectivite === actor.collectivite));

/**
 * Accepts a waiting sign-in: creates the account in `collectivite` with `profil`, links the identity,
 * and when `rememberSiret` maps the agent's SIRET to that collectivité. The agent's next sign-in succeeds.
 */
export async function acceptHeldSignIn(
  runtime: Runtime,
  actor: Actor,
  id: number,
  choice: { collectivite: number; profil: number; rememberSiret: boolean },
): Promise<{ ok: true; userId: number } | { ok: false; message: string }> {
  const { locale } = runtime.config;
  const db = runtime.db.kysely;
  if (!mayDecide(actor, choice.collectivite)) return { ok: false, message: oidcMessage('held.forbidden', undefined, locale) };
  const held = await findHeldSignIn(db, id);
  if (!held || held.status !== 'attente') return { ok: false, message: oidcMessage('held.notFound', undefined, locale) };
  const known = await readAs(db, SYSTEM_ACTOR, async (connection) => {
    const collectivite = await sql`select 1 from om.om_collectivite where om_collectivite = ${choice.collectivite}`.execute(connection);
    const profil = await sql`select 1 from om.om_profil where om_profil = ${choice.profil}`.execute(connection);
    const siret = held.siret
      ? await sql<{ om_collectivite: number }>`select om_collectivite from om.om_etablissement where siret = ${held.siret}`.execute(connection)
      : undefined;
    return { collectivite: collectivite.rows.length > 0, profil: profil.rows.length > 0, siretOwner: siret?.rows[0]?.om_collectivite };
  });
  if (!known.collectivite) return { ok: false, message: oidcMessage('held.unknownCollectivite', undefined, locale) };
  if (!known.profil) return { ok: false, message: oidcMessage('held.unknownProfile', undefined, locale) };
  if (choice.rememberSiret && known.siretOwner !== undefined && Number(known.siretOwner) !== choice.collectivite) {
    return { ok: false, message: oidcMessage('held.siretTaken', undefined, locale) };
  }
  const identity: FederatedIdentity = {
    subject: held.subject,
    email: held.email,
    givenName: held.givenName,
    familyName: held.familyName,
    login: typeof held.claims.uid === 'string' ? held.claims.uid : undefined,
    siret: held.siret,
    organisation: held.organisation,
    roles: [],
    acr: undefined,
    claims: held.claims,
  };
  const decision = await writeAs(db, SYSTEM_ACTOR, async (trx): Promise<Decision> => {
    // Taken first, under a row lock: two administrators accepting at once create one account.
    const taken = await sql`update om.om_connexion_attente set statut = 'acceptee', traitee_par = ${actor.login.slice(0, 30)}, traitee_le = now()
      where om_connexion_attente = ${id} and statut = 'attente'`.execute(trx);
    if (Number(taken.numAffectedRows ?? 0) === 0) return { ok: false, message: oidcMessage('held.notFound', undefined, locale) };
    const created = await createFederatedAccount(trx, held.providerId, identity, { collectivite: choice.collectivite, profile: choice.profil });
    await auditAccountCreation(trx, runtime, actor, created);
    await sql`update om.om_connexion_attente set om_utilisateur = ${created.userId} where om_connexion_attente = ${id}`.execute(trx);
    if (choice.rememberSiret && held.siret && known.siretOwner === undefined) {
      const libelle = held.organisation?.slice(0, 150) ?? null;
      const remembered = await sql`insert into om.om_etablissement (siret, om_collectivite, libelle) values (${held.siret}, ${choice.collectivite}, ${libelle})
        on conflict (siret) do nothing`.execute(trx);
      if (Number(remembered.numAffectedRows ?? 0) > 0) {
        await writeSettingAudit(trx, {
          actor, objet: 'om_etablissement', cle: held.siret, action: 'create', before: undefined,
          after: { siret: held.siret, om_collectivite: choice.collectivite, libelle }, collectivite: choice.collectivite, requestId: undefined,
        });
      }
    }
    return { ok: true, userId: created.userId };
  });
  if (decision.ok) runtime.logger.info({ held: id, userId: decision.userId, by: actor.login }, 'connexion fédérée en attente acceptée');
  return decision;
}

/** Refuses a waiting sign-in, with a reason the administrators keep. */
export async function refuseHeldSignIn(runtime: Runtime, actor: Actor, id: number, motif: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const { locale } = runtime.config;
  if (!mayDecide(actor)) return { ok: false, message: oidcMessage('held.forbidden', undefined, locale) };
  const reason = motif.trim();
  if (reason === '') return { ok: false, message: oidcMessage('held.motifRequired', undefined, locale) };
  const result = await sql`update om.om_connexion_attente set statut = 'refusee', traitee_par = ${actor.login.slice(0, 30)}, traitee_le = now(),
      motif = ${reason.slice(0, 2000)}
    where om_connexion_attente = ${id} and statut = 'attente'`.execute(runtime.db.kysely);
  if (Number(result.numAffectedRows ?? 0) === 0) return { ok: false, message: oidcMessage('held.notFound', undefined, locale) };
  runtime.logger.info({ held: id, by: actor.login }, 'connexion fédérée en attente refusée');
  return { ok: true };
}
