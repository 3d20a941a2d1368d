-- Paramètres de « Courrier » (référence autres-applications.md §3.5) : les valeurs par défaut de la
-- collectivité de niveau 2, reprises par chaque commune qui n’en définit pas (settingsOf). Une valeur
-- déjà là n’est pas remplacée.

insert into om.om_parametre (libelle, valeur, om_collectivite)
select v.libelle, v.valeur, c.om_collectivite
  from om.om_collectivite c
 cross join (values
    ('registre_arrivee', '[annee]-[seq]'),
    ('registre_depart', '[annee]-D-[seq]'),
    ('option_courrier_depart', 'true'),
    ('service_tache', '1'),
    ('option_elu', 'true'),
    ('autoinsertion_diffusion', 'false'),
    ('autocreation_tache', 'true'),
    ('delai_reponse', '15'),
    ('vue_sous_service', 'false'),
    ('filtre_recherche_service', 'false'),
    ('notification_courriel', 'true')) as v (libelle, valeur)
 where c.niveau = '2'
on conflict (libelle, om_collectivite) do nothing;

-- Les paramètres du courrier d’une collectivité (les siens, à défaut ceux du niveau 2), lisibles dans
-- la transaction d’un enregistrement et dans les règles de visibilité : la sécurité au niveau des
-- lignes cache à un utilisateur de commune les lignes du niveau 2. Seuls ces noms-là sont lus.
create function courrier.parametres_lus(collectivite integer)
  returns table (libelle text, valeur text)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select distinct on (p.libelle) p.libelle::text, p.valeur
    from om.om_parametre p
    join om.om_collectivite c on c.om_collectivite = p.om_collectivite
   where p.libelle in ('registre_arrivee', 'registre_depart', 'option_courrier_depart', 'service_tache', 'option_elu',
                       'autoinsertion_diffusion', 'autocreation_tache', 'delai_reponse', 'vue_sous_service',
                       'filtre_recherche_service', 'notification_courriel', 'maire', 'ville')
     and (p.om_collectivite = collectivite or c.niveau = '2')
   order by p.libelle, (p.om_collectivite = collectivite) desc
$$;
comment on function courrier.parametres_lus(integer) is 'Paramètres du courrier d’une collectivité (les siens, sinon ceux du niveau 2).';

create function courrier.parametre_vrai(collectivite integer, nom text) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select lower(valeur) in ('true', '1', 'oui', 't') from courrier.parametres_lus(collectivite) where libelle = nom), false)
$$;

-- ---- qui voit quel courrier ------------------------------------------------------------------------
-- L’agent qui agit (om.utilisateur_courant, posé par le cadriciel) et les services qu’il voit : le
-- sien, ses sous-services quand vue_sous_service est vrai ; « tous services » les voit tous. Sans
-- fiche d’agent, aucun service.

create function courrier.agent_courant() returns integer
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select a.agent from courrier.agent a join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
   where u.login = om.utilisateur_courant()
$$;
comment on function courrier.agent_courant() is 'L’agent du courrier qui agit (d’après l’utilisateur connecté).';

create function courrier.services_visibles() returns integer[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  with recursive agent as (
    select a.service, a.om_collectivite from courrier.agent a join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
     where u.login = om.utilisateur_courant() and a.service is not null
  ), vus (service) as (
    select service from agent
    union
    select s.service from courrier.service s join vus on s.service_parent = vus.service
     where (select courrier.parametre_vrai(om_collectivite, 'vue_sous_service') from agent)
  )
  select coalesce(array_agg(service), '{}') from vus
$$;
comment on function courrier.services_visibles() is 'Les services dont l’agent connecté voit le courrier : le sien, et ses sous-services si vue_sous_service.';

create function courrier.tous_services() returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select a.tous_services from courrier.agent a join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
                    where u.login = om.utilisateur_courant()), false)
$$;

-- Le filtre par service (filtre_recherche_service) de la collectivité où l’on travaille.
create function courrier.filtre_service_actif() returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(courrier.parametre_vrai(om.collectivite_courante(), 'filtre_recherche_service'), false)
$$;

-- Un courrier est visible par le cadriciel ; sinon, confidentiel : par son service (et ceux qui le
-- voient), son référent et son circuit de visa ; non confidentiel : par tous, ou, quand le filtre par
-- service est actif, par « tous services », son service, ses copies, son référent et son circuit.
create function courrier.visible(c_courrier integer, c_service integer, c_confidentiel boolean, c_referent integer) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select om.par_le_systeme()
      or (not c_confidentiel and not courrier.filtre_service_actif())
      or (not c_confidentiel and courrier.tous_services())
      or c_service = any (courrier.services_visibles())
      or (c_referent is not null and c_referent = courrier.agent_courant())
      or exists (select from courrier.visa v where v.courrier = c_courrier and v.agent = courrier.agent_courant())
      or (not c_confidentiel and exists (select from courrier.copie cp where cp.courrier = c_courrier and cp.service = any (courrier.services_visibles())))
$$;
comment on function courrier.visible(integer, integer, boolean, integer) is 'Le courrier est-il visible par l’utilisateur connecté (confidentialité, filtre par service) ?';

create policy courrier_visible on courrier.courrier as restrictive for all
  using ((not confidentiel and (select not courrier.filtre_service_actif())) or courrier.visible(courrier, service, confidentiel, referent));

create policy courrier_archive_visible on courrier.courrier_archive as restrictive for all
  using ((not confidentiel and (select not courrier.filtre_service_actif())) or courrier.visible(courrier, service, confidentiel, null));

-- Ce qui dépend d’un courrier se lit avec lui : la sous-requête passe par la règle ci-dessus.
create policy copie_visible on courrier.copie as restrictive for all
  using (exists (select from courrier.courrier c where c.courrier = copie.courrier));
create policy document_visible on courrier.document as restrictive for all
  using (exists (select from courrier.courrier c where c.courrier = document.courrier));
create policy tache_visible on courrier.tache as restrictive for all
  using (exists (select from courrier.courrier c where c.courrier = tache.courrier));
create policy visa_visible on courrier.visa as restrictive for all
  using (exists (select from courrier.courrier c where c.courrier = visa.courrier));
create policy courrier_lien_visible on courrier.courrier_lien as restrictive for all
  using (exists (select from courrier.courrier c where c.courrier = courrier_lien.courrier)
     and exists (select from courrier.courrier c where c.courrier = courrier_lien.courrier_lie));

-- Recherche : l’objet et le nom des correspondants, sans casse ni accents.
create index courrier_objet_plie on courrier.courrier using gin (to_tsvector('simple', om.fold(objet)));
create index correspondant_nom_plie on courrier.correspondant (om.fold(nom) text_pattern_ops);
