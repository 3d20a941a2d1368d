export { anonymousChrome, chromeOf, type Chrome, type ChromeUser, type CollectiviteChoice } from './chrome.ts';
export { Layout, type Crumb, type LayoutProps, type Message, type MessageKind } from './layout.tsx';
export { collectiviteRoutes } from './routes.tsx';
