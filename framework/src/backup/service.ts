/**
 * The server's backup service, started with the HTTP server: every second it takes the requests of
 * `commun backup` (requests.ts); when COMMUN_SAUVEGARDE_QUOTIDIENNE=1, it makes the day's backup
 * at its first pass of a new day (Paris time) unless one of that day is already there.
 */
import { todayInParis } from '../jobs/daily.ts';
import { listArchives } from './folders.ts';
import { backupInstance, type BackupRuntime } from './instance.ts';
import { totalRows } from './manifest.ts';
import { serveRequests, type BackupAnswer } from './requests.ts';
import { backupSettings } from './settings.ts';

export interface BackupService {
  stop(): void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function answerRequest(runtime: BackupRuntime): Promise<BackupAnswer> {
  try {
    const made = await backupInstance(runtime);
    return {
      ok: true,
      archive: made.path,
      lignes: totalRows(made.manifest),
      fichiers: Object.keys(made.manifest.empreintes).filter((path) => path.startsWith('fichiers/')).length,
    };
  } catch (error) {
    runtime.logger.error({ err: error }, 'sauvegarde demandée par la commande en échec');
    return { ok: false, erreur: errorText(error) };
  }
}

/** Whether today's backup is due: none of today (Paris) among the archives. */
async function dailyDue(runtime: BackupRuntime, today: string): Promise<boolean> {
  const stamp = `commun-${today.replaceAll('-', '')}-`;
  return !(await listArchives(runtime.config.dataDir)).some((archive) => archive.name.startsWith(stamp));
}

export function startBackupService(runtime: BackupRuntime, options: { pollMs?: number } = {}): BackupService {
  const settings = backupSettings();
  let lastDay: string | undefined;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await serveRequests(runtime.config.dataDir, () => answerRequest(runtime));
      const today = todayInParis();
      if (settings.daily && lastDay !== today) {
        lastDay = today;
        if (await dailyDue(runtime, today)) await backupInstance(runtime);
      }
    } catch (error) {
      runtime.logger.error({ err: error }, 'service de sauvegarde en échec');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.pollMs ?? 1000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
