-- Values that cannot be negative: a rank, a level, a size, a count. The database refuses them; each
-- is written `col >= 0`, the simple form of a lower bound that the introspection can read into the
-- field's metadata for the generated validation.

-- Rang d'un widget dans sa colonne du tableau de bord (trié croissant) : un rang négatif n'a pas de sens.
alter table om.om_dashboard add constraint om_dashboard_position_positive check (position >= 0);
-- Niveau de hiérarchie d'un profil : 0 est le plus bas, un droit vaut pour les niveaux supérieurs.
alter table om.om_profil add constraint om_profil_hierarchie_positive check (hierarchie >= 0);
-- Taille d'un fichier déposé, en octets.
alter table om.om_fichier add constraint om_fichier_taille_positive check (taille >= 0);
-- Avancement et total d'un traitement : des nombres de lignes ou d'éléments traités.
alter table om.om_traitement add constraint om_traitement_avancement_positive check (avancement >= 0);
alter table om.om_traitement add constraint om_traitement_total_positive check (total >= 0);
