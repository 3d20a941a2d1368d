/**
 * The movement's workflow as custom actions, each with its permission `elections.mouvement_<name>`:
 * à instruire → en attente → accepté or refusé → transmis → archivé. « Accepter » changes the
 * list in the same transaction (liste.ts). A wrong state is refused with its reason, nothing changed.
 */
import { sql } from 'kysely';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import type { ActionContext, ActionResult, CustomAction } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import type { Row } from '../../../../framework/src/db/index.ts';
import { todayInParis } from '../rules/dates.ts';
import type { EtatMouvement } from '../rules/doublons.ts';
import { categorieOf, etatOf } from './categorie.ts';
import { inscrire, modifier, radier } from './liste.ts';
import { message } from './messages.ts';
import { calendrierErrors } from './recevabilite.ts';
import { etatLabel } from './saisie.ts';
import { dateCourte } from '../rules/dates.ts';

type Libelle = 'mettreEnAttente' | 'accepter' | 'refuser' | 'transmettre' | 'archiver';

const ATTENDUS: Readonly<Record<string, string>> = {
  a_instruire: 'à instruire',
  en_attente: 'en attente',
  accepte: 'accepté',
  refuse: 'refusé',
  transmis: 'transmis',
};

/** An action allowed from `from` states only, refusing the others with the state named. */
function transition(libelle: Libelle, from: readonly EtatMouvement[], order: number, run: (context: ActionContext) => Promise<ActionResult>): CustomAction {
  return {
    label: message(libelle, 'fr'),
    order,
    condition: (record) => from.includes(etatOf(record)),
    unavailableMessage: (record: Row, locale: Locale | undefined) =>
      message('etatInterdit', { etat: etatLabel(etatOf(record)), action: message(libelle, locale), attendus: from.map((etat) => ATTENDUS[etat] ?? etat).join(' ou ') }, locale),
    run,
  };
}

const keyOf = (context: ActionContext) => Number(context.record.mouvement);

async function setEtat(context: ActionContext, etat: EtatMouvement, extra: Row = {}): Promise<void> {
  const assignments = [sql`etat = ${etat}`, ...Object.entries(extra).map(([column, value]) => sql`${sql.ref(column)} = ${value}`)];
  await sql`update elections.mouvement set ${sql.join(assignments)} where mouvement = ${keyOf(context)}`.execute(context.trx);
}

const nomOf = (record: Row) => [record.prenoms, record.nom].filter((part) => typeof part === 'string' && part !== '').join(' ');

export const mettreEnAttente = transition('mettreEnAttente', ['a_instruire'], 10, async (context) => {
  await setEtat(context, 'en_attente');
  return { message: message('misEnAttente', { mouvement: String(keyOf(context)) }, context.locale) };
});

export const accepter = transition('accepter', ['a_instruire', 'en_attente'], 20, async (context) => {
  const { trx, record, locale } = context;
  const calendrier = await calendrierErrors(trx, record);
  if (Object.keys(calendrier).length > 0) throw new Veto(Object.values(calendrier).join(' '), calendrier);
  const today = todayInParis();
  const categorie = await categorieOf(trx, record.type_mouvement);
  const bureauCode = async (bureau: number | null) =>
    bureau === null ? '' : ((await sql<{ code: string }>`select code from elections.bureau where bureau = ${bureau}`.execute(trx)).rows[0]?.code ?? '');
  // The decision first: the elector created takes it as date of inscription. A motif typed before
  // is not this decision's: cleared, so that a motif always means a refusal (lettres.ts).
  await setEtat(context, 'accepte', { date_decision: today, motif_refus: null });
  const params = { nom: nomOf(record), liste: String(record.liste) };
  if (categorie === 'inscription') {
    const effet = await inscrire(trx, record, today, Number(record.om_collectivite), locale);
    return { message: message('accepteInscription', { ...params, bureau: await bureauCode(effet.bureau), numero: String(effet.numeroListe ?? '') }, locale) };
  }
  if (categorie === 'modification') {
    const effet = await modifier(trx, record, locale);
    return { message: message('accepteModification', { ...params, bureau: await bureauCode(effet.bureau) }, locale) };
  }
  await radier(trx, record, locale);
  return { message: message('accepteRadiation', params, locale) };
});

export const refuser: CustomAction = {
  ...transition('refuser', ['a_instruire', 'en_attente'], 30, async (context) => {
    const posted = typeof context.input.motif_refus === 'string' ? context.input.motif_refus.trim() : '';
    const motif = posted !== '' ? posted : typeof context.record.motif_refus === 'string' ? context.record.motif_refus.trim() : '';
    if (motif === '') throw new Veto(message('refusSansMotif', context.locale), { motif_refus: message('motifRefusRequis', context.locale) });
    await setEtat(context, 'refuse', { motif_refus: motif, date_decision: todayInParis() });
    return { message: message('refuse', { mouvement: String(keyOf(context)) }, context.locale) };
  }),
  inputs: [{ name: 'motif_refus', label: 'Motif du refus', widget: 'textarea', required: true, help: 'Il figure sur la lettre de refus envoyée au demandeur.' }],
};

export const transmettre = transition('transmettre', ['accepte', 'refuse'], 40, async (context) => {
  const today = todayInParis();
  await setEtat(context, 'transmis', { date_transmission: today });
  return { message: message('transmis', { mouvement: String(keyOf(context)), date: dateCourte(today) }, context.locale) };
});

/** As openElec: an archived movement's pièces justificatives are deleted, their files with them once it commits. */
export const archiver = transition('archiver', ['transmis'], 50, async (context) => {
  const deleted = await sql<{ fichier: string | null }>`delete from elections.piece where mouvement = ${keyOf(context)} returning fichier`.execute(context.trx);
  await context.releaseFiles(deleted.rows.map((row) => row.fichier));
  await setEtat(context, 'archive');
  return { message: message('archive', { mouvement: String(keyOf(context)), pieces: String(deleted.rows.length) }, context.locale) };
});

export const mouvementActions: Readonly<Record<string, CustomAction>> = {
  mettre_en_attente: mettreEnAttente,
  accepter,
  refuser,
  transmettre,
  archiver,
};
