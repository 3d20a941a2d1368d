/** Which applications of the instance each collectivité uses (« Administration › Applications »). */
export { instanceApplicationNames, instanceApplications, type CatalogueEntry } from './catalogue.ts';
export { applicationsPage } from './messages.ts';
export { applicationOfPath } from './path-application.ts';
export {
  ApplicationChangeRefused,
  cellOf,
  changeApplicationStates,
  mayManageApplications,
  mayViewApplications,
  parseCell,
  readApplicationStates,
  type ApplicationChange,
  type ApplicationStates,
  type ChangeRequest,
  type CollectiviteEntry,
} from './settings.ts';
export { usesApplication, withoutDisabledApplications } from './uses.ts';
