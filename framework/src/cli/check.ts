/**
 * `commun check`: the rows of a collectivité that reference, through a foreign key, a row of another
 * collectivité (rows written before migration 0008, or with its triggers disabled). The list comes
 * from `om.references_entre_collectivites()`, which reads the foreign keys from the catalogue, for
 * every application and the framework. Exit code: 0 nothing found, 1 rows found (or a failure).
 */
import { SYSTEM_ACTOR } from '../access/actor.ts';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { t } from '../i18n/index.ts';

/** A row that names a row of another collectivité. */
export interface CrossReference {
  readonly table_enfant: string;
  readonly contrainte: string;
  readonly colonnes: string;
  readonly cle: string;
  readonly collectivite: number;
  readonly table_parent: string;
  readonly collectivite_parent: number;
}

/** Every such row, as the system (which sees every collectivité). */
export async function crossReferences(db: Db): Promise<{ rows: CrossReference[]; names: Map<number, string> }> {
  // Loaded here, one after the other, so that refusing the arguments stays quick.
  const { sql } = await import('kysely');
  const { readAs } = await import('../db/tenant-context.ts');
  return readAs(db, SYSTEM_ACTOR, async (connection) => {
    const rows = (await sql<CrossReference>`select * from om.references_entre_collectivites()`.execute(connection)).rows;
    const collectivites = (await sql<{ id: number; libelle: string }>`select om_collectivite as id, libelle from om.om_collectivite`.execute(connection)).rows;
    return { rows, names: new Map(collectivites.map((row) => [Number(row.id), row.libelle])) };
  });
}

/** The report, line by line. */
export function describeCrossReferences(rows: readonly CrossReference[], names: ReadonlyMap<number, string>): string[] {
  if (rows.length === 0) return [t('referenceCheck.none')];
  const name = (id: number) => names.get(Number(id)) ?? t('referenceCheck.unknownCollectivite', { id });
  return [
    t('referenceCheck.found', { count: rows.length }),
    ...rows.map((row) =>
      t('referenceCheck.row', {
        table: row.table_enfant,
        key: row.cle,
        collectivite: name(row.collectivite),
        columns: row.colonnes,
        target: row.table_parent,
        targetCollectivite: name(row.collectivite_parent),
        constraint: row.contrainte,
      }),
    ),
    t('referenceCheck.advice'),
  ];
}

export async function checkCommand(argv: readonly string[]): Promise<number> {
  if (argv.length > 0) {
    const help = argv.some((arg) => arg === '--help' || arg === '-h');
    if (help) console.log(t('referenceCheck.usage'));
    else console.error(`${t('cli.unknownOption', { option: argv[0] ?? '' })}\n\n${t('referenceCheck.usage')}`);
    return help ? 0 : 1;
  }
  const { bootstrap } = await import('../bootstrap.ts');
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  try {
    const { rows, names } = await crossReferences(runtime.db.kysely);
    console.log(describeCrossReferences(rows, names).join('\n'));
    return rows.length === 0 ? 0 : 1;
  } finally {
    await runtime.db.close();
  }
}
