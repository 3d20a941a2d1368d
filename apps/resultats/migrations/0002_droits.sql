-- Droits des profils sur « Résultats électoraux » (ADMINISTRATEUR reçoit tout à l’installation).
-- CONSULTATION lit tout ; UTILISATEUR saisit les résultats et la participation (pages de saisie) ;
-- SUPER UTILISATEUR valide, déverrouille et tient les élections, les candidatures, les bureaux et
-- les tranches horaires. Les chiffres d’un bureau, les voix, la participation et les déverrouillages
-- ne s’écrivent que par les pages de saisie (la surcharge refuse leur écriture générique). Un profil
-- reçoit aussi les droits des profils de hiérarchie inférieure.

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('resultats.election_tab'), ('resultats.election_consulter'), ('resultats.election_exporter'),
    ('resultats.candidature_tab'), ('resultats.candidature_consulter'), ('resultats.candidature_exporter'),
    ('resultats.candidat_tab'), ('resultats.candidat_consulter'), ('resultats.candidat_exporter'),
    ('resultats.bureau_tab'), ('resultats.bureau_consulter'), ('resultats.bureau_exporter'),
    ('resultats.tranche_tab'), ('resultats.tranche_consulter'),
    ('resultats.election_bureau_tab'), ('resultats.election_bureau_consulter'), ('resultats.election_bureau_exporter'),
    ('resultats.voix_tab'), ('resultats.voix_consulter'), ('resultats.voix_exporter'),
    ('resultats.participation_tab'), ('resultats.participation_consulter'), ('resultats.participation_exporter'),
    ('resultats.deverrouillage_tab'), ('resultats.deverrouillage_consulter')
  ) as d (droit)
 where libelle = 'CONSULTATION'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('resultats.saisie'), ('resultats.saisie_participation')
  ) as d (droit)
 where libelle = 'UTILISATEUR'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('resultats.valider'), ('resultats.deverrouiller'),
    ('resultats.election'), ('resultats.candidature'), ('resultats.candidat'), ('resultats.bureau'), ('resultats.tranche'),
    ('resultats.election_bureau_modifier'), ('resultats.election_bureau_ajouter'), ('resultats.election_bureau_supprimer')
  ) as d (droit)
 where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
