/**
 * `commun import <app>.<table> fichier.csv [options]`: the import of the web page, from a terminal,
 * as a user (default `admin`) with their permissions and collectivité. It runs as the same job, so
 * it appears in that user's « Mes traitements »; the progress is drawn on stderr.
 *
 * Exit code: 0 every line imported (or valid, in a simulation), 2 some lines rejected, 1 refused
 * or failed.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import { readAs } from '../db/tenant-context.ts';
import { t } from '../i18n/index.ts';
import { formatRanges, isImportMode, isSeparator, runImport, type ImportMode, type ImportRequest, type ImportResult } from '../imports/index.ts';
import { jobRunnerOf } from '../jobs/index.ts';
import type { Runtime } from '../runtime.ts';
import { IMPORT_JOB } from '../imports/job.ts';
import { ProgressBar } from './progress.ts';

interface ImportOptions {
  readonly name: string;
  readonly file: string;
  readonly mode: ImportMode;
  readonly simulation: boolean;
  readonly updateKey: string | undefined;
  readonly separator: ';' | ',';
  readonly header: boolean;
  readonly login: string;
}

/** The options, or the message saying what is wrong (usage on `--help`). */
function readOptions(argv: string[]): ImportOptions | { readonly exit: number; readonly message: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'tout-ou-rien' },
      simulation: { type: 'boolean', default: false },
      'mise-a-jour': { type: 'string' },
      separateur: { type: 'string', default: ';' },
      'sans-entete': { type: 'boolean', default: false },
      utilisateur: { type: 'string', default: 'admin' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [name, file] = positionals;
  if (values.help) return { exit: 0, message: t('bulkImport.cli.usage') };
  if (!name || !file || positionals.length > 2) return { exit: 1, message: t('bulkImport.cli.usage') };
  if (!isImportMode(values.mode)) return { exit: 1, message: t('bulkImport.cli.badMode', { mode: values.mode }) };
  if (!isSeparator(values.separateur)) return { exit: 1, message: t('bulkImport.cli.badSeparator', { separator: values.separateur }) };
  if (!existsSync(file)) return { exit: 1, message: t('bulkImport.cli.missingFile', { file }) };
  return {
    name,
    file: resolve(file),
    mode: values.mode,
    simulation: values.simulation,
    updateKey: values['mise-a-jour'],
    separator: values.separateur,
    header: !values['sans-entete'],
    login: values.utilisateur,
  };
}

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

export async function importCommand(argv: string[]): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${t('bulkImport.cli.usage')}`);
    return 1;
  }
  if ('exit' in options) {
    (options.exit === 0 ? console.log : console.error)(options.message);
    return options.exit;
  }
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  try {
    return await runCommand(runtime, options);
  } finally {
    await runtime.db.close();
  }
}
