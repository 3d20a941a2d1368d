export { buildMenu, type MenuGroup, type MenuLink, type MenuRubrique, type MenuView } from './menu.ts';
export { holdsAny, holdsPermission } from './permissions.ts';
export { mapBounded } from './concurrency.ts';
export { navigationRoutes } from './routes.tsx';
export { applicationGate } from './application-gate.ts';
export { inDisabledApplication } from './menu.ts';
export { openApiFor } from './openapi-for-actor.ts';
