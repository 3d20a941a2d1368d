export { dashboardRoutes } from './routes.tsx';
export { FRAMEWORK_WIDGETS, registerFrameworkWidgets } from './framework-widgets.ts';
export { COMPOSER_PATH } from './composer/paths.ts';
export { safeLink } from './safe-link.ts';
