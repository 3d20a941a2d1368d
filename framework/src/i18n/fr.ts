/**
 * The French messages: the reference catalogue. Every text the framework shows to users (pages,
 * API errors, command output, API documentation) is here; other languages translate these keys
 * (`Messages`, derived from this object, makes the compiler check that they have them all).
 *
 * A message is text with named placeholders (`'Le champ « {label} » est obligatoire.'`), or a
 * function where the grammar depends on a value (plurals: `pluralOf('fr')`). Messages say what
 * to do, as users say it.
 */
import { pluralOf } from './locales.ts';
import { listingFr } from './screens/listing.ts';
import { formFr } from './screens/form.ts';
import { subformFr } from './screens/subform.ts';
import { navigationFr } from './screens/navigation.ts';
import { dashboardFr } from './screens/dashboard.ts';
import { adminFr } from './screens/admin.ts';
import { filesFr } from './screens/files.ts';
import { queriesFr } from './screens/queries.ts';
import { sourcesFr } from './screens/sources.ts';
import { documentsFr } from './screens/documents.ts';
import { importsFr } from './screens/imports.ts';
import { apiSafetyFr } from './screens/api-safety.ts';
import { bulkImportFr } from './screens/bulk-import.ts';
import { generatorFr } from './screens/generator.ts';
import { traitementsFr } from './screens/traitements.ts';
import { databaseFr } from './screens/database.ts';
import { inputChecksFr } from './screens/input-checks.ts';
import { referenceCheckFr } from './screens/reference-check.ts';
import { referentialsFr } from './screens/referentials.ts';
import { templatesFr } from './screens/templates.ts';
import { labelsFr } from './screens/labels.ts';
import { appRoutesFr } from './screens/app-routes.ts';
import { carteFr } from './screens/carte.ts';

const plural = pluralOf('fr');
const count = (n: number, one: string, other: string) => `${n} ${plural(n, { one, other })}`;

export const fr = {
  /** The record service: refusals, values that cannot be read, rules, list requests. */
  records: {
    forbidden: 'Droits insuffisants : vous n’avez pas la permission de faire cette opération.',
    notFound: 'Cet enregistrement n’existe pas ou vous n’y avez pas accès.',
    invalidForm: 'Le formulaire contient des erreurs : corrigez les champs signalés.',
    readOnly: '« {object} » est en lecture seule : on ne peut pas le modifier ici.',
    sharedNiveau2:
      'Droits insuffisants : « {object} » est commun à toutes les collectivités ; seul un utilisateur d’une collectivité de niveau 2 peut le modifier.',
    staleVersion:
      'Cet enregistrement a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. ' +
      'Vos modifications n’ont pas été enregistrées : rechargez-le pour voir la version actuelle, puis refaites-les.',
    deleteBlocked: 'Suppression impossible : {details}',
    linkedRows: '{count} enregistrement(s) lié(s) à cet enregistrement dans la table « {table} ».',
    actionUnavailable: 'Cette action n’est pas disponible pour cet enregistrement.',

    /** Reading a typed value. */
    input: {
      notWritable: 'Ce champ ne peut pas être modifié.',
      unknownField: 'Ce champ n’existe pas.',
      integer: 'Le champ « {label} » doit être un nombre entier.',
      numberTooBig: 'Le champ « {label} » contient un nombre trop grand.',
      decimal: 'Le champ « {label} » doit être un nombre (exemple : 12,50).',
      decimals: 'Le champ « {label} » accepte au plus {scale} chiffre(s) après la virgule.',
      boolean: 'Le champ « {label} » doit valoir Oui ou Non.',
      json: 'Le champ « {label} » doit contenir du JSON valide.',
      list: 'Le champ « {label} » doit être une liste de valeurs.',
      date: 'Le champ « {label} » doit être une date valide au format JJ/MM/AAAA.',
      time: 'Le champ « {label} » doit être une heure valide au format HH:MM.',
      timestamp: 'Le champ « {label} » doit être une date et une heure valides (JJ/MM/AAAA HH:MM).',
      uuid: 'Le champ « {label} » doit être un identifiant UUID valide.',
      enum: 'Le champ « {label} » doit valoir l’une des valeurs : {values}.',
      base64: 'Le champ « {label} » doit être encodé en base64.',
      unexpectedType: 'Le champ « {label} » contient une valeur d’un type inattendu.',
    },

    /** The rules generated from the schema. */
    rules: {
      required: 'Le champ « {label} » est obligatoire.',
      cannotEmpty: 'Le champ « {label} » ne peut pas être vidé.',
      tooLong: 'Le champ « {label} » ne doit pas dépasser {max} caractères ({length} saisis).',
      unique: 'La valeur saisie dans le champ « {label} » existe déjà, veuillez saisir une nouvelle valeur.',
      uniqueTogether: ({ labels }: { labels: readonly string[] }) =>
        `La combinaison des champs ${labels.map((label) => `« ${label} »`).join(', ')} existe déjà, veuillez saisir d’autres valeurs.`,
      reference: 'La valeur du champ « {label} » ne correspond à aucun enregistrement disponible.',
      otherCollectivite: '« {label} » appartient à une autre collectivité que cet enregistrement.',
    },

    /** List parameters (query string of listings and of the API). */
    list: {
      positiveInteger: 'Le paramètre « {name} » doit être un nombre entier positif.',
      atMost: 'Le paramètre « {name} » ne peut pas dépasser {max}.',
      unknownSortField: 'Impossible de trier sur « {name} » : ce champ n’existe pas dans « {object} ».',
      unknownFilterField: 'Impossible de filtrer sur « {name} » : ce champ n’existe pas dans « {object} ».',
      notSortable: 'Le champ « {label} » ne peut pas servir au tri.',
      notFilterable: 'Le champ « {label} » ne peut pas servir de filtre.',
      searchTooLong: 'La recherche est trop longue ({max} caractères au plus).',
      searchColumn: 'On ne peut pas rechercher dans « {column} » pour « {object} ».',
      noSearchField: '« {object} » n’a pas de champ de recherche.',
      count: 'Le paramètre « count » accepte exact, estimated ou none.',
      noReadableField: '« {object} » n’a aucun champ lisible.',
    },

    /** Constraint violations only the database saw. */
    database: {
      duplicate: 'Cette valeur existe déjà (peut-être dans une autre collectivité) : saisissez-en une autre.',
      linked: 'Opération impossible : des enregistrements liés existent, ou la valeur référencée n’existe pas.',
      rule: 'Les valeurs saisies ne respectent pas une règle de la base de données. Vérifiez-les.',
      tooLong: 'Une valeur saisie est trop longue.',
      numberTooBig: 'Un nombre saisi est trop grand.',
      format: 'Une valeur saisie n’a pas le format attendu.',
      forbidden: 'Droits insuffisants : cette opération est refusée par la base de données.',
      otherCollectivite: 'Un enregistrement ne peut désigner que des enregistrements de sa collectivité : vérifiez les valeurs saisies.',
      reference: 'Une valeur saisie désigne un enregistrement qui n’existe pas ou auquel vous n’avez pas accès.',
      referencedByOtherCollectivite:
        'Des enregistrements de « {table} » de sa collectivité actuelle désignent cet enregistrement : il ne peut pas changer de collectivité.',
    },
  },

  /** Authentication, passwords, sessions and API tokens. */
  access: {
    invalidCredentials: 'Identifiant ou mot de passe incorrect.',
    missingCredentials: 'Saisissez votre identifiant et votre mot de passe.',
    throttled: ({ minutes }: { minutes: number }) =>
      `Trop de tentatives de connexion. Réessayez dans ${count(minutes, 'minute', 'minutes')}.`,

    passwordTooShort: 'Le mot de passe doit contenir au moins {min} caractères.',
    passwordTooLong: 'Le mot de passe ne doit pas dépasser {max} caractères.',
    passwordTooSimple:
      'Le mot de passe doit mélanger au moins trois sortes de caractères parmi : minuscules, majuscules, chiffres, autres caractères.',
    passwordContainsLogin: 'Le mot de passe ne doit pas contenir l’identifiant.',
    currentPasswordWrong: 'Le mot de passe actuel est incorrect.',
    confirmationMismatch: 'Les deux saisies du nouveau mot de passe sont différentes : saisissez-le deux fois à l’identique.',
    passwordUnchanged: 'Le nouveau mot de passe doit être différent du mot de passe actuel.',
    passwordChanged: 'Votre mot de passe a été changé.',
    ldapPasswordChange: 'Le mot de passe de ce compte est géré par l’annuaire LDAP : il ne peut pas être changé ici.',

    resetRequested: 'Si un compte correspond, un message vient d’être envoyé.',
    resetLinkInvalid: 'Ce lien de réinitialisation n’est plus valable (déjà utilisé ou expiré) : faites une nouvelle demande.',
    resetDone: 'Votre mot de passe a été changé. Vous pouvez maintenant vous connecter.',
    resetMailSubject: 'Réinitialisation de votre mot de passe',
    resetMailText: [
      'Bonjour {nom},',
      '',
      'Une demande de réinitialisation du mot de passe du compte « {login} » a été faite.',
      'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, utilisable une seule fois) :',
      '',
      '{link}',
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.',
    ].join('\n'),

    csrfRefused:
      'La vérification de sécurité du formulaire a échoué (jeton absent ou périmé). Rechargez la page, puis recommencez.',
    authenticationRequired: 'Authentification requise : connectez-vous, ou fournissez un jeton d’API valide.',
    signInOrUseToken: 'Authentification requise : connectez-vous ou utilisez un jeton d’API.',
    invalidToken: 'Jeton d’API invalide, expiré ou révoqué.',
    forbidden: 'Droits insuffisants : vous n’avez pas la permission de faire cette opération.',
    tokenCreatedNotice: 'Copiez ce jeton maintenant : il ne sera plus jamais affiché.',
    tokenNotFound: 'Ce jeton n’existe pas ou a déjà été révoqué.',
    tokenCannotCreateToken: 'Un jeton d’API ne peut pas servir à créer un autre jeton : connectez-vous avec votre mot de passe.',
    sessionRequired: 'Cette opération demande une session ouverte avec votre identifiant et votre mot de passe.',
    collectiviteNiveau2Only: 'Seuls les utilisateurs d’une collectivité de niveau 2 peuvent choisir la collectivité de travail.',
    collectiviteUnknown: 'Cette collectivité n’existe pas.',
    invalidRequest: 'La requête est invalide : vérifiez les champs envoyés.',
  },

  /** Reading API requests: bodies, query parameters, JSON fields. */
  api: {
    unknownObject: 'Cet objet n’existe pas.',
    jsonContentType: 'Envoyez le corps de la requête en JSON (Content-Type: application/json).',
    invalidJson: 'Le corps de la requête n’est pas du JSON valide.',
    jsonObjectExpected: 'Le corps de la requête doit être un objet JSON.',
    repeatedParameter: 'Le paramètre « {name} » est donné plusieurs fois.',
    unknownParameter: 'Paramètre inconnu : « {name} ».',
    fieldRequired: 'Le champ « {name} » est obligatoire.',
    fieldText: 'Le champ « {name} » doit être un texte.',
    fieldTooLong: 'Le champ « {name} » est trop long.',
    fieldCollectivite: 'Le champ « {name} » doit être un numéro de collectivité, ou null.',
    fieldDate: 'Le champ « {name} » doit être une date (AAAA-MM-JJ).',
    fieldFutureDate: 'Le champ « {name} » doit être une date à venir (AAAA-MM-JJ).',
  },

  /** HTTP errors: default messages by status, and the error page. */
  http: {
    badRequest: 'Requête invalide.',
    unauthenticated: 'Authentification requise.',
    forbidden: 'Droits insuffisants',
    notFound: 'Ressource introuvable.',
    methodNotAllowed: 'Méthode non autorisée pour cette adresse.',
    conflict: "Conflit avec l'état actuel de l'enregistrement.",
    payloadTooLarge: 'Requête trop volumineuse.',
    unsupportedMediaType: 'Type de contenu non pris en charge.',
    validationFailed: 'Certains champs sont invalides.',
    tooManyRequests: 'Trop de requêtes : réessayez dans quelques minutes.',
    internalError: 'Une erreur est survenue. Réessayez dans un instant ; si elle se répète, donnez sa référence à votre service informatique.',
    unavailable: 'Service momentanément indisponible.',
    refused: 'Requête refusée.',
    page: {
      title: '{title} — Commun',
      reference: 'Référence : {requestId}',
      backHome: "Retour à l'accueil",
      notFoundTitle: 'Page introuvable',
      notFoundMessage: "La page demandée n'existe pas, ou l'enregistrement n'est pas accessible.",
      forbiddenTitle: 'Droits insuffisants',
      forbiddenMessage:
        "Votre profil ne permet pas d'accéder à cette page. Adressez-vous à votre administrateur si vous en avez besoin.",
      unauthenticatedTitle: 'Connexion requise',
      unauthenticatedMessage: 'Connectez-vous pour accéder à cette page.',
      signIn: 'Se connecter',
      errorTitle: 'Une erreur est survenue',
      refusedTitle: 'Requête refusée',
      plainError: 'Une erreur est survenue. Référence : {requestId}',
    },
  },

  /** The pages: authentication, home. */
  pages: {
    title: '{title} — Commun',
    formErrors: ({ count: errors }: { count: number }) =>
      plural(errors, { one: 'Le formulaire contient une erreur :', other: 'Le formulaire contient des erreurs :' }),
    backHome: 'Retour à l’accueil',
    signIn: 'Se connecter',
    forbiddenTitle: 'Droits insuffisants',
    securityCheckTitle: 'Vérification de sécurité',
    login: {
      title: 'Connexion',
      login: 'Identifiant',
      password: 'Mot de passe',
      forgotten: 'Mot de passe oublié ?',
      opened: 'Votre session est maintenant ouverte.',
      closed: 'Votre session est maintenant terminée.',
    },
    password: {
      rules:
        'Au moins {min} caractères, mêlant au moins trois sortes de caractères parmi : minuscules, majuscules, chiffres, ' +
        'autres caractères ; sans contenir l’identifiant.',
      new: 'Nouveau mot de passe',
      confirmation: 'Confirmation du nouveau mot de passe',
      changeTitle: 'Changer mon mot de passe',
      changed: 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.',
      current: 'Mot de passe actuel',
      change: 'Changer le mot de passe',
      forgottenTitle: 'Mot de passe oublié',
      forgottenIntro:
        'Saisissez votre identifiant ou votre adresse électronique : un lien pour choisir un nouveau mot de passe vous sera envoyé.',
      loginOrEmail: 'Identifiant ou adresse électronique',
      sendLink: 'Envoyer le lien',
      backToLogin: 'Retour à la connexion',
      resetTitle: 'Choisir un nouveau mot de passe',
      save: 'Enregistrer le mot de passe',
      linkExpiredTitle: 'Lien expiré',
      newRequest: 'Faire une nouvelle demande',
      changedTitle: 'Mot de passe changé',
    },
    home: {
      title: 'Accueil — Commun',
      heading: 'Accueil',
      signedInAs: 'Connecté en tant que {nom} ({login}, profil {profil}) — collectivité {collectivite}',
      account: 'Compte',
      changePassword: 'Changer mon mot de passe',
      signOut: 'Se déconnecter',
      objects: 'Objets accessibles',
      noObjects: 'Aucun objet ne vous est accessible. Demandez des droits à votre administrateur.',
      objectApi: '{label} — API : {link}',
      apiDescription: 'Description de l’API : {link}',
    },
  },

  /** The page chrome: header, breadcrumb, messages, footer, working collectivité. */
  layout: {
    appName: 'Commun',
    skipLink: 'Aller au contenu',
    personalActions: 'Actions personnelles',
    collectivite: 'Collectivité : {libelle}',
    collectiviteLabel: 'Collectivité de travail',
    collectiviteSubmit: 'Choisir',
    collectiviteTitle: 'Collectivité de travail',
    password: 'Mot de passe',
    signOut: 'Se déconnecter',
    breadcrumb: 'Fil d’Ariane',
    home: 'Accueil',
    footer: '{app} — version {version}',
    rubriques: {
      application: 'Application',
      export: 'Export',
      traitement: 'Traitement',
      parametrage: 'Paramétrage',
      administration: 'Administration',
    },
    recordTitle: '{id} {label}',
    saved: 'Vos modifications ont bien été enregistrées.',
  },

  /** CSV export. */
  csv: {
    yes: 'Oui',
    no: 'Non',
    labelColumn: '{label} (libellé)',
  },

  /** Rules of the framework's own objects. */
  objects: {
    utilisateur: {
      passwordLabel: 'Mot de passe',
      passwordRequired: 'Le mot de passe est obligatoire.',
      passwordInvalid: 'Mot de passe invalide.',
      passwordNotText: 'Le mot de passe doit être du texte.',
      email: 'Le champ « E-mail » doit contenir une adresse e-mail valide (exemple : prenom.nom@mairie.fr).',
      login: 'Le champ « Login » ne peut contenir que des lettres, des chiffres et les signes . _ @ -',
      ownAccount: 'Vous ne pouvez pas supprimer votre propre compte.',
    },
    collectivite: {
      niveau2Only:
        'Seul un utilisateur d’une collectivité de niveau 2 peut créer ou supprimer une collectivité, ou changer son niveau.',
      niveau2Exists: 'Il existe déjà une collectivité de niveau 2 : il ne peut y en avoir qu’une.',
      deleteNiveau2Only: 'Seul un utilisateur d’une collectivité de niveau 2 peut supprimer une collectivité.',
      siret: 'Le champ « SIRET » doit contenir les 14 chiffres du numéro SIRET, sans erreur de clé (exemple : 21750001600019).',
      email: 'Le champ « Courriel » doit contenir une adresse e-mail valide (exemple : mairie@libreville.fr).',
    },
    apiToken: {
      createdByOwner: 'Un jeton d’API se crée par son propriétaire, depuis « Mes jetons d’API ».',
    },
  },

  /** Start-up and migrations. */
  system: {
    portInUse: "Le port {port} est déjà utilisé : arrêtez l'autre programme ou choisissez un autre port (PORT).",
    migrationFileMissing: 'La migration {migration} a été appliquée mais son fichier a disparu : restaurez-le.',
    migrationChanged:
      'La migration {migration} a été modifiée après son application : ' +
      'restaurez le fichier d’origine et écrivez une nouvelle migration pour le changement.',
    unprefixedPermission:
      'L’application {app} déclare la permission « {permission} » : ses permissions doivent commencer par « {app}. » ' +
      '(par exemple « {app}.{permission} »).',
  },

  /** The `commun` command. */
  cli: {
    config: {
      invalid: '{file} : l’export par défaut doit être { applications: [ … ] }, chaque application avec name, migrations et register.',
    },
    help: [
      'commun — cadriciel d\'applications métier pour les collectivités',
      '',
      'Commandes :',
      '  commun start                 démarre le serveur (http://localhost:8080 ; PORT pour changer)',
      '  commun migrate               applique les migrations en attente puis s\'arrête',
      '  commun user add <login> …    crée un utilisateur (commun user --help)',
      '  commun user password <login> change le mot de passe d\'un utilisateur',
      '  commun import <app>.<table> <fichier.csv> [options]',
      '                               importe un fichier CSV par lots (commun import --help)',
      '  commun new <nom> [--titre "…"] écrit le squelette d\'une nouvelle application (commun new --help)',
      '  commun gen [--app <dossier>] [--check] [--dry-run] [--all | table…]',
      '                               génère les modules décrivant les tables (gen/)',
      '  commun check                 liste les lignes qui désignent une ligne d\'une autre collectivité',
      '  commun referentiels [--app <nom>]  recharge les référentiels des applications (communes…)',
      '  commun backup [--sortie <fichier.tar.gz>]  sauvegarde la base et les fichiers (commun backup --help)',
      '  commun restore <archive> [--dossier <dossier>] [--base <url>]  restaure dans un dossier et une base vides',
      '  commun annuaire synchroniser [--simulation] | tester  synchronise les utilisateurs avec l’annuaire LDAP',
      '  commun notifications envoyer [--simulation]  envoie maintenant le récapitulatif quotidien du travail en attente',
      '  commun --help                affiche cette aide',
      '',
      'Base de données : embarquée dans ./data (COMMUN_DATA_DIR), ou un serveur PostgreSQL avec',
      'DATABASE_URL=postgres://utilisateur:motdepasse@hote:5432/base.',
      'Applications servies : celles de ./commun.config.ts ({ applications: [ … ] }), sinon le cadriciel seul.',
    ].join('\n'),
    unknownCommand: 'Commande inconnue : « {command} ».',
    unknownOption: 'Option inconnue : « {option} ».',
    optionValueMissing: 'L’option « {option} » attend une valeur.',
    unexpectedArgument: 'Argument inattendu : « {argument} ».',
    startUsage: [
      'Usage : commun start',
      'Démarre le serveur web sur le port PORT (8080 par défaut) ; applique d’abord les migrations en attente.',
      'Base embarquée : le dossier COMMUN_DATA_DIR (./data) appartient au seul processus qui l’a ouvert ;',
      'arrêtez le serveur (Ctrl+C) avant de lancer une autre commande sur ce dossier.',
      'Serveur PostgreSQL : DATABASE_URL=postgres://utilisateur:motdepasse@hote:5432/base.',
    ].join('\n'),
    migrateUsage: [
      'Usage : commun migrate',
      'Applique les migrations en attente (cadriciel et applications), crée le compte admin au premier passage, puis s’arrête.',
      'Sur la base embarquée, le serveur ne doit pas tourner sur le même dossier (COMMUN_DATA_DIR).',
    ].join('\n'),
    error: 'Erreur : {message}',
    adminCreated: 'Compte administrateur créé : login « admin », mot de passe « {password} »',
    adminPasswordNote: 'Notez ce mot de passe : il ne sera plus affiché. (COMMUN_ADMIN_PASSWORD permet de le choisir.)',
    databaseUpToDate: 'La base est à jour.',
    migrationsApplied: 'Migrations appliquées :',
    user: {
      usage: [
        'Usage :',
        '  commun user add <login> --nom "Nom" --email adresse@mairie.fr [--profil ADMINISTRATEUR] [--collectivite 1] [--password …]',
        '  commun user password <login> [--password …]',
        'Sans --password, un mot de passe est généré et affiché une fois.',
      ].join('\n'),
      unknownProfile: 'Profil inconnu : « {profil} ».',
      created: 'Utilisateur « {login} » créé (profil {profil}).',
      generatedPassword: 'Mot de passe : {password}  (notez-le : il ne sera plus affiché)',
      unknownLogin: 'Aucun utilisateur n’a le login « {login} ».',
      passwordChanged: 'Mot de passe de « {login} » changé ; ses sessions ouvertes sont fermées.',
      newPassword: 'Nouveau mot de passe : {password}  (notez-le : il ne sera plus affiché)',
    },
    new: {
      usage: [
        'Usage : commun new <nom> [--titre "Titre de l’application"]',
        'Écrit le squelette d’une application dans apps/<nom>/ (dossier de travail) et l’ajoute à commun.config.ts :',
        '  apps/<nom>/commun.app.ts              options du générateur (titre, libellés, colonnes des listes…)',
        '  apps/<nom>/migrations/0001_<nom>.sql  le schéma PostgreSQL <nom> : vos tables',
        '  apps/<nom>/src/index.ts               l’application telle que l’instance la sert',
        '  apps/<nom>/src/objects/index.ts       les surcharges (règles, actions, écrans), par table',
        '  apps/<nom>/gen/                       écrit par « commun gen --app apps/<nom> »',
        'Le nom sert dans les adresses (/<nom>/<table>) et comme schéma : minuscules sans accent, chiffres et _.',
        'Guide pas à pas : docs/creer-une-application.md',
      ].join('\n'),
      missingName: 'Donnez le nom de l’application : commun new <nom>.',
      tooManyNames: 'Un seul nom d’application à la fois (reçu : {names}).',
      missingTitle: 'Donnez le titre après --titre (par exemple --titre "Gestion de crise").',
      invalidName:
        'Le nom « {name} » ne convient pas : lettres minuscules sans accent, chiffres et _, en commençant par une lettre, 40 caractères au plus (il sert dans les adresses /{name}/… et comme schéma PostgreSQL).',
      reservedName: 'Le nom « {name} » est déjà pris par le cadriciel ou par PostgreSQL : choisissez-en un autre.',
      folderExists: 'Le dossier {folder} existe déjà : choisissez un autre nom, ou supprimez ce dossier s’il est de trop.',
      alreadyServed: '{file} nomme déjà « {name} » : choisissez un autre nom.',
      configShape:
        '{file} n’a pas la forme attendue (un seul « applications: [ … ] » et des lignes import) : rien n’a été écrit. Donnez-lui cette forme, ou écrivez l’application à la main :\n  {importLine}\n  et ajoutez {identifier} à la liste applications.',
      created: 'Application « {title} » créée dans {folder} :',
      fileAppOptions: '  {path}  options du générateur (titre, libellés…)',
      fileMigration: '  {path}  le schéma : écrivez-y vos tables',
      fileIndex: '  {path}  l’application, telle que l’instance la sert',
      fileOverrides: '  {path}  les surcharges, par table',
      fileGenerated: '  {path}  modules générés (vides tant que le schéma n’a pas de table)',
      configCreated: '{file} : écrit, avec cette application.',
      configUpdated: '{file} : l’application est ajoutée aux applications servies.',
      packageCreated: '{file} : écrit (les fichiers TypeScript du dossier sont des modules ES).',
      next: [
        'Et maintenant :',
        '  1. écrivez vos tables dans {migration} (dans le schéma « {schema} » ; un commentaire court',
        '     sur une table ou une colonne devient son libellé, par exemple « Véhicule attribué ») ;',
        '  2. npx commun gen --app {folder}',
        '  3. npx commun start, puis connectez-vous en « admin ».',
        'Guide : docs/creer-une-application.md',
      ].join('\n'),
      files: {
        appOptions: 'Options du générateur de l’application « {title} » : `commun gen --app {folder}` les lit.',
        appLabels: 'Libellés à corriger quand ni le commentaire d’une colonne ni son nom ne donnent le bon :',
        migrationIntro: 'Schéma de l’application « {title} » : écrivez ici vos tables, dans le schéma {schema}.',
        migrationConventions: [
          'Conventions (facultatives, celles d’openMairie) : une clé primaire par table (nommée comme la',
          'table, ou id, ou un code), une colonne libelle qui nomme la ligne, om_collectivite integer',
          'references om.om_collectivite pour les données propres à une collectivité.',
          'Un commentaire court (comment on … is \'Véhicule attribué\') devient le libellé de la table ou de la colonne.',
          'Une fois appliquée par commun start ou commun migrate, une migration ne change plus :',
          'ajoutez alors 0002_….sql, 0003_….sql…',
        ].join('\n'),
        migrationExample: 'Exemple :',
        index: [
          'L’application « {title} » telle que l’instance la sert (commun.config.ts) : les modules générés',
          '(gen/, écrits par `commun gen --app {folder}`) et les surcharges écrites à la main (src/objects/).',
        ].join('\n'),
        overrides: [
          'Les surcharges des tables de « {title} », par nom de table : ce que le schéma ne dit pas (règles,',
          'actions, écrans). `commun gen --app {folder}` écrit une fois src/objects/<table>.ts ; ajoutez ici',
          'celles que vous remplissez, par exemple :',
        ].join('\n'),
        config: 'Les applications que sert cette instance : `commun start` et `commun migrate` lisent ce fichier.',
      },
    },
    gen: {
      usage: [
        'Usage : commun gen [--check] [--dry-run] [--all | table…]',
        'Génère les modules des tables du cadriciel (schéma om) dans framework/gen/.',
        '  --check    n’écrit rien ; liste les fichiers à régénérer et échoue s’il y en a',
        '  --dry-run  n’écrit rien ; liste les fichiers qui seraient écrits ou supprimés',
        '  --all      toutes les tables (par défaut)',
        '  --documents  écrit dans la base des états, sous-états et lettres types à compléter (commun gen --documents --help)',
      ].join('\n'),
      unknownOption: 'Option inconnue : {option}',
      allOrTables: 'Donnez --all ou des noms de tables, pas les deux.',
      toRemove: 'à supprimer : {path}',
      toRegenerate: 'à régénérer : {path}',
      wouldRemove: 'serait supprimé : {path}',
      wouldWrite: 'serait écrit : {path}',
      written: 'écrit : {path}',
      removed: 'supprimé : {path}',
      outOfDate: 'Les modules générés ne correspondent plus au schéma : lancez « commun gen » et relisez les changements.',
      upToDate: ({ files }: { files: number }) => `Les modules générés sont à jour (${count(files, 'fichier', 'fichiers')}).`,
      nothingWritten: ({ files }: { files: number }) =>
        `Rien n’a été écrit (--dry-run) : ${count(files, 'fichier changerait', 'fichiers changeraient')}.`,
      done: ({ written, unchanged, removed }: { written: number; unchanged: number; removed: number }) =>
        `Génération terminée : ${count(written, 'fichier écrit', 'fichiers écrits')}, ${count(unchanged, 'inchangé', 'inchangés')}` +
        (removed > 0 ? `, ${count(removed, 'supprimé', 'supprimés')}.` : '.'),
      warning: 'Attention : {table} : {reason}',
      unknownTables: 'Table inconnue dans le schéma {schema} (ou exclue) : {tables}',
      failed: 'Échec de la génération : {message}',
      indexTable: 'La table « index » porterait le nom du fichier qui liste les modules : renommez-la.',
      sameFileName: 'Les tables « {first} » et « {second} » donneraient le même nom de fichier : renommez l’une d’elles.',
      app: {
        usage: [
          'Usage : commun gen --app <dossier> [--check] [--dry-run] [--all | table…]',
          'Génère, pour une application, ses modules dans <dossier>/gen/ à partir de ses migrations',
          '(configuration : <dossier>/commun.app.ts), et les modules de surcharge manquants dans <dossier>/src/objects/.',
        ].join('\n'),
        missingFolder: 'Donnez le dossier de l’application après --app.',
        reservedName: 'La table « {table} » porterait le nom d’un fichier généré de l’application ({file}) : renommez-la ou excluez-la (exclude).',
        unknownInOptions: 'Dans commun.app.ts, « {option} » nomme « {name} », qui n’existe pas dans le schéma {schema} (ou est exclu).',
        notSubForm: 'Dans commun.app.ts, subFormOrder de « {table} » nomme « {child} », qui n’est pas un sous-formulaire de cette table.',
        newOverrides: 'Nouvelles surcharges dans {folder} : elles servent une fois ajoutées à {index} (voir docs/creer-une-application.md).',
        next: 'Étape suivante : npx commun start (les migrations en attente s’appliquent au démarrage), puis ouvrez l’application.',
      },
      options: {
        missing: 'Fichier de configuration introuvable : {file}',
        invalid: 'Configuration invalide dans {file} :\n  {problems}',
        notObject: 'l’export par défaut doit être un objet (defineGenerator({ … })).',
        wrong: '« {option} » doit être {expected}.',
        unknown: 'option inconnue « {option} ».',
        aName: 'un nom en minuscules (lettres, chiffres, _), qui sert dans les adresses',
        aString: 'un texte non vide',
        aList: 'une liste de noms',
        aLabelRecord: 'un objet { \'table\' ou \'table.colonne\': libellé }',
        aListRecord: 'un objet { table: [noms…] }',
        aSelection: 'true, false ou une liste de tables',
        aBoolean: 'true ou false',
      },
      doc: {
        table: 'Table de la base de données.',
        view: 'Vue de la base de données.',
        readOnly: 'Consultation seulement : {reason}',
        fields: 'Champs',
        column: 'Colonne',
        label: 'Libellé',
        type: 'Type',
        constraints: 'Contraintes',
        primaryKey: 'clé primaire',
        generation: 'remplie par la base ({generation})',
        required: 'obligatoire',
        notNull: 'non vide',
        default: 'défaut : {value}',
        unique: 'unique',
        references: 'référence {target}',
        uniques: 'Clés uniques sur plusieurs colonnes',
        outgoing: 'Références vers d’autres tables',
        incoming: 'Tables qui font référence à celle-ci (sous-formulaires)',
        onDelete: 'à la suppression : {action}',
        listing: 'Listing',
        labelColumn: 'Colonne qui nomme un enregistrement',
        search: 'Recherche simple dans',
        sort: 'Tri par défaut',
        artefacts: 'Exports et import',
        storedQuery: 'Requête mémorisée « {label} » (`{name}`)',
        criteria: 'critère : {criteria}',
        csvImport: 'Import CSV, colonnes dans l’ordre : {columns}',
        listingPdf: 'Édition PDF `{path}` : {columns}',
      },
      advice: {
        intro: 'Index conseillés pour le schéma {schema} : ils gardent les listings rapides sur de grandes tables.',
        adopt: 'Recopiez ceux que vous retenez dans une migration de l’application (idempotents : if not exists).',
        trigram: 'Les index trigrammes (recherche sans accents ni casse) demandent l’extension pg_trgm :',
        none: 'Aucun index à conseiller : ceux qu’utilisent les listings existent déjà.',
        search: 'recherche simple sans accents ni casse sur « {column} »',
        sort: 'tri par défaut sur « {column} »',
        foreignKey: 'clé étrangère ({columns}) : sous-formulaire et contrôle avant suppression',
      },
      query: {
        /** The stored query of a table filtered on one of its foreign keys. */
        byKey: '{table} par {field}',
      },
      stub: {
        title: 'Surcharge de « {label} » ({table}) : le comportement écrit à la main (contrôles, actions, écrans).',
        kept: 'Écrit une fois par `commun gen`, qui ne le réécrit jamais. Voir framework/src/model/override.ts.',
      },
    },
  },

  /** The OpenAPI description of the REST API (`GET /api/v1/openapi.json`). */
  openapi: {
    description: [
      'API REST de Commun, décrite à partir du modèle de données : un jeu de chemins par objet métier.',
      '',
      '**Authentification** : jeton personnel (`Authorization: Bearer …`), ou cookie de session `commun_session` ' +
        'accompagné de l’en-tête `X-CSRF-Token` pour les requêtes qui modifient des données.',
      '',
      '**Collectivité** : chaque requête ne voit que les enregistrements de la collectivité de l’utilisateur ; ' +
        'un enregistrement d’une autre collectivité est introuvable (404).',
      '',
      '**Erreurs** : corps JSON `{ "error": { "code", "message", "fields", "request_id" } }`, messages en français.',
      '',
      '**Modifications concurrentes** : chaque enregistrement lu porte un jeton `_version` ; le renvoyer dans PUT ou ' +
        'PATCH. Un jeton périmé est refusé (409) : relire l’enregistrement avant de recommencer.',
    ].join('\n'),
    duplicateOperationId: 'OpenAPI : operationId en double « {id} ».',
    duplicateSchema: 'OpenAPI : nom de schéma en double « {name} ».',
    value: {
      geometry: 'Géométrie GeoJSON (RFC 7946).',
      decimal: 'Nombre décimal écrit en chaîne, point comme séparateur (valeur exacte).',
      time: 'Heure HH:MM[:SS].',
      timestamp: 'Date et heure sans fuseau (AAAA-MM-JJ HH:MM:SS).',
      interval: 'Durée au format PostgreSQL (par exemple « 1 day 02:00:00 »).',
      json: 'Valeur JSON quelconque.',
      other: 'Valeur de type PostgreSQL « {type} » écrite en texte.',
    },
    schema: {
      version:
        "Jeton de verrouillage optimiste (opaque). Le renvoyer tel qu'il a été lu dans PUT ou PATCH : " +
        "si l'enregistrement a changé depuis, la modification est refusée (409).",
      versionOnCreate: 'Sans objet à la création.',
      reference: 'Référence à {target}.',
      referenceLabel: "Libellé de l'enregistrement de {target} désigné par « {field} ».",
      inputTitle: '{label} (saisie)',
      patchTitle: '{label} (modification partielle)',
      userMessage: "Message pour l'utilisateur, en français.",
      warnings: "Avertissements non bloquants de l'enregistrement (« Homonyme possible : … ») : l'écriture est faite. Absent sans avertissement ; jamais dans une lecture.",
      errorCode: 'Code stable, pour les programmes (`not_found`, `validation_failed`…).',
      errorFields: 'Un message par champ refusé (erreurs de validation).',
      requestId: 'Référence de la requête, à citer au support.',
      total: 'Nombre total de résultats ; null avec `count=none`.',
      totalIsEstimate: 'Vrai quand `total` est une estimation (au-delà du seuil de comptage).',
    },
    parameter: {
      page: 'Numéro de la page, à partir de 1.',
      perPage: 'Nombre de résultats par page ({max} au plus).',
      q:
        'Recherche simple dans les colonnes de recherche et dans les libellés des clés étrangères, sans tenir compte des accents ni des majuscules ; ' +
        '`*` remplace une suite quelconque de caractères.',
      count:
        'Calcul du total : `exact` (toutes les lignes comptées, en COMMUN_EXACT_COUNT_TIMEOUT_MS au plus, sinon refus 422), ' +
        '`estimated`, par défaut (compté jusqu’au seuil COMMUN_EXACT_COUNT_LIMIT, 100 000 par défaut, estimé au-delà ou d’emblée quand le planificateur en prévoit bien plus), `none` (pas de total). ' +
        'Aucune liste n’attend le comptage de plus de lignes que le seuil : `total_is_estimate` le signale.',
      id: "Clé de l'enregistrement (« {key} »).",
      sort: "Tri : noms de champs séparés par des virgules, `-` devant un champ pour l'ordre décroissant (`-{example}`) ; une clé étrangère trie par le libellé de la ligne désignée.",
      sortDefault: 'Par défaut : `{sort}`.',
      col: 'Limite la recherche simple (`q`) à une colonne.',
      filter: 'Égalité sur un champ : `filter[champ]=valeur`. Plusieurs filtres se cumulent (ET).',
    },
    response: {
      badRequest: 'Paramètre ou corps de requête invalide.',
      unauthorized: 'Authentification requise (session ou jeton personnel).',
      forbidden: 'Droits insuffisants.',
      notFound: 'Enregistrement introuvable (ou rattaché à une autre collectivité).',
      conflict:
        'Conflit : enregistrement modifié depuis sa lecture (`_version` périmé), valeur déjà utilisée, ' +
        'ou enregistrements liés qui empêchent la suppression.',
      validationFailed: 'Données refusées : un message par champ dans `error.fields`.',
      internalError: 'Erreur interne. La référence `request_id` permet de la retrouver dans le journal.',
      list: 'Une page de résultats.',
      created: 'Enregistrement créé.',
      item: "L'enregistrement.",
      updated: 'Enregistrement modifié.',
      deleted: 'Enregistrement supprimé.',
      actionDone: 'Action effectuée.',
    },
    operation: {
      permission: 'Droit requis : `{permission}` (ou `{object}`).',
      listSummary: '{label} : liste',
      listDescription: 'Liste paginée, avec recherche, tri et filtres.',
      createSummary: '{label} : ajouter',
      createDescription: 'Crée un enregistrement.',
      createBody: 'Valeurs des champs.',
      getSummary: '{label} : consulter',
      getDescription: 'Un enregistrement.',
      replaceSummary: '{label} : remplacer',
      replaceDescription: "Remplace toutes les valeurs de l'enregistrement (les champs absents sont vidés).",
      replaceBody: 'Toutes les valeurs des champs, et `_version`.',
      updateSummary: '{label} : modifier',
      updateDescription: 'Modifie les seuls champs envoyés.',
      updateBody: 'Les champs à modifier, et `_version`.',
      deleteSummary: '{label} : supprimer',
      deleteDescription: "Supprime l'enregistrement ; refusé (409) tant que des enregistrements liés existent.",
      actionSummary: '{label} : {action}',
      actionDescription: "Action « {action} » sur l'enregistrement.",
      actionBody: "Valeurs propres à l'action, s'il y en a.",
    },
    security: {
      requestIdHeader: 'Référence de la requête (reprise de la requête si elle en portait une valide).',
      bearer: 'Jeton personnel d’accès à l’API, créé depuis le compte de l’utilisateur.',
      session: 'Session ouverte par la page de connexion.',
      csrf: 'Jeton anti-CSRF de la session, exigé avec le cookie pour toute requête qui modifie des données.',
    },
    health: {
      summary: 'État du service',
      description: 'Répond sans authentification : le service fonctionne et la base de données répond.',
      ok: 'Service disponible.',
      unavailable: 'Base de données injoignable.',
    },
    tag: {
      framework: 'Tables du cadriciel',
      application: 'Application « {app} »',
      supervision: 'Supervision du service.',
    },
  },
  /** The screens (one file each under screens/). */
  listing: listingFr,
  form: formFr,
  subform: subformFr,
  navigation: navigationFr,
  dashboard: dashboardFr,
  admin: adminFr,
  files: filesFr,
  queries: queriesFr,
  sources: sourcesFr,
  documents: documentsFr,
  imports: importsFr,
  apiSafety: apiSafetyFr,
  bulkImport: bulkImportFr,
  generator: generatorFr,
  traitements: traitementsFr,
  database: databaseFr,
  inputChecks: inputChecksFr,
  referenceCheck: referenceCheckFr,
  referentials: referentialsFr,
  templates: templatesFr,
  labels: labelsFr,
  appRoutes: appRoutesFr,
  carte: carteFr,
} as const;
