/** Messages of the file store and of file fields: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const filesFr = {
  empty: 'Le fichier « {name} » choisi pour « {label} » est vide : choisissez un autre fichier.',
  tooLarge: 'Le fichier « {name} » est trop volumineux ({size}) : la taille maximale pour « {label} » est de {max}.',
  typeRefused: 'Le type du fichier « {name} » n’est pas accepté pour « {label} ». Types acceptés : {types}.',
  contentMismatch:
    'Le contenu du fichier « {name} » ne correspond pas à son type (extension ou type annoncé) : choisissez un fichier valide pour « {label} ».',
  size: {
    bytes: '{n} octets',
    kb: '{n} Ko',
    mb: '{n} Mo',
  },
  types: {
    pdf: 'PDF',
    png: 'PNG',
    jpeg: 'JPEG',
    gif: 'GIF',
    webp: 'WebP',
    text: 'texte',
    csv: 'CSV',
    word: 'Word',
    excel: 'Excel',
    powerpoint: 'PowerPoint',
    odt: 'OpenDocument texte',
    ods: 'OpenDocument classeur',
    odp: 'OpenDocument présentation',
  },
  /** The widget. */
  current: 'Fichier actuel :',
  none: 'Aucun fichier.',
  download: 'Télécharger « {name} » ({size})',
  previewAlt: 'Aperçu de « {label} »',
  remove: 'Supprimer le fichier actuel',
  replaceHelp: 'Choisissez un fichier pour remplacer le fichier actuel ; sinon il est conservé.',
  limits: 'Taille maximale : {max}. Types acceptés : {types}.',
  missing: 'Le fichier n’est plus disponible.',
} as const;

export const filesEn: Translation<typeof filesFr> = {
  empty: 'The file “{name}” chosen for “{label}” is empty: choose another file.',
  tooLarge: 'The file “{name}” is too large ({size}): the largest size for “{label}” is {max}.',
  typeRefused: 'The type of the file “{name}” is not accepted for “{label}”. Accepted types: {types}.',
  contentMismatch: 'The content of the file “{name}” does not match its type (extension or declared type): choose a valid file for “{label}”.',
  size: {
    bytes: '{n} bytes',
    kb: '{n} KB',
    mb: '{n} MB',
  },
  types: {
    pdf: 'PDF',
    png: 'PNG',
    jpeg: 'JPEG',
    gif: 'GIF',
    webp: 'WebP',
    text: 'text',
    csv: 'CSV',
    word: 'Word',
    excel: 'Excel',
    powerpoint: 'PowerPoint',
    odt: 'OpenDocument text',
    ods: 'OpenDocument spreadsheet',
    odp: 'OpenDocument presentation',
  },
  current: 'Current file:',
  none: 'No file.',
  download: 'Download “{name}” ({size})',
  previewAlt: 'Preview of “{label}”',
  remove: 'Remove the current file',
  replaceHelp: 'Choose a file to replace the current one; otherwise it is kept.',
  limits: 'Largest size: {max}. Accepted types: {types}.',
  missing: 'The file is no longer available.',
};
