-- « Toujours imprimer une recherche en traitement » vaut aussi pour une lettre type (les lettres
-- aux électeurs d'une commune) : les deux tables de documents partagent leur formulaire.
alter table om.om_lettretype add column if not exists impression_differee boolean not null default false;
comment on column om.om_lettretype.impression_differee is 'Toujours imprimer une recherche en traitement (document long pour chaque enregistrement).';
