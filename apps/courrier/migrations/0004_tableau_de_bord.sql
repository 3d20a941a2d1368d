-- Le tableau de bord et les tâches de « Courrier » (src/travail/widgets.ts) : « mes tâches » (celles
-- qui me sont confiées, les retards d’abord), « tâches en retard » (par service, chacun menant à
-- l’écran filtré) et « tâches non soldées par service » (graphique et son tableau), pour les profils
-- qui travaillent au courrier.

insert into om.om_widget (libelle, lien, texte, type) values
  ('Courrier : mes tâches', 'courrier.mes_taches', '', 'file'),
  ('Courrier : tâches en retard', 'courrier.taches_en_retard', '', 'file'),
  ('Courrier : tâches non soldées par service', 'courrier.taches_par_service', '', 'file');

insert into om.om_dashboard (om_profil, bloc, position, om_widget)
  select p.om_profil, w.bloc, w.position, om_widget.om_widget
    from om.om_profil p
    cross join (values ('courrier.mes_taches', 'C1', 50), ('courrier.taches_en_retard', 'C2', 50), ('courrier.taches_par_service', 'C3', 50)) as w (lien, bloc, position)
    join om.om_widget on om_widget.lien = w.lien and om_widget.type = 'file'
   where p.libelle in ('ADMINISTRATEUR', 'SUPER UTILISATEUR', 'UTILISATEUR');

-- Une tâche soldée est close : seul le responsable du courrier (et au-dessus) la rouvre
-- (src/taches/regles.ts).
insert into om.om_droit (libelle, om_profil)
select 'courrier.rouvrir_tache', om_profil from om.om_profil where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
