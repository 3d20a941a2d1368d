/**
 * Before the rules of a courrier are checked (`prepare`, in the registration's transaction): the
 * registre (fixed once registered), the state it starts in, who registers it, the correspondent of
 * the « nouveau correspondant » block, the text of the bible, and on create its number, given by
 * the register of the year of its date (arrival: arrivé le; departure: signé le, else parti le,
 * else today). A refused registration rolls back with its number: none is lost.
 */
import { sql } from 'kysely';
import type { Row } from '../../../../framework/src/db/connection.ts';
import { Veto, type PrepareContext } from '../../../../framework/src/model/override.ts';
import { parametresCourrier } from '../core/parametres.ts';
import { prochainNumero, REGISTRES, type Registre } from '../core/registres.ts';
import { aujourdhui, jour } from './dates.ts';
import { MESSAGES } from './messages.ts';
import { creerNouveauCorrespondant, nouveauSaisi } from './nouveau-correspondant.ts';
import { retenirLeScan } from './scan.ts';

export const ENTREE_BIBLE = 'bible';

const refus = (champ: string, message: string) => new Veto(message, { [champ]: message });

export const collectiviteDe = (context: Pick<PrepareContext, 'values' | 'previous' | 'actor'>): number =>
  Number(context.values['om_collectivite'] ?? context.previous?.['om_collectivite'] ?? context.actor.collectivite);

/** The date a mail is numbered by, YYYY-MM-DD. */
export function dateDeNumerotation(registre: Registre, values: Row): string {
  const date = registre === 'arrivee' ? jour(values['date_arrivee']) : (jour(values['date_signature']) ?? jour(values['date_depart']));
  return date ?? aujourdhui();
}

async function texteDeLaBible(context: PrepareContext, registre: Registre): Promise<void> {
  const choisi = context.input[ENTREE_BIBLE];
  if (choisi === undefined || choisi === null || String(choisi).trim() === '') return;
  const cle = String(choisi).trim();
  if (!/^\d{1,9}$/.test(cle)) throw refus(ENTREE_BIBLE, MESSAGES.bibleInconnue);
  const { rows } = await sql<{ texte: string; registre: Registre | null }>`
    select texte, registre from courrier.bible where bible = ${Number(cle)}`.execute(context.trx);
  const bible = rows[0];
  if (!bible) throw refus(ENTREE_BIBLE, MESSAGES.bibleInconnue);
  if (bible.registre !== null && bible.registre !== registre) throw refus(ENTREE_BIBLE, MESSAGES.bibleAutreRegistre);
  const objet = typeof context.values['objet'] === 'string' ? context.values['objet'].trim() : '';
  context.values['objet'] = objet === '' ? bible.texte : `${objet} ${bible.texte}`;
}

async function correspondantNouveau(context: PrepareContext): Promise<void> {
  if (!nouveauSaisi(context.input)) return;
  const choisi = context.values['correspondant'];
  if (choisi !== null && choisi !== undefined) throw refus('correspondant', MESSAGES.correspondantEtNouveau);
  context.values['correspondant'] = await creerNouveauCorrespondant(context.trx, context.actor, context.input, collectiviteDe(context));
}

export async function preparerCourrier(context: PrepareContext): Promise<void> {
  const { values, previous, action } = context;
  if (action === 'update') {
    if (Object.hasOwn(values, 'registre') && values['registre'] !== previous?.['registre']) throw refus('registre', MESSAGES.registreFixe);
    await correspondantNouveau(context);
    await texteDeLaBible(context, previous?.['registre'] as Registre);
    return;
  }
  const registre = values['registre'];
  if (registre === null || registre === undefined) return; // the generated rule names the missing field
  if (!REGISTRES.includes(registre as Registre)) throw refus('registre', MESSAGES.registreInconnu);
  const collectivite = collectiviteDe(context);
  const parametres = await parametresCourrier(context.trx, collectivite);
  if (registre === 'depart' && !parametres.optionCourrierDepart) throw refus('registre', MESSAGES.departNonUtilise);
  values['etat'] = registre === 'arrivee' ? 'enregistre' : 'projet';
  values['cree_par'] = context.actor.login.slice(0, 60);
  retenirLeScan(context);
  await correspondantNouveau(context);
  await texteDeLaBible(context, registre as Registre);
  const numero = await prochainNumero(context.trx, registre as Registre, collectivite, parametres, dateDeNumerotation(registre as Registre, values));
  values['numero'] = numero.number;
  values['rang'] = numero.rank;
}
