/**
 * A concessionnaire or an ayant droit of an emplacement, with their contact details. Several
 * concessionnaires are allowed (a familiale concession); the lien de parenté is an ayant droit's.
 * The first concessionnaire names the family of an emplacement that has none.
 */
import { sql } from 'kysely';
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { NATURES_AUTORISATION } from '../core/libelles.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

function regles(context: WriteContext): FieldErrors {
  if (context.action === 'delete') return {};
  const merged = { ...context.previous, ...context.values };
  const parente = merged.parente;
  if (merged.nature !== 'ayant_droit' && parente !== null && parente !== undefined && parente !== '') {
    return { parente: 'Le lien de parenté ne se renseigne que pour un ayant droit : videz-le ou choisissez la nature « Ayant droit ».' };
  }
  return {};
}

async function familleDuConcessionnaire(context: WriteContext): Promise<void> {
  if (context.action === 'delete') return;
  const merged = { ...context.previous, ...context.values };
  if (merged.nature !== 'concessionnaire' || typeof merged.nom !== 'string' || merged.nom.trim() === '') return;
  await sql`update cimetiere.emplacement set famille = ${merged.nom.trim().toUpperCase()}
     where emplacement = ${Number(merged.emplacement)} and coalesce(trim(famille), '') = ''`.execute(context.trx);
}

export const autorisation: ObjectOverride = {
  choiceLabel: (row) => {
    const nom = [row['nom'], row['prenom']].filter((part) => part !== null && part !== undefined && part !== '').join(' ');
    return row['nature'] === 'ayant_droit' ? `${nom} (ayant droit)` : nom;
  },
  defaultSort: ['nature', 'nom', 'prenom'],
  searchColumns: ['nom', 'nom_usage', 'nom_naissance', 'prenom', 'ville'],
  validate: regles,
  afterWrite: familleDuConcessionnaire,
  screens: {
    menu: applicationMenu(RUBRIQUES_CIMETIERE.emplacements, 50, 'Concessionnaires et ayants droit'),
    choices: { nature: NATURES_AUTORISATION },
    advancedSearch: [{ field: 'nature' }, { field: 'nom' }, { field: 'nom_naissance' }, { field: 'ville' }, { field: 'decede' }],
    formLayout: [
      { legend: 'Identité', fields: ['emplacement', 'nature', 'titre', 'nom', 'nom_usage', 'nom_naissance', 'prenom', 'date_naissance', 'parente', 'decede'], columns: 2 },
      { legend: 'Coordonnées', fields: ['adresse1', 'adresse2', 'cp', 'ville', 'telephone', 'courriel'], columns: 2 },
      { legend: 'Observations', fields: ['observation'] },
    ],
    help: { parente: 'Pour un ayant droit seulement (fils, fille, conjoint…).' },
  },
};
