-- Two settings of the documents engine that an application's shipped documents need (issue 11):
-- - om_etat.impression_differee: printed for a search or a selection, the état always goes to a job
--   (« Mes traitements »), however few the records: one record of it is a long document (the
--   émargement of a bureau lists thousands of electors), so that the number of records, which
--   decides between a direct print and a job (COMMUN_IMPRESSION_DIRECTE_MAX), says nothing of its
--   length. A record printed from its own page stays direct.
-- - om_sousetat.masque_si_vide: a sous-état that returns no row prints nothing (no title, no
--   header), so that an état can hold two variants of a table and let a parameter choose (the
--   émargement with one or two signature columns).
alter table om.om_etat add column if not exists impression_differee boolean not null default false;
comment on column om.om_etat.impression_differee is 'Toujours imprimer une recherche en traitement (document long pour chaque enregistrement).';
alter table om.om_sousetat add column if not exists masque_si_vide boolean not null default false;
comment on column om.om_sousetat.masque_si_vide is 'Masqué s’il est vide : sans ligne, ni titre ni en-tête ne sont imprimés.';
