import { defineMessages } from '../../i18n/index.ts';

/** The directory's messages (sign-in refusals, configuration errors, synchronisation, admin page). */
export const annuaireMessage = defineMessages(
  'annuaire',
  {
    signIn: {
      /** The same as a wrong DB password: never says whether the login exists in the directory. */
      invalid: 'Identifiant ou mot de passe incorrect.',
      notConfigured: 'Ce compte est géré par un annuaire LDAP, qui n’est pas configuré sur ce serveur : adressez-vous à votre administrateur.',
      unreachable: 'L’annuaire ne répond pas : la connexion est impossible pour le moment. Réessayez plus tard ou adressez-vous à votre administrateur.',
      disabled: 'Ce compte est désactivé : adressez-vous à votre administrateur.',
      notPermittedNow: 'Votre compte n’est pas autorisé à se connecter à cette heure-ci.',
      notPermittedHere: 'Votre compte n’est pas autorisé à se connecter depuis ce poste.',
      passwordExpired: 'Votre mot de passe a expiré : changez-le sur votre poste de travail (ou auprès de votre service informatique), puis reconnectez-vous.',
      accountDisabled: 'Votre compte est désactivé dans l’annuaire : adressez-vous à votre service informatique.',
      accountExpired: 'Votre compte a expiré dans l’annuaire : adressez-vous à votre service informatique.',
      mustReset: 'Vous devez changer votre mot de passe avant de vous connecter : faites-le sur votre poste de travail (ou auprès de votre service informatique).',
      locked: 'Votre compte est verrouillé dans l’annuaire après trop d’essais : réessayez plus tard ou adressez-vous à votre service informatique.',
    },
    config: {
      invalid: 'Configuration de l’annuaire LDAP incorrecte : {problems}',
      url: 'COMMUN_LDAP_URL doit commencer par ldap:// ou ldaps:// (reçu « {value} »).',
      type: 'COMMUN_LDAP_TYPE doit valoir « openldap » ou « ad » (reçu « {value} »).',
      required: '{name} est obligatoire quand COMMUN_LDAP_URL est renseigné.',
      startTlsLdaps: 'COMMUN_LDAP_STARTTLS ne s’emploie qu’avec une adresse ldap:// (ldaps:// est déjà chiffré).',
      caFile: 'COMMUN_LDAP_CA_FICHIER : le fichier « {value} » est illisible.',
      attribute: '{name} : « {value} » n’est pas un nom d’attribut LDAP.',
      integer: '{name} doit être un nombre entier positif ou nul (reçu « {value} »).',
      mapping: 'COMMUN_LDAP_PROFILS : « {value} » n’a pas la forme « groupe=PROFIL ».',
      filter: 'COMMUN_LDAP_FILTRE doit être un filtre LDAP entre parenthèses (reçu « {value} »).',
    },
    sync: {
      unknownProfile: 'Le profil « {profil} » (COMMUN_LDAP_PROFILS ou COMMUN_LDAP_PROFIL_DEFAUT) n’existe pas.',
      unknownCollectivite: 'La collectivité n° {id} (COMMUN_LDAP_COLLECTIVITE) n’existe pas.',
      badLogin: 'Identifiant « {login} » inutilisable (30 caractères au plus : lettres, chiffres, point, tiret, @ et souligné).',
      noLogin: 'L’entrée {dn} n’a pas d’attribut {attribute} : ignorée.',
      duplicate: 'L’identifiant « {login} » est celui d’un compte local (non LDAP) : il n’est pas modifié.',
      noGroup: 'dans aucun groupe associé à un profil',
      disabledInDirectory: 'désactivé dans l’annuaire',
      missing: 'absent de l’annuaire',
      unreachable: 'Annuaire injoignable ou refus du compte de service : {reason}',
      notConfigured: 'Aucun annuaire LDAP n’est configuré (COMMUN_LDAP_URL).',
      summary: '{crees} créé(s), {modifies} modifié(s), {desactives} désactivé(s), {inchanges} inchangé(s), {erreurs} erreur(s).',
    },
    connection: {
      ok: 'Connexion réussie avec le compte de service : {count} utilisateur(s) sous {base}.',
      failed: 'Échec de la connexion à l’annuaire : {reason}',
    },
    reasons: {
      credentials: 'le compte de service (COMMUN_LDAP_BIND_DN) est refusé : vérifiez son DN et son mot de passe.',
      refused: 'connexion refusée par {url}.',
      timeout: 'pas de réponse de {url} dans le délai.',
      noSuchObject: 'une base configurée n’existe pas dans l’annuaire.',
      tls: 'échec du chiffrement TLS ({detail}).',
      other: '{detail}',
    },
    userForm: {
      helpActif: 'Décochée : le compte ne peut plus se connecter et ses sessions ouvertes prennent fin. La synchronisation avec l’annuaire désactive ainsi les comptes LDAP absents de l’annuaire.',
    },
    cli: {
      usage:
        'Usage : commun annuaire synchroniser [--simulation]\n        commun annuaire tester\n\n' +
        '  synchroniser   crée, met à jour et désactive les utilisateurs d’après l’annuaire LDAP (COMMUN_LDAP_*)\n' +
        '  --simulation   montre ce qui changerait, sans rien écrire\n' +
        '  tester         vérifie la connexion avec le compte de service',
      simulation: 'Simulation : rien n’a été écrit.',
      actions: { cree: 'créé', modifie: 'modifié', desactive: 'désactivé', erreur: 'erreur' },
    },
  },
  {
    en: {
      signIn: {
        invalid: 'Incorrect login or password.',
        notConfigured: 'This account is managed by an LDAP directory, which is not configured on this server: contact your administrator.',
        unreachable: 'The directory does not answer: signing in is impossible for now. Try again later or contact your administrator.',
        disabled: 'This account is disabled: contact your administrator.',
        notPermittedNow: 'Your account may not sign in at this time.',
        notPermittedHere: 'Your account may not sign in from this computer.',
        passwordExpired: 'Your password has expired: change it on your workstation (or with your IT department), then sign in again.',
        accountDisabled: 'Your account is disabled in the directory: contact your IT department.',
        accountExpired: 'Your account has expired in the directory: contact your IT department.',
        mustReset: 'You must change your password before signing in: do it on your workstation (or with your IT department).',
        locked: 'Your account is locked in the directory after too many attempts: try again later or contact your IT department.',
      },
      config: {
        invalid: 'Incorrect LDAP directory configuration: {problems}',
        url: 'COMMUN_LDAP_URL must start with ldap:// or ldaps:// (got « {value} »).',
        type: 'COMMUN_LDAP_TYPE must be « openldap » or « ad » (got « {value} »).',
        required: '{name} is required when COMMUN_LDAP_URL is set.',
        startTlsLdaps: 'COMMUN_LDAP_STARTTLS only goes with an ldap:// address (ldaps:// is already encrypted).',
        caFile: 'COMMUN_LDAP_CA_FICHIER: the file « {value} » cannot be read.',
        attribute: '{name}: « {value} » is not an LDAP attribute name.',
        integer: '{name} must be a non-negative integer (got « {value} »).',
        mapping: 'COMMUN_LDAP_PROFILS: « {value} » is not of the form « group=PROFILE ».',
        filter: 'COMMUN_LDAP_FILTRE must be an LDAP filter in parentheses (got « {value} »).',
      },
      sync: {
        unknownProfile: 'The profile « {profil} » (COMMUN_LDAP_PROFILS or COMMUN_LDAP_PROFIL_DEFAUT) does not exist.',
        unknownCollectivite: 'Collectivité no. {id} (COMMUN_LDAP_COLLECTIVITE) does not exist.',
        badLogin: 'Unusable login « {login} » (at most 30 characters: letters, digits, dot, hyphen, @ and underscore).',
        noLogin: 'The entry {dn} has no {attribute} attribute: ignored.',
        duplicate: 'The login « {login} » belongs to a local (non-LDAP) account: it is left unchanged.',
        noGroup: 'in no group mapped to a profile',
        disabledInDirectory: 'disabled in the directory',
        missing: 'missing from the directory',
        unreachable: 'Directory unreachable or service account refused: {reason}',
        notConfigured: 'No LDAP directory is configured (COMMUN_LDAP_URL).',
        summary: '{crees} created, {modifies} updated, {desactives} disabled, {inchanges} unchanged, {erreurs} error(s).',
      },
      connection: {
        ok: 'Connected with the service account: {count} user(s) under {base}.',
        failed: 'Could not connect to the directory: {reason}',
      },
      reasons: {
        credentials: 'the service account (COMMUN_LDAP_BIND_DN) is refused: check its DN and password.',
        refused: 'connection refused by {url}.',
        timeout: 'no answer from {url} in time.',
        noSuchObject: 'a configured base does not exist in the directory.',
        tls: 'TLS failed ({detail}).',
        other: '{detail}',
      },
      userForm: {
        helpActif: 'Unticked: the account can no longer sign in and its open sessions end. The directory synchronisation disables LDAP accounts missing from the directory this way.',
      },
      cli: {
        usage:
          'Usage: commun annuaire synchroniser [--simulation]\n       commun annuaire tester\n\n' +
          '  synchroniser   creates, updates and disables users from the LDAP directory (COMMUN_LDAP_*)\n' +
          '  --simulation   shows what would change, writing nothing\n' +
          '  tester         checks the connection with the service account',
        simulation: 'Simulation: nothing was written.',
        actions: { cree: 'created', modifie: 'updated', desactive: 'disabled', erreur: 'error' },
      },
    },
  },
);
