/**
 * « Administration › Sauvegardes »: the archives of `<data dir>/sauvegardes/`, « Faire une
 * sauvegarde maintenant » (a job), their download. Permission `sauvegarde` and niveau 2: an
 * archive holds every collectivité's data.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import { holds } from '../../../access/permissions.ts';
import { BACKUP_JOB, backupMessage, backupSettings, backupsFolder, isArchiveName, listArchives, startBackupJob } from '../../../backup/index.ts';
import { contentDisposition } from '../../../files/index.ts';
import { translator } from '../../../i18n/index.ts';
import { JobRefused, jobRunnerOf } from '../../../jobs/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/index.ts';
import { actorOf, renderScreen, setFlash } from '../../screens/shared/index.ts';
import { BACKUP_PATHS, BACKUP_PERMISSION } from './paths.ts';
import { BackupsView } from './view.tsx';

function backupAdministrator(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!holds(actor, BACKUP_PERMISSION) || actor.niveau !== '2') throw HttpError.forbidden();
  return actor;
}

export function backupRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(BACKUP_PATHS.page, requireActor(), async (c) => {
    const actor = backupAdministrator(c);
    const runtime = c.get('runtime');
    const recent = await jobRunnerOf(runtime).list(actor, { offset: 0, limit: 50 });
    const locale = localeOf(c);
    const title = backupMessage('page.title', undefined, locale);
    return renderScreen(c, {
      title,
      breadcrumb: [{ label: translator(locale)('layout.rubriques.administration') }, { label: title }],
      children: (
        <BackupsView
          archives={await listArchives(runtime.config.dataDir)}
          jobs={recent.jobs.filter((job) => job.kind === BACKUP_JOB.name).slice(0, 5)}
          settings={backupSettings()}
          database={runtime.db.kind}
          csrfToken={csrfToken(c)}
          locale={locale}
        />
      ),
    });
  });

  routes.post(BACKUP_PATHS.page, requireActor(), async (c) => {
    const actor = backupAdministrator(c);
    try {
      await startBackupJob(c.get('runtime'), actor);
      setFlash(c, { kind: 'success', text: backupMessage('page.started', undefined, localeOf(c)) });
    } catch (error) {
      if (!(error instanceof JobRefused)) throw error;
      setFlash(c, { kind: 'error', text: error.message });
    }
    return c.redirect(BACKUP_PATHS.page, 303);
  });

  routes.get('/administration/sauvegardes/:name', requireActor(), async (c) => {
    backupAdministrator(c);
    const name = c.req.param('name') ?? '';
    if (!isArchiveName(name)) throw HttpError.notFound();
    const path = join(backupsFolder(c.get('runtime').config.dataDir), name);
    const stream = createReadStream(path);
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
    } catch {
      throw HttpError.notFound();
    }
    c.header('Content-Type', 'application/gzip');
    c.header('Content-Disposition', contentDisposition(name));
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array>);
  });

  return routes;
}
