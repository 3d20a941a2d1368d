-- Recherche du courrier sur de gros registres (bench:courrier, 500 000 courriers) :
-- - la recherche simple cherche son texte, sans accents ni casse, dans le numéro, l’objet et
--   l’observation (searchColumns), et dans le libellé de chaque clé étrangère : le nom du
--   correspondant, et aussi le libellé du courrier auquel il répond (reponse_a : numéro et objet, 0006).
--   Il faut un index trigramme sur chacune de ces colonnes pliées : sans l’un d’eux, la condition
--   « ou » ne peut plus combiner les index et toute la table est lue ;
-- - « objet contient *permis*construire* » (recherche avancée) : le même index trigramme sur l’objet ;
-- - le tri par défaut de la liste (-cree_le, -courrier) : un index dans cet ordre, sans quoi la
--   première page trie tout le registre.
-- Les index trigrammes demandent l’extension pg_trgm : créée là où elle existe et peut l’être (le
-- serveur PostgreSQL) ; la base embarquée ne la charge pas et la recherche y reste un parcours,
-- rapide à l’échelle d’une commune (comme elections/0007).
do $$
declare
  trgm text;
begin
  if not exists (select 1 from pg_extension where extname = 'pg_trgm')
     and exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
    begin
      create extension pg_trgm with schema public;
    exception when others then
      raise notice 'pg_trgm indisponible (%), index trigrammes du courrier non créés', sqlerrm;
    end;
  end if;
  select n.nspname into trgm from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  if trgm is not null then
    execute format('create index if not exists courrier_objet_trgm on courrier.courrier using gin (om.fold(objet::text) %I.gin_trgm_ops)', trgm);
    execute format('create index if not exists courrier_numero_trgm on courrier.courrier using gin (om.fold(numero::text) %I.gin_trgm_ops)', trgm);
    execute format('create index if not exists courrier_observation_trgm on courrier.courrier using gin (om.fold(observation::text) %I.gin_trgm_ops)', trgm);
    execute format('create index if not exists courrier_libelle_trgm on courrier.courrier using gin (om.fold(libelle::text) %I.gin_trgm_ops)', trgm);
    execute format('create index if not exists correspondant_nom_trgm on courrier.correspondant using gin (om.fold(nom::text) %I.gin_trgm_ops)', trgm);
  end if;
end
$$;

-- Le tri par défaut de « Recherche courrier », par collectivité.
create index if not exists courrier_cree_le on courrier.courrier (om_collectivite, cree_le desc nulls last, courrier desc nulls last);
