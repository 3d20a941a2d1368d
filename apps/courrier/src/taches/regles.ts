/**
 * The rules of a task written through the records service (a form, the API, an import):
 *
 * - its service: with `service_tache` (the default) the mail's processing service or one of its
 *   sub-services, else any; its agent, if any, belongs to that service;
 * - its dates: the butoir and the exécution not before the creation (today for a new task);
 * - soldée: needs a date d’exécution, today when none is given; its reply is a free text or a
 *   departure mail, never an arrival;
 * - a soldée task is closed: nothing changes in it, except being reopened (« Soldée » unchecked) by
 *   a holder of `courrier.rouvrir_tache` (the responsable du courrier, SUPER UTILISATEUR, and above:
 *   migration 0004). An agent who closed a task by mistake asks the mail room.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { holds } from '../../../../framework/src/access/permissions.ts';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import { Veto, type FieldErrors, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import { sousServices } from '../core/agents.ts';
import { parametresCourrier } from '../core/parametres.ts';
import { AUJOURDHUI_SQL, dateFr } from './dates.ts';

export const DROIT_ROUVRIR = 'courrier.rouvrir_tache';

export const MESSAGES_TACHE = {
  hierarchie: (service: string) => `Une tâche de ce courrier ne peut être confiée qu’au service ${service} ou à l’un de ses sous-services.`,
  agentHorsService: (service: string) => `L’agent choisi n’appartient pas au service ${service} : choisissez un agent de ce service ou aucun.`,
  butoir: (creation: string) => `La date butoir ne peut pas précéder la date de création de la tâche (${creation}).`,
  execution: (creation: string) => `La date d’exécution ne peut pas précéder la date de création de la tâche (${creation}).`,
  reponseArrivee: 'La réponse doit être un courrier de départ.',
  soldeeFermee: 'Cette tâche est soldée : elle ne se modifie plus. Un responsable du courrier peut la rouvrir en décochant « Soldée ».',
  rouvrir: 'Seul un responsable du courrier peut rouvrir une tâche soldée.',
} as const;

const vide = (valeur: unknown): boolean => valeur === null || valeur === undefined || valeur === '';

/** A date value (a `Date` from PGlite, text from pg, text from a form) as `YYYY-MM-DD`. */
function iso(valeur: unknown): string | undefined {
  if (vide(valeur)) return undefined;
  if (valeur instanceof Date) return `${valeur.getFullYear()}-${String(valeur.getMonth() + 1).padStart(2, '0')}-${String(valeur.getDate()).padStart(2, '0')}`;
  return /^(\d{4}-\d{2}-\d{2})/.exec(String(valeur))?.[1];
}

async function aujourdhui(trx: Db): Promise<string> {
  const { rows } = await sql<{ jour: string }>`select ${sql.raw(AUJOURDHUI_SQL)} as jour`.execute(trx);
  return rows[0]?.jour ?? new Date().toISOString().slice(0, 10);
}

/** The same value, a date read from the database (a `Date` on PGlite) and typed (text) alike. */
const memeValeur = (a: unknown, b: unknown): boolean => String(a ?? '') === String(b ?? '') || (iso(a) !== undefined && iso(a) === iso(b));

const change = (context: { previous: Row | undefined; values: Row }, champ: string): boolean =>
  context.values[champ] !== undefined && !memeValeur(context.values[champ], context.previous?.[champ]);

/** `prepare`: a task soldée without a date d’exécution is executed today. */
export async function preparerTache(context: PrepareContext): Promise<void> {
  const merged = { ...context.previous, ...context.values };
  if (merged.solde === true && vide(merged.date_execution)) context.values.date_execution = await aujourdhui(context.trx);
}

/** A soldée task stays closed, unless a responsable reopens it (and changes nothing else meanwhile). */
function regleSoldee(actor: Actor, previous: Row | undefined, values: Row): void {
  if (previous?.solde !== true) return;
  const rouvre = values.solde === false;
  if (rouvre && !holds(actor, DROIT_ROUVRIR)) throw new Veto(MESSAGES_TACHE.rouvrir, { solde: MESSAGES_TACHE.rouvrir });
  if (rouvre) return;
  const modifies = Object.keys(values).filter((champ) => champ !== 'om_collectivite' && !memeValeur(values[champ], previous[champ]));
  if (modifies.length > 0) throw new Veto(MESSAGES_TACHE.soldeeFermee);
}

interface CourrierDeTache {
  readonly service: number;
  readonly service_libelle: string;
}

async function courrierDeTache(trx: Db, courrier: unknown): Promise<CourrierDeTache | undefined> {
  const { rows } = await sql<CourrierDeTache>`
    select c.service, s.libelle as service_libelle from courrier.courrier c join courrier.service s on s.service = c.service
     where c.courrier = ${Number(courrier)}`.execute(trx);
  return rows[0];
}

async function libelleService(trx: Db, service: unknown): Promise<string> {
  const { rows } = await sql<{ libelle: string }>`select libelle from courrier.service where service = ${Number(service)}`.execute(trx);
  return rows[0]?.libelle ?? String(service);
}

async function regleService(trx: Db, merged: Row, errors: FieldErrors): Promise<void> {
  const courrier = await courrierDeTache(trx, merged.courrier);
  if (!courrier) return;
  const parametres = await parametresCourrier(trx, Number(merged.om_collectivite));
  if (!parametres.serviceTache) return;
  const permis = await sousServices(trx, Number(courrier.service));
  if (!permis.includes(Number(merged.service))) errors.service = MESSAGES_TACHE.hierarchie(courrier.service_libelle);
}

async function regleAgent(trx: Db, merged: Row, errors: FieldErrors): Promise<void> {
  if (vide(merged.agent) || vide(merged.service)) return;
  const { rows } = await sql<{ service: number | null }>`select service from courrier.agent where agent = ${Number(merged.agent)}`.execute(trx);
  const agent = rows[0];
  if (agent && Number(agent.service) !== Number(merged.service)) errors.agent = MESSAGES_TACHE.agentHorsService(await libelleService(trx, merged.service));
}

async function regleReponse(trx: Db, merged: Row, errors: FieldErrors): Promise<void> {
  if (vide(merged.reponse)) return;
  const { rows } = await sql<{ registre: string }>`select registre from courrier.courrier where courrier = ${Number(merged.reponse)}`.execute(trx);
  if (rows[0] && rows[0].registre !== 'depart') errors.reponse = MESSAGES_TACHE.reponseArrivee;
}

/** `validate`: the rules above, every message on its field. */
export async function validerTache(context: WriteContext): Promise<FieldErrors> {
  const { action, previous, values, trx, actor } = context;
  if (action === 'delete') return {};
  regleSoldee(actor, previous, values);
  const merged: Row = { ...previous, ...values };
  const errors: FieldErrors = {};
  const creation = iso(previous?.date_creation) ?? (await aujourdhui(trx));
  const butoir = iso(merged.date_butoir);
  if (butoir !== undefined && butoir < creation && (action === 'create' || change(context, 'date_butoir'))) errors.date_butoir = MESSAGES_TACHE.butoir(dateFr(creation));
  const execution = iso(merged.date_execution);
  if (execution !== undefined && execution < creation) errors.date_execution = MESSAGES_TACHE.execution(dateFr(creation));
  // Re-routing a mail later does not make its older tasks wrong: the rule applies when the task is given.
  if (action === 'create' || change(context, 'service') || change(context, 'courrier')) await regleService(trx, merged, errors);
  if (action === 'create' || change(context, 'service') || change(context, 'agent')) await regleAgent(trx, merged, errors);
  if (change(context, 'reponse') || (action === 'create' && !vide(merged.reponse))) await regleReponse(trx, merged, errors);
  return errors;
}

/** `afterWrite`: a task created, or given to another service or agent, is announced (notification.ts). */
export function aNotifier(context: WriteContext): boolean {
  if (context.action === 'create') return true;
  return context.action === 'update' && (change(context, 'service') || change(context, 'agent'));
}
