/** The rows the control page and the planning read, as the signed-in user (row-level security applies). */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { manquants } from './composition.ts';

export interface ScrutinResume {
  readonly scrutin: number;
  readonly libelle: string;
  readonly date_scrutin: unknown;
  readonly tour: number;
}

export interface MembreBureau {
  readonly fonction: string;
  readonly libelle_fonction: string;
  readonly nom: string;
  readonly heure_debut: string;
  readonly heure_fin: string;
  readonly liste: string | null;
}

export interface ControleBureau {
  readonly bureau: number;
  readonly code: string;
  readonly libelle: string;
  readonly membres: readonly MembreBureau[];
  readonly manquants: readonly string[];
}

export async function scrutinResume(db: Db, scrutin: number): Promise<ScrutinResume | undefined> {
  return (await sql<ScrutinResume>`select scrutin, libelle, date_scrutin, tour from scrutin.scrutin where scrutin = ${scrutin}`.execute(db)).rows[0];
}

export async function scrutinsRecents(db: Db): Promise<ScrutinResume[]> {
  return (await sql<ScrutinResume>`select scrutin, libelle, date_scrutin, tour from scrutin.scrutin order by date_scrutin desc, tour desc limit 50`.execute(db)).rows;
}

/** Every bureau of the collectivité, with the affectations of the scrutin and what it lacks. */
export async function controleComposition(db: Db, scrutin: number): Promise<ControleBureau[]> {
  const rows = (
    await sql<{ bureau: number; code: string; libelle: string; fonction: string | null; libelle_fonction: string | null; nom: string | null; heure_debut: string | null; heure_fin: string | null; liste: string | null }>`
      select b.bureau, b.code, b.libelle, a.fonction, f.libelle as libelle_fonction, p.prenom || ' ' || p.nom as nom,
             a.heure_debut::text as heure_debut, a.heure_fin::text as heure_fin, c.libelle as liste
        from scrutin.bureau b
        join scrutin.scrutin s on s.scrutin = ${scrutin} and s.om_collectivite = b.om_collectivite
        left join scrutin.affectation a on a.bureau = b.bureau and a.scrutin = s.scrutin
        left join scrutin.fonction f on f.fonction = a.fonction
        left join scrutin.personne p on p.personne = a.personne
        left join scrutin.candidature c on c.candidature = a.candidature
       order by case when b.code ~ '^[0-9]+$' then lpad(b.code, 10, '0') else b.code end, b.bureau, f.ordre, a.heure_debut, p.nom`.execute(db)
  ).rows;
  const bureaux = new Map<number, { code: string; libelle: string; membres: MembreBureau[] }>();
  for (const row of rows) {
    const key = Number(row.bureau);
    const bureau = bureaux.get(key) ?? { code: row.code, libelle: row.libelle, membres: [] };
    bureaux.set(key, bureau);
    if (row.fonction && row.libelle_fonction && row.nom && row.heure_debut && row.heure_fin) {
      bureau.membres.push({ fonction: row.fonction, libelle_fonction: row.libelle_fonction, nom: row.nom, heure_debut: row.heure_debut, heure_fin: row.heure_fin, liste: row.liste });
    }
  }
  return [...bureaux.entries()].map(([bureau, value]) => ({ bureau, ...value, manquants: manquants(value.membres.map((membre) => membre.fonction)) }));
}
