/**
 * What « Accepter » does to the list, in the action's transaction: an inscription creates the
 * elector from the movement's snapshot, a modification updates the elector (the former bureau kept
 * on the movement), a radiation deletes the elector (every movement keeps its snapshot, `electeur`
 * emptied: the history is found by name in the movements). The list is then renumbered
 * alphabetically (rules/numerotation.ts).
 */
import { sql, type Transaction } from 'kysely';
import type { Row, Schema } from '../../../../framework/src/db/index.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { numberElectors, type ElecteurANumeroter } from '../rules/numerotation.ts';
import { resolveBureau } from './bureau.ts';
import { REQUIRED_FOR_ELECTEUR, SNAPSHOT_FIELDS } from './categorie.ts';
import { message } from './messages.ts';

const filled = (value: unknown): boolean => value !== null && value !== undefined && String(value).trim() !== '';

/** Numbers every elector of the list (its collectivité's, by RLS) again; only changed rows are written. */
export async function renumberList(trx: Transaction<Schema>, liste: string): Promise<void> {
  const rows = await sql<ElecteurANumeroter & { numero_liste: number | null; numero_bureau: number | null }>`
    select electeur, bureau, nom, prenoms, date_naissance, numero_liste, numero_bureau from elections.electeur where liste = ${liste}`.execute(trx);
  const current = new Map(rows.rows.map((row) => [row.electeur, row]));
  const changed = numberElectors(rows.rows).filter((numero) => {
    const before = current.get(numero.electeur);
    return before?.numero_liste !== numero.numero_liste || before.numero_bureau !== numero.numero_bureau;
  });
  if (changed.length === 0) return;
  await sql`
    update elections.electeur e set numero_liste = n.numero_liste, numero_bureau = n.numero_bureau
      from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as n (electeur integer, numero_liste integer, numero_bureau integer)
     where e.electeur = n.electeur`.execute(trx);
}

async function bureauOrVeto(trx: Transaction<Schema>, mouvement: Row, locale: Locale | undefined): Promise<number> {
  const missing = REQUIRED_FOR_ELECTEUR.filter((field) => !filled(mouvement[field]));
  if (missing.length > 0) {
    throw new Veto(message('incomplet', locale), Object.fromEntries(missing.map((field) => [field, message('champRequis', { categorie: 'accepter le mouvement' }, locale)])));
  }
  const bureau = await resolveBureau(trx, mouvement, locale);
  if (!bureau.ok) throw new Veto(Object.values(bureau.errors).join(' '), bureau.errors);
  return bureau.bureau;
}

const snapshotValues = (mouvement: Row, bureau: number) =>
  SNAPSHOT_FIELDS.map((field) => (field === 'bureau' ? bureau : field === 'bureau_force' ? mouvement.bureau_force === true : (mouvement[field] ?? null)));

export interface Effet {
  readonly electeur: number | null;
  readonly bureau: number | null;
  readonly numeroListe?: number | null;
}

/** Inscription: the elector is created, with type and date of inscription, and numbered. */
export async function inscrire(trx: Transaction<Schema>, mouvement: Row, dateDecision: string, collectivite: number, locale: Locale | undefined): Promise<Effet> {
  const bureau = await bureauOrVeto(trx, mouvement, locale);
  const columns = [...SNAPSHOT_FIELDS, 'liste', 'type_inscription', 'date_inscription', 'om_collectivite'];
  const values = [...snapshotValues(mouvement, bureau), mouvement.liste, mouvement.type_mouvement, dateDecision, collectivite];
  const inserted = await sql<{ electeur: number }>`
    insert into elections.electeur (${sql.join(columns.map((column) => sql.ref(column)))})
    values (${sql.join(values.map((value) => sql`${value}`))}) returning electeur`.execute(trx);
  const electeur = Number(inserted.rows[0]?.electeur);
  await sql`update elections.mouvement set electeur = ${electeur}, bureau = ${bureau} where mouvement = ${Number(mouvement.mouvement)}`.execute(trx);
  await renumberList(trx, String(mouvement.liste));
  const numero = await sql<{ numero_liste: number | null }>`select numero_liste from elections.electeur where electeur = ${electeur}`.execute(trx);
  return { electeur, bureau, numeroListe: numero.rows[0]?.numero_liste ?? null };
}

async function electeurOf(trx: Transaction<Schema>, mouvement: Row, locale: Locale | undefined): Promise<Row> {
  const found = filled(mouvement.electeur)
    ? await sql<Row>`select * from elections.electeur where electeur = ${Number(mouvement.electeur)} for update`.execute(trx)
    : { rows: [] };
  const electeur = found.rows[0];
  if (!electeur) throw new Veto(message('electeurIntrouvable', locale), { electeur: message('electeurIntrouvable', locale) });
  return electeur;
}

/** Modification: the elector takes the movement's values; the movement keeps the former bureau. */
export async function modifier(trx: Transaction<Schema>, mouvement: Row, locale: Locale | undefined): Promise<Effet> {
  const electeur = await electeurOf(trx, mouvement, locale);
  const bureau = await bureauOrVeto(trx, mouvement, locale);
  const values = snapshotValues(mouvement, bureau);
  await sql`update elections.electeur set ${sql.join(SNAPSHOT_FIELDS.map((field, index) => sql`${sql.ref(field)} = ${values[index]}`))}
     where electeur = ${Number(electeur.electeur)}`.execute(trx);
  await sql`update elections.mouvement set ancien_bureau = ${electeur.bureau ?? null}, bureau = ${bureau} where mouvement = ${Number(mouvement.mouvement)}`.execute(trx);
  await renumberList(trx, String(electeur.liste));
  return { electeur: Number(electeur.electeur), bureau };
}

/** Radiation: the movement keeps the elector's snapshot and former bureau; the elector leaves the list. */
export async function radier(trx: Transaction<Schema>, mouvement: Row, locale: Locale | undefined): Promise<Effet> {
  const electeur = await electeurOf(trx, mouvement, locale);
  const key = Number(electeur.electeur);
  // The snapshot: the movement's own values where it has them, the elector's otherwise.
  const assignments = SNAPSHOT_FIELDS.filter((field) => field !== 'bureau').map((field) => sql`${sql.ref(field)} = coalesce(m.${sql.ref(field)}, e.${sql.ref(field)})`);
  await sql`update elections.mouvement m set ${sql.join(assignments)}, ancien_bureau = e.bureau, bureau = null
      from elections.electeur e where e.electeur = ${key} and m.mouvement = ${Number(mouvement.mouvement)}`.execute(trx);
  await sql`update elections.mouvement set electeur = null where electeur = ${key}`.execute(trx);
  await sql`delete from elections.electeur where electeur = ${key}`.execute(trx);
  await renumberList(trx, String(electeur.liste));
  return { electeur: null, bureau: null };
}
