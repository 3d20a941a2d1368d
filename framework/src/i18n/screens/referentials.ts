/** Messages of `commun referentiels`: the reference data applications load by code. French and English. */
import type { Translation } from '../types.ts';

export const referentialsFr = {
  usage: [
    'Usage : commun referentiels [--app <nom>]',
    'Recharge les référentiels des applications (les communes de France…), même quand leur version n’a pas',
    'changé : les lignes nouvelles sont ajoutées, les lignes changées mises à jour, rien n’est supprimé.',
    'Sans --app, ceux de toutes les applications. Applique d’abord les migrations en attente, comme « commun migrate ».',
    'Le démarrage (commun start, commun migrate) charge déjà un référentiel absent ou d’une autre version.',
    'Sur la base embarquée, le serveur ne doit pas tourner sur le même dossier (COMMUN_DATA_DIR).',
  ].join('\n'),
  missingApp: 'Donnez le nom d’une application après --app.',
  unknownApp: 'Aucune application « {app} » n’a de référentiel. Applications qui en ont : {apps}.',
  none: 'Aucune application de cette instance n’a de référentiel.',
  loaded: '  {app} / {name} (version {version}) : {rows} lignes en {seconds} s',
  done: 'Référentiels rechargés :',
};

export const referentialsEn: Translation<typeof referentialsFr> = {
  usage: [
    'Usage: commun referentiels [--app <name>]',
    'Reloads the applications’ reference data (the communes of France…), even when their version has not',
    'changed: new rows are added, changed rows updated, nothing is deleted.',
    'Without --app, those of every application. First applies the pending migrations, as “commun migrate” does.',
    'Starting (commun start, commun migrate) already loads a referential that is missing or of another version.',
    'With the embedded database, the server must not be running on the same folder (COMMUN_DATA_DIR).',
  ].join('\n'),
  missingApp: 'Give the name of an application after --app.',
  unknownApp: 'No application “{app}” has reference data. Applications that have some: {apps}.',
  none: 'No application of this instance has reference data.',
  loaded: '  {app} / {name} (version {version}): {rows} rows in {seconds} s',
  done: 'Reference data reloaded:',
};
