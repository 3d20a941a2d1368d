/**
 * The actions of a departure mail (`actionsDepart`, spread into the courrier override's `actions`):
 * the visa circuit — « Soumettre au visa », « Viser », « Refuser » — then « Marquer comme parti » and
 * « Envoyer par courriel ». States: projet → en_visa → (vise | refuse → en_visa…) → parti; a mail
 * without circuit goes from projet to parti. Each condition says in French why it is not offered;
 * the runAction pipeline writes the mail's audit entry.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { holds } from '../../../../framework/src/access/permissions.ts';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import { Veto, type ActionContext, type CustomAction } from '../../../../framework/src/model/override.ts';
import type { RegisteredObject } from '../../../../framework/src/model/registry.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import { meta as visaMeta } from '../../gen/visa.ts';
import { agentCourant, aUnCircuit, etapeEnCours, etapesDuCircuit, type EtapeVisa } from './circuit.ts';
import { envoyerParCourriel } from './envoi.ts';
import { MESSAGES } from './messages.ts';
import { notifierRefus, notifierViseur, type CourrierNotifie } from './notification.ts';

export const DROIT_VISER = 'courrier.viser';
export const DROIT_ENVOYER = 'courrier.envoyer';

const OBJET_VISA: RegisteredObject = { app: 'courrier', name: 'visa', meta: visaMeta, override: {} };

const estDepart = (record: Row) => record['registre'] === 'depart';
const etat = (record: Row) => String(record['etat']);
const numero = (record: Row) => String(record['numero']);
const cle = (record: Row) => Number(record['courrier']);
const texte = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

const dateFr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const notifie = (record: Row): CourrierNotifie => ({
  courrier: cle(record),
  numero: numero(record),
  objet: String(record['objet']),
  collectivite: Number(record['om_collectivite']),
  auteur: String(record['cree_par'] ?? ''),
});

async function changerEtat(trx: Db, courrier: number, nouveau: string): Promise<void> {
  await sql`update courrier.courrier set etat = ${nouveau} where courrier = ${courrier}`.execute(trx);
}

/** The current step, when the actor is its viser holding `courrier.viser`; a Veto otherwise. */
async function etapeDuViseur(context: ActionContext): Promise<{ etape: EtapeVisa; etapes: EtapeVisa[] }> {
  if (!holds(context.actor, DROIT_VISER)) throw new Veto(MESSAGES.sansDroitDeViser);
  const etapes = await etapesDuCircuit(context.trx, cle(context.record));
  const etape = etapeEnCours(etapes);
  if (!etape) throw new Veto(MESSAGES.aucuneEtape);
  if (etape.agent !== (await agentCourant(context.trx))) throw new Veto(MESSAGES.pasVotreEtape(etape.viseur, etape.rang));
  return { etape, etapes };
}

async function decider(context: ActionContext, etape: EtapeVisa, decision: 'vise' | 'refuse', annotation: string | null): Promise<void> {
  await sql`update courrier.visa set decision = ${decision}, decide_le = now(), annotation = ${annotation} where visa = ${etape.visa}`.execute(context.trx);
}

/** The previous round's decisions go to the audit journal, then are cleared for the new round. */
async function nouveauTour(context: ActionContext): Promise<void> {
  const { rows } = await sql<Row>`select * from courrier.visa where courrier = ${cle(context.record)} and decision is not null order by rang`.execute(context.trx);
  for (const before of rows) {
    const { rows: after } = await sql<Row>`
      update courrier.visa set decision = null, decide_le = null, annotation = null where visa = ${before['visa']} returning *`.execute(context.trx);
    await writeAudit(context.trx, { actor: context.actor, object: OBJET_VISA, action: 'nouveau_tour', key: before['visa'], before, after: after[0], requestId: undefined });
  }
}

const soumettre: CustomAction = {
  label: 'Soumettre au visa',
  permissionSuffix: 'soumettre_visa',
  order: 10,
  condition: (record) => estDepart(record) && ['projet', 'refuse'].includes(etat(record)),
  unavailableMessage: (record) => (estDepart(record) ? MESSAGES.soumettreIndisponible(record['etat']) : MESSAGES.pasUnDepart),
  run: async (context) => {
    const etapes = await etapesDuCircuit(context.trx, cle(context.record));
    if (etapes.length === 0) throw new Veto(MESSAGES.circuitVide);
    await nouveauTour(context);
    await changerEtat(context.trx, cle(context.record), 'en_visa');
    const premiere = etapes[0] as EtapeVisa;
    await notifierViseur(context.trx, notifie(context.record), premiere);
    return { message: MESSAGES.soumis(numero(context.record), premiere.viseur) };
  },
};

const enVisa = (record: Row) => estDepart(record) && etat(record) === 'en_visa';
const pasEnVisa = (record: Row) => (estDepart(record) ? MESSAGES.pasEnVisa(record['etat']) : MESSAGES.pasUnDepart);

const viser: CustomAction = {
  label: 'Viser',
  permissionSuffix: 'viser',
  order: 20,
  condition: (record, actor: Actor) => enVisa(record) && holds(actor, DROIT_VISER),
  unavailableMessage: (record) => (enVisa(record) ? MESSAGES.sansDroitDeViser : pasEnVisa(record)),
  inputs: [{ name: 'annotation', label: 'Annotation', widget: 'textarea', help: 'Facultative : elle reste dans le circuit du courrier.' }],
  run: async (context) => {
    const { etape, etapes } = await etapeDuViseur(context);
    await decider(context, etape, 'vise', texte(context.input['annotation']) || null);
    const suivante = etapes.find((autre) => autre.decision === null && autre.rang > etape.rang);
    if (!suivante) {
      await changerEtat(context.trx, cle(context.record), 'vise');
      return { message: MESSAGES.vise(numero(context.record)) };
    }
    await notifierViseur(context.trx, notifie(context.record), suivante);
    return { message: MESSAGES.etapeSuivante(suivante.viseur, suivante.rang) };
  },
};

const refuser: CustomAction = {
  label: 'Refuser',
  permissionSuffix: 'viser',
  order: 30,
  condition: (record, actor: Actor) => enVisa(record) && holds(actor, DROIT_VISER),
  unavailableMessage: (record) => (enVisa(record) ? MESSAGES.sansDroitDeViser : pasEnVisa(record)),
  inputs: [{ name: 'annotation', label: 'Motif du refus', widget: 'textarea', required: true }],
  run: async (context) => {
    const motif = texte(context.input['annotation']);
    if (motif === '') throw new Veto(MESSAGES.motifRequis, { annotation: MESSAGES.motifRequis });
    const { etape } = await etapeDuViseur(context);
    await decider(context, etape, 'refuse', motif);
    await changerEtat(context.trx, cle(context.record), 'refuse');
    await notifierRefus(context.trx, notifie(context.record), etape, motif);
    return { message: MESSAGES.refuse(numero(context.record)) };
  },
};

/** projet (without circuit) or vise: the states a mail may leave from. */
const peutPartir = (record: Row) => estDepart(record) && ['projet', 'vise'].includes(etat(record));
const nePeutPasPartir = (record: Row) => (estDepart(record) ? MESSAGES.partiIndisponible(record['etat']) : MESSAGES.pasUnDepart);

/** A mail in projet that has a circuit must go through it first. */
async function verifierCircuit(context: ActionContext): Promise<void> {
  if (etat(context.record) === 'projet' && (await aUnCircuit(context.trx, cle(context.record)))) throw new Veto(MESSAGES.circuitNonVise);
}

async function marquerParti(trx: Db, courrier: number, envoi?: { le: true; a: string }): Promise<string> {
  const { rows } = await sql<{ date_depart: string }>`
    update courrier.courrier
       set etat = 'parti', date_depart = coalesce(date_depart, current_date),
           envoye_le = case when ${envoi !== undefined} then now() else envoye_le end,
           envoye_a = case when ${envoi !== undefined} then ${envoi?.a ?? null} else envoye_a end
     where courrier = ${courrier}
     returning date_depart`.execute(trx);
  return String(rows[0]?.date_depart ?? '');
}

const parti: CustomAction = {
  label: 'Marquer comme parti',
  permissionSuffix: 'marquer_parti',
  order: 40,
  condition: peutPartir,
  unavailableMessage: nePeutPasPartir,
  run: async (context) => {
    await verifierCircuit(context);
    const date = await marquerParti(context.trx, cle(context.record));
    return { message: MESSAGES.parti(numero(context.record), dateFr(date)) };
  },
};

const envoyer: CustomAction = {
  label: 'Envoyer par courriel',
  permissionSuffix: 'envoyer',
  order: 50,
  condition: (record, actor: Actor) => peutPartir(record) && holds(actor, DROIT_ENVOYER),
  unavailableMessage: (record) => (peutPartir(record) ? MESSAGES.sansDroitDEnvoyer : nePeutPasPartir(record)),
  inputs: [
    { name: 'destinataire', label: 'Destinataire', widget: 'text', help: 'Laissé vide : l’adresse électronique du correspondant.' },
    { name: 'message', label: 'Message', widget: 'textarea', help: 'Laissé vide : « Veuillez trouver ci-joint notre courrier… ». La lettre (document de type réponse) est jointe.' },
  ],
  run: async (context) => {
    if (!holds(context.actor, DROIT_ENVOYER)) throw new Veto(MESSAGES.sansDroitDEnvoyer);
    await verifierCircuit(context);
    const destinataire = await envoyerParCourriel(context.trx, context.services, context.files, {
      courrier: cle(context.record),
      numero: numero(context.record),
      objet: String(context.record['objet']),
      correspondant: Number(context.record['correspondant']),
      destinataire: texte(context.input['destinataire']),
      message: texte(context.input['message']),
    });
    await marquerParti(context.trx, cle(context.record), { le: true, a: destinataire });
    return { message: MESSAGES.envoye(numero(context.record), destinataire) };
  },
};

/** To spread into the `actions` of `src/objects/courrier.ts`. */
export const actionsDepart: Readonly<Record<string, CustomAction>> = {
  soumettre_visa: soumettre,
  viser,
  refuser,
  marquer_parti: parti,
  envoyer_courriel: envoyer,
};
