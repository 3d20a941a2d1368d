/**
 * « Mes documents numérisés » (`/numerisation`): a user's waiting scans. Opening the page first
 * takes in what their scanner wrote into their watched folder, so a scan shows at once. Uploads
 * (one or several files, a plain form or the drop zone's script), viewing and deleting act only on
 * the user's own files: another's is a 404, whatever its address.
 */
import { Hono, type Context } from 'hono';
import { contentDisposition } from '../../files/index.ts';
import {
  addWaitingFile,
  checkScan,
  ensureScanFolder,
  findWaitingFile,
  intakeMessage,
  listWaitingFiles,
  removeWaitingFile,
  sweepScanFolders,
  type WaitingFile,
} from '../../files/intake/index.ts';
import { fileStoreOf } from '../../files/store.ts';
import { csrfToken } from '../auth/csrf.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Message } from '../layout/layout.tsx';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { renderScreen, setFlash } from '../screens/shared/index.ts';
import { intakeUser } from './access.ts';
import { FILES_FIELD, INTAKE_PATHS } from './paths.ts';
import { IntakePage, RemovePage } from './view.tsx';

/** The user's waiting file named by `:id` (else the 404 page). */
async function ownFile(c: Context<AppEnv>): Promise<WaitingFile> {
  const raw = c.req.param('id') ?? '';
  const file = /^[1-9]\d{0,9}$/.test(raw) ? await findWaitingFile(c.get('runtime').db.kysely, intakeUser(c), Number(raw)) : undefined;
  if (!file) throw HttpError.notFound(intakeMessage('page.introuvable', undefined, localeOf(c)));
  return file;
}

/** A browser sends an empty part without a name when no file was chosen. */
const chosenFiles = (form: FormData): File[] =>
  form.getAll(FILES_FIELD).filter((value): value is File => value instanceof File && (value.name !== '' || value.size > 0));

async function renderIntake(c: Context<AppEnv>, messages: readonly Message[] = [], status: 200 | 400 = 200): Promise<Response> {
  const runtime = c.get('runtime');
  const actor = intakeUser(c);
  const locale = localeOf(c);
  const title = intakeMessage('page.titre', undefined, locale);
  const files = await listWaitingFiles(runtime.db.kysely, actor);
  return renderScreen(c, {
    title,
    breadcrumb: [{ label: intakeMessage('menu.categorie', undefined, locale) }, { label: title }],
    messages,
    status,
    children: <IntakePage files={files} csrfToken={csrfToken(c)} locale={locale} />,
  });
}

export function numerisationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(INTAKE_PATHS.index, requireActor(), async (c) => {
    const runtime = c.get('runtime');
    const actor = intakeUser(c);
    try {
      await ensureScanFolder(runtime.config.dataDir, actor);
      await sweepScanFolders(runtime, actor);
    } catch (error) {
      runtime.logger.error({ err: error, login: actor.login }, 'numérisation : dossier surveillé illisible');
    }
    c.header('Cache-Control', 'no-store');
    return renderIntake(c);
  });

  app.post(INTAKE_PATHS.index, requireActor(), async (c) => {
    const runtime = c.get('runtime');
    const actor = intakeUser(c);
    const locale = localeOf(c);
    const wantsJson = (c.req.header('Accept') ?? '').includes('application/json');
    let files: File[];
    try {
      files = chosenFiles(await c.req.formData());
    } catch {
      files = [];
    }
    const errors: string[] = files.length === 0 ? [intakeMessage('refus.aucun', undefined, locale)] : [];
    let added = 0;
    for (const file of files) {
      const checked = checkScan({ name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, locale);
      if (!checked.ok) {
        errors.push(checked.message);
        continue;
      }
      await addWaitingFile(runtime, actor, checked.upload);
      added++;
    }
    const status = added === 0 ? 400 : 200;
    // The drop zone's script sends one file per request and reloads the page when all are sent.
    if (wantsJson) return c.json({ ajoutes: added, erreurs: errors }, status);
    const messages: Message[] = errors.map((text) => ({ kind: 'error', text }));
    if (added === 0) return renderIntake(c, messages, 400);
    setFlash(c, [{ kind: 'success', text: intakeMessage('page.ajoutes', { n: added }, locale) }, ...messages]);
    return c.redirect(INTAKE_PATHS.index, 303);
  });

  app.get('/numerisation/:id/fichier', requireActor(), async (c) => {
    const file = await ownFile(c);
    c.header('Content-Type', file.type);
    // Shown by the browser (PDF viewer, image): the type was read from the content when it came in.
    c.header('Content-Disposition', contentDisposition(file.name).replace(/^attachment/, 'inline'));
    c.header('Cache-Control', 'private, no-store');
    return c.body(fileStoreOf(c.get('runtime')).open(file.fileId));
  });

  app.get('/numerisation/:id/supprimer', requireActor(), async (c) => {
    const file = await ownFile(c);
    const locale = localeOf(c);
    const title = intakeMessage('page.confirmation.titre', undefined, locale);
    return renderScreen(c, {
      title,
      breadcrumb: [{ label: intakeMessage('page.titre', undefined, locale), href: INTAKE_PATHS.index }, { label: title }],
      children: <RemovePage file={file} csrfToken={csrfToken(c)} locale={locale} />,
    });
  });

  app.post('/numerisation/:id/supprimer', requireActor(), async (c) => {
    const file = await ownFile(c);
    if (!(await removeWaitingFile(c.get('runtime'), intakeUser(c), file.id))) throw HttpError.notFound();
    setFlash(c, { kind: 'success', text: intakeMessage('page.supprime', { name: file.name }, localeOf(c)) });
    return c.redirect(INTAKE_PATHS.index, 303);
  });

  return app;
}
