/**
 * Messages of the import in batches: its modes and update key (form and command), the command
 * `commun import` and its progress, the failures specific to batches. French and English.
 */
import type { Translation } from '../types.ts';

export const bulkImportFr = {
  form: {
    mode: 'En cas de ligne en erreur',
    modes: {
      'tout-ou-rien': 'Tout ou rien : si une ligne est en erreur, rien n’est importé (toutes les erreurs sont listées)',
      ignorer: 'Ignorer les lignes en erreur : les autres lignes sont importées, les lignes en erreur listées',
    },
    updateKey: 'Lignes déjà présentes',
    updateKeyNone: 'Toujours créer un nouvel enregistrement',
    updateKeyChoice: 'Mettre à jour l’enregistrement qui a la même valeur de : {labels}',
    updateKeyHelp: 'En mise à jour, une cellule vide laisse la valeur enregistrée ; il faut aussi la permission de modifier.',
    badMode: 'Choisissez ce qu’il advient des lignes en erreur : tout ou rien, ou les ignorer.',
  },
  updateKey: {
    unknown: '« {key} » n’est pas une clé unique de « {table} » fournie par le fichier. Clés possibles : {choices}.',
  },
  file: {
    unreadablePartly:
      'Le fichier n’a pas pu être lu comme un fichier CSV (ligne {line}) : vérifiez le séparateur et les guillemets. Les lignes déjà importées le restent : {ranges}.',
  },
  cli: {
    usage: [
      'Usage : commun import <application>.<table> <fichier.csv> [options]',
      'Importe un fichier CSV dans une table, ligne à ligne avec les contrôles du formulaire, par lots.',
      '',
      'Options :',
      '  --mode tout-ou-rien|ignorer  tout-ou-rien (par défaut) : une ligne en erreur et rien n’est importé ;',
      '                               ignorer : les lignes en erreur sont écartées, les autres importées',
      '  --simulation                 vérifie toutes les lignes sans rien enregistrer',
      '  --mise-a-jour <colonne>      met à jour l’enregistrement qui a la même valeur de cette clé unique',
      '                               (plusieurs colonnes : a+b), crée les autres',
      '  --separateur \';\'|\',\'         séparateur des colonnes (point-virgule par défaut)',
      '  --sans-entete                la première ligne est déjà une ligne de données',
      '  --utilisateur <login>        agit comme cet utilisateur, avec ses droits (admin par défaut)',
      '',
      'Code de sortie : 0 toutes les lignes importées ; 2 des lignes rejetées ; 1 import refusé ou en échec.',
    ].join('\n'),
    unknownImport: 'Aucun import « {name} » : les imports sont nommés <application>.<table> (par exemple {example}).',
    unknownUser: 'Aucun utilisateur « {login} » : indiquez un identifiant existant avec --utilisateur.',
    missingFile: 'Le fichier « {file} » est introuvable.',
    badMode: 'Mode inconnu « {mode} » : tout-ou-rien ou ignorer.',
    badSeparator: 'Séparateur inconnu « {separator} » : ; ou ,.',
    progress: 'Import : {done} ligne(s) sur {total} ({percent} %)',
    reading: 'Lecture du fichier…',
    done: 'Import terminé.',
    simulationDone: 'Simulation terminée : aucune ligne n’a été enregistrée.',
    refused: 'Rien n’a été importé : des lignes sont en erreur (mode tout ou rien).',
    stopped: 'Import arrêté avant la fin du fichier.',
    counts: 'Lignes lues : {read} ; en-tête : {header} ; importées : {imported} ; mises à jour : {updated} ; rejetées : {rejected} ; vides : {empty}.',
    valid: 'Lignes valides : {valid} ; rejetées : {rejected}.',
    written: 'Lignes enregistrées : {ranges}.',
    rejects: 'Lignes rejetées (avec leur motif) : {path}',
    job: 'Traitement n° {id} (visible dans « Mes traitements »).',
    failed: 'L’import s’est arrêté : {message}',
  },
} as const;

export const bulkImportEn: Translation<typeof bulkImportFr> = {
  form: {
    mode: 'When a line has an error',
    modes: {
      'tout-ou-rien': 'All or nothing: if a line has an error, nothing is imported (every error is listed)',
      ignorer: 'Skip the lines with errors: the other lines are imported, the lines with errors listed',
    },
    updateKey: 'Lines already present',
    updateKeyNone: 'Always create a new record',
    updateKeyChoice: 'Update the record with the same value of: {labels}',
    updateKeyHelp: 'When updating, an empty cell leaves the stored value; the permission to modify is needed too.',
    badMode: 'Choose what happens to lines with errors: all or nothing, or skip them.',
  },
  updateKey: {
    unknown: '“{key}” is not a unique key of “{table}” given by the file. Possible keys: {choices}.',
  },
  file: {
    unreadablePartly:
      'The file could not be read as a CSV file (line {line}): check the separator and the quotes. The lines already imported stay: {ranges}.',
  },
  cli: {
    usage: [
      'Usage: commun import <application>.<table> <file.csv> [options]',
      'Imports a CSV file into a table, each line with the form’s checks, in batches.',
      '',
      'Options:',
      '  --mode tout-ou-rien|ignorer  tout-ou-rien (default): one line with an error and nothing is imported;',
      '                               ignorer: lines with errors are set aside, the others imported',
      '  --simulation                 checks every line without saving anything',
      '  --mise-a-jour <column>       updates the record with the same value of this unique key',
      '                               (several columns: a+b), creates the others',
      '  --separateur \';\'|\',\'         column separator (semicolon by default)',
      '  --sans-entete                the first line is already a data line',
      '  --utilisateur <login>        acts as this user, with their permissions (admin by default)',
      '',
      'Exit code: 0 every line imported; 2 some lines rejected; 1 import refused or failed.',
    ].join('\n'),
    unknownImport: 'No import “{name}”: imports are named <application>.<table> (for example {example}).',
    unknownUser: 'No user “{login}”: give an existing login with --utilisateur.',
    missingFile: 'The file “{file}” cannot be found.',
    badMode: 'Unknown mode “{mode}”: tout-ou-rien or ignorer.',
    badSeparator: 'Unknown separator “{separator}”: ; or ,.',
    progress: 'Import: {done} line(s) of {total} ({percent} %)',
    reading: 'Reading the file…',
    done: 'Import finished.',
    simulationDone: 'Simulation finished: no line was saved.',
    refused: 'Nothing was imported: some lines have errors (all or nothing).',
    stopped: 'Import stopped before the end of the file.',
    counts: 'Lines read: {read}; header: {header}; imported: {imported}; updated: {updated}; rejected: {rejected}; empty: {empty}.',
    valid: 'Valid lines: {valid}; rejected: {rejected}.',
    written: 'Lines saved: {ranges}.',
    rejects: 'Rejected lines (with their reason): {path}',
    job: 'Job {id} (shown in “My jobs”).',
    failed: 'The import stopped: {message}',
  },
};
