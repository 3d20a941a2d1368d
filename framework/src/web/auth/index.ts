/** Authentication on the web: who is acting, CSRF protection, the login and account routes. */
export { authRoutes } from './routes.tsx';
export { sessionMiddleware } from './session-middleware.ts';
export { CSRF_FIELD, CSRF_HEADER, csrfMiddleware, csrfToken } from './csrf.ts';
export { requireActor, signedIn } from './require-actor.ts';
export { CSRF_COOKIE, SESSION_COOKIE } from './cookies.ts';
export { clientAddress } from './client-address.ts';
export { safeRedirectTarget } from './safe-redirect.ts';
