/** `commun import` once its arguments are accepted (cli/import.ts): the job, run as the chosen user. */
import { basename } from 'node:path';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import { readAs } from '../db/tenant-context.ts';
import { t } from '../i18n/index.ts';
import { formatRanges, runImport, type ImportRequest, type ImportResult } from '../imports/index.ts';
import { jobRunnerOf } from '../jobs/index.ts';
import type { Runtime } from '../runtime.ts';
import { IMPORT_JOB } from '../imports/job.ts';
import type { ImportOptions } from './import.ts';
import { ProgressBar } from './progress.ts';

async function actorOf(runtime: Runtime, login: string): Promise<Actor | undefined> {
  const rows = await readAs(runtime.db.kysely, SYSTEM_ACTOR, async (connection) =>
    (await sql<{ id: number }>`select om_utilisateur as id from om.om_utilisateur where login = ${login}`.execute(connection)).rows,
  );
  const id = rows[0]?.id;
  return id === undefined ? undefined : loadActor(runtime.db.kysely, id);
}

/** What the command prints once the job is over; its exit code. */
function report(result: ImportResult, rejectPath: string | undefined): number {
  const { counts } = result;
  const done = result.simulation ? 'simulationDone' : result.stopped ? 'stopped' : result.written || counts.rejected === 0 ? 'done' : 'refused';
  console.log(t(`bulkImport.cli.${done}`));
  console.log(t('bulkImport.cli.counts', { ...counts }));
  if (result.written && result.writtenRanges.length > 0) console.log(t('bulkImport.cli.written', { ranges: formatRanges(result.writtenRanges) }));
  if (rejectPath) console.log(t('bulkImport.cli.rejects', { path: rejectPath }));
  if (counts.rejected > 0) return 2;
  return result.stopped ? 1 : 0;
}

async function runCommand(runtime: Runtime, options: ImportOptions): Promise<number> {
  const [app = '', table = ''] = options.name.split('.');
  const spec = runtime.registry.imports.get(app, table);
  const object = spec ? runtime.registry.get(spec.app, spec.table) : undefined;
  if (!spec || !object) {
    const example = runtime.registry.imports.all()[0];
    console.error(t('bulkImport.cli.unknownImport', { name: options.name, example: example ? `${example.app}.${example.name}` : 'registre.traitement' }));
    return 1;
  }
  const actor = await actorOf(runtime, options.login);
  if (!actor) {
    console.error(t('bulkImport.cli.unknownUser', { login: options.login }));
    return 1;
  }
  const runner = jobRunnerOf(runtime);
  const bar = new ProgressBar();
  const request: ImportRequest = { spec, object, path: options.file, separator: options.separator, header: options.header, mode: options.mode, simulation: options.simulation, updateKey: options.updateKey };
  const deps = { db: runtime.db, registry: runtime.registry, locale: runtime.config.locale };
  const context = { app: spec.app, name: spec.name, label: spec.label, simulation: options.simulation };
  const started = await runner.start(IMPORT_JOB, actor, { fileName: basename(options.file), context }, (job) =>
    runImport(deps, actor, request, {
      signal: job.signal,
      saveSummary: (trx, summary) => job.saveSummary(trx, summary),
      resultPath: (name) => job.resultPath(name),
      report: (done, total) => {
        job.report(done, total);
        bar.update(done, total);
      },
    }),
  );
  console.error(t('bulkImport.cli.job', { id: started.id }));
  // Ctrl+C cancels the job as « Annuler » would: whole batches written stay in « ignorer ».
  const cancel = () => void runner.cancel(started.id, actor);
  process.once('SIGINT', cancel);
  await runner.settled(started.id);
  process.off('SIGINT', cancel);
  bar.end();
  const job = await runner.get(IMPORT_JOB, started.id, actor);
  if (!job?.result) {
    console.error(t('bulkImport.cli.failed', { message: job?.error ?? job?.state ?? '' }));
    return 1;
  }
  const rejectPath = job.result.rejectFile ? runner.resultFile(job, job.result.rejectFile) : undefined;
  return report(job.result, rejectPath);
}

export async function runImportCommand(options: ImportOptions): Promise<number> {
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  try {
    return await runCommand(runtime, options);
  } finally {
    await runtime.db.close();
  }
}
