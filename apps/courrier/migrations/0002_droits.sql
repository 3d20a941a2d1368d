-- Droits des profils sur « Courrier » (ADMINISTRATEUR reçoit tout à l’installation ; un profil reçoit
-- aussi les droits des profils de hiérarchie inférieure).
-- CONSULTATION lit le courrier, les tâches et les archives qu’il peut voir ; UTILISATEUR (agent)
-- enregistre les courriers, les correspondants, les documents, les copies, les liens et tient ses
-- tâches, vise quand il est dans un circuit ; SUPER UTILISATEUR (responsable du courrier) tient
-- l’organisation (services, agents, élus), les tables de référence, les circuits de visa, archive et
-- remet les registres à zéro. Le numéro, le rang, l’état de visa, l’envoi et les archives ne
-- s’écrivent que par les traitements de l’application.

insert into om.om_droit (libelle, om_profil)
select 'courrier.' || v.objet || s.suffixe, om_profil
  from om.om_profil
 cross join (values ('courrier'), ('correspondant'), ('courrier_lien'), ('copie'), ('document'), ('tache'), ('visa'),
    ('courrier_archive'), ('service'), ('agent'), ('elu'), ('civilite'), ('correspondant_type'), ('nature'), ('categorie'),
    ('bible'), ('tache_categorie'), ('tache_etat')) as v (objet)
 cross join (values ('_tab'), ('_consulter'), ('_exporter')) as s (suffixe)
 where libelle = 'CONSULTATION'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select 'courrier.' || v.objet, om_profil
  from om.om_profil
 cross join (values ('courrier'), ('correspondant'), ('courrier_lien'), ('copie'), ('document'), ('tache'),
    ('numerisation'), ('viser'), ('envoyer')) as v (objet)
 where libelle = 'UTILISATEUR'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select 'courrier.' || v.objet, om_profil
  from om.om_profil
 cross join (values ('visa'), ('service'), ('agent'), ('elu'), ('civilite'), ('correspondant_type'), ('nature'),
    ('categorie'), ('bible'), ('tache_categorie'), ('tache_etat'), ('archiver'), ('registre_remise_a_zero'),
    ('statistiques')) as v (objet)
 where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
