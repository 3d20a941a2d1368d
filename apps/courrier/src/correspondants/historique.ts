/**
 * The whole history of a correspondent: his mails of both registers and his archived mails, by
 * date (most recent first), each with its service and the state of its tasks. Read as the user:
 * the mails he cannot see are not there.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Registre } from '../core/registres.ts';
import { jour } from '../enregistrement/dates.ts';
import { libelleCorrespondant } from './libelle.ts';

export interface LigneHistorique {
  readonly href: string;
  readonly archive: boolean;
  readonly registre: Registre;
  readonly numero: string;
  readonly date: string | null;
  readonly objet: string;
  readonly service: string;
  readonly taches: number;
  readonly soldees: number;
  readonly enRetard: number;
}

export interface Historique {
  readonly correspondant: string;
  readonly lignes: readonly LigneHistorique[];
}

export async function historiqueDuCorrespondant(db: Db, correspondant: number, aujourdhui: string): Promise<Historique | undefined> {
  const qui = await sql<Record<string, unknown>>`
    select nom, prenom, organisme, adresse1, cp, ville from courrier.correspondant where correspondant = ${correspondant}`.execute(db);
  const fiche = qui.rows[0];
  if (!fiche) return undefined;
  const { rows } = await sql<Record<string, unknown>>`
    select false as archive, c.courrier as cle, c.registre, c.numero, coalesce(c.date_arrivee, c.date_depart, c.date_signature, c.cree_le::date) as date,
           c.objet, s.libelle as service,
           (select count(*) from courrier.tache t where t.courrier = c.courrier)::int as taches,
           (select count(*) from courrier.tache t where t.courrier = c.courrier and t.solde)::int as soldees,
           (select count(*) from courrier.tache t where t.courrier = c.courrier and not t.solde and t.date_butoir < ${aujourdhui}::date)::int as en_retard
      from courrier.courrier c join courrier.service s on s.service = c.service
     where c.correspondant = ${correspondant}
    union all
    select true, a.courrier_archive, a.registre, a.numero, coalesce(a.date_arrivee, a.date_depart, a.date_signature, a.archive_le::date),
           a.objet, a.service_libelle,
           coalesce(jsonb_array_length(case when jsonb_typeof(a.donnees -> 'taches') = 'array' then a.donnees -> 'taches' end), 0),
           coalesce((select count(*) from jsonb_array_elements(case when jsonb_typeof(a.donnees -> 'taches') = 'array' then a.donnees -> 'taches' else '[]'::jsonb end) t
                      where (t ->> 'solde') = 'true'), 0)::int,
           0
      from courrier.courrier_archive a
     where a.correspondant = ${correspondant}
     order by date desc, numero desc`.execute(db);
  return {
    correspondant: libelleCorrespondant(fiche),
    lignes: rows.map((row) => {
      const archive = row['archive'] === true;
      return {
        href: archive ? `/courrier/courrier_archive/${String(row['cle'])}` : `/courrier/courrier/${String(row['cle'])}`,
        archive,
        registre: row['registre'] as Registre,
        numero: String(row['numero']),
        date: jour(row['date']),
        objet: String(row['objet']),
        service: String(row['service'] ?? ''),
        taches: Number(row['taches']),
        soldees: Number(row['soldees']),
        enRetard: Number(row['en_retard']),
      };
    }),
  };
}
