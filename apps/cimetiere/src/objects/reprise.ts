/**
 * « Procédure de reprise » (cimetiere.reprise): the dated steps of the reprise of an abandoned
 * concession, checked in order with the legal delays (reprise/delais.ts). While it is en cours the
 * emplacement shows « en reprise » and is marked abandoned. « Abandonner la procédure » (the family
 * restored the grave) or « Prononcer la reprise » (the concession goes to the commune; the remains
 * then go to the ossuaire by the fin de concession, motif reprise, from the emplacement).
 */
import { sql } from 'kysely';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';
import type { Row } from '../../../../framework/src/db/connection.ts';
import { Veto, type FieldErrors, type ObjectOverride, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import { recalculerEtat } from '../core/etat.ts';
import { dateFr, texteDate } from '../concessions/dates.ts';
import { ETATS_REPRISE } from '../concessions/libelles.ts';
import { dateSaisie, texte } from '../concessions/saisie.ts';
import { controlerEtapes, ORDRE, type Etapes } from '../reprise/delais.ts';
import { contexteDeReprise } from '../reprise/lecture.ts';
import { message } from '../reprise/messages.ts';

const LETTRES_REPRISE = { constat: 'cimetiere_reprise_constat', notification: 'cimetiere_reprise_notification', arrete: 'cimetiere_reprise_arrete' } as const;

const fusion = (values: Row, previous: Row | undefined, champ: string): unknown => (Object.hasOwn(values, champ) ? values[champ] : previous?.[champ]);

function etapesDe(values: Row, previous: Row | undefined): Etapes {
  const etapes = Object.fromEntries(ORDRE.map((etape) => [etape, texteDate(fusion(values, previous, etape))]));
  return etapes as unknown as Etapes;
}

async function preparer(context: PrepareContext): Promise<void> {
  const concession = context.values['concession'];
  if ((context.values['emplacement'] === null || context.values['emplacement'] === undefined) && concession !== null && concession !== undefined) {
    const row = (await sql<{ emplacement: number }>`select emplacement from cimetiere.concession where concession = ${concession}`.execute(context.trx)).rows[0];
    if (row) context.values['emplacement'] = Number(row.emplacement);
  }
}

async function valider(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  if (context.action === 'update' && context.previous?.['etat'] !== 'en_cours') {
    return { etat: message('close') };
  }
  const emplacement = Number(fusion(context.values, context.previous, 'emplacement'));
  const concessionBrute = fusion(context.values, context.previous, 'concession');
  const concession = concessionBrute === null || concessionBrute === undefined ? null : Number(concessionBrute);
  const lu = await contexteDeReprise(context.trx, emplacement, concession);
  const erreurs: FieldErrors = {};
  if (lu.concessionAutre) erreurs['concession'] = message('concessionAutre');
  const enCours = (
    await sql<{ reprise: number }>`select reprise from cimetiere.reprise where emplacement = ${emplacement} and etat = 'en_cours'
      and reprise is distinct from ${context.previous?.['reprise'] ?? null}`.execute(context.trx)
  ).rows[0];
  if (enCours) erreurs['emplacement'] = message('dejaEnCours');
  const controle = controlerEtapes(etapesDe(context.values, context.previous), lu);
  for (const avertissement of controle.avertissements) context.warn(avertissement);
  return { ...erreurs, ...controle.erreurs };
}

const supprimable = (record: Row) => record['etat'] === 'en_cours' && !record['date_second_constat'];

function refuserSuppression(context: WriteContext): void {
  if (context.action === 'delete' && context.previous && !supprimable(context.previous)) {
    throw new Veto(message('nonSupprimable'));
  }
}

async function apresEcriture(context: WriteContext): Promise<void> {
  const emplacement = Number(fusion(context.values, context.previous, 'emplacement'));
  if (context.action === 'delete') {
    await sql`update cimetiere.emplacement set abandon = false, date_abandon = null where emplacement = ${emplacement}`.execute(context.trx);
  }
  if (context.action === 'create') {
    await sql`update cimetiere.emplacement set abandon = true, date_abandon = ${texteDate(context.values['date_premier_constat'])} where emplacement = ${emplacement}`.execute(context.trx);
  }
  await recalculerEtat(context.trx, emplacement);
}

const enCours = (record: Row) => record['etat'] === 'en_cours';

export const reprise: ObjectOverride = {
  defaultSort: ['-date_premier_constat'],
  readOnlyFields: ['etat', 'date_reprise', 'motif_abandon'],
  prepare: preparer,
  validate: valider,
  beforeWrite: refuserSuppression,
  afterWrite: apresEcriture,
  canDelete: supprimable,
  actions: {
    abandonner: {
      label: 'Abandonner la procédure',
      permissionSuffix: 'abandonner',
      order: 10,
      condition: enCours,
      unavailableMessage: () => message('dejaClose'),
      inputs: [{ name: 'motif_abandon', label: 'Motif', widget: 'textarea', required: true, help: 'Par exemple : la famille a remis la sépulture en bon état d’entretien.' }],
      run: async (context) => {
        const motif = texte(context.input['motif_abandon']);
        if (motif.length < 5) throw new Veto(message('motifCourt'), { motif_abandon: message('motifChamp') });
        const emplacement = Number(context.record['emplacement']);
        await sql`update cimetiere.reprise set etat = 'abandonnee', motif_abandon = ${motif} where reprise = ${context.record['reprise']}`.execute(context.trx);
        await sql`update cimetiere.emplacement set abandon = false, date_abandon = null where emplacement = ${emplacement}`.execute(context.trx);
        await recalculerEtat(context.trx, emplacement);
        return { message: message('abandonnee') };
      },
    },
    prononcer: {
      label: 'Prononcer la reprise',
      permissionSuffix: 'prononcer',
      order: 20,
      condition: (record) => enCours(record) && Boolean(record['date_arrete']),
      unavailableMessage: (record) =>
        enCours(record) ? message('avantArrete') : message('dejaClose'),
      inputs: [{ name: 'date_reprise', label: 'Date de la reprise effective', widget: 'text', required: true, help: 'JJ/MM/AAAA : trente jours au moins après l’arrêté.' }],
      run: async (context) => {
        const date = dateSaisie(context.input['date_reprise'], 'date_reprise', 'la date de la reprise effective', false);
        const etapes = { ...etapesDe(context.record, undefined), date_reprise: date };
        const emplacement = Number(context.record['emplacement']);
        const concession = context.record['concession'] === null ? null : Number(context.record['concession']);
        const controle = controlerEtapes(etapes, await contexteDeReprise(context.trx, emplacement, concession));
        const erreur = Object.values(controle.erreurs)[0];
        if (erreur) throw new Veto(erreur, { date_reprise: erreur });
        await sql`update cimetiere.reprise set etat = 'reprise', date_reprise = ${date} where reprise = ${context.record['reprise']}`.execute(context.trx);
        if (concession !== null) await sql`update cimetiere.concession set etat = 'reprise' where concession = ${concession} and etat = 'active'`.execute(context.trx);
        await recalculerEtat(context.trx, emplacement);
        return { message: message('prononcee', { date: dateFr(date) }) };
      },
    },
  },
  links: [
    {
      label: 'Emplacement (fin de concession, motif reprise)',
      href: (record) => `/cimetiere/emplacement/${String(record['emplacement'])}`,
      condition: (record) => record['etat'] === 'reprise',
      order: 10,
    },
  ],
  documents: {
    available: (record, document) => document.id !== LETTRES_REPRISE.arrete || Boolean(record['date_arrete']),
    unavailableMessage: (_record, document) => (document.id === LETTRES_REPRISE.arrete ? message('arreteSansDate') : undefined),
  },
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.concessions, 40, 'Procédures de reprise'),
    choices: { etat: ETATS_REPRISE },
    formLayout: [
      { legend: 'Concession', fields: ['emplacement', 'concession', 'etat'] },
      { legend: 'Constat d’abandon', fields: ['date_premier_constat', 'date_notification', 'date_fin_affichage'], columns: 3 },
      { legend: 'Second constat et décision', fields: ['date_second_constat', 'date_deliberation', 'date_arrete', 'date_reprise'], columns: 2 },
      { legend: 'Observations', fields: ['motif_abandon', 'observation'] },
    ],
    help: {
      date_premier_constat: 'La concession doit avoir plus de trente ans et la dernière inhumation plus de dix ans (CGCT L2223-17).',
      date_notification: 'Dans les huit jours du constat (R2223-13).',
      date_fin_affichage: 'Un mois au moins après le premier constat.',
      date_second_constat: 'Trois ans au moins après le premier constat.',
      date_deliberation: 'Un mois au moins après le second constat.',
      date_arrete: 'Après la délibération.',
      date_reprise: 'Trente jours au moins après l’arrêté (action « Prononcer la reprise »).',
    },
  },
};
