-- Le nom d’un courrier dans les listes et les références (« 2026-42 — Demande d’alignement ») : sans
-- lui, le générateur prenait le registre comme libellé, et la liste des tâches montrait « arrivee »
-- pour chaque courrier. Colonne calculée : elle suit le numéro et l’objet.
alter table courrier.courrier
  add column libelle varchar(160) generated always as (numero || ' — ' || left(objet, 110)) stored;
comment on column courrier.courrier.libelle is 'Désignation : numéro et début de l’objet (calculée).';

-- Qui voit quel courrier, même règle que 0003, mais ce qui tient à l’agent connecté (son service,
-- ses sous-services, « tous services », sa fiche d’agent, le filtre par service) se calcule une fois
-- par requête (sous-requêtes scalaires) et non plus une fois par ligne : sur un grand registre, la
-- règle par ligne coûtait une demi-milliseconde par courrier confidentiel (bench:courrier). Les
-- visas et les copies se lisent par des fonctions (security definer) : une sous-requête sur ces
-- tables repasserait par leur propre règle, qui relit le courrier.

create function courrier.vise_par(c_courrier integer, c_agent integer) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select c_agent is not null and exists (select from courrier.visa v where v.courrier = c_courrier and v.agent = c_agent)
$$;
comment on function courrier.vise_par(integer, integer) is 'L’agent est-il dans le circuit de visa du courrier ?';

create function courrier.copie_pour(c_courrier integer, c_services integer[]) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select cardinality(c_services) > 0 and exists (select from courrier.copie cp where cp.courrier = c_courrier and cp.service = any (c_services))
$$;
comment on function courrier.copie_pour(integer, integer[]) is 'Le courrier a-t-il une copie pour l’un de ces services ?';

drop policy courrier_visible on courrier.courrier;
create policy courrier_visible on courrier.courrier as restrictive for all
  using ((select om.par_le_systeme())
      or (not confidentiel and (select not courrier.filtre_service_actif()))
      or (not confidentiel and (select courrier.tous_services()))
      or service = any ((select courrier.services_visibles())::integer[])
      or (referent is not null and referent = (select courrier.agent_courant()))
      or courrier.vise_par(courrier, (select courrier.agent_courant()))
      or (not confidentiel and courrier.copie_pour(courrier, (select courrier.services_visibles())::integer[])));

drop policy courrier_archive_visible on courrier.courrier_archive;
create policy courrier_archive_visible on courrier.courrier_archive as restrictive for all
  using ((select om.par_le_systeme())
      or (not confidentiel and (select not courrier.filtre_service_actif()))
      or (not confidentiel and (select courrier.tous_services()))
      or service = any ((select courrier.services_visibles())::integer[]));
