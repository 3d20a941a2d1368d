/** The kept synchronisation reports (`om.om_annuaire_synchro`), most recent first. */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { SyncEntry, SyncOrigin } from './sync.ts';

export interface StoredReport {
  readonly id: number;
  readonly startedAt: Date;
  readonly origin: SyncOrigin;
  readonly startedBy: string | undefined;
  readonly crees: number;
  readonly modifies: number;
  readonly desactives: number;
  readonly inchanges: number;
  readonly erreurs: number;
  readonly entries: readonly SyncEntry[];
  readonly failure: string | undefined;
}

interface ReportRow {
  om_annuaire_synchro: number;
  commence_le: Date | string;
  origine: SyncOrigin;
  lance_par: string | null;
  crees: number;
  modifies: number;
  desactives: number;
  inchanges: number;
  erreurs: number;
  detail: SyncEntry[] | string;
  echec: string | null;
}

export async function latestReport(db: Db): Promise<StoredReport | undefined> {
  const result = await sql<ReportRow>`
    select om_annuaire_synchro, commence_le, origine, lance_par, crees, modifies, desactives, inchanges, erreurs, detail, echec
      from om.om_annuaire_synchro order by commence_le desc, om_annuaire_synchro desc limit 1`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: Number(row.om_annuaire_synchro),
    startedAt: row.commence_le instanceof Date ? row.commence_le : new Date(row.commence_le),
    origin: row.origine,
    startedBy: row.lance_par ?? undefined,
    crees: Number(row.crees),
    modifies: Number(row.modifies),
    desactives: Number(row.desactives),
    inchanges: Number(row.inchanges),
    erreurs: Number(row.erreurs),
    entries: typeof row.detail === 'string' ? (JSON.parse(row.detail) as SyncEntry[]) : row.detail,
    failure: row.echec ?? undefined,
  };
}

/** Hours since the last synchronisation that ran for real (undefined: never). */
export async function hoursSinceLastSync(db: Db): Promise<number | undefined> {
  const result = await sql<{ hours: number | null }>`
    select extract(epoch from now() - max(commence_le)) / 3600 as hours from om.om_annuaire_synchro where echec is null`.execute(db);
  const hours = result.rows[0]?.hours;
  return hours === null || hours === undefined ? undefined : Number(hours);
}
