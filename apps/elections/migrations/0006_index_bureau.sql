-- La liste d’un bureau, triée par nom (émargement, liste par bureau, listing filtré sur le bureau) :
-- sans cet index, la première page d’un bureau triait les électeurs de toute la commune
-- (bench:elections, 1 000 000 d’électeurs).
create index electeur_bureau_nom on elections.electeur (om_collectivite, bureau, nom, prenoms);
