-- Droits des pages de découpage et du calendrier (ADMINISTRATEUR les reçoit à l’installation) :
-- tout profil consulte le calendrier électoral ; SUPER UTILISATEUR, qui tient le découpage,
-- le contrôle, importe les voies d’une Base Adresse Locale et applique un redécoupage.
insert into om.om_droit (libelle, om_profil)
select 'elections.calendrier', om_profil from om.om_profil where libelle = 'CONSULTATION'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('elections.decoupage_controle'), ('elections.voie_import_bal'), ('elections.redecoupage'), ('elections.redecoupage_appliquer')
  ) as d (droit)
 where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
