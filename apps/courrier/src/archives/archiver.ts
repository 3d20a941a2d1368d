/**
 * Archiving a batch of mails (workflow 8), in one transaction: each mail becomes a row of
 * `courrier.courrier_archive` holding a snapshot (`donnees`: the mail's columns and labels, its
 * copies, its documents with their file ids and names — the files are kept in the store, never
 * released —, its tasks, its visas, its links and the numbers of the mail it answers and of its
 * replies), then it is deleted (copies, documents, tasks, visas and links go with it).
 *
 * What pointed at it from the everyday mail keeps the information in words: a mail answering it
 * loses its `reponse_a` but its observation gains « En réponse au courrier n° 2025-12, archivé le
 * 05/12/2026. »; a task whose reply it was loses `reponse` but its « réponse » text gains « Réponse :
 * courrier n° 2025-D-4 (archivé). ». A link to it disappears from the live mail and stays in the
 * archive's snapshot.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import type { RegisteredObject } from '../../../../framework/src/model/registry.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import { meta as courrierMeta } from '../../gen/courrier.ts';

const OBJET_COURRIER: RegisteredObject = { app: 'courrier', name: 'courrier', meta: courrierMeta, override: {} };

const nomAgent = (colonne: ReturnType<typeof sql.ref>) =>
  sql`(select coalesce(nullif(u.nom, ''), u.login) from courrier.agent a join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur where a.agent = ${colonne})`;

/** The snapshot of mail `c` (alias), as stored in `donnees`. */
const DONNEES = sql`jsonb_build_object(
  'courrier', to_jsonb(c) - 'om_collectivite',
  'nature', n.libelle,
  'categorie', cat.libelle,
  'service', s.libelle,
  'referent', ${nomAgent(sql.ref('c.referent'))},
  'reponse_a', (select jsonb_build_object('courrier', r.courrier, 'registre', r.registre, 'numero', r.numero, 'objet', r.objet)
                  from courrier.courrier r where r.courrier = c.reponse_a),
  'reponses', (select coalesce(jsonb_agg(jsonb_build_object('courrier', r.courrier, 'registre', r.registre, 'numero', r.numero, 'objet', r.objet) order by r.courrier), '[]'::jsonb)
                 from courrier.courrier r where r.reponse_a = c.courrier),
  'copies', (select coalesce(jsonb_agg(jsonb_build_object('service', cs.libelle, 'elu', nullif(concat_ws(' ', e.prenom, e.nom), '')) order by cp.copie), '[]'::jsonb)
               from courrier.copie cp left join courrier.service cs on cs.service = cp.service left join courrier.elu e on e.elu = cp.elu
              where cp.courrier = c.courrier),
  'documents', (select coalesce(jsonb_agg(jsonb_build_object('document', d.document, 'libelle', d.libelle, 'type_document', d.type_document,
                        'date_document', d.date_document, 'fichier', d.fichier, 'fichier_nom', f.nom, 'original', d.original, 'original_nom', fo.nom,
                        'observation', d.observation) order by d.date_document, d.document), '[]'::jsonb)
                  from courrier.document d
                  left join om.om_fichier f on f.om_fichier::text = d.fichier
                  left join om.om_fichier fo on fo.om_fichier::text = d.original
                 where d.courrier = c.courrier),
  'taches', (select coalesce(jsonb_agg(jsonb_build_object('libelle', t.libelle, 'categorie', tc.libelle, 'etat', te.libelle, 'service', ts.libelle,
                        'agent', ${nomAgent(sql.ref('t.agent'))}, 'date_creation', t.date_creation, 'date_butoir', t.date_butoir,
                        'date_execution', t.date_execution, 'solde', t.solde, 'chronoreponse', t.chronoreponse,
                        'reponse', (select r.numero from courrier.courrier r where r.courrier = t.reponse), 'observation', t.observation,
                        'automatique', t.automatique) order by t.tache), '[]'::jsonb)
               from courrier.tache t
               join courrier.tache_categorie tc on tc.tache_categorie = t.tache_categorie
               join courrier.tache_etat te on te.tache_etat = t.tache_etat
               join courrier.service ts on ts.service = t.service
              where t.courrier = c.courrier),
  'visas', (select coalesce(jsonb_agg(jsonb_build_object('rang', v.rang, 'viseur', ${nomAgent(sql.ref('v.agent'))}, 'decision', v.decision,
                        'decide_le', v.decide_le, 'annotation', v.annotation) order by v.rang), '[]'::jsonb)
              from courrier.visa v where v.courrier = c.courrier),
  'liens', (select coalesce(jsonb_agg(jsonb_build_object('courrier', o.courrier, 'registre', o.registre, 'numero', o.numero, 'objet', o.objet,
                        'observation', l.observation) order by o.courrier), '[]'::jsonb)
              from courrier.courrier_lien l
              join courrier.courrier o on o.courrier = case when l.courrier = c.courrier then l.courrier_lie else l.courrier end
             where c.courrier in (l.courrier, l.courrier_lie))
)`;

const CORRESPONDANT = sql<string>`left(concat_ws(', ', nullif(concat_ws(' ', co.nom, co.prenom), ''), nullif(co.organisme, ''), nullif(co.adresse1, ''),
  nullif(concat_ws(' ', co.cp, co.ville), '')), 200)`;

/**
 * Archives the mails `ids` (keys of one collectivité, locked by the caller) in the caller's
 * transaction, which must see them all (the framework's); `actor` is who archives (archive_par,
 * the audit journal). Returns how many were archived.
 */
export async function archiverLot(trx: Db, actor: Actor, ids: readonly number[], requestId?: string): Promise<number> {
  if (ids.length === 0) return 0;
  const cles = [...ids];
  const avant = (await sql<Row>`select * from courrier.courrier where courrier = any(${cles}::int[]) order by courrier`.execute(trx)).rows;
  await sql`
    insert into courrier.courrier_archive (courrier, registre, numero, nature_libelle, date_arrivee, date_courrier, date_signature, date_depart,
      correspondant, correspondant_libelle, objet, categorie_libelle, service, service_libelle, confidentiel, donnees, archive_par, om_collectivite)
    select c.courrier, c.registre, c.numero, n.libelle, c.date_arrivee, c.date_courrier, c.date_signature, c.date_depart,
           c.correspondant, ${CORRESPONDANT}, c.objet, cat.libelle, c.service, s.libelle, c.confidentiel, ${DONNEES}, ${actor.login}, c.om_collectivite
      from courrier.courrier c
      join courrier.nature n on n.nature = c.nature
      join courrier.service s on s.service = c.service
      join courrier.correspondant co on co.correspondant = c.correspondant
      left join courrier.categorie cat on cat.categorie = c.categorie
     where c.courrier = any(${cles}::int[])
     order by c.courrier`.execute(trx);
  await sql`
    update courrier.courrier r
       set observation = concat_ws(E'\n', nullif(r.observation, ''), 'En réponse au courrier n° ' || a.numero || ', archivé le ' || to_char(current_date, 'DD/MM/YYYY') || '.'),
           reponse_a = null
      from courrier.courrier a
     where r.reponse_a = a.courrier and a.courrier = any(${cles}::int[]) and not (r.courrier = any(${cles}::int[]))`.execute(trx);
  await sql`update courrier.courrier set reponse_a = null where reponse_a = any(${cles}::int[])`.execute(trx);
  await sql`
    update courrier.tache t
       set chronoreponse = concat_ws(E'\n', nullif(t.chronoreponse, ''), 'Réponse : courrier n° ' || a.numero || ' (archivé).'),
           reponse = null
      from courrier.courrier a
     where t.reponse = a.courrier and a.courrier = any(${cles}::int[]) and not (t.courrier = any(${cles}::int[]))`.execute(trx);
  await sql`update courrier.tache set reponse = null where reponse = any(${cles}::int[])`.execute(trx);
  for (const before of avant) {
    await writeAudit(trx, { actor, object: OBJET_COURRIER, action: 'archiver', key: before['courrier'], before, after: undefined, requestId });
  }
  const { rows } = await sql<{ n: number }>`
    with supprimes as (delete from courrier.courrier where courrier = any(${cles}::int[]) returning 1)
    select count(*)::integer as n from supprimes`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}
