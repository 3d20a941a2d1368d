/**
 * `commun referentiels [--app <nom>]`: loads the applications' referentials again, whatever their
 * stored version (a source corrected in place, rows changed by hand to restore). Opens the database
 * as `commun migrate` does (pending migrations applied, the embedded folder's lock respected).
 */
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import { defaultLocale, t } from '../i18n/index.ts';

function parse(argv: readonly string[]): { application?: string } | { help: true } | { error: string } {
  let application: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { help: true };
    if (argument === '--app') {
      const name = argv[++index];
      if (name === undefined || name.startsWith('-')) return { error: t('referentials.missingApp') };
      application = name;
    } else if (argument.startsWith('--app=')) application = argument.slice('--app='.length);
    else return { error: t('cli.unknownOption', { option: argument }) };
  }
  return application === undefined ? {} : { application };
}

export async function referentialsCommand(argv: readonly string[]): Promise<number> {
  const parsed = parse(argv);
  if ('help' in parsed) {
    console.log(t('referentials.usage'));
    return 0;
  }
  if ('error' in parsed) {
    console.error(`${parsed.error}\n\n${t('referentials.usage')}`);
    return 1;
  }
  // After the arguments, and before the applications as before: the framework's modules load first.
  const { bootstrap } = await import('../bootstrap.ts');
  const applications = await loadApplications();
  const owners = applications.filter((application) => (application.referentials ?? []).length > 0);
  if (owners.length === 0) {
    console.log(t('referentials.none'));
    return 0;
  }
  if (parsed.application !== undefined && !owners.some((application) => application.name === parsed.application)) {
    console.error(t('referentials.unknownApp', { app: parsed.application, apps: owners.map((application) => application.name).join(', ') }));
    return 1;
  }
  const { runtime, referentials } = await bootstrap({ ...loadConfig(), demo: false }, applications, { referentials: { force: true, ...parsed } });
  try {
    const seconds = new Intl.NumberFormat(defaultLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    console.log(t('referentials.done'));
    for (const loaded of referentials) {
      console.log(t('referentials.loaded', { app: loaded.application, name: loaded.name, version: loaded.version, rows: loaded.rows, seconds: seconds.format(loaded.ms / 1000) }));
    }
    return 0;
  } finally {
    await runtime.db.close();
  }
}
