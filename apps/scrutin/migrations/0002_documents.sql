-- Documents de la composition des bureaux, livrés comme ceux des élections
-- (apps/elections/migrations/0005) : des lignes ordinaires du moteur de documents rattachées à la
-- collectivité de niveau 2, dont les documents actifs servent à toutes les communes tant qu’elles
-- n’ont pas activé leur copie. Jamais insérés deux fois.
-- - convocation (lettre type sur affectation) : qui, quel bureau et son adresse, quelle fonction,
--   la date et les heures de la permanence, signée par le maire ; imprimable pour une affectation
--   et pour une recherche (toutes les affectations d’un scrutin : ?filter[scrutin]=…) ;
-- - planning des permanences par bureau (état sur scrutin) ;
-- - liste transmise à la préfecture (état sur scrutin) : président, vice-président, assesseurs,
--   secrétaire et délégués de chaque bureau, avec dates de naissance et adresses.

-- ---- sources de données ------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select v.code, v.libelle, v.description, 'sql', v.requete, v.merge_fields
  from (values
  ('scrutin_affectation', 'Composition des bureaux : affectation', 'Une affectation : la personne, son bureau, sa fonction et sa permanence.',
   $q$select a.affectation, p.nom, p.prenom, coalesce(p.adresse, '') as adresse,
       to_char(p.date_naissance, 'DD/MM/YYYY') as date_naissance,
       f.libelle as fonction, lower(f.libelle) as fonction_minuscule,
       b.code as bureau_code, b.libelle as bureau, coalesce(b.adresse, '') as bureau_adresse,
       s.libelle as scrutin, to_char(s.date_scrutin, 'DD/MM/YYYY') as date_scrutin,
       to_char(a.heure_debut, 'FMHH24') || ' h' || case when extract(minute from a.heure_debut) > 0 then ' ' || to_char(a.heure_debut, 'MI') else '' end as heure_debut,
       to_char(a.heure_fin, 'FMHH24') || ' h' || case when extract(minute from a.heure_fin) > 0 then ' ' || to_char(a.heure_fin, 'MI') else '' end as heure_fin,
       coalesce('sur désignation de la liste « ' || ca.libelle || ' »', 'sur désignation du maire') as designe_par,
       coalesce((select pa.valeur from om.om_parametre pa where pa.libelle = 'ville' and pa.om_collectivite = a.om_collectivite), c.libelle) as collectivite
  from scrutin.affectation a
  join scrutin.personne p on p.personne = a.personne
  join scrutin.fonction f on f.fonction = a.fonction
  join scrutin.bureau b on b.bureau = a.bureau
  join scrutin.scrutin s on s.scrutin = a.scrutin
  join om.om_collectivite c on c.om_collectivite = a.om_collectivite
  left join scrutin.candidature ca on ca.candidature = a.candidature
 where a.affectation = &idx$q$,
   'affectation: Identifiant
nom: Nom
prenom: Prénom
adresse: Adresse
date_naissance: Date de naissance
fonction: Fonction
fonction_minuscule: Fonction (en minuscules)
bureau_code: Code du bureau
bureau: Libellé du bureau
bureau_adresse: Adresse du bureau
scrutin: Scrutin
date_scrutin: Date du scrutin
heure_debut: Début de la permanence
heure_fin: Fin de la permanence
designe_par: Désignation (par le maire ou par une liste)
collectivite: Commune'),
  ('scrutin_scrutin', 'Composition des bureaux : scrutin', 'Un scrutin, ses heures et le nombre de ses bureaux.',
   $q$select s.scrutin, s.libelle, to_char(s.date_scrutin, 'DD/MM/YYYY') as date_scrutin, s.tour, s.departement,
       to_char(s.heure_ouverture, 'FMHH24') || ' h' as heure_ouverture, to_char(s.heure_fermeture, 'FMHH24') || ' h' as heure_fermeture,
       (select count(*) from scrutin.bureau b where b.om_collectivite = s.om_collectivite) as bureaux,
       coalesce((select pa.valeur from om.om_parametre pa where pa.libelle = 'ville' and pa.om_collectivite = s.om_collectivite), c.libelle) as collectivite
  from scrutin.scrutin s
  join om.om_collectivite c on c.om_collectivite = s.om_collectivite
 where s.scrutin = &idx$q$,
   'scrutin: Identifiant
libelle: Scrutin
date_scrutin: Date du scrutin
tour: Tour
departement: Département
heure_ouverture: Ouverture
heure_fermeture: Clôture
bureaux: Nombre de bureaux
collectivite: Commune')
  ) as v (code, libelle, description, requete, merge_fields)
 where not exists (select from om.om_requete r where r.code = v.code);

-- ---- sous-états -------------------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_total, cellule_compteur, masque_si_vide, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, v.tableau, v.taille, v.hauteur,
       '', '', '', false, v.requete
  from om.om_collectivite c
 cross join (values
  ('scrutin_planning', 'Composition des bureaux : planning des permanences', 'Permanences par bureau', '60|45|55|30', 190, 8, 7,
   $q$select b.code || ' ' || b.libelle as "Bureau", f.libelle as "Fonction", p.nom || ' ' || p.prenom as "Nom, prénom",
       to_char(a.heure_debut, 'FMHH24') || ' h' || case when extract(minute from a.heure_debut) > 0 then ' ' || to_char(a.heure_debut, 'MI') else '' end
       || ' – ' || to_char(a.heure_fin, 'FMHH24') || ' h' || case when extract(minute from a.heure_fin) > 0 then ' ' || to_char(a.heure_fin, 'MI') else '' end as "Permanence"
  from scrutin.affectation a
  join scrutin.bureau b on b.bureau = a.bureau
  join scrutin.fonction f on f.fonction = a.fonction
  join scrutin.personne p on p.personne = a.personne
 where a.scrutin = &idx
 order by case when b.code ~ '^[0-9]+$' then lpad(b.code, 10, '0') else b.code end, a.heure_debut, f.ordre, p.nom$q$),
  ('scrutin_prefecture', 'Composition des bureaux : membres et délégués', 'Membres des bureaux et délégués', '30|36|50|22|94|45', 277, 8, 7,
   $q$select b.code || ' ' || b.libelle as "Bureau", f.libelle as "Fonction", p.nom || ' ' || p.prenom as "Nom, prénom",
       coalesce(to_char(p.date_naissance, 'DD/MM/YYYY'), '') as "Né(e) le", coalesce(p.adresse, '') as "Adresse",
       coalesce(ca.libelle, 'Maire') as "Désigné par"
  from scrutin.affectation a
  join scrutin.bureau b on b.bureau = a.bureau
  join scrutin.fonction f on f.fonction = a.fonction
  join scrutin.personne p on p.personne = a.personne
  left join scrutin.candidature ca on ca.candidature = a.candidature
 where a.scrutin = &idx
 order by case when b.code ~ '^[0-9]+$' then lpad(b.code, 10, '0') else b.code end, f.ordre, a.heure_debut, p.nom$q$)
  ) as v (id, libelle, titre, largeurs, tableau, taille, hauteur, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- états ------------------------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, v.id, v.libelle, true, 'scrutin.scrutin', v.orientation, 'A4', 'logo', 10, 10, v.titre, 35, 12, v.largeur, 14, v.corps,
       false, (select r.om_requete from om.om_requete r where r.code = 'scrutin_scrutin' order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('planning_permanences', 'Planning des permanences par bureau', 'P', 165,
   '<h1 style="text-align: center">Planning des permanences</h1><p style="text-align: center">[collectivite] — [libelle] — [date_scrutin]</p>',
   '<p>Scrutin ouvert de [heure_ouverture] à [heure_fermeture] — [bureaux] bureaux de vote.</p>'
   || '<div data-sousetat="scrutin_planning"></div>'
   || '<p style="text-align: right">À &ville, le &aujourdhui</p>'),
  ('liste_prefecture', 'Composition des bureaux (liste pour la préfecture)', 'L', 250,
   '<h1 style="text-align: center">Composition des bureaux de vote</h1><p style="text-align: center">[collectivite] — [libelle] — [date_scrutin]</p>',
   '<p>Présidents, vice-présidents, assesseurs, secrétaires et délégués de chaque bureau (articles R42 à R47 du code électoral), département [departement].</p>'
   || '<div data-sousetat="scrutin_prefecture"></div>'
   || '<p style="text-align: right">Certifié exact, à &ville, le &aujourdhui</p>'
   || '<p style="text-align: right">Le maire</p>')
  ) as v (id, libelle, orientation, largeur, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- lettre type -------------------------------------------------------------------------------

insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, 'convocation', 'Convocation au bureau de vote', true, 'scrutin.affectation',
       '<p><strong>Mairie de [collectivite]</strong></p><p>Service des élections</p>',
       10, 10, 110, 20,
       '<p style="text-align: right">[prenom] [nom]</p>'
       || '<p style="text-align: right">[adresse]</p>'
       || '<p style="text-align: right">[collectivite], le &aujourdhui</p>'
       || '<p><strong>Objet : convocation au bureau de vote n° [bureau_code] — [scrutin]</strong></p>'
       || '<p>Madame, Monsieur,</p>'
       || '<p>Vous avez été désigné(e), [designe_par], en qualité de <strong>[fonction_minuscule]</strong> du bureau de vote n° [bureau_code] « [bureau] », [bureau_adresse], pour le scrutin « [scrutin] » du [date_scrutin].</p>'
       || '<p>Je vous prie de bien vouloir vous présenter au bureau de vote le [date_scrutin], de [heure_debut] à [heure_fin], muni(e) d’une pièce d’identité et de la présente convocation.</p>'
       || '<p>En cas d’empêchement, prévenez sans délai le service des élections de la mairie.</p>'
       || '<p>Veuillez agréer, Madame, Monsieur, l’expression de mes salutations distinguées.</p>'
       || '<p style="text-align: right">Le maire de [collectivite]</p>',
       (select r.om_requete from om.om_requete r where r.code = 'scrutin_affectation' order by r.om_requete limit 1)
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_lettretype e where e.id = 'convocation' and e.om_collectivite = c.om_collectivite);
