/** The `commun` command. Its output is in the language of `COMMUN_LOCALE` (French by default). */
import { loadApplications } from './config/applications.ts';
import { loadConfig } from './config/index.ts';
import { t } from './i18n/index.ts';

export type { InstanceConfig } from './config/applications.ts';

function announceAdmin(password: string | undefined): void {
  if (!password) return;
  console.log(`\n${t('cli.adminCreated', { password })}`);
  console.log(`${t('cli.adminPasswordNote')}\n`);
}

/** `--help`/`-h` prints the command's usage; any other argument is refused with it. */
function usageAsked(args: readonly string[], usage: string): number | undefined {
  if (args.length === 0) return undefined;
  if (args.some((arg) => arg === '--help' || arg === '-h')) {
    console.log(usage);
    return 0;
  }
  console.error(`${t('cli.unknownOption', { option: args[0] ?? '' })}\n\n${usage}`);
  return 1;
}

async function start(): Promise<number> {
  const started = Date.now();
  const config = loadConfig();
  // One after the other: both reach sanitize-html, whose require() of an ES module fails while
  // another import() of it is still loading (Node 20 to 24: « Unexpected module status »).
  const { bootstrap } = await import('./bootstrap.ts');
  const applications = await loadApplications();
  // The database opens in its own thread while this one loads the web application's modules.
  const booting = bootstrap(config, applications);
  booting.catch(() => undefined); // Awaited below; a failure must not count as unhandled meanwhile.
  const [{ createApp }, { startServer }] = await Promise.all([import('./web/app.tsx'), import('./web/server.ts')]);
  const { runtime, applied, generatedAdminPassword } = await booting;
  if (applied.length > 0) runtime.logger.info({ applied }, `${applied.length} migration(s) appliquée(s)`);
  announceAdmin(generatedAdminPassword);
  await startServer(createApp(runtime), runtime, { port: config.port });
  runtime.logger.info({ ms: Date.now() - started, database: runtime.db.kind }, 'démarré');
  return -1;
}

async function migrateOnly(): Promise<number> {
  const { bootstrap } = await import('./bootstrap.ts');
  const { runtime, applied, generatedAdminPassword } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  console.log(applied.length === 0 ? t('cli.databaseUpToDate') : [t('cli.migrationsApplied'), ...applied].join('\n  '));
  announceAdmin(generatedAdminPassword);
  await runtime.db.close();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return usageAsked(rest, t('cli.startUsage')) ?? start();
    case 'migrate':
      return usageAsked(rest, t('cli.migrateUsage')) ?? migrateOnly();
    case 'user':
      return (await import('./cli/users.ts')).userCommand(rest);
    case 'import':
      return (await import('./cli/import.ts')).importCommand(rest);
    case 'gen':
      if (rest.includes('--documents')) return (await import('./cli/gen-documents.ts')).genDocumentsCommand(rest);
      return (await import('./generator/command.ts')).genCommand(rest);
    case 'new':
      return (await import('./cli/new-app.ts')).newAppCommand(rest);
    case 'check':
      return (await import('./cli/check.ts')).checkCommand(rest);
    case 'annuaire':
      return (await import('./cli/annuaire.ts')).annuaireCommand(rest);
    case 'notifications':
      return (await import('./notifications/command.ts')).notificationsCommand(rest);
    case 'referentiels':
      return (await import('./cli/referentials.ts')).referentialsCommand(rest);
    case 'backup':
      return (await import('./cli/backup.ts')).backupCommand(rest);
    case 'restore':
      return (await import('./cli/backup.ts')).restoreCommand(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(t('cli.help'));
      return 0;
    default:
      console.error(`${t('cli.unknownCommand', { command })}\n\n${t('cli.help')}`);
      return 1;
  }
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (error) {
  console.error(t('cli.error', { message: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}
