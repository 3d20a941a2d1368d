import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Runtime } from '../runtime.ts';
import { interactiveRequest } from '../jobs/give-way.ts';
import { recordApi } from './api/records.ts';
import { authRoutes } from './auth/routes.tsx';
import { csrfMiddleware } from './auth/csrf.ts';
import { requireActor } from './auth/require-actor.ts';
import { sessionMiddleware } from './auth/session-middleware.ts';
import type { AppEnv } from './env.ts';
import { csvExportRoutes } from './export/csv.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { chromeOf, collectiviteRoutes } from './layout/index.ts';
import { themeRoutes } from './layout/theme-routes.ts';
import { LayoutErrorPage } from './layout/error-page.tsx';
import { HttpError, errorHandlers, healthRoutes, requestContext, securityHeaders } from './operations/index.ts';
import { staticRoutes } from './static/routes.ts';
import { VERSION } from '../version.ts';
import { adminRoutes } from './admin/routes.tsx';
import { pdfExportRoutes } from './export/pdf.ts';
import { batchPrintRoutes } from './documents/batch-routes.tsx';
import { labelPrintRoutes } from './documents/label-routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { mailRoutes } from './documents/mail-routes.tsx';
import { queryRoutes } from './queries/routes.tsx';
import { importRoutes } from './imports/routes.tsx';
import { jobRoutes } from './jobs/routes.tsx';
import { editionsRoutes } from './editions/routes.tsx';
import { generatorRoutes } from './generator/routes.tsx';
import { numerisationRoutes } from './numerisation/routes.tsx';
import { dashboardRoutes } from './dashboard/routes.tsx';
import { navigationRoutes } from './navigation/routes.tsx';
import { applicationGate, openApiFor } from './navigation/index.ts';
import { screenRoutes } from './screens/index.ts';
import { formHelperRoutes } from './screens/form/index.ts';
import { templateRoutes } from './templates/routes.ts';
import { uploadAwareBodyLimit } from './screens/form/index.ts';
import { appApiRoutes, appPageRoutes } from './app-routes/index.ts';
import { notificationRoutes } from './notifications/routes.tsx';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The web application: middlewares in order, then the routes. */
export function createApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // gzip when the client accepts it, for texts over 1 KiB (pages, JSON, GeoJSON, CSV, scripts);
  // never the live pages' event streams, PDFs or images (hono's list of compressible types).
  app.use(compress());
  app.use(requestContext());
  // Until its response starts (a streamed PDF's body comes after), a request goes before long work.
  app.use(async (_c, next) => {
    const answered = interactiveRequest();
    try {
      await next();
    } finally {
      answered();
    }
  });
  app.use(securityHeaders({ https: runtime.config.baseUrl.startsWith('https://') }));
  app.use(async (c, next) => {
    c.set('runtime', runtime);
    c.set('actor', undefined);
    c.set('session', undefined);
    await next();
  });
  // Error pages in the layout, with the signed-in user's header when there is one.
  const { onError, notFound } = errorHandlers({
    logger: runtime.logger,
    renderPage: async (c, page) => c.html(`<!DOCTYPE html>${await (<LayoutErrorPage {...page} chrome={await chromeOf(c)} />).toString()}`, page.status),
  });
  app.onError(onError);
  app.notFound(notFound);
  app.route('/', healthRoutes());
  // Stylesheet and htmx: before the session (no database work), cached for a year.
  app.route('/', staticRoutes());

  // Forms with files may reach the upload limit; every other body stays under MAX_BODY_BYTES.
  app.use(uploadAwareBodyLimit({
    maxBytes: MAX_BODY_BYTES,
    multipartMaxBytes: runtime.config.upload.requestMaxBytes,
    onError: () => { throw new HttpError(413); },
  }));
  app.use(sessionMiddleware());
  app.use(csrfMiddleware());
  // An application the user's collectivité does not use: every address of it answers 404.
  app.use(applicationGate());
  app.route('/', authRoutes());
  app.route('/', collectiviteRoutes());
  app.route('/', themeRoutes());

  const openapi = buildOpenApiDocument(runtime.registry, {
    title: 'Commun',
    version: VERSION,
    serverUrl: runtime.config.baseUrl,
    locale: runtime.config.locale,
  });
  app.get('/api/v1/openapi.json', requireActor(), (c) => c.json(openApiFor(openapi, c.get('actor'))));
  // Before `/api/v1/:app/:table`: no application route is named like one of its tables (refused at start).
  app.route('/', appApiRoutes(runtime.registry));
  app.route('/', recordApi());
  app.route('/', csvExportRoutes());
  app.route('/', navigationRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', adminRoutes());
  app.route('/', pdfExportRoutes());
  app.route('/', documentRoutes());
  app.route('/', batchPrintRoutes());
  app.route('/', labelPrintRoutes());
  app.route('/', mailRoutes());
  app.route('/', queryRoutes());
  app.route('/', importRoutes());
  app.route('/', jobRoutes());
  app.route('/', editionsRoutes());
  app.route('/', generatorRoutes());
  app.route('/', numerisationRoutes());
  app.route('/', notificationRoutes());

  app.route('/', formHelperRoutes());
  app.route('/', templateRoutes());
  // Applications' own pages, before `/:app/:table` (same rule as their API routes).
  app.route('/', appPageRoutes(runtime.registry));
  // Last: `/:app/:table…` would match the fixed addresses above.
  app.route('/', screenRoutes());
  return app;
}
