/**
 * The checks of an affectation (form, API, import), inside the write's transaction (Code électoral
 * R42–R46): the same person not twice at overlapping hours of one scrutin; the président,
 * vice-président and assesseurs electors of the scrutin's département; a list designates only
 * assesseurs and délégués, of its own scrutin, before 18 h the third day before the poll, one
 * titulaire and one suppléant per function and bureau. Each refusal is a `Veto` naming its field.
 */
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../../../framework/src/db/connection.ts';
import { Veto, type WriteContext } from '../../../../framework/src/model/override.ts';
import { dateFr, daysBefore, heureFr, isoDate } from '../dates.ts';
import { message } from '../messages.ts';

/** R46: « au plus tard à dix-huit heures le troisième jour précédant le scrutin ». */
export const JOURS_AVANT_SCRUTIN = 3;

interface Affectation {
  readonly key: number | null;
  readonly scrutin: number;
  readonly bureau: number;
  readonly personne: number;
  readonly fonction: string;
  readonly candidature: number | null;
  readonly heure_debut: string;
  readonly heure_fin: string;
  readonly date_designation: string;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

function affectationOf(context: WriteContext): Affectation | undefined {
  const merged = { ...(context.previous ?? {}), ...context.values };
  const scrutin = numberOrNull(merged['scrutin']);
  const bureau = numberOrNull(merged['bureau']);
  const personne = numberOrNull(merged['personne']);
  const fonction = merged['fonction'];
  if (scrutin === null || bureau === null || personne === null || typeof fonction !== 'string') return undefined;
  return {
    key: context.previous ? numberOrNull(context.previous['affectation']) : null,
    scrutin,
    bureau,
    personne,
    fonction,
    candidature: numberOrNull(merged['candidature']),
    heure_debut: String(merged['heure_debut'] ?? '08:00'),
    heure_fin: String(merged['heure_fin'] ?? '18:00'),
    date_designation: merged['date_designation'] === undefined || merged['date_designation'] === null ? new Date().toISOString().slice(0, 10) : isoDate(merged['date_designation']),
  };
}

const nomDe = (row: { nom: string; prenom: string }) => `${row.prenom} ${row.nom}`;

async function refuseOverlap(trx: Transaction<Schema>, a: Affectation): Promise<void> {
  const other = (
    await sql<{ nom: string; prenom: string; bureau: string; fonction: string; heure_debut: string; heure_fin: string }>`
      select p.nom, p.prenom, b.code || ' ' || b.libelle as bureau, lower(f.libelle) as fonction, x.heure_debut::text, x.heure_fin::text
        from scrutin.affectation x
        join scrutin.personne p on p.personne = x.personne
        join scrutin.bureau b on b.bureau = x.bureau
        join scrutin.fonction f on f.fonction = x.fonction
       where x.scrutin = ${a.scrutin} and x.personne = ${a.personne}
         and x.affectation is distinct from ${a.key}::integer
         and x.heure_debut < ${a.heure_fin}::time and x.heure_fin > ${a.heure_debut}::time
       order by x.heure_debut limit 1`.execute(trx)
  ).rows[0];
  if (!other) return;
  const text = message('chevauchement', { personne: nomDe(other), bureau: other.bureau, fonction: other.fonction, debut: heureFr(other.heure_debut), fin: heureFr(other.heure_fin) });
  throw new Veto(text, { heure_debut: text });
}

async function refuseOutsideHours(trx: Transaction<Schema>, a: Affectation): Promise<void> {
  const row = (
    await sql<{ dehors: boolean; ouverture: string; fermeture: string }>`
      select (${a.heure_debut}::time < s.heure_ouverture or ${a.heure_fin}::time > s.heure_fermeture) as dehors,
             s.heure_ouverture::text as ouverture, s.heure_fermeture::text as fermeture
        from scrutin.scrutin s where s.scrutin = ${a.scrutin}`.execute(trx)
  ).rows[0];
  if (!row?.dehors) return;
  const text = message('horsOuverture', { debut: heureFr(a.heure_debut), fin: heureFr(a.heure_fin), ouverture: heureFr(row.ouverture), fermeture: heureFr(row.fermeture) });
  throw new Veto(text, { heure_debut: text });
}

async function refuseOutsideDepartement(trx: Transaction<Schema>, a: Affectation): Promise<void> {
  const row = (
    await sql<{ membre_bureau: boolean; departement: string; inscription: string | null; nom: string; prenom: string }>`
      select f.membre_bureau, s.departement, p.departement_inscription as inscription, p.nom, p.prenom
        from scrutin.fonction f, scrutin.scrutin s, scrutin.personne p
       where f.fonction = ${a.fonction} and s.scrutin = ${a.scrutin} and p.personne = ${a.personne}`.execute(trx)
  ).rows[0];
  if (!row?.membre_bureau) return;
  if ((row.inscription ?? '').trim().toUpperCase() === row.departement.trim().toUpperCase()) return;
  const text = message('horsDepartement', { personne: nomDe(row), departement: row.departement });
  throw new Veto(text, { personne: text });
}

async function refuseDesignation(trx: Transaction<Schema>, a: Affectation): Promise<void> {
  if (a.candidature === null) return;
  const row = (
    await sql<{ liste: string; scrutin: number; date_scrutin: unknown; designable: boolean; fonction: string }>`
      select c.libelle as liste, c.scrutin, s.date_scrutin, f.designable, lower(f.libelle) as fonction
        from scrutin.candidature c join scrutin.scrutin s on s.scrutin = ${a.scrutin}, scrutin.fonction f
       where c.candidature = ${a.candidature} and f.fonction = ${a.fonction}`.execute(trx)
  ).rows[0];
  if (!row) return;
  if (Number(row.scrutin) !== a.scrutin) {
    const text = message('candidatureAutreScrutin', { liste: row.liste });
    throw new Veto(text, { candidature: text });
  }
  if (!row.designable) {
    const text = message('fonctionNonDesignable', { fonction: row.fonction });
    throw new Veto(text, { candidature: text });
  }
  const limite = daysBefore(isoDate(row.date_scrutin), JOURS_AVANT_SCRUTIN);
  if (a.date_designation > limite) {
    const text = message('horsDelai', { liste: row.liste, limite: dateFr(limite), date: dateFr(a.date_designation) });
    throw new Veto(text, { date_designation: text });
  }
  const other = (
    await sql<{ nom: string; prenom: string; bureau: string }>`
      select p.nom, p.prenom, b.code as bureau
        from scrutin.affectation x join scrutin.personne p on p.personne = x.personne join scrutin.bureau b on b.bureau = x.bureau
       where x.scrutin = ${a.scrutin} and x.bureau = ${a.bureau} and x.candidature = ${a.candidature} and x.fonction = ${a.fonction}
         and x.affectation is distinct from ${a.key}::integer
       limit 1`.execute(trx)
  ).rows[0];
  if (other) {
    const text = message('dejaDesigne', { liste: row.liste, fonction: row.fonction, bureau: other.bureau, personne: nomDe(other) });
    throw new Veto(text, { fonction: text });
  }
}

/** The `beforeWrite` hook of `affectation`. */
export async function checkAffectation(context: WriteContext): Promise<void> {
  if (context.action === 'delete') return;
  const affectation = affectationOf(context);
  if (!affectation) return;
  await refuseDesignation(context.trx, affectation);
  await refuseOutsideDepartement(context.trx, affectation);
  await refuseOutsideHours(context.trx, affectation);
  await refuseOverlap(context.trx, affectation);
}
