-- Éditions du courrier (référence autres-applications.md §3.4), livrées comme des documents
-- ordinaires de la collectivité de niveau 2, que chaque commune peut copier et adapter
-- (Administration › Éditions) :
-- - état « Récapitulatif du courrier » sur le courrier : registre, numéro, dates, correspondant,
--   objet, traitement, et ses sous-états (copies, tâches, documents du dossier, courriers liés) ;
-- - lettre type « Accusé de réception » sur le courrier (proposée pour un courrier arrivé seulement) ;
-- - état « Registre du courrier » d’une période, imprimé depuis la page « Registre du courrier » :
--   la clé (&idx) y vaut « registre|du|au » (« arrivee|2026-01-01|2026-03-31 ») ;
-- - état « Statistiques du courrier » d’une période (&idx = « du|au »), dont les chiffres viennent de
--   la fonction courrier.statistiques, que la page « Statistiques du courrier » lit aussi.
-- Tout se lit comme l’utilisateur : un courrier qu’il ne voit pas (confidentiel d’un autre service,
-- autre commune) n’est ni imprimé ni compté. Jamais inséré deux fois.

-- ---- statistiques d’une période -------------------------------------------------------------------
-- Pour chaque courrier arrivé entre du et au : sa tâche de réponse (catégorie REP ou créée
-- automatiquement, la première), soldée ou non, à temps (exécutée au plus tard le jour butoir) ou en
-- retard (soldée après le butoir, ou ouverte et le butoir passé) ; regroupé par service de
-- traitement, par nature, par catégorie, et le total (axe). Lu avec les droits de l’appelant.

create function courrier.statistiques(du date, au date)
  returns table (axe text, cle integer, libelle text, recus bigint, reponse_souhaitee bigint, repondus bigint,
                 a_temps bigint, en_retard bigint, delai_moyen numeric, taches_ouvertes bigint)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  with courriers as (
    select c.courrier, c.service, c.nature, c.categorie, c.reponse_souhaitee,
           r.tache is not null and r.solde as repondu,
           r.tache is not null and r.solde and (r.date_butoir is null or r.date_execution <= r.date_butoir) as a_temps,
           r.tache is not null and ((r.solde and r.date_execution > r.date_butoir) or (not r.solde and r.date_butoir < current_date)) as en_retard,
           case when r.solde then r.date_execution - c.date_arrivee end as delai,
           (select count(*) from courrier.tache o where o.courrier = c.courrier and not o.solde) as ouvertes
      from courrier.courrier c
      left join lateral (
        select t.tache, t.solde, t.date_execution, t.date_butoir
          from courrier.tache t
          join courrier.tache_categorie tc on tc.tache_categorie = t.tache_categorie
         where t.courrier = c.courrier and (t.automatique or tc.code = 'REP')
         order by t.automatique desc, t.tache
         limit 1) r on true
     where c.registre = 'arrivee' and c.date_arrivee between du and au
  ), groupes as (
    select case when grouping(service) = 0 then 'service' when grouping(nature) = 0 then 'nature'
                when grouping(categorie) = 0 then 'categorie' else 'total' end as axe,
           coalesce(service, nature, categorie) as cle,
           count(*) as recus,
           count(*) filter (where reponse_souhaitee) as reponse_souhaitee,
           count(*) filter (where repondu) as repondus,
           count(*) filter (where a_temps) as a_temps,
           count(*) filter (where en_retard) as en_retard,
           round(avg(delai), 1) as delai_moyen,
           coalesce(sum(ouvertes), 0)::bigint as taches_ouvertes
      from courriers
     group by grouping sets ((service), (nature), (categorie), ())
  )
  select g.axe, g.cle,
         coalesce(case g.axe when 'service' then s.libelle when 'nature' then n.libelle when 'categorie' then k.libelle end,
                  case g.axe when 'total' then 'Total' when 'categorie' then 'Sans catégorie' else '' end)::text,
         g.recus, g.reponse_souhaitee, g.repondus, g.a_temps, g.en_retard, g.delai_moyen, g.taches_ouvertes
    from groupes g
    left join courrier.service s on g.axe = 'service' and s.service = g.cle
    left join courrier.nature n on g.axe = 'nature' and n.nature = g.cle
    left join courrier.categorie k on g.axe = 'categorie' and k.categorie = g.cle
$$;
comment on function courrier.statistiques(date, date) is 'Statistiques des courriers arrivés d’une période, par service, nature et catégorie, avec le total (lu comme l’appelant).';

-- ---- sources de données ---------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select v.code, v.libelle, v.description, 'sql', v.requete, v.merge_fields
  from (values
  ('courrier_courrier', 'Courrier : un courrier',
   'Un courrier : registre, numéro, dates, correspondant et son adresse, objet, traitement, échéance de la réponse.',
   $q$select c.courrier, case c.registre when 'arrivee' then 'Arrivée' else 'Départ' end as registre, c.numero,
       n.libelle as nature,
       case c.priorite when 'basse' then 'Basse' when 'normale' then 'Normale' when 'haute' then 'Haute' else 'Urgente' end as priorite,
       case when c.confidentiel then 'Oui' else 'Non' end as confidentiel,
       to_char(c.date_arrivee, 'DD/MM/YYYY') as date_arrivee, to_char(c.date_courrier, 'DD/MM/YYYY') as date_courrier,
       to_char(c.date_signature, 'DD/MM/YYYY') as date_signature, to_char(c.date_depart, 'DD/MM/YYYY') as date_depart,
       coalesce(ci.libelle, '') as civilite, co.nom, coalesce(co.prenom, '') as prenom, coalesce(co.organisme, '') as organisme,
       coalesce(co.adresse1, '') as adresse1, coalesce(co.adresse2, '') as adresse2, coalesce(co.cp, '') as cp, coalesce(co.ville, '') as ville_correspondant,
       concat_ws(' ', ci.libelle, co.prenom, co.nom) as correspondant,
       coalesce(nullif(ci.libelle, ''), 'Madame, Monsieur') as formule,
       concat_ws(', ', nullif(co.adresse1, ''), nullif(co.adresse2, ''), nullif(concat_ws(' ', co.cp, co.ville), '')) as adresse,
       c.objet, coalesce(k.libelle, '') as categorie,
       case when c.reponse_souhaitee then 'Oui' else 'Non' end as reponse_souhaitee,
       s.libelle as service, coalesce(u.nom, '') as referent,
       coalesce(c.observation, '') as observation, to_char(c.cree_le, 'DD/MM/YYYY') as enregistre_le, c.cree_par,
       coalesce(to_char(r.date_butoir, 'DD/MM/YYYY'), '') as butoir_reponse,
       coalesce(' et vous répondra avant le ' || to_char(r.date_butoir, 'DD/MM/YYYY'), '') as phrase_butoir,
       col.libelle as collectivite,
       coalesce((select p.valeur from courrier.parametres_lus(c.om_collectivite) p where p.libelle = 'maire' and trim(p.valeur) <> ''), 'Le Maire') as maire,
       coalesce((select p.valeur from courrier.parametres_lus(c.om_collectivite) p where p.libelle = 'ville' and trim(p.valeur) <> ''), col.libelle) as ville
  from courrier.courrier c
  join courrier.nature n on n.nature = c.nature
  join courrier.correspondant co on co.correspondant = c.correspondant
  left join courrier.civilite ci on ci.civilite = co.civilite
  left join courrier.categorie k on k.categorie = c.categorie
  join courrier.service s on s.service = c.service
  left join courrier.agent a on a.agent = c.referent
  left join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
  join om.om_collectivite col on col.om_collectivite = c.om_collectivite
  left join lateral (
    select t.date_butoir from courrier.tache t join courrier.tache_categorie tc on tc.tache_categorie = t.tache_categorie
     where t.courrier = c.courrier and (t.automatique or tc.code = 'REP')
     order by t.automatique desc, t.tache limit 1) r on true
 where c.courrier = &idx$q$,
   'registre: Registre (Arrivée, Départ)
numero: Numéro au registre
nature: Nature
priorite: Priorité
confidentiel: Confidentiel (Oui, Non)
date_arrivee: Arrivé le
date_courrier: Daté du
date_signature: Signé le
date_depart: Parti le
civilite: Civilité du correspondant
nom: Nom du correspondant
prenom: Prénom du correspondant
organisme: Organisme du correspondant
adresse1: Adresse du correspondant
adresse2: Complément d’adresse du correspondant
cp: Code postal du correspondant
ville_correspondant: Ville du correspondant
correspondant: Correspondant (civilité, prénom, nom)
formule: Formule d’appel (la civilité, sinon « Madame, Monsieur »)
adresse: Adresse du correspondant sur une ligne
objet: Objet
categorie: Catégorie
reponse_souhaitee: Réponse souhaitée (Oui, Non)
service: Service de traitement
referent: Agent référent
observation: Observation
enregistre_le: Enregistré le
cree_par: Enregistré par
butoir_reponse: Date butoir de la réponse
phrase_butoir: « et vous répondra avant le … » quand une réponse est attendue
collectivite: Collectivité
maire: Signataire (paramètre maire)
ville: Ville de la collectivité (paramètre ville)'),
  ('courrier_registre', 'Courrier : registre d’une période',
   'L’en-tête du registre d’une période : &idx vaut « registre|du|au » (arrivee|2026-01-01|2026-03-31).',
   $q$select case split_part(&idx, '|', 1) when 'arrivee' then 'Registre des arrivées' else 'Registre des départs' end
         || ' du ' || to_char(split_part(&idx, '|', 2)::date, 'DD/MM/YYYY') || ' au ' || to_char(split_part(&idx, '|', 3)::date, 'DD/MM/YYYY') as titre,
       (select libelle from om.om_collectivite where om_collectivite = &collectivite) as collectivite,
       (select count(*) from courrier.courrier c
         where c.om_collectivite = &collectivite and c.registre = split_part(&idx, '|', 1)
           and case c.registre when 'arrivee' then c.date_arrivee else coalesce(c.date_signature, c.date_depart, c.cree_le::date) end
               between split_part(&idx, '|', 2)::date and split_part(&idx, '|', 3)::date)::text as nombre$q$,
   'titre: Titre (« Registre des arrivées du … au … »)
collectivite: Collectivité
nombre: Nombre de courriers de la période'),
  ('courrier_statistiques', 'Courrier : statistiques d’une période',
   'L’en-tête des statistiques d’une période : &idx vaut « du|au » (2026-01-01|2026-03-31).',
   $q$select 'Statistiques du courrier du ' || to_char(split_part(&idx, '|', 1)::date, 'DD/MM/YYYY') || ' au ' || to_char(split_part(&idx, '|', 2)::date, 'DD/MM/YYYY') as titre,
       (select libelle from om.om_collectivite where om_collectivite = &collectivite) as collectivite$q$,
   'titre: Titre (« Statistiques du courrier du … au … »)
collectivite: Collectivité')
  ) as v (code, libelle, description, requete, merge_fields)
 where not exists (select from om.om_requete r where r.code = v.code);

-- ---- sous-états -----------------------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_compteur, masque_si_vide, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, v.largeur, 9, 7, v.numerique, v.compteur, v.masque, v.requete
  from om.om_collectivite c
 cross join (values
  ('courrier_copies', 'Courrier : copies d’un courrier', 'Copies', '120|70', 190, '', '', false,
   $q$select d."Destinataire", d."Diffusion" from (
  select coalesce(s.libelle, concat_ws(' ', e.prenom, e.nom)) as "Destinataire",
         case when cp.service is not null then 'Service' else 'Élu' || coalesce(' (' || e.fonction || ')', '') end as "Diffusion", 1 as ordre
    from courrier.copie cp
    left join courrier.service s on s.service = cp.service
    left join courrier.elu e on e.elu = cp.elu
   where cp.courrier = &idx
  union all
  select 'Aucune copie', '', 0 where not exists (select from courrier.copie cp where cp.courrier = &idx)
) d order by d.ordre, d."Destinataire" collate "und-x-icu"$q$),
  ('courrier_taches', 'Courrier : tâches d’un courrier', 'Tâches', '76|42|24|24|24', 190, '', '', false,
   $q$select d."Tâche", d."Service", d."Butoir", d."Soldée", d."Exécutée le" from (
  select t.libelle as "Tâche", s.libelle as "Service", coalesce(to_char(t.date_butoir, 'DD/MM/YYYY'), '') as "Butoir",
         case when t.solde then 'Oui' else 'Non' end as "Soldée", coalesce(to_char(t.date_execution, 'DD/MM/YYYY'), '') as "Exécutée le", t.tache as ordre
    from courrier.tache t join courrier.service s on s.service = t.service
   where t.courrier = &idx
  union all
  select 'Aucune tâche', '', '', '', '', 0 where not exists (select from courrier.tache t where t.courrier = &idx)
) d order by d.ordre$q$),
  ('courrier_documents', 'Courrier : documents du dossier', 'Documents du dossier', '110|40|40', 190, '', '', false,
   $q$select d."Document", d."Type", d."Date" from (
  select dc.libelle as "Document",
         case dc.type_document when 'scan' then 'Courrier numérisé' when 'reponse' then 'Réponse' when 'rapport' then 'Rapport' else 'Annexe' end as "Type",
         to_char(dc.date_document, 'DD/MM/YYYY') as "Date", dc.document as ordre
    from courrier.document dc
   where dc.courrier = &idx
  union all
  select 'Aucun document', '', '', 0 where not exists (select from courrier.document dc where dc.courrier = &idx)
) d order by d.ordre$q$),
  ('courrier_liens', 'Courrier : courriers liés et réponse', 'Courriers liés et réponse', '40|30|25|95', 190, '', '', false,
   $q$select d."Lien", d."Numéro", d."Date", d."Objet" from (
  select 'En réponse au courrier' as "Lien", o.numero as "Numéro", to_char(coalesce(o.date_arrivee, o.date_signature, o.date_depart), 'DD/MM/YYYY') as "Date", o.objet as "Objet", 1 as rang, o.courrier as ordre
    from courrier.courrier c join courrier.courrier o on o.courrier = c.reponse_a
   where c.courrier = &idx
  union all
  select 'Réponse', o.numero, to_char(coalesce(o.date_signature, o.date_depart, o.date_arrivee), 'DD/MM/YYYY'), o.objet, 2, o.courrier
    from courrier.courrier o
   where o.reponse_a = &idx
  union all
  select 'Courrier lié', o.numero, to_char(coalesce(o.date_arrivee, o.date_signature, o.date_depart), 'DD/MM/YYYY'), o.objet, 3, o.courrier
    from courrier.courrier_lien l
    join courrier.courrier o on o.courrier = case when l.courrier = &idx then l.courrier_lie else l.courrier end
   where l.courrier = &idx or l.courrier_lie = &idx
) d order by d.rang, d.ordre$q$),
  ('courrier_registre_arrivees', 'Courrier : lignes du registre des arrivées', '', '24|23|23|36|45|59|35|32', 277, '', '', true,
   $q$select c.numero as "Numéro", to_char(c.date_arrivee, 'DD/MM/YYYY') as "Arrivé le", to_char(c.date_courrier, 'DD/MM/YYYY') as "Daté du",
       n.libelle as "Nature", concat_ws(' ', co.nom, co.prenom) || coalesce(', ' || nullif(co.ville, ''), '') as "Correspondant",
       c.objet as "Objet", s.libelle as "Service",
       coalesce((select string_agg(r.numero, ', ' order by r.rang) from courrier.courrier r where r.reponse_a = c.courrier),
                case when c.reponse_souhaitee then 'Attendue' else '' end) as "Réponse"
  from courrier.courrier c
  join courrier.nature n on n.nature = c.nature
  join courrier.correspondant co on co.correspondant = c.correspondant
  join courrier.service s on s.service = c.service
 where split_part(&idx, '|', 1) = 'arrivee' and c.om_collectivite = &collectivite and c.registre = 'arrivee'
   and c.date_arrivee between split_part(&idx, '|', 2)::date and split_part(&idx, '|', 3)::date
 order by extract(year from c.date_arrivee), c.rang, c.courrier$q$),
  ('courrier_registre_departs', 'Courrier : lignes du registre des départs', '', '24|23|23|36|45|59|35|32', 277, '', '', true,
   $q$select c.numero as "Numéro", coalesce(to_char(c.date_depart, 'DD/MM/YYYY'), '') as "Parti le",
       coalesce(to_char(coalesce(c.date_courrier, c.date_signature), 'DD/MM/YYYY'), '') as "Daté du",
       n.libelle as "Nature", concat_ws(' ', co.nom, co.prenom) || coalesce(', ' || nullif(co.ville, ''), '') as "Correspondant",
       c.objet as "Objet", s.libelle as "Service",
       coalesce((select 'En réponse au ' || o.numero from courrier.courrier o where o.courrier = c.reponse_a), '') as "Réponse"
  from courrier.courrier c
  join courrier.nature n on n.nature = c.nature
  join courrier.correspondant co on co.correspondant = c.correspondant
  join courrier.service s on s.service = c.service
 where split_part(&idx, '|', 1) = 'depart' and c.om_collectivite = &collectivite and c.registre = 'depart'
   and coalesce(c.date_signature, c.date_depart, c.cree_le::date) between split_part(&idx, '|', 2)::date and split_part(&idx, '|', 3)::date
 order by extract(year from coalesce(c.date_signature, c.date_depart, c.cree_le::date)), c.rang, c.courrier$q$),
  ('courrier_statistiques_services', 'Courrier : statistiques par service', 'Par service de traitement', '61|24|24|24|24|24|24|24', 253,
   '999|0|0|0|0|0|1|0', '', false,
   $q$select s.libelle as "Service", s.recus as "Reçus", s.reponse_souhaitee as "Réponse souhaitée", s.repondus as "Répondus",
       s.a_temps as "À temps", s.en_retard as "En retard", s.delai_moyen as "Délai moyen (jours)", s.taches_ouvertes as "Tâches ouvertes"
  from courrier.statistiques(split_part(&idx, '|', 1)::date, split_part(&idx, '|', 2)::date) s
 where s.axe in ('service', 'total')
 order by s.axe = 'total', s.libelle collate "und-x-icu"$q$),
  ('courrier_statistiques_natures', 'Courrier : statistiques par nature', 'Par nature', '61|24|24|24|24|24|24|24', 253,
   '999|0|0|0|0|0|1|0', '', false,
   $q$select s.libelle as "Nature", s.recus as "Reçus", s.reponse_souhaitee as "Réponse souhaitée", s.repondus as "Répondus",
       s.a_temps as "À temps", s.en_retard as "En retard", s.delai_moyen as "Délai moyen (jours)", s.taches_ouvertes as "Tâches ouvertes"
  from courrier.statistiques(split_part(&idx, '|', 1)::date, split_part(&idx, '|', 2)::date) s
 where s.axe = 'nature'
 order by s.libelle collate "und-x-icu"$q$),
  ('courrier_statistiques_categories', 'Courrier : statistiques par catégorie', 'Par catégorie', '61|24|24|24|24|24|24|24', 253,
   '999|0|0|0|0|0|1|0', '', false,
   $q$select s.libelle as "Catégorie", s.recus as "Reçus", s.reponse_souhaitee as "Réponse souhaitée", s.repondus as "Répondus",
       s.a_temps as "À temps", s.en_retard as "En retard", s.delai_moyen as "Délai moyen (jours)", s.taches_ouvertes as "Tâches ouvertes"
  from courrier.statistiques(split_part(&idx, '|', 1)::date, split_part(&idx, '|', 2)::date) s
 where s.axe = 'categorie'
 order by s.cle is null, s.libelle collate "und-x-icu"$q$)
  ) as v (id, libelle, titre, largeurs, largeur, numerique, compteur, masque, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- états ----------------------------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.objet, v.orientation, 'A4', 'logo', 10, 10,
       v.titre, 35, 12, v.titrelargeur, 14, v.corps, false,
       (select r.om_requete from om.om_requete r where r.code = v.requete order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('courrier_recapitulatif', 'Récapitulatif du courrier', 'courrier.courrier', 'P', 165, 'courrier_courrier',
   '<h1 style="text-align: center">Récapitulatif du courrier n° [numero]</h1><p style="text-align: center">[collectivite] — registre : [registre]</p>',
   '<p><strong>Registre :</strong> [registre] — <strong>Numéro :</strong> [numero] — <strong>Nature :</strong> [nature] — <strong>Priorité :</strong> [priorite] — <strong>Confidentiel :</strong> [confidentiel]</p>'
   || '<p><strong>Arrivé le :</strong> [date_arrivee] — <strong>Daté du :</strong> [date_courrier] — <strong>Signé le :</strong> [date_signature] — <strong>Parti le :</strong> [date_depart]</p>'
   || '<p><strong>Correspondant :</strong> [correspondant] [organisme]</p>'
   || '<p><strong>Adresse :</strong> [adresse]</p>'
   || '<p><strong>Objet :</strong> [objet]</p>'
   || '<p><strong>Catégorie :</strong> [categorie] — <strong>Réponse souhaitée :</strong> [reponse_souhaitee]</p>'
   || '<p><strong>Service de traitement :</strong> [service] — <strong>Référent :</strong> [referent]</p>'
   || '<p><strong>Enregistré le :</strong> [enregistre_le] par [cree_par]</p>'
   || '<div data-sousetat="courrier_copies"></div>'
   || '<div data-sousetat="courrier_taches"></div>'
   || '<div data-sousetat="courrier_documents"></div>'
   || '<div data-sousetat="courrier_liens"></div>'
   || '<p style="text-align: right">Édité le &aujourdhui.</p>'),
  ('courrier_registre', 'Registre du courrier', null, 'L', 230, 'courrier_registre',
   '<h1 style="text-align: center">[titre]</h1><p style="text-align: center">[collectivite]</p>',
   '<div data-sousetat="courrier_registre_arrivees"></div>'
   || '<div data-sousetat="courrier_registre_departs"></div>'
   || '<p><strong>Nombre de courriers :</strong> [nombre]</p>'
   || '<p style="text-align: right">Édité le &aujourdhui.</p>'),
  ('courrier_statistiques', 'Statistiques du courrier', null, 'L', 230, 'courrier_statistiques',
   '<h1 style="text-align: center">[titre]</h1><p style="text-align: center">[collectivite]</p>',
   '<p>Courriers arrivés dans la période, par service de traitement. Répondus : tâche de réponse soldée ; à temps : exécutée au plus tard le jour butoir ; en retard : soldée après le butoir, ou ouverte et le butoir passé.</p>'
   || '<div data-sousetat="courrier_statistiques_services"></div>'
   || '<div data-sousetat="courrier_statistiques_natures"></div>'
   || '<div data-sousetat="courrier_statistiques_categories"></div>'
   || '<p style="text-align: right">Édité le &aujourdhui.</p>')
  ) as v (id, libelle, objet, orientation, titrelargeur, requete, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- lettre type ----------------------------------------------------------------------------------

insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, 'courrier_accuse_reception', 'Accusé de réception', true, 'courrier.courrier', 'P', 'A4', 'logo', 10, 10,
   '<p>[collectivite]</p>', 35, 12, 165, 14,
   '<p style="text-align: right">[correspondant]<br>[adresse1]<br>[adresse2]<br>[cp] [ville_correspondant]</p>'
   || '<p><strong>Objet : accusé de réception de votre courrier du [date_courrier]</strong></p>'
   || '<p>Référence : courrier arrivé n° [numero]</p>'
   || '<p>[formule],</p>'
   || '<p>Nous avons bien reçu votre courrier du [date_courrier], enregistré le [date_arrivee] sous le numéro [numero], concernant : [objet]. Il a été transmis au service [service], qui en assure le traitement[phrase_butoir].</p>'
   || '<p>Nous vous prions d’agréer, [formule], l’expression de nos salutations distinguées.</p>'
   || '<p style="text-align: right">Fait à [ville], le &aujourdhui.</p>'
   || '<p style="text-align: right">[maire]</p>',
   (select r.om_requete from om.om_requete r where r.code = 'courrier_courrier' order by r.om_requete limit 1)
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_lettretype e where e.id = 'courrier_accuse_reception' and e.om_collectivite = c.om_collectivite);
