/** Messages of the pages and API routes applications declare (`registry.addPage`, `registry.addApiRoute`). French and English, key for key. */
import type { Translation } from '../types.ts';

export const appRoutesFr = {
  /** Refusals at start-up: a programming error of the application, said to its developer. */
  declaration: {
    invalidApp: 'La route « {path} » nomme l’application « {app} » : un nom d’application s’écrit en minuscules, chiffres et _ (et « om » est celui du cadriciel).',
    invalidPath:
      'L’application {app} déclare la route « {path} » : une adresse est faite de segments en minuscules, chiffres, - et _ séparés par /, ' +
      'les suivants pouvant être des paramètres (:nom) ; le premier est un nom fixe.',
    tableCollision:
      'L’application {app} déclare la route « {path} » alors qu’elle a une table « {table} » : ' +
      'les adresses /{app}/{table} et /api/v1/{app}/{table} sont celles de la table ; choisissez un autre nom.',
    duplicate: 'L’application {app} déclare deux fois la route {method} « {path} ».',
    foreignPermission:
      'La route « {path} » de l’application {app} demande la permission « {permission} » : ' +
      'une route ne peut demander qu’une permission de son application (« {app}.… »).',
    undeclaredPermission:
      'La route « {path} » de l’application {app} demande la permission « {permission} », ' +
      'qui n’est ni une permission de ses objets ni une de celles qu’elle déclare (Application.permissions) : déclarez-la.',
  },
  /** Answers to a request. */
  signInToRead: 'Connectez-vous pour consulter ces informations.',
  unknownCollectivite: 'Cette collectivité n’existe pas : vérifiez l’adresse de la page.',
  /** Their description in `/api/v1/openapi.json`. */
  openapi: {
    summary: '{method} {path} (route de l’application {app})',
    answer: 'Réponse de la route, en JSON.',
    fileAnswer: 'Fichier renvoyé par la route ({mediaType}), à télécharger.',
    noContent: 'Fait ; pas de contenu.',
    body: 'Objet JSON envoyé à la route.',
    pathParameter: 'Segment « {name} » de l’adresse.',
    permission: 'Permission demandée : « {permission} ».',
    signedIn: 'Réservée aux utilisateurs connectés.',
    public: 'Publique : sans authentification.',
  },
};

export const appRoutesEn: Translation<typeof appRoutesFr> = {
  declaration: {
    invalidApp: 'The route “{path}” names the application “{app}”: an application name is written in lower case, digits and _ (and “om” is the framework’s).',
    invalidPath:
      'The application {app} declares the route “{path}”: an address is made of segments in lower case, digits, - and _ separated by /, ' +
      'the following ones may be parameters (:name); the first one is a fixed name.',
    tableCollision:
      'The application {app} declares the route “{path}” but it has a table “{table}”: ' +
      'the addresses /{app}/{table} and /api/v1/{app}/{table} are the table’s; choose another name.',
    duplicate: 'The application {app} declares the route {method} “{path}” twice.',
    foreignPermission:
      'The route “{path}” of the application {app} requires the permission “{permission}”: ' +
      'a route can only require a permission of its own application (“{app}.…”).',
    undeclaredPermission:
      'The route “{path}” of the application {app} requires the permission “{permission}”, ' +
      'which is neither a permission of its objects nor one it declares (Application.permissions): declare it.',
  },
  signInToRead: 'Sign in to see this information.',
  unknownCollectivite: 'This collectivité does not exist: check the page’s address.',
  openapi: {
    summary: '{method} {path} (route of the application {app})',
    answer: 'The route’s answer, in JSON.',
    fileAnswer: 'The file the route answers ({mediaType}), to download.',
    noContent: 'Done; no content.',
    body: 'JSON object sent to the route.',
    pathParameter: 'Segment “{name}” of the address.',
    permission: 'Permission required: “{permission}”.',
    signedIn: 'For signed-in users only.',
    public: 'Public: no authentication.',
  },
};
