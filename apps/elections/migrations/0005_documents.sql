-- Documents des listes électorales (issue 11 §6), livrés comme ceux du registre
-- (apps/registre/migrations/0003) : des lignes ordinaires du moteur de documents rattachées à la
-- collectivité de niveau 2, dont les documents actifs servent à toutes les communes, présentes et
-- créées plus tard, tant qu'elles n'ont pas activé leur copie. Jamais insérés deux fois.
-- Les options de la collectivité (om_parametre, référence §3.11) sont lues par les requêtes :
-- celle de la commune de l'enregistrement d'abord, sinon celle du niveau 2 (si l'utilisateur la
-- voit), sinon la valeur par défaut d'openElec.
-- - liste électorale par bureau (état sur bureau) et de la commune (état sur liste : la liste
--   LP, LCE ou LCM de la commune de l'utilisateur) ;
-- - liste d'émargement par bureau (état sur bureau, paysage) : une ou deux colonnes de signature
--   (option_double_emargement, deux sous-états « masqués s'ils sont vides », un seul imprime),
--   ordre alphabétique ou numérique (option_tri_liste_emargement : alpha ou numero), colonne
--   « Mentions » (le schéma n'a pas encore de procuration : vide). Imprimée pour une recherche de
--   bureaux (toute la commune), elle part toujours en traitement (om_etat.impression_differee) ;
-- - carte électorale et attestation d'inscription (états sur electeur) ;
-- - étiquettes de propagande (planche 2 × 7 de 105 × 42 mm, référence §3.11) ;
-- - statistiques de la préfecture (état sur liste, un sous-état avec totaux par critère : un PDF
--   que l'agent imprime et signe, avec le droit « edition », alors que les requêtes mémorisées
--   sont réservées au droit reqmo de l'administrateur) ;
-- - tableau des inscriptions et radiations (état sur scrutin : mouvements acceptés entre la
--   commission de contrôle du scrutin précédent et celle-ci, J-21 ; src/rules/calendrier.ts).

-- ---- sources de données ------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select v.code, v.libelle, v.description, 'sql', v.requete, v.merge_fields
  from (values
  ('elections_bureau', 'Élections : bureau de vote', 'Un bureau de vote, sa commune et son nombre d’électeurs.',
   $q$select b.bureau, b.code, b.libelle, coalesce(b.adresse, '') as adresse, coalesce(ca.libelle, '') as canton,
       coalesce(ci.libelle, '') as circonscription, c.libelle as collectivite,
       (select count(*) from elections.electeur e where e.bureau = b.bureau) as electeurs
  from elections.bureau b
  join om.om_collectivite c on c.om_collectivite = b.om_collectivite
  left join elections.canton ca on ca.canton = b.canton
  left join elections.circonscription ci on ci.circonscription = b.circonscription
 where b.bureau = &idx$q$,
   'bureau: Identifiant
code: Code du bureau
libelle: Libellé du bureau
adresse: Adresse du bureau
canton: Canton
circonscription: Circonscription
collectivite: Commune
electeurs: Nombre d’électeurs'),
  ('elections_liste', 'Élections : liste électorale', 'Une liste (LP, LCE, LCM) et son nombre d’électeurs dans la commune.',
   $q$select l.liste, l.libelle, (select count(*) from elections.electeur e where e.liste = l.liste) as electeurs
  from elections.liste l
 where l.liste = &idx$q$,
   'liste: Code de la liste
libelle: Libellé de la liste
electeurs: Nombre d’électeurs'),
  ('elections_electeur', 'Élections : électeur', 'Un électeur, son bureau et les options de la carte électorale.',
   $q$select e.electeur, e.civilite, e.nom, coalesce(e.nom_usage, '') as nom_usage, e.prenoms, e.date_naissance,
       case e.naissance_lieu
         when 'france' then cn.libelle || ' (' || cn.departement || ')'
         when 'etranger' then concat_ws(', ', e.libelle_lieu_naissance, pn.libelle)
         else concat_ws(', ', e.libelle_lieu_naissance, da.libelle || ' (Algérie)') end as lieu_naissance,
       concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) as adresse,
       coalesce(e.complement, '') as complement, coalesce(v.code_postal, '') as code_postal, coalesce(v.ville, '') as ville,
       l.libelle as liste, e.ine, e.numero_liste, e.numero_bureau, e.date_inscription,
       b.code as bureau_code, b.libelle as bureau, coalesce(b.adresse, '') as bureau_adresse,
       coalesce((select p.valeur from om.om_parametre p join om.om_collectivite pc on pc.om_collectivite = p.om_collectivite
                  where p.libelle = 'carte_electorale_texte_cachet_de_la_mairie' and (p.om_collectivite = e.om_collectivite or pc.niveau = '2')
                  order by (p.om_collectivite = e.om_collectivite) desc limit 1),
                (select p.valeur from om.om_parametre p where p.libelle = 'ville' and p.om_collectivite = e.om_collectivite), c.libelle) as cachet,
       case when lower(coalesce((select p.valeur from om.om_parametre p join om.om_collectivite pc on pc.om_collectivite = p.om_collectivite
                  where p.libelle = 'option_code_barre' and (p.om_collectivite = e.om_collectivite or pc.niveau = '2')
                  order by (p.om_collectivite = e.om_collectivite) desc limit 1), 'false')) in ('true', 't', '1', 'oui', 'vrai')
            then lpad(e.electeur::text, 10, '0') else '' end as code_barre,
       c.libelle as collectivite
  from elections.electeur e
  join elections.liste l on l.liste = e.liste
  join elections.voie v on v.voie = e.voie
  join om.om_collectivite c on c.om_collectivite = e.om_collectivite
  left join elections.bureau b on b.bureau = e.bureau
  left join elections.commune cn on cn.commune = e.commune_naissance
  left join elections.pays pn on pn.pays = e.pays_naissance
  left join elections.departement_algerie da on da.code = e.departement_algerie
 where e.electeur = &idx$q$,
   'electeur: Identifiant
civilite: Civilité
nom: Nom de naissance
nom_usage: Nom d’usage
prenoms: Prénoms
date_naissance: Date de naissance
lieu_naissance: Lieu de naissance
adresse: Adresse
complement: Complément d’adresse
code_postal: Code postal
ville: Ville
liste: Liste
ine: INE
numero_liste: Numéro dans la liste
numero_bureau: Numéro dans le bureau
date_inscription: Date d’inscription
bureau_code: Code du bureau
bureau: Bureau de vote
bureau_adresse: Adresse du bureau
cachet: Texte du cachet de la mairie
code_barre: Code-barres (option_code_barre)
collectivite: Commune'),
  ('elections_scrutin', 'Élections : scrutin et commission de contrôle', 'Un scrutin, sa commission de contrôle (J-24 à J-21) et celle du scrutin précédent.',
   $q$select s.scrutin, s.libelle, s.date_tour1, s.date_tour2, s.date_tour1 - 24 as commission_debut, s.date_tour1 - 21 as commission_fin,
       (select max(p.date_tour1) - 21 from elections.scrutin p where p.om_collectivite = s.om_collectivite and p.date_tour1 < s.date_tour1) as commission_precedente,
       c.libelle as collectivite
  from elections.scrutin s
  join om.om_collectivite c on c.om_collectivite = s.om_collectivite
 where s.scrutin = &idx$q$,
   'scrutin: Identifiant
libelle: Scrutin
date_tour1: Date du premier tour
date_tour2: Date du second tour
commission_debut: Début de la commission de contrôle
commission_fin: Fin de la commission de contrôle
commission_precedente: Fin de la commission précédente
collectivite: Commune')
  ) as v (code, libelle, description, requete, merge_fields)
 where not exists (select from om.om_requete r where r.code = v.code);

-- ---- sous-états -------------------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_total, cellule_compteur, masque_si_vide, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, v.tableau, v.taille, v.hauteur,
       v.numerique, v.total, v.compteur, v.masque, v.requete
  from om.om_collectivite c
 cross join (values
  ('elections_liste_bureau', 'Élections : électeurs du bureau', '', '12|10|62|40|66', 190, 8, 7, '', '', '1|0|0|0|0', false,
   $q$select e.numero_bureau as "N°", e.liste as "Liste",
       e.nom || coalesce(' (' || e.nom_usage || ')', '') || ' ' || e.prenoms as "Nom, prénoms",
       to_char(e.date_naissance, 'DD/MM/YYYY') || ' à ' || case e.naissance_lieu
         when 'france' then cn.libelle || ' (' || cn.departement || ')'
         when 'etranger' then concat_ws(', ', e.libelle_lieu_naissance, pn.libelle)
         else concat_ws(', ', e.libelle_lieu_naissance, da.libelle || ' (Algérie)') end as "Né(e) le, à",
       concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) || coalesce(', ' || e.complement, '') as "Adresse"
  from elections.electeur e
  join elections.voie v on v.voie = e.voie
  left join elections.commune cn on cn.commune = e.commune_naissance
  left join elections.pays pn on pn.pays = e.pays_naissance
  left join elections.departement_algerie da on da.code = e.departement_algerie
 where e.bureau = &idx
 order by case e.liste when 'LP' then 1 when 'LCE' then 2 else 3 end, e.numero_bureau, e.nom_recherche$q$),
  ('elections_liste_commune', 'Élections : électeurs de la liste', '', '14|60|40|56|20', 190, 8, 7, '', '', '1|0|0|0|0', false,
   $q$select e.numero_liste as "N°",
       e.nom || coalesce(' (' || e.nom_usage || ')', '') || ' ' || e.prenoms as "Nom, prénoms",
       to_char(e.date_naissance, 'DD/MM/YYYY') || ' à ' || case e.naissance_lieu
         when 'france' then cn.libelle || ' (' || cn.departement || ')'
         when 'etranger' then concat_ws(', ', e.libelle_lieu_naissance, pn.libelle)
         else concat_ws(', ', e.libelle_lieu_naissance, da.libelle || ' (Algérie)') end as "Né(e) le, à",
       concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) || coalesce(', ' || e.complement, '') as "Adresse",
       coalesce(b.code, '') as "Bureau"
  from elections.electeur e
  join elections.voie v on v.voie = e.voie
  left join elections.bureau b on b.bureau = e.bureau
  left join elections.commune cn on cn.commune = e.commune_naissance
  left join elections.pays pn on pn.pays = e.pays_naissance
  left join elections.departement_algerie da on da.code = e.departement_algerie
 where e.liste = &idx
 order by e.numero_liste, e.nom_recherche$q$),
  ('elections_emargement_simple', 'Élections : émargement (une signature)', '', '14|11|62|50|60|30|50', 277, 8, 12, '', '', '1|0|0|0|0|0|0', true,
   $q$with o as (
  select b.bureau,
         lower(coalesce((select p.valeur from om.om_parametre p join om.om_collectivite pc on pc.om_collectivite = p.om_collectivite
                          where p.libelle = 'option_double_emargement' and (p.om_collectivite = b.om_collectivite or pc.niveau = '2')
                          order by (p.om_collectivite = b.om_collectivite) desc limit 1), 'false')) in ('true', 't', '1', 'oui', 'vrai') as double,
         coalesce((select p.valeur from om.om_parametre p join om.om_collectivite pc on pc.om_collectivite = p.om_collectivite
                    where p.libelle = 'option_tri_liste_emargement' and (p.om_collectivite = b.om_collectivite or pc.niveau = '2')
                    order by (p.om_collectivite = b.om_collectivite) desc limit 1), 'alpha') as tri
    from elections.bureau b where b.bureau = &idx)
select e.numero_bureau as "N°", e.liste as "Liste",
       e.nom || coalesce(' (' || e.nom_usage || ')', '') || ' ' || e.prenoms as "Nom, prénoms",
       to_char(e.date_naissance, 'DD/MM/YYYY') || ' à ' || case e.naissance_lieu
         when 'france' then cn.libelle || ' (' || cn.departement || ')'
         when 'etranger' then concat_ws(', ', e.libelle_lieu_naissance, pn.libelle)
         else concat_ws(', ', e.libelle_lieu_naissance, da.libelle || ' (Algérie)') end as "Né(e) le, à",
       concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) as "Adresse",
       '' as "Mentions", '' as "Émargement"
  from elections.electeur e
  join o on o.bureau = e.bureau
  join elections.voie v on v.voie = e.voie
  left join elections.commune cn on cn.commune = e.commune_naissance
  left join elections.pays pn on pn.pays = e.pays_naissance
  left join elections.departement_algerie da on da.code = e.departement_algerie
 where not o.double
 order by case e.liste when 'LP' then 1 when 'LCE' then 2 else 3 end,
          case when o.tri = 'numero' then e.numero_bureau end, e.nom_recherche, e.prenoms, e.numero_bureau$q$),
  ('elections_emargement_double', 'Élections : émargement (deux signatures)', '', '14|11|55|45|52|30|35|35', 277, 8, 12, '', '', '1|0|0|0|0|0|0|0', true,
   $q$with o as (
  select b.bureau,
         lower(coalesce((select p.valeur from om.om_parametre p join om.om_collectivite pc on pc.om_collectivite = p.om_collectivite
                          where p.libelle = 'option_double_emargement' and (p.om_collectivite = b.om_collectivite or pc.niveau = '2')
                          order by (p.om_collectivite = b.om_collectivite) desc limit 1), 'false')) in ('true', 't', '1', 'oui', 'vrai') as double,
         coalesce((select p.valeur from om.om_parametre p join om.om_collectivite pc on pc.om_collectivite = p.om_collectivite
                    where p.libelle = 'option_tri_liste_emargement' and (p.om_collectivite = b.om_collectivite or pc.niveau = '2')
                    order by (p.om_collectivite = b.om_collectivite) desc limit 1), 'alpha') as tri
    from elections.bureau b where b.bureau = &idx)
select e.numero_bureau as "N°", e.liste as "Liste",
       e.nom || coalesce(' (' || e.nom_usage || ')', '') || ' ' || e.prenoms as "Nom, prénoms",
       to_char(e.date_naissance, 'DD/MM/YYYY') || ' à ' || case e.naissance_lieu
         when 'france' then cn.libelle || ' (' || cn.departement || ')'
         when 'etranger' then concat_ws(', ', e.libelle_lieu_naissance, pn.libelle)
         else concat_ws(', ', e.libelle_lieu_naissance, da.libelle || ' (Algérie)') end as "Né(e) le, à",
       concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) as "Adresse",
       '' as "Mentions", '' as "Premier tour", '' as "Second tour"
  from elections.electeur e
  join o on o.bureau = e.bureau
  join elections.voie v on v.voie = e.voie
  left join elections.commune cn on cn.commune = e.commune_naissance
  left join elections.pays pn on pn.pays = e.pays_naissance
  left join elections.departement_algerie da on da.code = e.departement_algerie
 where o.double
 order by case e.liste when 'LP' then 1 when 'LCE' then 2 else 3 end,
          case when o.tri = 'numero' then e.numero_bureau end, e.nom_recherche, e.prenoms, e.numero_bureau$q$),
  ('elections_stat_bureau', 'Élections : électeurs par bureau', 'Électeurs par bureau de vote', '80|35|35|40', 190, 9, 7, '999|0|0|0', '0|1|1|1', '', false,
   $q$select b.code || ' ' || b.libelle as "Bureau", count(*) filter (where e.sexe = 'M') as "Hommes",
       count(*) filter (where e.sexe = 'F') as "Femmes", count(*) as "Total"
  from elections.electeur e join elections.bureau b on b.bureau = e.bureau
 where e.liste = &idx
 group by b.code, b.libelle order by b.code$q$),
  ('elections_stat_voie', 'Élections : électeurs par voie', 'Électeurs par voie', '80|35|35|40', 190, 9, 7, '999|0|0|0', '0|1|1|1', '', false,
   $q$select v.libelle as "Voie", count(*) filter (where e.sexe = 'M') as "Hommes",
       count(*) filter (where e.sexe = 'F') as "Femmes", count(*) as "Total"
  from elections.electeur e join elections.voie v on v.voie = e.voie
 where e.liste = &idx
 group by v.libelle order by v.libelle collate "und-x-icu"$q$),
  ('elections_stat_age', 'Élections : électeurs par tranche d’âge', 'Électeurs par tranche d’âge', '80|35|35|40', 190, 9, 7, '999|0|0|0', '0|1|1|1', '', false,
   $q$select t.tranche as "Tranche d’âge", count(*) filter (where t.sexe = 'M') as "Hommes",
       count(*) filter (where t.sexe = 'F') as "Femmes", count(*) as "Total"
  from (select e.sexe, extract(year from age(current_date, e.date_naissance))::integer as age from elections.electeur e where e.liste = &idx) a
 cross join lateral (select a.sexe, case when a.age < 26 then '18 à 25 ans' when a.age < 36 then '26 à 35 ans' when a.age < 51 then '36 à 50 ans'
                      when a.age < 66 then '51 à 65 ans' when a.age < 81 then '66 à 80 ans' else '81 ans et plus' end as tranche,
                      case when a.age < 26 then 1 when a.age < 36 then 2 when a.age < 51 then 3 when a.age < 66 then 4 when a.age < 81 then 5 else 6 end as rang) t
 group by t.tranche, t.rang order by t.rang$q$),
  ('elections_stat_sexe', 'Élections : électeurs par sexe', 'Électeurs par sexe', '80|40', 190, 9, 7, '999|0', '0|1', '', false,
   $q$select case e.sexe when 'M' then 'Hommes' else 'Femmes' end as "Sexe", count(*) as "Électeurs"
  from elections.electeur e
 where e.liste = &idx
 group by e.sexe order by e.sexe desc$q$),
  ('elections_stat_nationalite', 'Élections : électeurs par nationalité', 'Électeurs par nationalité', '80|35|35|40', 190, 9, 7, '999|0|0|0', '0|1|1|1', '', false,
   $q$select n.libelle as "Nationalité", count(*) filter (where e.sexe = 'M') as "Hommes",
       count(*) filter (where e.sexe = 'F') as "Femmes", count(*) as "Total"
  from elections.electeur e join elections.nationalite n on n.nationalite = e.nationalite
 where e.liste = &idx
 group by n.libelle order by n.libelle collate "und-x-icu"$q$),
  ('elections_stat_naissance', 'Élections : électeurs par lieu de naissance', 'Électeurs par département ou pays de naissance', '80|35|35|40', 190, 9, 7, '999|0|0|0', '0|1|1|1', '', false,
   $q$select l.lieu as "Département ou pays de naissance", count(*) filter (where l.sexe = 'M') as "Hommes",
       count(*) filter (where l.sexe = 'F') as "Femmes", count(*) as "Total"
  from (select e.sexe, case e.naissance_lieu
                 when 'france' then d.departement || ' ' || d.libelle
                 when 'etranger' then p.libelle
                 else 'Algérie (ancien département)' end as lieu
          from elections.electeur e
          left join elections.commune cn on cn.commune = e.commune_naissance
          left join elections.departement d on d.departement = cn.departement
          left join elections.pays p on p.pays = e.pays_naissance
         where e.liste = &idx) l
 group by l.lieu order by l.lieu collate "und-x-icu"$q$),
  ('elections_tableau_inscriptions', 'Élections : inscriptions du tableau', 'Inscriptions', '12|45|62|40|31', 190, 8, 7, '', '', '1|0|0|0|0', false,
   $q$select m.liste as "Liste", t.libelle as "Motif",
       coalesce(m.nom, e.nom) || ' ' || coalesce(m.prenoms, e.prenoms) as "Nom, prénoms",
       to_char(coalesce(m.date_naissance, e.date_naissance), 'DD/MM/YYYY') as "Né(e) le",
       to_char(m.date_decision, 'DD/MM/YYYY') as "Décision"
  from elections.scrutin s
  join elections.mouvement m on m.om_collectivite = s.om_collectivite
  join elections.type_mouvement t on t.type_mouvement = m.type_mouvement
  left join elections.electeur e on e.electeur = m.electeur
 where s.scrutin = &idx and t.categorie = 'inscription' and m.etat in ('accepte', 'transmis', 'archive')
   and m.date_decision <= s.date_tour1 - 21
   and m.date_decision > coalesce((select max(p.date_tour1) - 21 from elections.scrutin p where p.om_collectivite = s.om_collectivite and p.date_tour1 < s.date_tour1), '-infinity'::date)
 order by m.liste, coalesce(m.nom_recherche, e.nom_recherche), coalesce(m.prenoms, e.prenoms)$q$),
  ('elections_tableau_radiations', 'Élections : radiations du tableau', 'Radiations', '12|45|62|40|31', 190, 8, 7, '', '', '1|0|0|0|0', false,
   $q$select m.liste as "Liste", t.libelle as "Motif",
       coalesce(m.nom, e.nom) || ' ' || coalesce(m.prenoms, e.prenoms) as "Nom, prénoms",
       to_char(coalesce(m.date_naissance, e.date_naissance), 'DD/MM/YYYY') as "Né(e) le",
       to_char(m.date_decision, 'DD/MM/YYYY') as "Décision"
  from elections.scrutin s
  join elections.mouvement m on m.om_collectivite = s.om_collectivite
  join elections.type_mouvement t on t.type_mouvement = m.type_mouvement
  left join elections.electeur e on e.electeur = m.electeur
 where s.scrutin = &idx and t.categorie = 'radiation' and m.etat in ('accepte', 'transmis', 'archive')
   and m.date_decision <= s.date_tour1 - 21
   and m.date_decision > coalesce((select max(p.date_tour1) - 21 from elections.scrutin p where p.om_collectivite = s.om_collectivite and p.date_tour1 < s.date_tour1), '-infinity'::date)
 order by m.liste, coalesce(m.nom_recherche, e.nom_recherche), coalesce(m.prenoms, e.prenoms)$q$)
  ) as v (id, libelle, titre, largeurs, tableau, taille, hauteur, numerique, total, compteur, masque, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- états ------------------------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.objet, v.orientation, v.format, 'logo', 10, 10, v.titre, 35, 12, v.largeur, 14, v.corps,
       v.differee, (select r.om_requete from om.om_requete r where r.code = v.source order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('liste_electorale_bureau', 'Liste électorale du bureau', 'elections.bureau', 'P', 'A4', 165, false, 'elections_bureau',
   '<h1 style="text-align: center">Liste électorale</h1><p style="text-align: center">[collectivite] — bureau [code] [libelle]</p>',
   '<p><strong>Bureau :</strong> [code] [libelle], [adresse] — <strong>canton :</strong> [canton] — <strong>circonscription :</strong> [circonscription]</p>'
   || '<p><strong>Électeurs inscrits :</strong> [electeurs]</p>'
   || '<div data-sousetat="elections_liste_bureau"></div>'
   || '<p style="text-align: right"><em>Arrêtée le &aujourdhui</em></p>'),
  ('liste_electorale', 'Liste électorale de la commune', 'elections.liste', 'P', 'A4', 165, false, 'elections_liste',
   '<h1 style="text-align: center">Liste électorale de &ville</h1><p style="text-align: center">[libelle]</p>',
   '<p><strong>Électeurs inscrits :</strong> [electeurs]</p>'
   || '<div data-sousetat="elections_liste_commune"></div>'
   || '<p style="text-align: right"><em>Arrêtée le &aujourdhui</em></p>'),
  ('emargement', 'Liste d’émargement du bureau', 'elections.bureau', 'L', 'A4', 250, true, 'elections_bureau',
   '<h1 style="text-align: center">Liste d’émargement</h1><p style="text-align: center">[collectivite] — bureau [code] [libelle]</p>',
   '<p><strong>Bureau :</strong> [code] [libelle], [adresse] — <strong>électeurs inscrits :</strong> [electeurs]</p>'
   || '<div data-sousetat="elections_emargement_simple"></div>'
   || '<div data-sousetat="elections_emargement_double"></div>'
   || '<p>Arrêtée par le président du bureau de vote le ____________________ — signature :</p>'),
  ('carte_electorale', 'Carte électorale', 'elections.electeur', 'L', 'A5', 130, false, 'elections_electeur',
   '<h1 style="text-align: center">Carte électorale</h1><p style="text-align: center">République française — [collectivite]</p>',
   '<p><strong>[nom]</strong> [prenoms]</p>'
   || '<p>Nom d’usage : [nom_usage]</p>'
   || '<p>Né(e) le [date_naissance] à [lieu_naissance]</p>'
   || '<p>Domicile : [adresse] [complement], [code_postal] [ville]</p>'
   || '<p><strong>[liste]</strong> — n° [numero_liste] — INE : [ine]</p>'
   || '<p><strong>Bureau de vote :</strong> [bureau_code] [bureau] — [bureau_adresse] — n° d’ordre dans le bureau : [numero_bureau]</p>'
   || '<table><tbody><tr><td>Cachet de la mairie : [cachet]</td><td>Signature du titulaire</td></tr></tbody></table>'
   || '<p><span data-code-barre="code128" data-valeur="[code_barre]" data-taille="50"></span></p>'),
  ('attestation_inscription', 'Attestation d’inscription sur la liste électorale', 'elections.electeur', 'P', 'A4', 165, false, 'elections_electeur',
   '<h1 style="text-align: center">Attestation d’inscription</h1><p style="text-align: center">sur la liste électorale de [collectivite]</p>',
   '<p>Le maire de &ville atteste que :</p>'
   || '<p style="text-align: center"><strong>[civilite] [nom] [prenoms]</strong></p>'
   || '<p>né(e) le [date_naissance] à [lieu_naissance], domicilié(e) [adresse] [complement], [code_postal] [ville],</p>'
   || '<p>est inscrit(e) sur la <strong>[liste]</strong> de la commune depuis le [date_inscription], sous le numéro [numero_liste], et vote au bureau [bureau_code] [bureau] ([bureau_adresse]).</p>'
   || '<p>Identifiant national d’électeur (INE) : [ine]</p>'
   || '<p>Attestation délivrée pour servir et valoir ce que de droit.</p>'
   || '<p style="text-align: right">À &ville, le &aujourdhui</p>'
   || '<p style="text-align: right">Pour le maire,</p>'),
  ('statistiques', 'Statistiques de la liste (préfecture)', 'elections.liste', 'P', 'A4', 165, false, 'elections_liste',
   '<h1 style="text-align: center">Statistiques de la liste électorale</h1><p style="text-align: center">&ville — [libelle]</p>',
   '<p><strong>Électeurs inscrits :</strong> [electeurs] — statistiques arrêtées le &aujourdhui.</p>'
   || '<div data-sousetat="elections_stat_bureau"></div>'
   || '<div data-sousetat="elections_stat_sexe"></div>'
   || '<div data-sousetat="elections_stat_age"></div>'
   || '<div data-sousetat="elections_stat_nationalite"></div>'
   || '<div data-sousetat="elections_stat_naissance"></div>'
   || '<hr class="saut-de-page">'
   || '<div data-sousetat="elections_stat_voie"></div>'),
  ('tableau_inscriptions_radiations', 'Tableau des inscriptions et radiations', 'elections.scrutin', 'P', 'A4', 165, false, 'elections_scrutin',
   '<h1 style="text-align: center">Tableau des inscriptions et radiations</h1><p style="text-align: center">[collectivite] — [libelle]</p>',
   '<p>Décisions prises après la commission de contrôle précédente ([commission_precedente]) et jusqu’à la commission de contrôle du [commission_debut] au [commission_fin], pour le scrutin du [date_tour1] (articles L19 et R13 du code électoral).</p>'
   || '<div data-sousetat="elections_tableau_inscriptions"></div>'
   || '<div data-sousetat="elections_tableau_radiations"></div>'
   || '<p style="text-align: right">Publié à &ville le &aujourdhui</p>')
  ) as v (id, libelle, objet, orientation, format, largeur, differee, source, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- étiquettes de propagande (référence §3.11 : 2 × 7 de 105 × 42 mm, police 10) -------------
-- [voie__label] : le libellé de la voie que la liste des électeurs joint (records/select.ts).

insert into om.om_etiquette (om_collectivite, id, libelle, actif, objet, colonnes, lignes, largeur, hauteur,
  marge_haut, marge_gauche, marge_interieure, police_taille, contenu)
select c.om_collectivite, 'propagande', 'Étiquettes de propagande', true, 'elections.electeur',
       2, 7, 105, 42, 1.5, 0, 8, 10, E'[civilite] [nom] [prenoms]\n[numero] [complement_numero] [voie__label]\n[complement]'
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_etiquette e where e.id = 'propagande' and e.om_collectivite = c.om_collectivite);

-- ---- droits -----------------------------------------------------------------------------------

-- La liste électorale de la commune et ses statistiques s'impriment depuis la fiche d'une liste.
insert into om.om_droit (libelle, om_profil)
select 'elections.liste_consulter', om_profil from om.om_profil where libelle = 'CONSULTATION'
on conflict do nothing;

-- ---- tableau de bord (issue 11 §7) ------------------------------------------------------------

-- La catégorie du type de mouvement, recopiée sur le mouvement par la base : la liste des
-- mouvements se filtre par ses propres colonnes (filter[categorie]=radiation), ce que demandent les
-- liens des compteurs « Tâches en cours » (radiations d'office, modifications).
alter table elections.mouvement add column if not exists categorie varchar(12);
comment on column elections.mouvement.categorie is 'Catégorie : celle du type de mouvement (inscription, modification, radiation), tenue par la base.';
update elections.mouvement m set categorie = t.categorie from elections.type_mouvement t where t.type_mouvement = m.type_mouvement and m.categorie is distinct from t.categorie;
create index if not exists mouvement_categorie on elections.mouvement (om_collectivite, categorie, etat);

create or replace function elections.mouvement_categorie() returns trigger
  language plpgsql as $$
begin
  new.categorie := (select t.categorie from elections.type_mouvement t where t.type_mouvement = new.type_mouvement);
  return new;
end
$$;

drop trigger if exists mouvement_categorie on elections.mouvement;
create trigger mouvement_categorie before insert or update of type_mouvement, categorie on elections.mouvement
  for each row execute function elections.mouvement_categorie();

insert into om.om_widget (libelle, lien, texte, type)
select v.libelle, v.lien, '', 'file'
  from (values
    ('Élections : rechercher un électeur', 'elections.recherche_electeur'),
    ('Élections : tâches en cours', 'elections.taches_en_cours'),
    ('Élections : électeurs par liste', 'elections.electeurs_par_liste'),
    ('Élections : électeurs par bureau', 'elections.electeurs_par_bureau'),
    ('Élections : électeurs par commune', 'elections.electeurs_par_commune')
  ) as v (libelle, lien)
 where not exists (select from om.om_widget w where w.lien = v.lien and w.type = 'file');

insert into om.om_dashboard (om_profil, bloc, position, om_widget)
  select p.om_profil, w.bloc, w.position, om_widget.om_widget
    from om.om_profil p
    cross join (values ('elections.recherche_electeur', 'C1', 15), ('elections.taches_en_cours', 'C1', 20), ('elections.electeurs_par_liste', 'C2', 20),
                       ('elections.electeurs_par_bureau', 'C3', 20), ('elections.electeurs_par_commune', 'C2', 30)) as w (lien, bloc, position)
    join om.om_widget on om_widget.lien = w.lien and om_widget.type = 'file'
   where p.libelle in ('ADMINISTRATEUR', 'SUPER UTILISATEUR', 'UTILISATEUR', 'CONSULTATION')
     and not exists (select from om.om_dashboard d where d.om_profil = p.om_profil and d.om_widget = om_widget.om_widget);
