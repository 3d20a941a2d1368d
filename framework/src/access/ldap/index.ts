/** LDAP / Active Directory: configuration, sign-in by bind, synchronisation of the users. */
export { describeConfig, loadLdapConfig, LdapConfigError, type DirectoryKind, type GroupMapping, type LdapConfig } from './config.ts';
export { checkDirectoryEnvironment, directoryConfigOf, useDirectoryConfig } from './runtime-config.ts';
export { signInWithDirectory, type DirectorySignIn } from './sign-in.ts';
export { adSubCode, refusalFromAdMessage, refusalFromPolicyError, refusalMessage, type BindRefusal } from './bind-reasons.ts';
export { summaryOf, synchronizeDirectory, SyncFailure, type SyncEntry, type SyncOptions, type SyncOrigin, type SyncReport } from './sync.ts';
export { latestReport, type StoredReport } from './sync-reports.ts';
export { directorySyncTask, syncIfDue } from './scheduled-sync.ts';
export { testDirectoryConnection, type ConnectionTest } from './connection-test.ts';
export { annuaireMessage } from './messages.ts';
