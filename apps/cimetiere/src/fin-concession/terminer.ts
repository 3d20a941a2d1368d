/**
 * Fin de concession (cimetiere.md §3.9, rule §4.8), in the caller's transaction: refused while an
 * operation is en cours on the emplacement; then the emplacement, its active act, défunts,
 * concessionnaires and ayants droit, courriers, travaux and dossier are written into an immutable
 * archive (fin_concession.donnees, defunt_archive, autorisation_archive); the défunts still there
 * go to the ossuaire, the exhumed ones are deleted (archived); the autorisations, courriers,
 * travaux and pièces are deleted (their stored files are kept, named in the archive); the act ends
 * (terminee), the emplacement is free again, without family. The emplacement stays: it is the
 * physical place, sold again later.
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Row, Schema } from '../../../../framework/src/db/connection.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { recalculerEtat } from '../core/etat.ts';
import { recalculerPlace } from '../core/occupation.ts';
import { auditer, historiqueAvec, modifierDefunt } from '../operations/audit.ts';
import { lireEmplacement } from '../operations/lecture.ts';
import { dateFr } from '../operations/libelles.ts';
import type { FinDemandee } from './demande.ts';

async function operationEnCours(trx: Transaction<Schema>, emplacement: number): Promise<string | undefined> {
  const result = await sql<{ numero: string }>`select numero from cimetiere.operation
     where etat = 'actif' and (emplacement = ${emplacement} or emplacement_transfert = ${emplacement})
     order by date_operation, operation limit 1`.execute(trx);
  return result.rows[0]?.numero;
}

/**
 * The act the fin de concession closes: the active one; after « Prononcer la reprise » or a
 * rétrocession (motif reprise or rétrocession), the act that ended that way, whose state stays.
 */
async function acteConcerne(trx: Transaction<Schema>, emplacement: number, motif: FinDemandee['motif']): Promise<Row | undefined> {
  const finDeLActe = motif === 'reprise' ? 'reprise' : motif === 'retrocession' ? 'retrocedee' : 'active';
  const result = await sql<Row>`select * from cimetiere.concession
     where emplacement = ${emplacement} and (etat = 'active' or etat = ${finDeLActe})
       and not exists (select from cimetiere.fin_concession f where f.concession = concession.concession)
     order by (etat = 'active') desc, date_acte desc, concession desc limit 1`.execute(trx);
  return result.rows[0];
}

/** The archive of everything the fin de concession removes or changes, as it is before. */
async function instantane(trx: Transaction<Schema>, emplacement: number, concession: unknown): Promise<unknown> {
  const result = await sql<{ donnees: unknown }>`select jsonb_build_object(
      'emplacement', (select to_jsonb(e) - 'geom' || jsonb_build_object('geom', st_astext(e.geom)) from cimetiere.emplacement e where e.emplacement = ${emplacement}),
      'concession', (select to_jsonb(k) from cimetiere.concession k where k.concession = ${concession ?? null}::integer),
      'defunts', coalesce((select jsonb_agg(to_jsonb(d) order by d.defunt) from cimetiere.defunt d where d.emplacement = ${emplacement}), '[]'::jsonb),
      'autorisations', coalesce((select jsonb_agg(to_jsonb(a) order by a.autorisation) from cimetiere.autorisation a where a.emplacement = ${emplacement}), '[]'::jsonb),
      'courriers', coalesce((select jsonb_agg(to_jsonb(c) order by c.courrier) from cimetiere.courrier c where c.emplacement = ${emplacement}), '[]'::jsonb),
      'travaux', coalesce((select jsonb_agg(to_jsonb(t) order by t.travaux) from cimetiere.travaux t where t.emplacement = ${emplacement}), '[]'::jsonb),
      'dossier', coalesce((select jsonb_agg(to_jsonb(p) order by p.dossier) from cimetiere.dossier p where p.emplacement = ${emplacement}), '[]'::jsonb)
    ) as donnees`.execute(trx);
  return result.rows[0]?.donnees;
}

async function archiverDefunt(trx: Transaction<Schema>, fin: number, defunt: Row, destination: string, dateExhumation: unknown, ligne: string | undefined): Promise<number> {
  const result = await sql<{ defunt_archive: number }>`insert into cimetiere.defunt_archive (fin_concession, defunt, nature, titre, nom, nom_usage,
        nom_naissance, prenom, date_naissance, date_deces, lieu_deces, date_inhumation, date_reduction, date_exhumation, destination, historique, om_collectivite)
      select ${fin}, d.defunt, d.nature, t.libelle, d.nom, d.nom_usage, d.nom_naissance, d.prenom, d.date_naissance, d.date_deces, d.lieu_deces,
             d.date_inhumation, d.date_reduction, ${dateExhumation ?? null}::date, ${destination},
             concat_ws(E'\\n', nullif(d.historique, ''), ${ligne ?? null}::text), d.om_collectivite
        from cimetiere.defunt d left join cimetiere.titre t on t.titre = d.titre where d.defunt = ${defunt.defunt}
      returning defunt_archive`.execute(trx);
  return Number(result.rows[0]?.defunt_archive);
}

export async function terminerConcession(trx: Transaction<Schema>, actor: Actor, emplacementRow: Row, demande: FinDemandee): Promise<number> {
  const emplacement = Number(emplacementRow.emplacement);
  const enCours = await operationEnCours(trx, emplacement);
  if (enCours) throw new Veto(`L’opération n° ${enCours} est en cours : validez-la ou annulez-la d’abord.`);
  const defunts = (await sql<Row>`select * from cimetiere.defunt where emplacement = ${emplacement} order by defunt`.execute(trx)).rows;
  const presents = defunts.filter((defunt) => !defunt.exhumation);
  const concession = await acteConcerne(trx, emplacement, demande.motif);
  const autorisations = (await sql<Row>`select * from cimetiere.autorisation where emplacement = ${emplacement} order by autorisation`.execute(trx)).rows;
  if (!concession && defunts.length === 0 && autorisations.length === 0) {
    throw new Veto('Cet emplacement n’a ni concession active, ni défunt, ni concessionnaire : il n’y a rien à terminer.');
  }
  const ossuaire = demande.ossuaire === undefined ? undefined : await lireEmplacement(trx, demande.ossuaire);
  if (demande.ossuaire !== undefined && (!ossuaire || ossuaire.nature !== 'ossuaire' || ossuaire.emplacement === emplacement)) {
    throw new Veto('L’emplacement choisi n’est pas un ossuaire.', { ossuaire: 'Choisissez un emplacement de nature « ossuaire ».' });
  }
  if (presents.length > 0 && !ossuaire) {
    throw new Veto('Des défunts reposent encore dans l’emplacement : choisissez l’ossuaire qui reçoit leurs restes.', {
      ossuaire: 'Choisissez l’ossuaire qui reçoit les restes des défunts.',
    });
  }

  const donnees = await instantane(trx, emplacement, concession?.concession);
  const inserted = await sql<Row>`insert into cimetiere.fin_concession (emplacement, concession, date_fin, ossuaire, motif, donnees, fait_par, om_collectivite)
      values (${emplacement}, ${concession?.concession ?? null}, ${demande.dateFin}::date, ${ossuaire?.emplacement ?? null}, ${demande.motif},
              ${JSON.stringify(donnees)}::jsonb, ${actor.login}, ${emplacementRow.om_collectivite})
      returning *`.execute(trx);
  const fin = inserted.rows[0] as Row;
  const finKey = Number(fin.fin_concession);
  await auditer(trx, actor, 'fin_concession', finKey, 'create', undefined, { ...fin, donnees: undefined });

  const date = dateFr(demande.dateFin);
  for (const defunt of defunts) {
    if (!defunt.exhumation && ossuaire) {
      const ligne = `Transféré à l’ossuaire ${ossuaire.libelle} le ${date} (fin de concession)`;
      await archiverDefunt(trx, finKey, defunt, `Ossuaire ${ossuaire.libelle}`, demande.dateFin, ligne);
      await modifierDefunt(trx, actor, Number(defunt.defunt), sql`emplacement = ${ossuaire.emplacement}, ${historiqueAvec(ligne)}, verrou = false`);
    } else {
      const archive = await archiverDefunt(trx, finKey, defunt, defunt.date_exhumation ? `Exhumé le ${dateFr(defunt.date_exhumation)}` : 'Exhumé', defunt.date_exhumation, undefined);
      // The operations that concerned it keep it, archived.
      await sql`update cimetiere.operation_defunt set defunt_archive = ${archive}, defunt = null where defunt = ${defunt.defunt}`.execute(trx);
      await sql`delete from cimetiere.defunt where defunt = ${defunt.defunt}`.execute(trx);
      await auditer(trx, actor, 'defunt', defunt.defunt, 'delete', defunt, undefined);
    }
  }

  for (const autorisation of autorisations) {
    await sql`insert into cimetiere.autorisation_archive (fin_concession, autorisation, nature, titre, nom, nom_usage, nom_naissance, prenom,
          date_naissance, adresse1, adresse2, cp, ville, telephone, decede, parente, om_collectivite)
        select ${finKey}, a.autorisation, a.nature, t.libelle, a.nom, a.nom_usage, a.nom_naissance, a.prenom, a.date_naissance, a.adresse1,
               a.adresse2, a.cp, a.ville, a.telephone, a.decede, a.parente, a.om_collectivite
          from cimetiere.autorisation a left join cimetiere.titre t on t.titre = a.titre where a.autorisation = ${autorisation.autorisation}`.execute(trx);
  }
  // Files of the courriers and pièces stay in the store: the archive names them.
  for (const table of ['courrier', 'travaux', 'dossier'] as const) {
    await sql`delete from ${sql.table(`cimetiere.${table}`)} where emplacement = ${emplacement}`.execute(trx);
  }
  if (autorisations.length > 0) {
    const cles = autorisations.map((autorisation) => Number(autorisation.autorisation));
    // A bill keeps its payer's name and address (copied on it): only the link to the person goes.
    await sql`update cimetiere.facture set payeur = null where payeur = any(${cles}::integer[])`.execute(trx);
    await sql`delete from cimetiere.autorisation where autorisation = any(${cles}::integer[])`.execute(trx);
    for (const autorisation of autorisations) await auditer(trx, actor, 'autorisation', autorisation.autorisation, 'delete', autorisation, undefined);
  }
  if (concession?.etat === 'active') {
    await sql`update cimetiere.concession set etat = 'terminee' where concession = ${concession.concession}`.execute(trx);
    await auditer(trx, actor, 'concession', concession.concession, 'update', concession, { ...concession, etat: 'terminee' });
  }
  await sql`update cimetiere.emplacement set famille = null where emplacement = ${emplacement}`.execute(trx);
  for (const cle of [emplacement, ossuaire?.emplacement]) {
    if (cle === undefined) continue;
    await recalculerPlace(trx, cle);
    await recalculerEtat(trx, cle);
  }
  return finKey;
}
