export { editionsRoutes } from './routes.tsx';
export { registerEditionsMenu, EDITION_PERMISSION } from './menu.ts';
export { EDITIONS_PATH, listingPdfUrl } from './paths.ts';
