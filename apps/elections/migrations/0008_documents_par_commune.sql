-- La liste électorale de la commune et les statistiques de la préfecture (états sur `liste`,
-- migration 0005) s'impriment pour la collectivité de travail de l'utilisateur : un agent d'un
-- syndicat (niveau 2), qui voit toutes les communes, obtient celle qu'il a choisie comme
-- collectivité de travail, chaque commune séparément, au lieu des électeurs de toutes les
-- communes mêlés. `&collectivite` est lié par le cadriciel depuis l'utilisateur
-- (framework/src/documents/sources/sql-source.ts), jamais depuis une saisie. Un utilisateur de
-- niveau 1 n'y voit aucun changement : sa collectivité de travail est la sienne.
-- Les lignes sont modifiées en place (y compris les copies qu'une commune aurait faites), par
-- remplacement du seul critère de liste : un texte déjà adapté à &collectivite est laissé tel quel.

update om.om_requete
   set requete = replace(requete, 'where e.liste = l.liste) as electeurs',
                         'where e.liste = l.liste and e.om_collectivite = &collectivite) as electeurs,'
                         || E'\n       (select c.libelle from om.om_collectivite c where c.om_collectivite = &collectivite) as collectivite'),
       merge_fields = merge_fields || E'\ncollectivite: Commune',
       description = 'Une liste (LP, LCE, LCM), la commune de travail de l’utilisateur et son nombre d’électeurs dans cette commune.'
 where code = 'elections_liste'
   and requete like '%where e.liste = l.liste) as electeurs%'
   and requete not like '%&collectivite%';

update om.om_sousetat
   set om_sql = replace(om_sql, 'where e.liste = &idx', 'where e.liste = &idx and e.om_collectivite = &collectivite')
 where id in ('elections_liste_commune', 'elections_stat_bureau', 'elections_stat_voie', 'elections_stat_age',
              'elections_stat_sexe', 'elections_stat_nationalite', 'elections_stat_naissance')
   and om_sql like '%where e.liste = &idx%'
   and om_sql not like '%&collectivite%';

-- Le titre nomme la commune imprimée (le paramètre `ville` d'une commune qui ne l'a pas défini
-- serait celui du niveau 2).
update om.om_etat
   set titre_om_htmletat = replace(titre_om_htmletat, '&ville', '[collectivite]')
 where id in ('liste_electorale', 'statistiques')
   and titre_om_htmletat like '%&ville%';
