-- Sauvegardes (Administration › Sauvegardes) : la permission de faire et de télécharger les
-- sauvegardes de l'instance (toutes les collectivités), accordée à l'ADMINISTRATEUR. Saisie à la
-- main (type « sauvegarde ») : la synchronisation du vocabulaire la garde.
insert into om.om_permission (libelle, type)
select 'sauvegarde', 'sauvegarde'
 where not exists (select 1 from om.om_permission where libelle = 'sauvegarde');
insert into om.om_droit (libelle, om_profil)
select 'sauvegarde', om_profil from om.om_profil where libelle = 'ADMINISTRATEUR'
  and not exists (select 1 from om.om_droit d join om.om_profil p using (om_profil) where d.libelle = 'sauvegarde' and p.libelle = 'ADMINISTRATEUR');
