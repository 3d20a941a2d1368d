-- Depuis le REU, la liste ne change que par des mouvements instruits : un agent (UTILISATEUR) ne
-- modifie ni ne supprime plus un électeur directement. Il le consulte, l’exporte, et demande sa
-- modification ou sa radiation (les actions de la fiche créent le mouvement) ; accepter un mouvement
-- (droit elections.mouvement_accepter) change la liste. ADMINISTRATEUR garde l’écriture directe,
-- pour les corrections.
delete from om.om_droit
 where libelle = 'elections.electeur'
   and om_profil in (select om_profil from om.om_profil where libelle in ('UTILISATEUR', 'SUPER UTILISATEUR'));

insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('elections.electeur_tab'), ('elections.electeur_consulter'), ('elections.electeur_exporter'),
    ('elections.electeur_demander_modification'), ('elections.electeur_radier')
  ) as d (droit)
 where libelle = 'UTILISATEUR'
on conflict do nothing;
