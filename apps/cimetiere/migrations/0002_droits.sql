-- Droits des profils sur « Cimetière » (ADMINISTRATEUR reçoit tout à l’installation ; un profil
-- reçoit aussi les droits des profils de hiérarchie inférieure).
-- CONSULTATION lit tout, archives comprises ; UTILISATEUR (agent du service des cimetières) tient
-- les emplacements, défunts, concessionnaires, courriers, travaux, pièces et opérations en cours ;
-- SUPER UTILISATEUR (responsable) valide les opérations, vend, renouvelle et termine les
-- concessions, mène les reprises, tient les tarifs, les factures, la localisation et les tables de
-- référence. La place occupée, l’état sur le plan, le verrou et l’historique d’un défunt, les
-- numéros des registres et les archives ne s’écrivent que par les traitements de l’application.

insert into om.om_droit (libelle, om_profil)
select 'cimetiere.' || v.objet || s.suffixe, om_profil
  from om.om_profil
 cross join (values ('cimetiere'), ('plan'), ('zone'), ('voie'), ('emplacement'), ('concession'), ('autorisation'),
    ('defunt'), ('operation'), ('operation_defunt'), ('courrier'), ('travaux'), ('dossier'), ('reprise'), ('tarif'),
    ('facture'), ('fin_concession'), ('defunt_archive'), ('autorisation_archive'), ('titre'), ('entreprise'),
    ('sepulture_type'), ('travaux_nature'), ('zone_type'), ('voie_type')) as v (objet)
 cross join (values ('_tab'), ('_consulter'), ('_exporter')) as s (suffixe)
 where libelle = 'CONSULTATION'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select 'cimetiere.' || v.objet, om_profil
  from om.om_profil
 cross join (values ('emplacement'), ('autorisation'), ('defunt'), ('operation'), ('operation_defunt'), ('courrier'),
    ('travaux'), ('dossier')) as v (objet)
 where libelle = 'UTILISATEUR'
on conflict do nothing;

insert into om.om_droit (libelle, om_profil)
select 'cimetiere.' || v.objet, om_profil
  from om.om_profil
 cross join (values ('cimetiere'), ('plan'), ('zone'), ('voie'), ('concession'), ('reprise'), ('tarif'), ('facture'),
    ('titre'), ('entreprise'), ('sepulture_type'), ('travaux_nature'), ('zone_type'), ('voie_type'),
    ('operation_valider'), ('fin_concession_traiter'), ('concession_vendre'), ('concession_renouveler'),
    ('concession_convertir'), ('concession_retroceder'), ('facture_titrer'), ('calcul_place'), ('registre_remise_a_zero')) as v (objet)
 where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
