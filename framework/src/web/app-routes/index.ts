/** Pages and JSON routes declared by applications (framework/src/model/app-routes.ts), mounted by `createApp`. */
export { appApiRoutes, apiRoutePath } from './api.ts';
export { appPageRoutes, pagePath } from './pages.ts';
