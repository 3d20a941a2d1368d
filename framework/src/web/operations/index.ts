/**
 * Operating the web application: request ids and request logs, security headers, error handling,
 * health check. Mount in this order:
 *
 *   app.use(requestContext());          // 1. request id + one log line per request
 *   app.use(securityHeaders({ https })); // 2. CSP and friends, on every response
 *   app.use(<sets runtime, session, actor…>);
 *   app.onError(onError);
 *   app.notFound(notFound);
 *   app.route('/', healthRoutes());      // before any authentication middleware
 */
export {
  ErrorPage,
  HttpError,
  errorBody,
  errorHandlers,
  jsonError,
  notFound,
  onError,
  toHttpError,
  wantsJson,
  type ErrorBody,
  type ErrorHandlersOptions,
  type ErrorPageProps,
  type ErrorPageRenderer,
  type ErrorStatus,
} from './errors.tsx';
export { checkHealth, healthRoutes, type HealthReport } from './health.ts';
export { REQUEST_ID_HEADER, acceptRequestId, requestContext, type RequestContextOptions } from './request-context.ts';
export {
  CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
  securityHeaders,
  type SecurityHeadersOptions,
} from './security-headers.ts';
