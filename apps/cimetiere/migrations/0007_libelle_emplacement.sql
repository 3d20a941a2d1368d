-- Le nom d’un emplacement dans les listes et les références (« n° 12 bis — DURAND ») : sans lui, le
-- générateur prenait la nature comme libellé et une liste d’opérations montrait « concession »
-- pour chaque emplacement. Colonne calculée : elle suit le numéro, le complément et la famille.
alter table cimetiere.emplacement
  add column libelle varchar(200) generated always as (
    'n° ' || numero::text || coalesce(' ' || nullif(complement, ''), '') || coalesce(' — ' || nullif(famille, ''), '')
  ) stored;
comment on column cimetiere.emplacement.libelle is 'Désignation : numéro, complément et famille (calculée).';
