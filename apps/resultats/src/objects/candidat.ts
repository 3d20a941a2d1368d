/**
 * A candidate of a list, by rank. A list has at most as many candidates as seats, two more for the
 * municipales of communes of 1,000 inhabitants or more (code électoral L260); a candidature of the
 * municipales of smaller communes is a single candidate.
 */
import { sql } from 'kysely';
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { SEXES } from './choices.ts';
import { message } from './messages.ts';

/** Candidates a list may present: the seats, plus two for the municipales ≥ 1,000 (L260). Undefined: no limit. */
export function rangMaximum(type: string, sieges: number | null): number | undefined {
  if (type === 'municipales_moins_1000') return 1;
  if (sieges === null) return undefined;
  return type === 'municipales' ? sieges + 2 : sieges;
}

async function validateCandidat(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  const { locale, trx } = context;
  const merged = { ...context.previous, ...context.values };
  const found = await sql<{ type: string; sieges: number | null; sieges_communautaires: number | null }>`
    select e.type, e.sieges, e.sieges_communautaires from resultats.candidature c join resultats.election e on e.election = c.election
     where c.candidature = ${merged.candidature}`.execute(trx);
  const election = found.rows[0];
  if (!election) return {};
  const errors: FieldErrors = {};
  const rang = Number(merged.rang);
  const maximum = rangMaximum(election.type, election.sieges === null ? null : Number(election.sieges));
  if (maximum !== undefined && rang > maximum) {
    errors.rang = election.type === 'municipales_moins_1000' ? message('candidatUnique', locale) : message('rangTropGrand', { rang, maximum }, locale);
  }
  if (merged.rang_communautaire !== null && merged.rang_communautaire !== undefined && !(Number(election.sieges_communautaires) > 0)) {
    errors.rang_communautaire = message('pasDeCommunautaires', locale);
  }
  return errors;
}

export const candidat: ObjectOverride = {
  defaultSort: ['candidature', 'rang'],
  searchColumns: ['nom', 'prenom'],
  validate: validateCandidat,
  screens: {
    menu: false,
    choices: { sexe: SEXES },
    formLayout: [
      { fields: ['candidature', 'rang'], columns: 2 },
      { legend: 'Identité', fields: ['nom', 'prenom', 'sexe', 'date_naissance'], columns: 2 },
      { legend: 'Conseil communautaire', fields: ['rang_communautaire'] },
    ],
    help: { date_naissance: 'Départage deux listes à égalité pour le dernier siège (le candidat suivant le plus âgé, article L262).' },
  },
};
