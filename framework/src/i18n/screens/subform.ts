/** Messages of the sub-form screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const subformFr = {
  heading: 'Données liées',
  disabledWhileCreating: 'Les onglets ({titles}) seront disponibles une fois l’enregistrement créé.',
  pageTitle: '{heading} — {parent}',
  backToParent: 'Retour à la fiche « {record} »',
  backToList: 'Retour à la liste',
  titles: {
    view: '{child} : {record}',
    create: 'Ajouter : {child}',
    edit: 'Modifier : {child} {record}',
    delete: 'Supprimer : {child} {record}',
  },
} as const;

export const subformEn: Translation<typeof subformFr> = {
  heading: 'Related data',
  disabledWhileCreating: 'The tabs ({titles}) will be available once the record is created.',
  pageTitle: '{heading} — {parent}',
  backToParent: 'Back to the record “{record}”',
  backToList: 'Back to the list',
  titles: {
    view: '{child}: {record}',
    create: 'Add: {child}',
    edit: 'Edit: {child} {record}',
    delete: 'Delete: {child} {record}',
  },
};
