/**
 * The English messages: a translation of `fr.ts`, key for key (the `Messages` type makes the
 * compiler refuse a missing or extra key). Placeholders keep their French names.
 */
import { pluralOf } from './locales.ts';
import { listingEn } from './screens/listing.ts';
import { formEn } from './screens/form.ts';
import { subformEn } from './screens/subform.ts';
import { navigationEn } from './screens/navigation.ts';
import { dashboardEn } from './screens/dashboard.ts';
import { adminEn } from './screens/admin.ts';
import { filesEn } from './screens/files.ts';
import { queriesEn } from './screens/queries.ts';
import { sourcesEn } from './screens/sources.ts';
import { documentsEn } from './screens/documents.ts';
import { importsEn } from './screens/imports.ts';
import { apiSafetyEn } from './screens/api-safety.ts';
import { bulkImportEn } from './screens/bulk-import.ts';
import { generatorEn } from './screens/generator.ts';
import { traitementsEn } from './screens/traitements.ts';
import { databaseEn } from './screens/database.ts';
import { inputChecksEn } from './screens/input-checks.ts';
import { referenceCheckEn } from './screens/reference-check.ts';
import { referentialsEn } from './screens/referentials.ts';
import { templatesEn } from './screens/templates.ts';
import { labelsEn } from './screens/labels.ts';
import { appRoutesEn } from './screens/app-routes.ts';
import { carteEn } from './screens/carte.ts';
import type { Messages } from './index.ts';

const plural = pluralOf('en');
const count = (n: number, one: string, other: string) => `${n} ${plural(n, { one, other })}`;

export const en: Messages = {
  records: {
    forbidden: 'Insufficient rights: you do not have permission to do this.',
    notFound: 'This record does not exist or you do not have access to it.',
    invalidForm: 'The form contains errors: correct the fields shown.',
    readOnly: '“{object}” is read-only: it cannot be changed here.',
    sharedNiveau2: 'Insufficient rights: “{object}” is shared by every local authority; only a user of a level-2 authority may change it.',
    staleVersion:
      'Someone else has changed this record since you opened it. ' +
      'Your changes have not been saved: reload it to see the current version, then make them again.',
    deleteBlocked: 'Cannot delete: {details}',
    linkedRows: ({ count: rows, table }) =>
      `${count(Number(rows), 'record', 'records')} in the table “${table}” ${Number(rows) === 1 ? 'is' : 'are'} linked to this record.`,
    actionUnavailable: 'This action is not available for this record.',

    input: {
      notWritable: 'This field cannot be changed.',
      unknownField: 'This field does not exist.',
      integer: 'The field “{label}” must be a whole number.',
      numberTooBig: 'The field “{label}” contains a number that is too large.',
      decimal: 'The field “{label}” must be a number (example: 12.50).',
      decimals: ({ label, scale }) =>
        `The field “${label}” accepts at most ${count(Number(scale), 'digit', 'digits')} after the decimal point.`,
      boolean: 'The field “{label}” must be Yes or No.',
      json: 'The field “{label}” must contain valid JSON.',
      list: 'The field “{label}” must be a list of values.',
      date: 'The field “{label}” must be a valid date in the format DD/MM/YYYY.',
      time: 'The field “{label}” must be a valid time in the format HH:MM.',
      timestamp: 'The field “{label}” must be a valid date and time (DD/MM/YYYY HH:MM).',
      uuid: 'The field “{label}” must be a valid UUID.',
      enum: 'The field “{label}” must be one of: {values}.',
      base64: 'The field “{label}” must be base64-encoded.',
      unexpectedType: 'The field “{label}” contains a value of an unexpected type.',
    },

    rules: {
      required: 'The field “{label}” is required.',
      cannotEmpty: 'The field “{label}” cannot be emptied.',
      tooLong: 'The field “{label}” must not exceed {max} characters ({length} entered).',
      unique: 'The value entered in the field “{label}” already exists: enter a new value.',
      uniqueTogether: ({ labels }) =>
        `The combination of the fields ${labels.map((label) => `“${label}”`).join(', ')} already exists: enter other values.`,
      reference: 'The value of the field “{label}” does not match any available record.',
      otherCollectivite: '“{label}” belongs to another local authority than this record.',
    },

    list: {
      positiveInteger: 'The parameter “{name}” must be a positive whole number.',
      atMost: 'The parameter “{name}” cannot exceed {max}.',
      unknownSortField: 'Cannot sort on “{name}”: there is no such field in “{object}”.',
      unknownFilterField: 'Cannot filter on “{name}”: there is no such field in “{object}”.',
      notSortable: 'The field “{label}” cannot be used for sorting.',
      notFilterable: 'The field “{label}” cannot be used as a filter.',
      searchTooLong: 'The search is too long ({max} characters at most).',
      searchColumn: 'Cannot search in “{column}” for “{object}”.',
      noSearchField: '“{object}” has no search field.',
      count: 'The parameter “count” accepts exact, estimated or none.',
      noReadableField: '“{object}” has no readable field.',
    },

    database: {
      duplicate: 'This value already exists (perhaps in another local authority): enter another one.',
      linked: 'Operation not possible: linked records exist, or the referenced value does not exist.',
      rule: 'The values entered break a rule of the database. Check them.',
      tooLong: 'A value entered is too long.',
      numberTooBig: 'A number entered is too large.',
      format: 'A value entered is not in the expected format.',
      forbidden: 'Insufficient rights: the database refuses this operation.',
      otherCollectivite: 'A record may only refer to records of its own local authority: check the values entered.',
      reference: 'A value entered refers to a record that does not exist or that you cannot access.',
      referencedByOtherCollectivite: 'Records of “{table}” in its current local authority refer to this record: it cannot change local authority.',
    },
  },

  access: {
    invalidCredentials: 'Incorrect username or password.',
    missingCredentials: 'Enter your username and your password.',
    throttled: ({ minutes }) => `Too many login attempts. Try again in ${count(minutes, 'minute', 'minutes')}.`,

    passwordTooShort: 'The password must be at least {min} characters long.',
    passwordTooLong: 'The password must not exceed {max} characters.',
    passwordTooSimple:
      'The password must mix at least three kinds of characters among: lower case, upper case, digits, other characters.',
    passwordContainsLogin: 'The password must not contain the username.',
    currentPasswordWrong: 'The current password is incorrect.',
    confirmationMismatch: 'The two entries of the new password differ: type it twice, identically.',
    passwordUnchanged: 'The new password must be different from the current one.',
    passwordChanged: 'Your password has been changed.',
    ldapPasswordChange: 'The password of this account is managed by the LDAP directory: it cannot be changed here.',

    resetRequested: 'If an account matches, a message has just been sent.',
    resetLinkInvalid: 'This reset link is no longer valid (already used or expired): make a new request.',
    resetDone: 'Your password has been changed. You can now sign in.',
    resetMailSubject: 'Resetting your password',
    resetMailText: [
      'Hello {nom},',
      '',
      'Someone asked to reset the password of the account “{login}”.',
      'To choose a new password, open this link (valid for one hour, usable once):',
      '',
      '{link}',
      '',
      'If you did not make this request, ignore this message: your current password remains valid.',
    ].join('\n'),

    csrfRefused: 'The security check of the form failed (missing or expired token). Reload the page, then try again.',
    authenticationRequired: 'Authentication required: sign in, or provide a valid API token.',
    signInOrUseToken: 'Authentication required: sign in or use an API token.',
    invalidToken: 'Invalid, expired or revoked API token.',
    forbidden: 'Insufficient rights: you do not have permission to do this.',
    tokenCreatedNotice: 'Copy this token now: it will never be shown again.',
    tokenNotFound: 'This token does not exist or has already been revoked.',
    tokenCannotCreateToken: 'An API token cannot be used to create another token: sign in with your password.',
    sessionRequired: 'This operation needs a session opened with your username and password.',
    collectiviteNiveau2Only: 'Only users of a level-2 local authority can choose the local authority they work for.',
    collectiviteUnknown: 'This local authority does not exist.',
    invalidRequest: 'The request is invalid: check the fields sent.',
  },

  api: {
    unknownObject: 'This object does not exist.',
    jsonContentType: 'Send the request body as JSON (Content-Type: application/json).',
    invalidJson: 'The request body is not valid JSON.',
    jsonObjectExpected: 'The request body must be a JSON object.',
    repeatedParameter: 'The parameter “{name}” is given more than once.',
    unknownParameter: 'Unknown parameter: “{name}”.',
    fieldRequired: 'The field “{name}” is required.',
    fieldText: 'The field “{name}” must be text.',
    fieldTooLong: 'The field “{name}” is too long.',
    fieldCollectivite: 'The field “{name}” must be the number of a local authority, or null.',
    fieldDate: 'The field “{name}” must be a date (YYYY-MM-DD).',
    fieldFutureDate: 'The field “{name}” must be a date in the future (YYYY-MM-DD).',
  },

  http: {
    badRequest: 'Invalid request.',
    unauthenticated: 'Authentication required.',
    forbidden: 'Insufficient rights',
    notFound: 'Resource not found.',
    methodNotAllowed: 'Method not allowed for this address.',
    conflict: 'Conflict with the current state of the record.',
    payloadTooLarge: 'Request too large.',
    unsupportedMediaType: 'Unsupported content type.',
    validationFailed: 'Some fields are invalid.',
    tooManyRequests: 'Too many requests: try again in a few minutes.',
    internalError: 'An error occurred. Try again in a moment; if it happens again, give its reference to your IT department.',
    unavailable: 'Service temporarily unavailable.',
    refused: 'Request refused.',
    page: {
      title: '{title} — Commun',
      reference: 'Reference: {requestId}',
      backHome: 'Back to the home page',
      notFoundTitle: 'Page not found',
      notFoundMessage: 'The page you asked for does not exist, or the record is not accessible.',
      forbiddenTitle: 'Insufficient rights',
      forbiddenMessage: 'Your profile does not give access to this page. Contact your administrator if you need it.',
      unauthenticatedTitle: 'Sign-in required',
      unauthenticatedMessage: 'Sign in to access this page.',
      signIn: 'Sign in',
      errorTitle: 'An error occurred',
      refusedTitle: 'Request refused',
      plainError: 'An error occurred. Reference: {requestId}',
    },
  },

  pages: {
    title: '{title} — Commun',
    formErrors: ({ count: errors }) => plural(errors, { one: 'The form contains an error:', other: 'The form contains errors:' }),
    backHome: 'Back to the home page',
    signIn: 'Sign in',
    forbiddenTitle: 'Insufficient rights',
    securityCheckTitle: 'Security check',
    login: {
      title: 'Sign in',
      login: 'Username',
      password: 'Password',
      forgotten: 'Forgotten password?',
      opened: 'You are now signed in.',
      closed: 'You are now signed out.',
    },
    password: {
      rules:
        'At least {min} characters, mixing at least three kinds of characters among: lower case, upper case, digits, ' +
        'other characters; without containing the username.',
      new: 'New password',
      confirmation: 'Confirm the new password',
      changeTitle: 'Change my password',
      changed: 'Your password has been changed. Your other sessions have been closed.',
      current: 'Current password',
      change: 'Change the password',
      forgottenTitle: 'Forgotten password',
      forgottenIntro: 'Enter your username or your e-mail address: a link to choose a new password will be sent to you.',
      loginOrEmail: 'Username or e-mail address',
      sendLink: 'Send the link',
      backToLogin: 'Back to sign-in',
      resetTitle: 'Choose a new password',
      save: 'Save the password',
      linkExpiredTitle: 'Link expired',
      newRequest: 'Make a new request',
      changedTitle: 'Password changed',
    },
    home: {
      title: 'Home — Commun',
      heading: 'Home',
      signedInAs: 'Signed in as {nom} ({login}, profile {profil}) — local authority {collectivite}',
      account: 'Account',
      changePassword: 'Change my password',
      signOut: 'Sign out',
      objects: 'Objects you can access',
      noObjects: 'You cannot access any object. Ask your administrator for rights.',
      objectApi: '{label} — API: {link}',
      apiDescription: 'API description: {link}',
    },
  },

  /** The page chrome: header, breadcrumb, messages, footer, working collectivité. */
  layout: {
    appName: 'Commun',
    skipLink: 'Skip to content',
    personalActions: 'Personal actions',
    collectivite: 'Local authority: {libelle}',
    collectiviteLabel: 'Working local authority',
    collectiviteSubmit: 'Select',
    collectiviteTitle: 'Working local authority',
    password: 'Password',
    signOut: 'Sign out',
    breadcrumb: 'Breadcrumb',
    home: 'Home',
    footer: '{app} — release {version}',
    rubriques: {
      application: 'Application',
      export: 'Export',
      traitement: 'Processing',
      parametrage: 'Settings',
      administration: 'Administration',
    },
    recordTitle: '{id} {label}',
    saved: 'Your changes have been saved.',
  },

  csv: {
    yes: 'Yes',
    no: 'No',
    labelColumn: '{label} (label)',
  },

  objects: {
    utilisateur: {
      passwordLabel: 'Password',
      passwordRequired: 'The password is required.',
      passwordInvalid: 'Invalid password.',
      passwordNotText: 'The password must be text.',
      email: 'The field “E-mail” must contain a valid e-mail address (example: firstname.lastname@townhall.org).',
      login: 'The field “Login” can only contain letters, digits and the signs . _ @ -',
      ownAccount: 'You cannot delete your own account.',
    },
    collectivite: {
      niveau2Only: 'Only a user of a level-2 local authority can create or delete a local authority, or change its level.',
      niveau2Exists: 'A level-2 local authority already exists: there can only be one.',
      deleteNiveau2Only: 'Only a user of a level-2 local authority can delete a local authority.',
      siret: 'The field “SIRET” must contain the 14 digits of the SIRET number, with a valid check key (example: 21750001600019).',
      email: 'The field “E-mail” must contain a valid e-mail address (example: townhall@libreville.fr).',
    },
    apiToken: {
      createdByOwner: 'An API token is created by its owner, from “My API tokens”.',
    },
  },

  system: {
    portInUse: 'Port {port} is already in use: stop the other program or choose another port (PORT).',
    migrationFileMissing: 'The migration {migration} was applied but its file has disappeared: restore it.',
    migrationChanged:
      'The migration {migration} was changed after it was applied: ' +
      'restore the original file and write a new migration for the change.',
    unprefixedPermission:
      'The application {app} declares the permission “{permission}”: its permissions must start with “{app}.” ' +
      '(for example “{app}.{permission}”).',
  },

  cli: {
    config: {
      invalid: '{file}: the default export must be { applications: [ … ] }, each application with name, migrations and register.',
    },
    help: [
      'commun — framework of business applications for local authorities',
      '',
      'Commands:',
      '  commun start                 starts the server (http://localhost:8080; PORT to change it)',
      '  commun migrate               applies the pending migrations, then stops',
      '  commun user add <login> …    creates a user (commun user --help)',
      '  commun user password <login> changes the password of a user',
      '  commun import <app>.<table> <file.csv> [options]',
      '                               imports a CSV file in batches (commun import --help)',
      '  commun new <name> [--titre "…"] writes the skeleton of a new application (commun new --help)',
      '  commun gen [--app <folder>] [--check] [--dry-run] [--all | table…]',
      '                               generates the modules describing the tables (gen/)',
      '  commun check                 lists the rows that refer to a row of another local authority',
      '  commun referentiels [--app <name>]  reloads the applications’ reference data (communes…)',
      '  commun backup [--sortie <file.tar.gz>]  backs up the database and the files (commun backup --help)',
      '  commun restore <archive> [--dossier <folder>] [--base <url>]  restores into an empty folder and database',
      '  commun annuaire synchroniser [--simulation] | tester  synchronises the users with the LDAP directory',
      '  commun notifications envoyer [--simulation]  sends the daily e-mail of pending work now',
      '  commun --help                shows this help',
      '',
      'Database: embedded in ./data (COMMUN_DATA_DIR), or a PostgreSQL server with',
      'DATABASE_URL=postgres://user:password@host:5432/database.',
      'Applications served: those of ./commun.config.ts ({ applications: [ … ] }), else the framework alone.',
    ].join('\n'),
    unknownCommand: 'Unknown command: “{command}”.',
    unknownOption: 'Unknown option: “{option}”.',
    optionValueMissing: 'Option “{option}” needs a value.',
    unexpectedArgument: 'Unexpected argument: “{argument}”.',
    startUsage: [
      'Usage: commun start',
      'Starts the web server on port PORT (8080 by default); applies pending migrations first.',
      'Embedded database: the COMMUN_DATA_DIR folder (./data) belongs to the one process that opened it;',
      'stop the server (Ctrl+C) before running another command on that folder.',
      'PostgreSQL server: DATABASE_URL=postgres://user:password@host:5432/database.',
    ].join('\n'),
    migrateUsage: [
      'Usage: commun migrate',
      'Applies pending migrations (framework and applications), creates the admin account the first time, then stops.',
      'On the embedded database, the server must not be running on the same folder (COMMUN_DATA_DIR).',
    ].join('\n'),
    error: 'Error: {message}',
    adminCreated: 'Administrator account created: login “admin”, password “{password}”',
    adminPasswordNote: 'Write this password down: it will not be shown again. (COMMUN_ADMIN_PASSWORD lets you choose it.)',
    databaseUpToDate: 'The database is up to date.',
    migrationsApplied: 'Migrations applied:',
    user: {
      usage: [
        'Usage:',
        '  commun user add <login> --nom "Name" --email address@townhall.org [--profil ADMINISTRATEUR] [--collectivite 1] [--password …]',
        '  commun user password <login> [--password …]',
        'Without --password, a password is generated and shown once.',
      ].join('\n'),
      unknownProfile: 'Unknown profile: “{profil}”.',
      created: 'User “{login}” created (profile {profil}).',
      generatedPassword: 'Password: {password}  (write it down: it will not be shown again)',
      unknownLogin: 'No user has the login “{login}”.',
      passwordChanged: 'Password of “{login}” changed; their open sessions are closed.',
      newPassword: 'New password: {password}  (write it down: it will not be shown again)',
    },
    new: {
      usage: [
        'Usage: commun new <name> [--titre "Title of the application"]',
        'Writes the skeleton of an application in apps/<name>/ (working directory) and adds it to commun.config.ts:',
        '  apps/<name>/commun.app.ts               the generator’s options (title, labels, listing columns…)',
        '  apps/<name>/migrations/0001_<name>.sql  the PostgreSQL schema <name>: your tables',
        '  apps/<name>/src/index.ts                the application as the instance serves it',
        '  apps/<name>/src/objects/index.ts        the overrides (rules, actions, screens), by table',
        '  apps/<name>/gen/                        written by “commun gen --app apps/<name>”',
        'The name is used in addresses (/<name>/<table>) and as the schema: lowercase letters without accents, digits and _.',
        'Step-by-step guide: docs/creer-une-application.md',
      ].join('\n'),
      missingName: 'Give the application’s name: commun new <name>.',
      tooManyNames: 'One application name at a time (received: {names}).',
      missingTitle: 'Give the title after --titre (for example --titre "Crisis management").',
      invalidName:
        'The name “{name}” does not fit: lowercase letters without accents, digits and _, starting with a letter, at most 40 characters (it is used in addresses /{name}/… and as a PostgreSQL schema).',
      reservedName: 'The name “{name}” is already taken by the framework or by PostgreSQL: choose another one.',
      folderExists: 'The folder {folder} already exists: choose another name, or delete that folder if it is not needed.',
      alreadyServed: '{file} already names “{name}”: choose another name.',
      configShape:
        '{file} does not have the expected shape (a single “applications: [ … ]” and import lines): nothing was written. Give it that shape, or add the application by hand:\n  {importLine}\n  and add {identifier} to the applications list.',
      created: 'Application “{title}” created in {folder}:',
      fileAppOptions: '  {path}  the generator’s options (title, labels…)',
      fileMigration: '  {path}  the schema: write your tables there',
      fileIndex: '  {path}  the application, as the instance serves it',
      fileOverrides: '  {path}  the overrides, by table',
      fileGenerated: '  {path}  generated modules (empty while the schema has no table)',
      configCreated: '{file}: written, with this application.',
      configUpdated: '{file}: the application is added to the applications served.',
      packageCreated: '{file}: written (the folder’s TypeScript files are ES modules).',
      next: [
        'Next:',
        '  1. write your tables in {migration} (in the “{schema}” schema; a short comment on a table',
        '     or a column becomes its label, for example “Véhicule attribué”);',
        '  2. npx commun gen --app {folder}',
        '  3. npx commun start, then sign in as “admin”.',
        'Guide: docs/creer-une-application.md',
      ].join('\n'),
      files: {
        appOptions: 'The generator’s options of the application “{title}”: `commun gen --app {folder}` reads them.',
        appLabels: 'Labels to correct when neither a column’s comment nor its name gives the right one:',
        migrationIntro: 'Schema of the application “{title}”: write your tables here, in the {schema} schema.',
        migrationConventions: [
          'Conventions (optional, openMairie’s): one primary key per table (named like the table, or id,',
          'or a code), a libelle column naming the row, om_collectivite integer references',
          'om.om_collectivite for data belonging to one local authority.',
          'A short comment (comment on … is \'Véhicule attribué\') becomes the label of the table or column.',
          'Once applied by commun start or commun migrate, a migration no longer changes:',
          'then add 0002_….sql, 0003_….sql…',
        ].join('\n'),
        migrationExample: 'Example:',
        index: [
          'The application “{title}” as the instance serves it (commun.config.ts): the generated modules',
          '(gen/, written by `commun gen --app {folder}`) and the hand-written overrides (src/objects/).',
        ].join('\n'),
        overrides: [
          'The overrides of the tables of “{title}”, by table name: what the schema does not say (rules,',
          'actions, screens). `commun gen --app {folder}` writes src/objects/<table>.ts once; add here',
          'the ones you fill in, for example:',
        ].join('\n'),
        config: 'The applications this instance serves: `commun start` and `commun migrate` read this file.',
      },
    },
    gen: {
      usage: [
        'Usage: commun gen [--check] [--dry-run] [--all | table…]',
        'Generates the modules of the framework tables (schema om) in framework/gen/.',
        '  --check    writes nothing; lists the files to regenerate and fails if there are any',
        '  --dry-run  writes nothing; lists the files that would be written or removed',
        '  --all      every table (the default)',
        '  --documents  writes reports, sub-reports and letter templates to refine into the database (commun gen --documents --help)',
      ].join('\n'),
      unknownOption: 'Unknown option: {option}',
      allOrTables: 'Give --all or table names, not both.',
      toRemove: 'to remove: {path}',
      toRegenerate: 'to regenerate: {path}',
      wouldRemove: 'would be removed: {path}',
      wouldWrite: 'would be written: {path}',
      written: 'written: {path}',
      removed: 'removed: {path}',
      outOfDate: 'The generated modules no longer match the schema: run “commun gen” and review the changes.',
      upToDate: ({ files }) => `The generated modules are up to date (${count(files, 'file', 'files')}).`,
      nothingWritten: ({ files }) =>
        `Nothing was written (--dry-run): ${count(files, 'file', 'files')} would change.`,
      done: ({ written, unchanged, removed }) =>
        `Generation finished: ${count(written, 'file', 'files')} written, ${unchanged} unchanged` +
        (removed > 0 ? `, ${removed} removed.` : '.'),
      warning: 'Warning: {table}: {reason}',
      unknownTables: 'Unknown table in the schema {schema} (or excluded): {tables}',
      failed: 'Generation failed: {message}',
      indexTable: 'The table “index” would have the name of the file that lists the modules: rename it.',
      sameFileName: 'The tables “{first}” and “{second}” would give the same file name: rename one of them.',
      app: {
        usage: [
          'Usage: commun gen --app <folder> [--check] [--dry-run] [--all | table…]',
          'Generates an application\'s modules in <folder>/gen/ from its migrations',
          '(configuration: <folder>/commun.app.ts), and the missing override modules in <folder>/src/objects/.',
        ].join('\n'),
        missingFolder: 'Give the application folder after --app.',
        reservedName: 'The table “{table}” would have the name of a generated file of the application ({file}): rename it or exclude it (exclude).',
        unknownInOptions: 'In commun.app.ts, “{option}” names “{name}”, which does not exist in the schema {schema} (or is excluded).',
        notSubForm: 'In commun.app.ts, subFormOrder of “{table}” names “{child}”, which is not a sub-form of that table.',
        newOverrides: 'New overrides in {folder}: they take effect once added to {index} (see docs/creer-une-application.md).',
        next: 'Next: npx commun start (pending migrations are applied at start-up), then open the application.',
      },
      options: {
        missing: 'Configuration file not found: {file}',
        invalid: 'Invalid configuration in {file}:\n  {problems}',
        notObject: 'the default export must be an object (defineGenerator({ … })).',
        wrong: '“{option}” must be {expected}.',
        unknown: 'unknown option “{option}”.',
        aName: 'a lowercase name (letters, digits, _), used in addresses',
        aString: 'a non-empty text',
        aList: 'a list of names',
        aLabelRecord: 'an object { \'table\' or \'table.column\': label }',
        aListRecord: 'an object { table: [names…] }',
        aSelection: 'true, false or a list of tables',
        aBoolean: 'true or false',
      },
      doc: {
        table: 'Database table.',
        view: 'Database view.',
        readOnly: 'Read only: {reason}',
        fields: 'Fields',
        column: 'Column',
        label: 'Label',
        type: 'Type',
        constraints: 'Constraints',
        primaryKey: 'primary key',
        generation: 'filled by the database ({generation})',
        required: 'required',
        notNull: 'not null',
        default: 'default: {value}',
        unique: 'unique',
        references: 'references {target}',
        uniques: 'Unique keys over several columns',
        outgoing: 'References to other tables',
        incoming: 'Tables referring to this one (sub-forms)',
        onDelete: 'on delete: {action}',
        listing: 'Listing',
        labelColumn: 'Column naming a record',
        search: 'Simple search in',
        sort: 'Default sort',
        artefacts: 'Exports and import',
        storedQuery: 'Stored query “{label}” (`{name}`)',
        criteria: 'criterion: {criteria}',
        csvImport: 'CSV import, columns in order: {columns}',
        listingPdf: 'PDF listing `{path}`: {columns}',
      },
      advice: {
        intro: 'Advised indexes for the schema {schema}: they keep listings fast on large tables.',
        adopt: 'Copy the ones you keep into a migration of the application (idempotent: if not exists).',
        trigram: 'Trigram indexes (accent- and case-insensitive search) need the pg_trgm extension:',
        none: 'No index to advise: the ones the listings use already exist.',
        search: 'accent- and case-insensitive simple search on “{column}”',
        sort: 'default sort on “{column}”',
        foreignKey: 'foreign key ({columns}): sub-form and check before deletion',
      },
      query: {
        byKey: '{table} by {field}',
      },
      stub: {
        title: 'Override of “{label}” ({table}): the hand-written behaviour (checks, actions, screens).',
        kept: 'Written once by `commun gen`, which never rewrites it. See framework/src/model/override.ts.',
      },
    },
  },

  openapi: {
    description: [
      'REST API of Commun, described from the data model: one set of paths per business object.',
      '',
      '**Authentication**: personal token (`Authorization: Bearer …`), or session cookie `commun_session` ' +
        'with the header `X-CSRF-Token` for requests that change data.',
      '',
      '**Local authority**: each request only sees the records of the user’s local authority; ' +
        'a record of another local authority is not found (404).',
      '',
      '**Errors**: JSON body `{ "error": { "code", "message", "fields", "request_id" } }`, messages in English.',
      '',
      '**Concurrent changes**: every record read carries a `_version` token; send it back in PUT or ' +
        'PATCH. An outdated token is refused (409): read the record again before retrying.',
    ].join('\n'),
    duplicateOperationId: 'OpenAPI: duplicate operationId “{id}”.',
    duplicateSchema: 'OpenAPI: duplicate schema name “{name}”.',
    value: {
      geometry: 'GeoJSON geometry (RFC 7946).',
      decimal: 'Decimal number written as a string, with a point as separator (exact value).',
      time: 'Time HH:MM[:SS].',
      timestamp: 'Date and time without time zone (YYYY-MM-DD HH:MM:SS).',
      interval: 'Duration in the PostgreSQL format (for example “1 day 02:00:00”).',
      json: 'Any JSON value.',
      other: 'Value of the PostgreSQL type “{type}” written as text.',
    },
    schema: {
      version:
        'Optimistic locking token (opaque). Send it back as it was read in PUT or PATCH: ' +
        'if the record has changed since, the change is refused (409).',
      versionOnCreate: 'Not used on creation.',
      reference: 'Reference to {target}.',
      referenceLabel: 'Label of the record of {target} designated by “{field}”.',
      inputTitle: '{label} (input)',
      patchTitle: '{label} (partial change)',
      userMessage: 'Message for the user, in English.',
      warnings: 'Non-blocking warnings of the save (“Possible homonym: …”): the write is done. Absent when there is none; never in a read.',
      errorCode: 'Stable code, for programs (`not_found`, `validation_failed`…).',
      errorFields: 'One message per refused field (validation errors).',
      requestId: 'Reference of the request, to quote to the support.',
      total: 'Total number of results; null with `count=none`.',
      totalIsEstimate: 'True when `total` is an estimate (beyond the counting threshold).',
    },
    parameter: {
      page: 'Page number, from 1.',
      perPage: 'Number of results per page ({max} at most).',
      q:
        'Simple search in the search columns and in the labels of foreign keys, ignoring accents and case; ' +
        '`*` stands for any sequence of characters.',
      count:
        'Computing the total: `exact` (every row counted, within COMMUN_EXACT_COUNT_TIMEOUT_MS, else a 422 refusal), ' +
        '`estimated`, the default (counted up to the threshold COMMUN_EXACT_COUNT_LIMIT, 100,000 by default, estimated beyond or at once when the planner expects far more), `none` (no total). ' +
        'No list waits for counting more rows than the threshold: `total_is_estimate` says so.',
      id: 'Key of the record (“{key}”).',
      sort: 'Sort: field names separated by commas, `-` before a field for descending order (`-{example}`); a foreign key sorts by the label of the row it refers to.',
      sortDefault: 'Default: `{sort}`.',
      col: 'Restricts the simple search (`q`) to one column.',
      filter: 'Equality on a field: `filter[field]=value`. Several filters add up (AND).',
    },
    response: {
      badRequest: 'Invalid parameter or request body.',
      unauthorized: 'Authentication required (session or personal token).',
      forbidden: 'Insufficient rights.',
      notFound: 'Record not found (or attached to another local authority).',
      conflict:
        'Conflict: record changed since it was read (outdated `_version`), value already used, ' +
        'or linked records that prevent the deletion.',
      validationFailed: 'Data refused: one message per field in `error.fields`.',
      internalError: 'Internal error. The reference `request_id` finds it in the log.',
      list: 'A page of results.',
      created: 'Record created.',
      item: 'The record.',
      updated: 'Record changed.',
      deleted: 'Record deleted.',
      actionDone: 'Action done.',
    },
    operation: {
      permission: 'Required right: `{permission}` (or `{object}`).',
      listSummary: '{label}: list',
      listDescription: 'Paginated list, with search, sort and filters.',
      createSummary: '{label}: add',
      createDescription: 'Creates a record.',
      createBody: 'Values of the fields.',
      getSummary: '{label}: view',
      getDescription: 'One record.',
      replaceSummary: '{label}: replace',
      replaceDescription: 'Replaces every value of the record (fields not sent are emptied).',
      replaceBody: 'Every value of the fields, and `_version`.',
      updateSummary: '{label}: change',
      updateDescription: 'Changes only the fields sent.',
      updateBody: 'The fields to change, and `_version`.',
      deleteSummary: '{label}: delete',
      deleteDescription: 'Deletes the record; refused (409) while linked records exist.',
      actionSummary: '{label}: {action}',
      actionDescription: 'Action “{action}” on the record.',
      actionBody: 'Values specific to the action, if any.',
    },
    security: {
      requestIdHeader: 'Reference of the request (taken from the request when it carried a valid one).',
      bearer: 'Personal API access token, created from the user’s account.',
      session: 'Session opened by the sign-in page.',
      csrf: 'Anti-CSRF token of the session, required with the cookie for every request that changes data.',
    },
    health: {
      summary: 'Service status',
      description: 'Answers without authentication: the service works and the database answers.',
      ok: 'Service available.',
      unavailable: 'Database unreachable.',
    },
    tag: {
      framework: 'Framework tables',
      application: 'Application “{app}”',
      supervision: 'Service supervision.',
    },
  },
  /** The screens (one file each under screens/). */
  listing: listingEn,
  form: formEn,
  subform: subformEn,
  navigation: navigationEn,
  dashboard: dashboardEn,
  admin: adminEn,
  files: filesEn,
  queries: queriesEn,
  sources: sourcesEn,
  documents: documentsEn,
  imports: importsEn,
  apiSafety: apiSafetyEn,
  bulkImport: bulkImportEn,
  generator: generatorEn,
  traitements: traitementsEn,
  database: databaseEn,
  inputChecks: inputChecksEn,
  referenceCheck: referenceCheckEn,
  referentials: referentialsEn,
  templates: templatesEn,
  labels: labelsEn,
  appRoutes: appRoutesEn,
  carte: carteEn,
};
