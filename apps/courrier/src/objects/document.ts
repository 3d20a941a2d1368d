/** A document of a mail's dossier (a tab of the mail): the file and, for a scan, the original before the stamp. */
import type { FileFieldRules, ObjectOverride } from '../../../../framework/src/model/override.ts';

const FICHIER: FileFieldRules = { maxBytes: 30 * 1024 * 1024, types: ['application/pdf', 'image/png', 'image/jpeg'] };

export const document: ObjectOverride = {
  defaultSort: ['-date_document', '-document'],
  screens: {
    menu: false,
    fileFields: { fichier: FICHIER, original: FICHIER },
    choices: {
      type_document: [
        { value: 'scan', label: 'Courrier numérisé' },
        { value: 'reponse', label: 'Réponse' },
        { value: 'annexe', label: 'Annexe' },
        { value: 'rapport', label: 'Rapport' },
      ],
    },
    formLayout: [
      { legend: 'Document', fields: ['courrier', 'libelle', 'type_document', 'date_document'], columns: 2 },
      { legend: 'Fichiers', fields: ['fichier', 'original'] },
      { legend: 'Observation', fields: ['observation'] },
    ],
    help: { original: 'Pour un courrier numérisé : le fichier reçu du scanner, avant le tampon.' },
  },
};
