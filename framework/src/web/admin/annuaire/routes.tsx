/**
 * `GET /administration/annuaire`, `POST …/tester`, `POST …/synchroniser`: for administrators of the
 * users (`om_utilisateur`) of the niveau-2 collectivité, since a synchronisation writes accounts of
 * every collectivité it is configured for. The synchronisation runs as a job of the administrator,
 * whose progress « Mes traitements » shows.
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import {
  describeConfig,
  directoryConfigOf,
  latestReport,
  summaryOf,
  synchronizeDirectory,
  SyncFailure,
  testDirectoryConnection,
  type LdapConfig,
} from '../../../access/ldap/index.ts';
import { holds } from '../../../access/permissions.ts';
import { translator } from '../../../i18n/index.ts';
import { JobFailure, JobRefused, jobKind, jobRunnerOf } from '../../../jobs/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { JOB_PATHS } from '../../jobs/paths.ts';
import type { Message } from '../../layout/layout.tsx';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/errors.tsx';
import { actorOf, renderScreen, setFlash } from '../../screens/shared/index.ts';
import { annuairePage } from './messages.ts';
import { ANNUAIRE_PATHS } from './paths.ts';
import { ANNUAIRE_PERMISSION } from './register.ts';
import { AnnuaireView } from './view.tsx';

export const DIRECTORY_SYNC_JOB = jobKind<{ summary: string }, { label: string }>('annuaire.synchro');

function administrator(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!holds(actor, ANNUAIRE_PERMISSION) || actor.niveau !== '2') throw HttpError.forbidden();
  return actor;
}

/** The configuration, or the French reason it cannot be read. */
function configOf(c: Context<AppEnv>): { config: LdapConfig | undefined; problem: string | undefined } {
  try {
    return { config: directoryConfigOf(c.get('runtime')), problem: undefined };
  } catch (error) {
    return { config: undefined, problem: error instanceof Error ? error.message : String(error) };
  }
}

export function annuaireRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(ANNUAIRE_PATHS.page, requireActor(), async (c) => {
    administrator(c);
    const locale = localeOf(c);
    const tr = translator(locale);
    const { config, problem } = configOf(c);
    const messages: Message[] = [];
    if (problem) messages.push({ kind: 'error', text: annuairePage('configError', { message: problem }, locale) });
    else if (!config) messages.push({ kind: 'info', text: annuairePage('notConfigured', undefined, locale) });
    const title = annuairePage('title', undefined, locale);
    return renderScreen(c, {
      title,
      breadcrumb: [{ label: tr('layout.rubriques.administration') }, { label: tr('admin.menu.users') }, { label: title }],
      messages,
      children: (
        <AnnuaireView settings={config ? describeConfig(config) : undefined} report={await latestReport(c.get('runtime').db.kysely)}
          csrfToken={csrfToken(c)} locale={locale} />
      ),
    });
  });

  routes.post(ANNUAIRE_PATHS.test, requireActor(), async (c) => {
    administrator(c);
    const locale = localeOf(c);
    const { config, problem } = configOf(c);
    if (!config) {
      setFlash(c, { kind: 'error', text: problem ?? annuairePage('notConfigured', undefined, locale) });
      return c.redirect(ANNUAIRE_PATHS.page, 303);
    }
    const outcome = await testDirectoryConnection(config, locale);
    setFlash(c, { kind: outcome.ok ? 'success' : 'error', text: outcome.message });
    return c.redirect(ANNUAIRE_PATHS.page, 303);
  });

  routes.post(ANNUAIRE_PATHS.synchronize, requireActor(), async (c) => {
    const actor = administrator(c);
    const runtime = c.get('runtime');
    const locale = localeOf(c);
    const { config, problem } = configOf(c);
    if (!config) {
      setFlash(c, { kind: 'error', text: problem ?? annuairePage('notConfigured', undefined, locale) });
      return c.redirect(ANNUAIRE_PATHS.page, 303);
    }
    try {
      await jobRunnerOf(runtime).start(DIRECTORY_SYNC_JOB, actor, { context: { label: annuairePage('jobLabel', undefined, locale) } }, async (job) => {
        try {
          const report = await synchronizeDirectory(runtime.db.kysely, config, {
            origin: 'administration',
            startedBy: actor.login,
            locale,
            signal: job.signal,
            progress: (done, total) => job.report(done, total),
          });
          return { summary: summaryOf(report, locale) };
        } catch (error) {
          if (error instanceof SyncFailure) throw new JobFailure(error.message);
          throw error;
        }
      });
    } catch (error) {
      if (!(error instanceof JobRefused)) throw error;
      setFlash(c, { kind: 'error', text: error.message });
      return c.redirect(ANNUAIRE_PATHS.page, 303);
    }
    setFlash(c, { kind: 'success', text: annuairePage('started', undefined, locale) });
    return c.redirect(JOB_PATHS.list, 303);
  });

  return routes;
}
