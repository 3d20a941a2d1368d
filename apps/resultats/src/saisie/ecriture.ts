/**
 * The writes of election night, each one transaction as the actor (row-level security applies)
 * with its audit entry (om.om_audit, as the record service writes it): a bureau's entry (figures,
 * state « saisi », votes upserted), its validation (« valide », locked) and its unlock (a
 * `deverrouillage` row with the reason, back to « saisi »). The row is locked first, and the
 * state re-checked under the lock: two agents cannot validate and correct the same bureau at once.
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Row, Schema } from '../../../../framework/src/db/connection.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import { RouteError } from '../../../../framework/src/model/app-routes.ts';
import type { RegisteredObject } from '../../../../framework/src/model/registry.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import type { ReadDeps } from '../../../../framework/src/records/index.ts';
import { incoherences, type Chiffres } from './controles.ts';
import { ETATS_SAISISSABLES, nomBureau, type EtatElection } from './lecture.ts';
import { message } from './messages.ts';

type Trx = Transaction<Schema>;

interface Verrouille {
  readonly avant: Row;
  readonly nom: string;
  readonly etat: string;
  readonly inscrits: number;
  readonly election: number;
  readonly om_collectivite: number;
}

const LIBELLES_ETAT_ELECTION: Readonly<Record<EtatElection, string>> = { preparation: 'en préparation', ouverte: 'ouverte', close: 'close', archivee: 'archivée' };

function objet(service: ReadDeps, table: string): RegisteredObject {
  const found = service.registry.get('resultats', table);
  if (!found) throw new Error(`resultats/${table} non enregistré`);
  return found;
}

async function voixDe(trx: Trx, electionBureau: number): Promise<Record<string, number>> {
  const rows = (await sql<{ candidature: number; nombre: number }>`select candidature, nombre from resultats.voix where election_bureau = ${electionBureau} order by candidature`.execute(trx)).rows;
  return Object.fromEntries(rows.map((row) => [String(row.candidature), Number(row.nombre)]));
}

/** Locks the result and refuses when its election is no longer open; 404 when not visible. */
async function verrouiller(trx: Trx, electionBureau: number): Promise<Verrouille> {
  const row = (
    await sql<Record<string, unknown>>`select eb.election_bureau, eb.election, eb.bureau, eb.inscrits, eb.votants, eb.blancs, eb.nuls, eb.exprimes, eb.etat,
        eb.saisi_le, eb.saisi_par, eb.valide_le, eb.valide_par, eb.om_collectivite,
        b.code, b.libelle as bureau_libelle, e.libelle as election_libelle, e.etat as election_etat
      from resultats.election_bureau eb
      join resultats.election e on e.election = eb.election
      join resultats.bureau b on b.bureau = eb.bureau
     where eb.election_bureau = ${electionBureau}
       for update of eb`.execute(trx)
  ).rows[0];
  if (!row) throw RouteError.notFound(message('introuvable'));
  const etatElection = row['election_etat'] as EtatElection;
  if (!ETATS_SAISISSABLES.includes(etatElection)) {
    throw new RouteError(409, message('electionFermee', { libelle: String(row['election_libelle']), etat: LIBELLES_ETAT_ELECTION[etatElection] }));
  }
  const { code, bureau_libelle: libelle, election_libelle: _libelle, election_etat: _etat, ...avant } = row;
  return {
    avant: { ...avant, voix: await voixDe(trx, electionBureau) },
    nom: nomBureau({ code: String(code), libelle: String(libelle) }),
    etat: String(row['etat']),
    inscrits: Number(row['inscrits']),
    election: Number(row['election']),
    om_collectivite: Number(row['om_collectivite']),
  };
}

async function relire(trx: Trx, electionBureau: number): Promise<Row> {
  const row = (
    await sql<Row>`select election_bureau, election, bureau, inscrits, votants, blancs, nuls, exprimes, etat, saisi_le, saisi_par, valide_le, valide_par, om_collectivite
      from resultats.election_bureau where election_bureau = ${electionBureau}`.execute(trx)
  ).rows[0];
  return { ...row, voix: await voixDe(trx, electionBureau) };
}

/**
 * Saves a bureau's figures and votes (already checked coherent by the page; checked again here
 * against the stored inscrits and candidatures). Refused once the bureau is validated.
 */
export async function enregistrerSaisie(service: ReadDeps, actor: Actor, electionBureau: number, chiffres: Chiffres, requestId?: string): Promise<void> {
  const object = objet(service, 'election_bureau');
  await writeAs(service.db.kysely, actor, async (trx) => {
    const verrou = await verrouiller(trx, electionBureau);
    if (verrou.etat === 'valide') throw new RouteError(409, message('bureauValide'));
    const candidatures = (await sql<{ candidature: number }>`select candidature from resultats.candidature where election = ${verrou.election}`.execute(trx)).rows.map((row) => ({
      candidature: Number(row.candidature),
      ordre: 0,
      libelle: '',
    }));
    const problemes = incoherences(chiffres, verrou.inscrits, candidatures);
    if (problemes.length > 0 || candidatures.some((candidature) => chiffres.voix[candidature.candidature] === undefined)) {
      throw new RouteError(422, message('incoherent', { details: problemes.join(' ') }));
    }
    await sql`update resultats.election_bureau
         set votants = ${chiffres.votants}, blancs = ${chiffres.blancs}, nuls = ${chiffres.nuls}, exprimes = ${chiffres.exprimes},
             etat = 'saisi', saisi_le = now(), saisi_par = ${actor.login}
       where election_bureau = ${electionBureau}`.execute(trx);
    const lignes = candidatures.map(
      (candidature) => sql`(${electionBureau}::integer, ${candidature.candidature}::integer, ${chiffres.voix[candidature.candidature] ?? 0}::integer, ${verrou.om_collectivite}::integer)`,
    );
    if (lignes.length > 0) {
      await sql`insert into resultats.voix (election_bureau, candidature, nombre, om_collectivite) values ${sql.join(lignes)}
        on conflict (election_bureau, candidature) do update set nombre = excluded.nombre`.execute(trx);
    }
    await writeAudit(trx, { actor, object, action: 'saisie', key: electionBureau, before: verrou.avant, after: await relire(trx, electionBureau), requestId });
  });
}

/** Validates a coherent entered bureau: locked, counted in the totals and the public page. The bureau's name. */
export async function validerBureau(service: ReadDeps, actor: Actor, electionBureau: number, requestId?: string): Promise<string> {
  const object = objet(service, 'election_bureau');
  return writeAs(service.db.kysely, actor, async (trx) => {
    const verrou = await verrouiller(trx, electionBureau);
    if (verrou.etat === 'valide') throw new RouteError(409, message('dejaValide', { bureau: verrou.nom }));
    if (verrou.etat === 'non_arrive') throw new RouteError(409, message('validerNonSaisi', { bureau: verrou.nom }));
    const candidatures = (await sql<{ candidature: number }>`select candidature from resultats.candidature where election = ${verrou.election}`.execute(trx)).rows.map((row) => ({
      candidature: Number(row.candidature),
      ordre: 0,
      libelle: '',
    }));
    const avant = verrou.avant;
    const voix = avant['voix'] as Record<string, number>;
    const chiffres: Chiffres = {
      votants: Number(avant['votants'] ?? 0),
      blancs: Number(avant['blancs'] ?? 0),
      nuls: Number(avant['nuls'] ?? 0),
      exprimes: Number(avant['exprimes'] ?? 0),
      voix: Object.fromEntries(Object.entries(voix).map(([key, value]) => [Number(key), value])),
    };
    const manquantes = candidatures.some((candidature) => voix[String(candidature.candidature)] === undefined);
    const problemes = [...incoherences(chiffres, verrou.inscrits, candidatures), ...(manquantes ? [message('voixManquantes')] : [])];
    if (problemes.length > 0) throw new RouteError(409, message('validerIncoherent', { bureau: verrou.nom, details: problemes.join(' ') }));
    await sql`update resultats.election_bureau set etat = 'valide', valide_le = now(), valide_par = ${actor.login} where election_bureau = ${electionBureau}`.execute(trx);
    await writeAudit(trx, { actor, object, action: 'validation', key: electionBureau, before: avant, after: await relire(trx, electionBureau), requestId });
    return verrou.nom;
  });
}

/** Unlocks a validated bureau with a reason (kept in `deverrouillage`): back to « saisi ». The bureau's name. */
export async function deverrouillerBureau(service: ReadDeps, actor: Actor, electionBureau: number, motif: string, requestId?: string): Promise<string> {
  const object = objet(service, 'election_bureau');
  const journal = objet(service, 'deverrouillage');
  return writeAs(service.db.kysely, actor, async (trx) => {
    const verrou = await verrouiller(trx, electionBureau);
    if (verrou.etat !== 'valide') throw new RouteError(409, message('deverrouillerNonValide', { bureau: verrou.nom }));
    const cree = (
      await sql<Row>`insert into resultats.deverrouillage (election_bureau, motif, par, om_collectivite)
        values (${electionBureau}, ${motif}, ${actor.login}, ${verrou.om_collectivite}) returning *`.execute(trx)
    ).rows[0];
    await sql`update resultats.election_bureau set etat = 'saisi', valide_le = null, valide_par = null where election_bureau = ${electionBureau}`.execute(trx);
    await writeAudit(trx, { actor, object: journal, action: 'create', key: cree?.['deverrouillage'], before: undefined, after: cree, requestId });
    await writeAudit(trx, { actor, object, action: 'deverrouillage', key: electionBureau, before: verrou.avant, after: { ...(await relire(trx, electionBureau)), motif }, requestId });
    return verrou.nom;
  });
}
