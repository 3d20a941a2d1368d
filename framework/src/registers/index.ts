/**
 * Registers numbered without gap or duplicate (issue 15 §1): the arrivals of a mail registry, the
 * acts of a cemetery… A number is taken in the transaction that registers, under the row lock of
 * its counter (`om.om_compteur`, migration 0023): a rolled-back registration gives its number
 * back, concurrent ones wait for each other. A pattern says how the number reads:
 * `[annee]` the year of the registration date, `[seq]` the rank, `[seqN]` the rank on N digits
 * (`[annee]-D-[seq5]` → « 2026-D-00042 »). With `[annee]` each year starts at 1 by itself;
 * without it the register runs on until it is reset (`resetRegister`).
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface RegisterRef {
  /** The application (`courrier`). */
  readonly application: string;
  /** The register within it (`arrivee`). */
  readonly register: string;
  readonly collectivite: number;
}

export interface RegisterNumber {
  /** As the pattern writes it: « 2026-42 ». */
  readonly number: string;
  /** The rank in its register and period: 42. */
  readonly rank: number;
  /** The year, or 0 for a continuous register. */
  readonly period: number;
}

const TOKEN = /\[(annee|seq)(\d{0,2})\]/g;
const MAX_PATTERN = 60;

/** Why a pattern cannot number a register, in French; undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '' || pattern.length > MAX_PATTERN) return `Le modèle de numérotation doit compter de 1 à ${MAX_PATTERN} caractères.`;
  const tokens = [...pattern.matchAll(TOKEN)].map((match) => match[1]);
  if (tokens.filter((token) => token === 'seq').length !== 1) return 'Le modèle de numérotation doit contenir une fois [seq] (le rang dans le registre), par exemple « [annee]-[seq] ».';
  if (tokens.filter((token) => token === 'annee').length > 1) return 'Le modèle de numérotation ne peut contenir qu’une fois [annee].';
  const rest = pattern.replace(TOKEN, '');
  if (/[[\]]/.test(rest)) return 'Le modèle de numérotation ne connaît que [annee], [seq] et [seqN] (N chiffres, par exemple [seq5]).';
  return undefined;
}

/** Whether numbers of this pattern restart each year. */
export const isYearly = (pattern: string) => /\[annee\]/.test(pattern);

/** The number a pattern writes for a year and a rank. */
export function formatRegisterNumber(pattern: string, year: number, rank: number): string {
  return pattern.replace(TOKEN, (_match, token: string, digits: string) =>
    token === 'annee' ? String(year) : digits === '' ? String(rank) : String(rank).padStart(Number(digits), '0'),
  );
}

function checkedPattern(pattern: string): string {
  const problem = patternProblem(pattern);
  if (problem) throw new Error(problem);
  return pattern;
}

/**
 * The next number of a register, for a registration dated `date` (YYYY-MM-DD): to be called in the
 * transaction that writes the registration, which holds the counter's lock until it ends.
 */
export async function nextRegisterNumber(trx: Db, ref: RegisterRef, pattern: string, date: string): Promise<RegisterNumber> {
  checkedPattern(pattern);
  const period = isYearly(pattern) ? Number(date.slice(0, 4)) : 0;
  const result = await sql<{ dernier: number }>`
    insert into om.om_compteur (application, registre, periode, dernier, om_collectivite)
    values (${ref.application}, ${ref.register}, ${period}, 1, ${ref.collectivite})
    on conflict (application, registre, periode, om_collectivite) do update set dernier = om.om_compteur.dernier + 1
    returning dernier`.execute(trx);
  const rank = Number(result.rows[0]?.dernier);
  if (!Number.isInteger(rank) || rank < 1) throw new Error('compteur de registre non écrit');
  return { number: formatRegisterNumber(pattern, period, rank), rank, period };
}

/** The last rank given in a register's period (0 when none yet). */
export async function lastRank(db: Db, ref: RegisterRef, period: number): Promise<number> {
  const result = await sql<{ dernier: number }>`
    select dernier from om.om_compteur
     where application = ${ref.application} and registre = ${ref.register} and periode = ${period} and om_collectivite = ${ref.collectivite}`.execute(db);
  return Number(result.rows[0]?.dernier ?? 0);
}

/**
 * The yearly reset (« remise à zéro du registre »): the register of `period` starts again at 1.
 * A yearly register restarts by itself, so this is for the continuous ones (period 0) and for a
 * year whose numbers were given by mistake; the caller checks that no registration keeps them.
 * Returns the last rank the counter had.
 */
export async function resetRegister(trx: Db, ref: RegisterRef, period: number): Promise<number> {
  const before = await sql<{ dernier: number }>`
    select dernier from om.om_compteur
     where application = ${ref.application} and registre = ${ref.register} and periode = ${period} and om_collectivite = ${ref.collectivite}
       for update`.execute(trx);
  await sql`
    insert into om.om_compteur (application, registre, periode, dernier, om_collectivite)
    values (${ref.application}, ${ref.register}, ${period}, 0, ${ref.collectivite})
    on conflict (application, registre, periode, om_collectivite) do update set dernier = 0, ouvert_le = now()`.execute(trx);
  return Number(before.rows[0]?.dernier ?? 0);
}
