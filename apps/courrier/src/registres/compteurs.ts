/**
 * The counters of the mail registers (`om.om_compteur`, application « courrier ») and their reset
 * (workflow 7). A reset is refused when the first number it would give again already exists in
 * the mail or in the archives of the collectivité — confidential mail included, hence read as the
 * framework, restricted to the collectivité — under the counter's lock, so that no registration
 * slips in between the check and the reset.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../../../framework/src/access/actor.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { readAs, writeAs } from '../../../../framework/src/db/tenant-context.ts';
import { formatRegisterNumber, isYearly, resetRegister } from '../../../../framework/src/registers/index.ts';
import { parametresCourrier } from '../core/parametres.ts';
import { modeleDuRegistre, REGISTRES, registreRef, type Registre } from '../core/registres.ts';

export interface Compteur {
  readonly registre: Registre;
  readonly periode: number;
  readonly dernier: number;
  readonly ouvertLe: unknown;
}

const DU_REGISTRE: Readonly<Record<Registre, string>> = { arrivee: 'des arrivées', depart: 'des départs' };

/** « Le registre des arrivées 2026 » / « le registre des départs (continu) ». */
export const nomDuRegistre = (registre: Registre, periode: number) => `registre ${DU_REGISTRE[registre]}${periode > 0 ? ` ${periode}` : ' (continu)'}`;

export const REGISTRES_MESSAGES = {
  inconnu: 'Ce registre n’existe pas : choisissez-en un dans la liste.',
  doublon: (registre: Registre, periode: number, numero: string) =>
    `Le ${nomDuRegistre(registre, periode)} contient déjà le numéro ${numero} : une remise à zéro donnerait des numéros en double.`,
  remis: (registre: Registre, periode: number, dernier: number) => {
    const nom = nomDuRegistre(registre, periode);
    return `${nom.charAt(0).toUpperCase()}${nom.slice(1)} remis à zéro (dernier numéro donné : ${dernier}).`;
  },
} as const;

export const estRegistre = (value: unknown): value is Registre => typeof value === 'string' && (REGISTRES as readonly string[]).includes(value);

/** The counters of the collectivité the user works in, most recent period first. */
export async function compteurs(db: Db, actor: Actor): Promise<Compteur[]> {
  return readAs(db, actor, async (connection) => {
    const { rows } = await sql<{ registre: string; periode: number; dernier: number; ouvert_le: unknown }>`
      select registre, periode, dernier, ouvert_le from om.om_compteur
       where application = 'courrier' and om_collectivite = ${actor.workingCollectivite}
       order by registre, periode desc`.execute(connection);
    return rows.filter((row) => estRegistre(row.registre)).map((row) => ({
      registre: row.registre as Registre,
      periode: Number(row.periode),
      dernier: Number(row.dernier),
      ouvertLe: row.ouvert_le,
    }));
  });
}

/** The patterns of the two registers (parameters `registre_arrivee`, `registre_depart`). */
export async function modeles(db: Db, actor: Actor): Promise<Readonly<Record<Registre, string>>> {
  const parametres = await readAs(db, actor, (connection) => parametresCourrier(connection, actor.workingCollectivite));
  return { arrivee: modeleDuRegistre('arrivee', parametres), depart: modeleDuRegistre('depart', parametres) };
}

export type Remise = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string };

/** Resets one register's period for the user's collectivité (the caller checked the right). */
export async function remettreAZero(db: Db, actor: Actor, registre: Registre, periode: number): Promise<Remise> {
  const collectivite = actor.workingCollectivite;
  return writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const verrou = await sql`
      select dernier from om.om_compteur
       where application = 'courrier' and registre = ${registre} and periode = ${periode} and om_collectivite = ${collectivite}
         for update`.execute(trx);
    if (verrou.rows.length === 0) return { ok: false, message: REGISTRES_MESSAGES.inconnu };
    const modele = modeleDuRegistre(registre, await parametresCourrier(trx, collectivite));
    const premier = formatRegisterNumber(modele, isYearly(modele) ? periode : 0, 1);
    const { rows } = await sql`
      select 1 from courrier.courrier where registre = ${registre} and numero = ${premier} and om_collectivite = ${collectivite}
      union all
      select 1 from courrier.courrier_archive where registre = ${registre} and numero = ${premier} and om_collectivite = ${collectivite}
      limit 1`.execute(trx);
    if (rows.length > 0) return { ok: false, message: REGISTRES_MESSAGES.doublon(registre, periode, premier) };
    const dernier = await resetRegister(trx, registreRef(registre, collectivite), periode);
    return { ok: true, message: REGISTRES_MESSAGES.remis(registre, periode, dernier) };
  });
}
