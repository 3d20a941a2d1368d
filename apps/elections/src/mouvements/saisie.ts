/**
 * The rules of a movement's form, on save: a decided movement no longer changes; an inscription
 * carries the elector's identity, a modification or radiation names its elector; the bureau comes
 * from the découpage unless forced; the calendar of the scrutin named; duplicates before an
 * inscription is created.
 */
import { sql } from 'kysely';
import type { Row } from '../../../../framework/src/db/index.ts';
import type { FieldErrors, WriteContext } from '../../../../framework/src/model/override.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { ETATS_MOUVEMENT } from '../choices.ts';
import { resolveBureau } from './bureau.ts';
import { categorieOf, ETATS_EN_COURS, etatOf, REQUIRED_FOR_ELECTEUR } from './categorie.ts';
import { checkDuplicates } from './doublons.ts';
import { message } from './messages.ts';
import { calendrierErrors } from './recevabilite.ts';

const filled = (value: unknown): boolean => value !== null && value !== undefined && String(value).trim() !== '';

export const etatLabel = (etat: string): string => ETATS_MOUVEMENT.find((choice) => choice.value === etat)?.label ?? etat;

const CATEGORIE_WORDS = { inscription: 'une inscription', modification: 'une modification', radiation: 'une radiation' } as const;

/** The movement's own rules (the shared identity rules are the override's). */
export async function mouvementErrors(context: WriteContext): Promise<FieldErrors> {
  const { action, values, previous, trx, locale } = context;
  if (action === 'update' && previous && !ETATS_EN_COURS.includes(etatOf(previous))) {
    throw new Veto(message('nonModifiable', { etat: etatLabel(etatOf(previous)) }, locale));
  }
  const row: Row = { ...previous, ...values };
  const categorie = await categorieOf(trx, row.type_mouvement);
  if (!categorie) return {};
  const errors: FieldErrors = {};
  if (categorie === 'inscription') {
    for (const field of REQUIRED_FOR_ELECTEUR) if (!filled(row[field])) errors[field] = message('champRequis', { categorie: CATEGORIE_WORDS[categorie] }, locale);
  } else if (!filled(row.electeur)) {
    errors.electeur = message('electeurRequis', locale);
  } else {
    const found = await sql<{ liste: string }>`select liste from elections.electeur where electeur = ${Number(row.electeur)}`.execute(trx);
    const liste = found.rows[0]?.liste;
    if (liste !== undefined && liste !== row.liste) errors.electeur = message('electeurAutreListe', { liste }, locale);
  }
  if (categorie !== 'radiation' && filled(row.voie) && !errors.voie) {
    const bureau = await resolveBureau(trx, row, locale);
    if (!bureau.ok) Object.assign(errors, bureau.errors);
  }
  return { ...errors, ...(await calendrierErrors(trx, row)) };
}

/**
 * After validation: the bureau the découpage gives is written; an inscription's duplicates refuse it
 * until arbitrated, its homonyms are warnings shown once it is saved.
 */
export async function beforeMouvementWrite(context: WriteContext): Promise<void> {
  const { action, values, previous, trx, locale } = context;
  if (action === 'delete') return;
  const row: Row = { ...previous, ...values };
  const categorie = await categorieOf(trx, row.type_mouvement);
  if (categorie !== 'radiation' && filled(row.voie) && row.bureau_force !== true) {
    const bureau = await resolveBureau(trx, row, locale);
    if (bureau.ok) values.bureau = bureau.bureau;
  }
  if (categorie !== 'inscription') return;
  if (action === 'create') await checkDuplicates(trx, row, undefined, locale, context.warn);
  // A pending inscription whose identity changes is looked for again (itself left out).
  else if (IDENTITY.some((field) => field in values && String(values[field] ?? '') !== String(previous?.[field] ?? ''))) {
    await checkDuplicates(trx, row, Number(previous?.mouvement), locale, context.warn);
  }
}

/** What a duplicate is judged on. */
const IDENTITY = ['nom', 'prenoms', 'date_naissance', 'liste'] as const;
