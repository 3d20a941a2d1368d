-- Droits des autres profils (ADMINISTRATEUR reçoit tout à l’installation) : CONSULTATION lit tout
-- (et la page « Contrôle de la composition ») ; UTILISATEUR compose les bureaux (personnes,
-- affectations, listes et leurs désignations) ; SUPER UTILISATEUR tient en plus les bureaux, les
-- scrutins et le référentiel des fonctions. L’impression demande en plus le droit « edition ».
insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('scrutin.scrutin_tab'), ('scrutin.scrutin_consulter'),
    ('scrutin.bureau_tab'), ('scrutin.bureau_consulter'),
    ('scrutin.candidature_tab'), ('scrutin.candidature_consulter'),
    ('scrutin.personne_tab'), ('scrutin.personne_consulter'),
    ('scrutin.affectation_tab'), ('scrutin.affectation_consulter'),
    ('scrutin.fonction_tab'), ('scrutin.fonction_consulter')
  ) as d (droit)
 where libelle = 'CONSULTATION'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('scrutin.personne'), ('scrutin.affectation'), ('scrutin.candidature')
  ) as d (droit)
 where libelle = 'UTILISATEUR'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('scrutin.bureau'), ('scrutin.scrutin'), ('scrutin.fonction')
  ) as d (droit)
 where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
