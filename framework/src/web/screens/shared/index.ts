export { applicationTitle, declaredApplicationTitle } from './application-title.ts';
export { actorOf, objectFromRoute, requirePermission } from './object-route.ts';
export { dateTime, displayValue, frenchDate, isNumeric } from './format.ts';
export { setFlash, takeFlash, takeFlashMessages } from './flash.ts';
export { menuLabelOf, rubriqueOf } from './rubrique.ts';
export { objectCrumbs, recordCrumbs, recordTitle, renderScreen, type ScreenProps } from './screen.tsx';
export * from './urls.ts';
export { sanitizeRichText } from './sanitize.ts';
