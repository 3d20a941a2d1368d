/** Messages of the data sources (`om_requete`): refusals of an administrator's SQL, its errors. French and English, key for key. */
import type { Translation } from '../types.ts';

export const sourcesFr = {
  refusals: {
    empty: 'La requête de la source est vide : écrivez une instruction SELECT.',
    unterminated: 'La requête contient une chaîne, un nom entre guillemets ou un commentaire non terminé (position {position}).',
    unicodeEscape: 'Les échappements Unicode (U&…) ne sont pas acceptés dans une source de données (position {position}).',
    notSelect: 'Une source de données ne peut que lire : la requête doit commencer par SELECT ou WITH, pas par « {word} ».',
    severalStatements: 'Une source de données est une seule instruction : retirez le « ; » en position {position}.',
    parentheses: 'Les parenthèses de la requête ne sont pas équilibrées (position {position}).',
    positional: 'Les paramètres s’écrivent &nom (par exemple &idx), pas $1 (position {position}).',
    forbiddenFunction: 'La fonction « {name} » est interdite dans une source de données : elle pourrait modifier un réglage, attendre, verrouiller ou lire hors de la base.',
    forbiddenWord: '« {word} » est interdit dans une source de données : elle ne peut que lire, sans verrouiller ni créer de table.',
    recursiveEmbedded: 'Sur la base embarquée, une requête récursive (WITH RECURSIVE) est refusée : elle ne pourrait pas être interrompue. Utilisez un serveur PostgreSQL.',
    unknownParameter: 'Le paramètre « &{name} » n’est pas déclaré pour cette source (paramètres connus : {known}).',
  },
  errors: {
    syntax: 'Erreur de syntaxe dans la requête près de « {near} » (position {position}).',
    syntaxNoPosition: 'Erreur de syntaxe dans la requête : {detail}',
    permission:
      'Cette source ne peut lire que les tables des applications et la configuration du framework (ni mots de passe, ni sessions, ni jetons, ni journal, ni autre schéma) : « {object} » lui est interdit.',
    timeout: 'La requête de la source a dépassé la durée permise de {seconds} s : simplifiez-la ou ajoutez un critère.',
    readOnly: 'Une source de données ne peut que lire : cette requête essaie de modifier la base.',
    parameterType: 'Le type du paramètre « &{name} » ne se déduit pas de la requête : précisez-le, par exemple &{name}::integer ou &{name}::text.',
    undefinedTable: 'La table ou la vue « {name} » n’existe pas (pensez au schéma : application.table).',
    undefinedColumn: 'La colonne « {name} » n’existe pas.',
    undefinedFunction: 'La fonction « {name} » n’existe pas ou ne prend pas ces arguments.',
    invalidValue: 'Un paramètre n’a pas le type attendu par la requête : {detail}',
    other: 'La requête de la source a échoué : {detail}',
    tooManyRows: 'La source renvoie plus de {max} lignes : ajoutez un critère.',
    unknownSource: 'Source de données introuvable : « {ref} ».',
    noQuery: 'La source « {code} » n’a pas de requête SQL.',
    unknownCodeSource: 'La source « {classe} » n’est déclarée par aucune application active.',
    badParameters: 'Ligne {line} des paramètres : « {text} » ne se lit pas. Écrivez « nom: type Libellé » avec un type parmi texte, entier, date, choix(valeur=Libellé|…).',
  },
  parameters: {
    notInteger: '« {label} » doit être un nombre entier.',
    notDate: '« {label} » doit être une date JJ/MM/AAAA.',
    notChoice: '« {label} » : choisissez une des valeurs proposées.',
    required: 'Le champ « {label} » est obligatoire.',
  },
} as const;

export const sourcesEn: Translation<typeof sourcesFr> = {
  refusals: {
    empty: 'The source’s query is empty: write a SELECT statement.',
    unterminated: 'The query has an unterminated string, quoted name or comment (position {position}).',
    unicodeEscape: 'Unicode escapes (U&…) are not accepted in a data source (position {position}).',
    notSelect: 'A data source can only read: the query must start with SELECT or WITH, not « {word} ».',
    severalStatements: 'A data source is one statement: remove the « ; » at position {position}.',
    parentheses: 'The query’s parentheses are not balanced (position {position}).',
    positional: 'Parameters are written &name (for example &idx), not $1 (position {position}).',
    forbiddenFunction: 'The function « {name} » is forbidden in a data source: it could change a setting, wait, lock or read outside the database.',
    forbiddenWord: '« {word} » is forbidden in a data source: it can only read, without locking or creating a table.',
    recursiveEmbedded: 'On the embedded database, a recursive query (WITH RECURSIVE) is refused: it could not be interrupted. Use a PostgreSQL server.',
    unknownParameter: 'The parameter « &{name} » is not declared for this source (known parameters: {known}).',
  },
  errors: {
    syntax: 'Syntax error in the query near « {near} » (position {position}).',
    syntaxNoPosition: 'Syntax error in the query: {detail}',
    permission:
      'This source may only read the applications’ tables and the framework’s configuration (no passwords, sessions, tokens, log or other schema): « {object} » is forbidden to it.',
    timeout: 'The source’s query went beyond the allowed {seconds} s: simplify it or add a criterion.',
    readOnly: 'A data source can only read: this query tries to change the database.',
    parameterType: 'The type of the parameter « &{name} » cannot be inferred from the query: state it, for example &{name}::integer or &{name}::text.',
    undefinedTable: 'The table or view « {name} » does not exist (mind the schema: application.table).',
    undefinedColumn: 'The column « {name} » does not exist.',
    undefinedFunction: 'The function « {name} » does not exist or does not take these arguments.',
    invalidValue: 'A parameter does not have the type the query expects: {detail}',
    other: 'The source’s query failed: {detail}',
    tooManyRows: 'The source returns more than {max} rows: add a criterion.',
    unknownSource: 'Data source not found: « {ref} ».',
    noQuery: 'The source « {code} » has no SQL query.',
    unknownCodeSource: 'The source « {classe} » is declared by no enabled application.',
    badParameters: 'Line {line} of the parameters: « {text} » cannot be read. Write « name: type Label » with a type among texte, entier, date, choix(value=Label|…).',
  },
  parameters: {
    notInteger: '« {label} » must be a whole number.',
    notDate: '« {label} » must be a date DD/MM/YYYY.',
    notChoice: '« {label} »: choose one of the values offered.',
    required: 'The field « {label} » is required.',
  },
};
