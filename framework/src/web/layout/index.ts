export { anonymousChrome, chromeOf, headerBranding, type Chrome, type ChromeUser, type CollectiviteChoice, type HeaderBranding } from './chrome.ts';
export { Layout, type Crumb, type LayoutProps, type Message, type MessageKind } from './layout.tsx';
export { collectiviteRoutes } from './routes.tsx';
export { themeRoutes } from './theme-routes.ts';
export { logoHref, themeHref } from './theme-paths.ts';
