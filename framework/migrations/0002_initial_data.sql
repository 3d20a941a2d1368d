-- Initial data: two collectivités, the five hierarchical profiles and their default permissions.

insert into om.om_collectivite (om_collectivite, libelle, niveau) values
  (1, 'Libreville', '1'),
  (2, 'Syndicat intercommunal', '2');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 2);

insert into om.om_profil (om_profil, libelle, hierarchie) values
  (1, 'ADMINISTRATEUR', 5),
  (2, 'SUPER UTILISATEUR', 4),
  (3, 'UTILISATEUR', 3),
  (4, 'UTILISATEUR LIMITÉ', 2),
  (5, 'CONSULTATION', 1);
select setval(pg_get_serial_sequence('om.om_profil', 'om_profil'), 5);

insert into om.om_parametre (libelle, valeur, om_collectivite) values
  ('ville', 'Libreville', 1),
  ('ville', 'Syndicat intercommunal', 2);

-- A permission granted to a level is held by every higher level.
insert into om.om_droit (libelle, om_profil) values
  -- everyone: their own password and API tokens
  ('password', 5),
  ('api_token', 5),
  -- UTILISATEUR and above: documents
  ('edition', 3),
  -- SUPER UTILISATEUR and above: documents settings
  ('om_requete', 2),
  ('om_etat', 2),
  ('om_sousetat', 2),
  ('om_lettretype', 2),
  ('om_logo', 2),
  ('reqmo', 2),
  -- ADMINISTRATEUR: administration
  ('om_collectivite', 1),
  ('om_parametre', 1),
  ('om_profil', 1),
  ('om_droit', 1),
  ('om_permission_tab', 1),
  ('om_permission_consulter', 1),
  ('om_utilisateur', 1),
  ('om_widget', 1),
  ('om_dashboard', 1),
  ('om_audit_tab', 1),
  ('om_audit_consulter', 1),
  ('import', 1),
  ('gen', 1);
