-- Administrators see and revoke every API token of the users they administer (« Jetons d'API »).
insert into om.om_droit (libelle, om_profil)
select 'om_api_token', om_profil from om.om_profil where libelle = 'ADMINISTRATEUR'
  and not exists (select 1 from om.om_droit d join om.om_profil p using (om_profil) where d.libelle = 'om_api_token' and p.libelle = 'ADMINISTRATEUR');
