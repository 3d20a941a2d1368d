/**
 * The listing screens (issue 3, point 4): the full page `GET /:app/:table` and the embeddable
 * listing that sub-form tabs reuse (`listingView`).
 */
export { listingView, type ListingOptions } from './view.tsx';
export { listingRoutes } from './routes.tsx';
