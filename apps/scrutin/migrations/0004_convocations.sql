-- « Marquer les affectations comme convoquées » sur un scrutin (src/convocations/marquer.ts) : le
-- travail de qui compose les bureaux, donc d’UTILISATEUR comme l’action sur une seule affectation.
insert into om.om_droit (libelle, om_profil)
select 'scrutin.scrutin_convoquer', om_profil from om.om_profil where libelle = 'UTILISATEUR'
on conflict do nothing;
