/**
 * The emplacement: the physical place (voie, numéro, complément) of one of six natures, with its
 * bâti, its capacity and the place its défunts take (computed), its state on the plans (computed).
 * Concessions, défunts, concessionnaires, courriers, opérations… are its tabs.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { ETATS_EMPLACEMENT, NATURES_EMPLACEMENT } from '../core/libelles.ts';
import { defautsEmplacement, reglesEmplacement } from '../core/regles-emplacement.ts';
import { venteLink } from '../concessions/index.ts';
import { finDeConcession } from '../fin-concession/index.ts';
import { lienPlanDeLEmplacement } from '../plans/liens.ts';
import { localisateurEmplacement } from '../plans/localiser.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

const texte = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** « Allée 3 n° 12 bis — DURAND »: how agents name a place. */
export function nomEmplacement(row: Readonly<Record<string, unknown>>): string {
  const adresse = [texte(row['voie__label']), `n° ${texte(row['numero'])}${row['complement'] ? ` ${texte(row['complement'])}` : ''}`]
    .filter((part) => part !== '')
    .join(' ');
  const famille = texte(row['famille']);
  return famille === '' ? adresse : `${adresse} — ${famille}`;
}

export const emplacement: ObjectOverride = {
  choiceLabel: nomEmplacement,
  defaultSort: ['voie', 'numero', 'complement'],
  searchColumns: ['famille', 'numero_cadastre', 'complement'],
  readOnlyFields: ['place_occupee', 'etat'],
  prepare: defautsEmplacement,
  validate: reglesEmplacement,
  localiser: localisateurEmplacement,
  links: [lienPlanDeLEmplacement, venteLink],
  actions: { fin_concession: finDeConcession },
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.emplacements, 1, 'Tous les emplacements'),
    choices: { nature: NATURES_EMPLACEMENT, etat: ETATS_EMPLACEMENT },
    advancedSearch: [{ field: 'nature' }, { field: 'etat' }, { field: 'voie' }, { field: 'famille' }, { field: 'numero' }, { field: 'abandon' }],
    formLayout: [
      { fields: ['nature', 'etat'], columns: 2 },
      { legend: 'Adresse', fields: ['voie', 'numero', 'complement', 'numero_cadastre', 'famille'], columns: 2 },
      { legend: 'Localisation', fields: ['geom', 'plan', 'position_x', 'position_y'], columns: 2, collapsible: true },
      {
        legend: 'Bâti',
        fields: ['sepulture_type', 'vide_sanitaire', 'semelle', 'etat_semelle', 'monument', 'etat_monument', 'largeur', 'profondeur'],
        columns: 2,
        collapsible: true,
      },
      { legend: 'Gestion de la place', fields: ['nombre_places', 'place_occupee', 'superficie', 'place_constatee', 'date_constat'], columns: 2 },
      { legend: 'Abandon', fields: ['abandon', 'date_abandon'], columns: 2 },
      { legend: 'Observations', fields: ['observation'] },
    ],
    labels: { famille: 'Famille', etat: 'État' },
    help: {
      famille: 'Le nom sous lequel la sépulture est connue ; rempli par le premier concessionnaire s’il est vide.',
      place_occupee: 'Somme des tailles des défunts présents (cercueil, urne, réduction) : calculée.',
      etat: 'Libre, occupé, à terme ou en reprise : tenu par l’application.',
      nombre_places: 'Pour un ossuaire ou un dépositoire, la capacité est indicative.',
    },
  },
};
