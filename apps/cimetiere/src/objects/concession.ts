/**
 * « Acte de concession » (cimetiere.concession). The act's number is given at creation in the
 * year's register (`prochainNumero`), its duration follows its type and its term is computed
 * (date de l’acte + durée; a renewal's from the previous term); state, origin and previous act
 * are written by the treatments only. One active act per emplacement, never on an ossuaire, a
 * dépositoire or a terrain communal. Actions: renouveler, convertir, rétrocéder.
 */
import { sql } from 'kysely';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';
import type { Row } from '../../../../framework/src/db/connection.ts';
import { Veto, type ActionContext, type ActionInput, type Choice, type ChoicesContext, type FieldErrors, type ObjectOverride, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import { readAs } from '../../../../framework/src/db/tenant-context.ts';
import { recalculerEtat } from '../core/etat.ts';
import { libelleDe, NATURES_EMPLACEMENT } from '../core/libelles.ts';
import { prochainNumero } from '../core/registres.ts';
import { convertir, renouveler, retroceder } from '../concessions/actes.ts';
import { texteDate } from '../concessions/dates.ts';
import { dureeDe, estDureeType, termeDe } from '../concessions/duree.ts';
import { lireConcession, concessionLue } from '../concessions/lecture.ts';
import { DUREES, ETATS_CONCESSION, NATURES_CONCEDABLES, ORIGINES_CONCESSION, TYPES_CONCESSION, type DureeType } from '../concessions/libelles.ts';
import { message } from '../concessions/messages.ts';
import { dateSaisie, dureeTypeSaisi, entierSaisi } from '../concessions/saisie.ts';

const valeur = (context: PrepareContext, champ: string): unknown =>
  Object.hasOwn(context.values, champ) ? context.values[champ] : context.previous?.[champ];

async function preparer(context: PrepareContext): Promise<void> {
  const { values, trx } = context;
  const dureeType = valeur(context, 'duree_type');
  const dateActe = texteDate(valeur(context, 'date_acte'));
  if (context.action === 'create' && (values['date_vente'] === null || values['date_vente'] === undefined) && dateActe) values['date_vente'] = dateActe;
  if (!estDureeType(dureeType) || !dateActe) return;
  const tapee = valeur(context, 'duree');
  const duree = dureeDe(dureeType, tapee === null || tapee === undefined || tapee === '' ? null : Number(tapee));
  if ('erreur' in duree) throw new Veto(duree.erreur, { duree: duree.erreur });
  values['duree'] = duree.duree;
  let depart = dateActe;
  const precedente = valeur(context, 'concession_precedente');
  if (valeur(context, 'origine') === 'renouvellement' && precedente !== null && precedente !== undefined) {
    const lue = await lireConcession(trx, Number(precedente));
    if (lue?.date_terme) depart = lue.date_terme;
  }
  values['date_terme'] = termeDe(depart, duree.duree);
  if (context.action === 'create') {
    const emplacement = (await sql<{ om_collectivite: number }>`select om_collectivite from cimetiere.emplacement where emplacement = ${values['emplacement'] ?? null}`.execute(trx)).rows[0];
    const collectivite = Number(values['om_collectivite'] ?? emplacement?.om_collectivite ?? context.actor.workingCollectivite);
    values['numero_acte'] = await prochainNumero(trx, 'acte', dateActe, collectivite);
  }
}

async function valider(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  const emplacement = context.values['emplacement'] ?? context.previous?.['emplacement'];
  const etat = context.values['etat'] ?? context.previous?.['etat'] ?? 'active';
  const erreurs: FieldErrors = {};
  const lu = (await sql<{ nature: string }>`select nature from cimetiere.emplacement where emplacement = ${emplacement ?? null}`.execute(context.trx)).rows[0];
  if (lu && !NATURES_CONCEDABLES.includes(lu.nature)) erreurs['emplacement'] = message('natureNonConcedable', { nature: libelleDe(NATURES_EMPLACEMENT, lu.nature) });
  if (etat === 'active') {
    const autre = (
      await sql<{ numero_acte: string }>`select numero_acte from cimetiere.concession where emplacement = ${emplacement ?? null} and etat = 'active'
        and concession is distinct from ${context.previous?.['concession'] ?? null}`.execute(context.trx)
    ).rows[0];
    if (autre) erreurs['emplacement'] = message('concessionActiveExiste', { numero: autre.numero_acte });
  }
  return erreurs;
}

async function apresEcriture(context: WriteContext): Promise<void> {
  const emplacements = new Set([context.values['emplacement'], context.previous?.['emplacement']].filter((v) => v !== null && v !== undefined).map(Number));
  for (const emplacement of emplacements) await recalculerEtat(context.trx, emplacement);
}

// ---- actions -----------------------------------------------------------------------------------

async function tarifsProposes(context: ChoicesContext): Promise<readonly Choice[]> {
  const rows = await readAs(context.db, context.actor, async (db) =>
    (await sql<{ tarif: number; annee: number; libelle: string; montant: string }>`select tarif, annee, libelle, montant from cimetiere.tarif
      where annee >= extract(year from current_date)::int - 1 order by annee desc, libelle`.execute(db)).rows,
  );
  return [{ value: '', label: 'Le tarif de l’année (s’il est seul)' }, ...rows.map((row) => ({ value: String(row.tarif), label: `${row.annee} — ${row.libelle} (${row.montant} €)` }))];
}

const INPUTS_ACTE: readonly ActionInput[] = [
  { name: 'date_acte', label: 'Date du nouvel acte', widget: 'text', help: 'JJ/MM/AAAA ; aujourd’hui si vide.' },
  { name: 'duree_type', label: 'Durée', widget: 'select', help: 'Vide : la même durée que l’acte actuel.', choices: async () => [{ value: '', label: 'La même durée' }, ...DUREES] },
  { name: 'duree', label: 'Durée en années (temporaire)', widget: 'text', help: 'De 1 à 15 ans, pour une concession temporaire.' },
  { name: 'tarif', label: 'Tarif', widget: 'select', choices: tarifsProposes },
];

function demandeActe(context: ActionContext, parDefaut?: DureeType) {
  const dureeType = dureeTypeSaisi(context.input['duree_type'], parDefaut);
  const dureeTapee = entierSaisi(context.input['duree'], 'duree', 'Durée');
  return {
    date: dateSaisie(context.input['date_acte'], 'date_acte', 'la date de l’acte'),
    dureeType,
    duree: dureeTapee ?? (dureeType === parDefaut && dureeType === 'temporaire' ? Number(context.record['duree']) : null),
    tarif: entierSaisi(context.input['tarif'], 'tarif', 'Tarif'),
  };
}

const limitee = (record: Row) => record['etat'] === 'active' && record['duree_type'] !== 'perpetuelle';

export const concession: ObjectOverride = {
  searchColumns: ['numero_acte'],
  defaultSort: ['-date_acte', '-concession'],
  readOnlyFields: ['numero_acte', 'etat', 'origine', 'concession_precedente', 'date_terme'],
  prepare: preparer,
  validate: valider,
  afterWrite: apresEcriture,
  actions: {
    renouveler: {
      label: 'Renouveler',
      permissionSuffix: 'renouveler',
      order: 10,
      condition: limitee,
      unavailableMessage: () => message('renouvelable'),
      inputs: INPUTS_ACTE,
      run: async (context) => {
        const acte = await renouveler(context.trx, concessionLue(context.record), demandeActe(context, context.record['duree_type'] as DureeType));
        return { message: acte.message, redirect: `/cimetiere/concession/${acte.concession}` };
      },
    },
    convertir: {
      label: 'Convertir',
      permissionSuffix: 'convertir',
      order: 20,
      condition: limitee,
      unavailableMessage: () => message('convertible'),
      inputs: INPUTS_ACTE.map((input) => (input.name === 'duree_type' ? { name: 'duree_type', label: 'Nouvelle durée', widget: 'select', required: true, choices: async () => DUREES } : input)),
      run: async (context) => {
        const acte = await convertir(context.trx, concessionLue(context.record), demandeActe(context));
        return { message: acte.message, redirect: `/cimetiere/concession/${acte.concession}` };
      },
    },
    retroceder: {
      label: 'Rétrocéder à la commune',
      permissionSuffix: 'retroceder',
      order: 30,
      condition: (record) => record['etat'] === 'active',
      unavailableMessage: () => message('retrocedable'),
      inputs: [{ name: 'date_retrocession', label: 'Date de la rétrocession', widget: 'text', help: 'JJ/MM/AAAA ; aujourd’hui si vide.' }],
      run: async (context) => {
        const fait = await retroceder(context.trx, concessionLue(context.record), dateSaisie(context.input['date_retrocession'], 'date_retrocession', 'la date de la rétrocession'));
        return { message: fait.message };
      },
    },
  },
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.concessions, 10, 'Actes de concession'),
    choices: { duree_type: DUREES, type_concession: TYPES_CONCESSION, etat: ETATS_CONCESSION, origine: ORIGINES_CONCESSION },
    advancedSearch: [{ field: 'numero_acte' }, { field: 'etat' }, { field: 'duree_type' }, { field: 'date_acte' }, { field: 'date_terme' }],
    help: {
      date_acte: 'Le terme court de cette date : date de l’acte + durée (la date de vente peut être antérieure).',
      numero_acte: 'Donné à l’enregistrement, dans le registre de l’année de l’acte (AAAA-n).',
      duree: 'Trentenaire 30 ans, cinquantenaire 50 ans, perpétuelle sans terme ; une temporaire dure de 1 à 15 ans (à saisir).',
      date_terme: 'Calculée : date de l’acte + durée (pour un renouvellement : terme de l’acte précédent + durée, CGCT L2223-15).',
      montant: 'Prix payé, au tarif de l’année (au m² × superficie pour un tarif au mètre carré).',
    },
  },
};

