/**
 * « Reprendre les bureaux des listes électorales »: the bureaux of the application « Élections »
 * (same code) become the résultats bureaux of the collectivité, and each bureau not validated yet
 * gets as inscrits the electors of that bureau on the lists the type of election uses. Only called
 * when « Élections » is served (its schema is there).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/index.ts';
import { ajouterBureauxManquants, type ElectionCree } from './bureaux.ts';

/** The electoral lists whose electors vote at an election of this type (code électoral L.O. 227-1, LO 227-3). */
export function listesDuType(type: string): readonly string[] {
  if (type === 'europeennes') return ['LP', 'LCE'];
  if (type === 'municipales' || type === 'municipales_moins_1000') return ['LP', 'LCM'];
  return ['LP'];
}

export interface BureauxRepris {
  /** Bureaux of the élections application copied (added or updated). */
  readonly bureaux: number;
  /** Bureaux of the election whose inscrits were set, and their sum. */
  readonly misAJour: number;
  readonly inscrits: number;
  /** Bureaux already validated: their inscrits are kept. */
  readonly valides: number;
}

/** Upserts the collectivité's bureaux from « Élections » by code. Returns how many there are. */
export async function copierBureaux(trx: Db, collectivite: number): Promise<number> {
  const result = await sql`insert into resultats.bureau (code, libelle, adresse, canton, circonscription, om_collectivite)
    select b.code, b.libelle, b.adresse, c.libelle, ci.libelle, b.om_collectivite
      from elections.bureau b
      left join elections.canton c on c.canton = b.canton
      left join elections.circonscription ci on ci.circonscription = b.circonscription
     where b.om_collectivite = ${collectivite}
     order by b.bureau
    on conflict (code, om_collectivite) do update
       set libelle = excluded.libelle, adresse = excluded.adresse, canton = excluded.canton, circonscription = excluded.circonscription`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export async function reprendreBureaux(trx: Db, election: ElectionCree, type: string): Promise<BureauxRepris> {
  const collectivite = election.om_collectivite;
  const bureaux = await copierBureaux(trx, collectivite);
  await ajouterBureauxManquants(trx, election);
  const listes = sql.join(listesDuType(type).map((liste) => sql`${liste}`));
  const updated = await sql<{ inscrits: number }>`
    with comptes as (
      select b.code, count(e.electeur)::int as inscrits
        from elections.bureau b
        left join elections.electeur e on e.bureau = b.bureau and e.liste in (${listes})
       where b.om_collectivite = ${collectivite}
       group by b.code)
    update resultats.election_bureau eb set inscrits = comptes.inscrits
      from resultats.bureau rb join comptes on comptes.code = rb.code
     where eb.bureau = rb.bureau and rb.om_collectivite = ${collectivite} and eb.election = ${election.election} and eb.etat <> 'valide'
    returning eb.inscrits`.execute(trx);
  const valides = await sql<{ n: number }>`select count(*)::int as n from resultats.election_bureau
    where election = ${election.election} and etat = 'valide'`.execute(trx);
  return {
    bureaux,
    misAJour: updated.rows.length,
    inscrits: updated.rows.reduce((sum, row) => sum + Number(row.inscrits), 0),
    valides: Number(valides.rows[0]?.n ?? 0),
  };
}
