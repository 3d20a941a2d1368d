// Surcharge de « Courrier archivé » (courrier.courrier_archive) : le comportement écrit à la main (contrôles, actions, écrans).
// Écrit une fois par `commun gen`, qui ne le réécrit jamais. Voir framework/src/model/override.ts.
// Read only (the archiving job writes it; a trigger refuses any change), out of the everyday search
// by construction; its dossier (snapshot and documents) is the page « Dossier archivé ».
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { dossierArchiveHref } from '../archives/dossier-page.tsx';
import { applicationMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const courrierArchive: ObjectOverride = {
  label: 'Courrier archivé',
  readOnly: true,
  // Named by its number and objet, as a live mail (its first text column would be its register).
  choiceLabel: (row) => `${String(row['numero'] ?? '')} — ${String(row['objet'] ?? '').slice(0, 110)}`,
  // The snapshot is shown, readable, by the page « Dossier archivé ».
  hiddenFields: ['donnees'],
  searchColumns: ['numero', 'correspondant_libelle', 'objet'],
  defaultSort: ['-archive_le', '-courrier_archive'],
  links: [{ label: 'Dossier archivé', href: (record) => dossierArchiveHref(record['courrier_archive']), order: 10 }],
  screens: {
    menu: applicationMenu(RUBRIQUES_COURRIER.archives, 10, 'Archives du courrier'),
    listColumns: ['numero', 'registre', 'date_arrivee', 'date_depart', 'correspondant_libelle', 'objet', 'service_libelle', 'archive_le'],
    advancedSearch: [
      { field: 'numero' },
      { field: 'registre', kind: 'select' },
      { field: 'correspondant_libelle', label: 'Correspondant' },
      { field: 'objet' },
      { field: 'date_arrivee' },
      { field: 'date_courrier' },
      { field: 'date_depart' },
      { field: 'service' },
      { field: 'archive_le' },
    ],
    choices: { registre: [{ value: 'arrivee', label: 'Arrivée' }, { value: 'depart', label: 'Départ' }] },
    labels: { correspondant_libelle: 'Correspondant', service_libelle: 'Service', nature_libelle: 'Nature', categorie_libelle: 'Catégorie' },
  },
};
