/** Messages of the form screens: French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const formFr = {
  titles: {
    view: '{object} : {record}',
    create: 'Ajouter : {object}',
    edit: 'Modifier : {object} {record}',
    delete: 'Supprimer : {object} {record}',
    action: '{action} : {record}',
  },
  crumbs: {
    create: 'Ajouter',
    edit: 'Modifier',
    delete: 'Supprimer',
  },
  submit: {
    create: 'Ajouter l’enregistrement',
    edit: 'Enregistrer les modifications',
    delete: 'Supprimer l’enregistrement',
  },
  portlet: {
    label: 'Actions sur l’enregistrement',
    edit: 'Modifier',
    delete: 'Supprimer',
    back: 'Retour',
  },
  cancel: 'Annuler',
  sending: 'Enregistrement en cours…',
  empty: 'Non renseigné',
  requiredLegend: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  choose: 'Choisir {label}',
  datePlaceholder: 'JJ/MM/AAAA',
  timePlaceholder: 'HH:MM',
  dateTimePlaceholder: 'JJ/MM/AAAA HH:MM',
  datePicker: 'Ouvrir le calendrier pour « {label} »',
  datePickerShort: 'Calendrier',
  autocomplete: {
    instructions: 'Saisissez au moins deux caractères, puis choisissez une proposition avec les flèches et la touche Entrée.',
    listLabel: 'Propositions pour « {label} »',
    none: 'Aucune proposition.',
    results: '{count} proposition(s) : parcourez-les avec les flèches.',
  },
  richText: {
    help:
      'Texte mis en forme en HTML simple : paragraphes <p>, gras <strong>, italique <em>, listes <ul><li>, liens <a href="…">. ' +
      'Le reste est retiré à l’enregistrement.',
    preview: 'Aperçu du texte tel qu’il sera enregistré :',
  },
  deleted: 'La suppression a été correctement effectuée.',
  deleteQuestion: 'Voulez-vous vraiment supprimer cet enregistrement ? Cette opération est définitive.',
  deleteNotPossible: 'La suppression de cet enregistrement n’est pas possible.',
  actionQuestion: 'Confirmez-vous l’action « {action} » sur cet enregistrement ?',
  alreadySubmitted: 'Ce formulaire avait déjà été envoyé : l’enregistrement n’a été créé qu’une fois. Le voici.',
  submissionExpired: 'Ce formulaire a expiré ou a déjà servi : vérifiez les valeurs saisies, puis enregistrez à nouveau.',
  submissionBusy:
    'Ce formulaire est déjà en cours d’enregistrement : patientez quelques secondes, puis vérifiez la liste avant de recommencer.',
} as const;

export const formEn: Translation<typeof formFr> = {
  titles: {
    view: '{object}: {record}',
    create: 'Add: {object}',
    edit: 'Edit: {object} {record}',
    delete: 'Delete: {object} {record}',
    action: '{action}: {record}',
  },
  crumbs: {
    create: 'Add',
    edit: 'Edit',
    delete: 'Delete',
  },
  submit: {
    create: 'Add the record',
    edit: 'Save the changes',
    delete: 'Delete the record',
  },
  portlet: {
    label: 'Actions on the record',
    edit: 'Edit',
    delete: 'Delete',
    back: 'Back',
  },
  cancel: 'Cancel',
  sending: 'Saving…',
  empty: 'Not filled in',
  requiredLegend: 'Fields marked with an asterisk (*) are required.',
  choose: 'Choose {label}',
  datePlaceholder: 'DD/MM/YYYY',
  timePlaceholder: 'HH:MM',
  dateTimePlaceholder: 'DD/MM/YYYY HH:MM',
  datePicker: 'Open the calendar for “{label}”',
  datePickerShort: 'Calendar',
  autocomplete: {
    instructions: 'Type at least two characters, then choose a suggestion with the arrow keys and Enter.',
    listLabel: 'Suggestions for “{label}”',
    none: 'No suggestion.',
    results: '{count} suggestion(s): browse them with the arrow keys.',
  },
  richText: {
    help: 'Text formatted in simple HTML: paragraphs <p>, bold <strong>, italics <em>, lists <ul><li>, links <a href="…">. The rest is removed when saving.',
    preview: 'Preview of the text as it will be saved:',
  },
  deleted: 'The record has been deleted.',
  deleteQuestion: 'Do you really want to delete this record? This cannot be undone.',
  deleteNotPossible: 'This record cannot be deleted.',
  actionQuestion: 'Do you confirm the action “{action}” on this record?',
  alreadySubmitted: 'This form had already been sent: the record was created only once. Here it is.',
  submissionExpired: 'This form has expired or was already used: check the values, then save again.',
  submissionBusy: 'This form is already being saved: wait a few seconds, then check the list before trying again.',
};
