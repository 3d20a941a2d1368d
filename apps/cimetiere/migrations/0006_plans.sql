-- Documents de l’emplacement et de la voie (issue 14 §9), livrés comme ceux des résultats
-- (apps/resultats/migrations/0003) : des lignes ordinaires du moteur de documents rattachées à la
-- collectivité de niveau 2, qui servent à toutes les communes tant qu’elles n’ont pas activé leur
-- copie. Jamais insérés deux fois.
-- - « Fiche emplacement » (état sur emplacement) : adresse, nature, famille, acte en vigueur, bâti,
--   place ; défunts et concessionnaires / ayants droit en sous-états ;
-- - « État de la voie » (état sur voie) : chaque emplacement avec sa famille, sa nature, sa place,
--   le terme de sa concession ;
-- - « État de la voie par concession » (état sur voie) : par emplacement, l’acte, les
--   concessionnaires et les défunts.
-- Les plans (cartes) se règlent par src/plans/configuration.ts (`configurerPlans`), appelé par la
-- démonstration : la carte d’un objet est propre à chaque collectivité.

-- ---- sources de données ------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select 'cimetiere_fiche_emplacement', 'Cimetière : fiche d’un emplacement',
   'Un emplacement : son adresse, sa nature, sa famille, l’acte de concession en vigueur, son bâti et sa place.', 'sql',
   $q$select e.emplacement, ci.libelle as cimetiere, z.libelle as zone, v.libelle as voie, e.numero,
       coalesce(e.complement, '') as complement,
       v.libelle || ', n° ' || e.numero || coalesce(' ' || e.complement, '') as adresse,
       case e.nature when 'concession' then 'Concession' when 'colombarium' then 'Colombarium' when 'enfeu' then 'Enfeu'
         when 'ossuaire' then 'Ossuaire' when 'terrain_communal' then 'Terrain communal' when 'depositoire' then 'Dépositoire'
         else e.nature end as nature,
       coalesce(e.famille, '') as famille,
       case e.etat when 'libre' then 'Libre' when 'occupe' then 'Occupé' when 'a_terme' then 'À terme'
         when 'en_reprise' then 'En reprise' else e.etat end as etat,
       coalesce(e.numero_cadastre, '') as numero_cadastre,
       coalesce(c.numero_acte, 'aucun') as acte,
       coalesce(to_char(c.date_vente, 'DD/MM/YYYY'), '') as date_vente,
       case c.duree_type when 'temporaire' then 'temporaire (' || c.duree || ' ans)' when 'trentenaire' then 'trentenaire'
         when 'cinquantenaire' then 'cinquantenaire' when 'perpetuelle' then 'perpétuelle' else '' end as duree,
       case when c.concession is null then '' when c.date_terme is null then 'sans terme' else to_char(c.date_terme, 'DD/MM/YYYY') end as terme,
       replace(to_char(e.nombre_places, 'FM9990.99'), '.', ',') as nombre_places,
       replace(to_char(e.place_occupee, 'FM9990.99'), '.', ',') as place_occupee,
       coalesce(replace(to_char(e.place_constatee, 'FM9990.99'), '.', ','), 'non constatée') as place_constatee,
       coalesce(to_char(e.date_constat, 'DD/MM/YYYY'), '') as date_constat,
       coalesce(st.libelle, 'non renseigné') as sepulture_type,
       coalesce(replace(to_char(e.superficie, 'FM9990.99'), '.', ',') || ' m²', 'non renseignée') as superficie,
       case when e.monument then 'oui' || coalesce(' (' || e.etat_monument || ')', '') else 'non' end as monument,
       case when e.semelle then 'oui' || coalesce(' (' || e.etat_semelle || ')', '') else 'non' end as semelle,
       case when e.vide_sanitaire then 'oui' else 'non' end as vide_sanitaire,
       case when e.abandon then 'oui' || coalesce(' depuis le ' || to_char(e.date_abandon, 'DD/MM/YYYY'), '') else 'non' end as abandon,
       coalesce(e.observation, '') as observation
  from cimetiere.emplacement e
  join cimetiere.voie v on v.voie = e.voie
  join cimetiere.zone z on z.zone = v.zone
  join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
  left join cimetiere.concession c on c.emplacement = e.emplacement and c.etat = 'active'
  left join cimetiere.sepulture_type st on st.sepulture_type = e.sepulture_type
 where e.emplacement = &idx$q$,
   'emplacement: Identifiant
cimetiere: Cimetière
zone: Zone
voie: Voie
numero: Numéro
complement: Complément
adresse: Adresse dans le cimetière
nature: Nature
famille: Famille
etat: État
numero_cadastre: Numéro de cadastre
acte: Acte de concession en vigueur
date_vente: Date de vente
duree: Durée
terme: Terme
nombre_places: Nombre de places
place_occupee: Place occupée
place_constatee: Place constatée
date_constat: Date du constat
sepulture_type: Type de sépulture
superficie: Superficie
monument: Monument
semelle: Semelle
vide_sanitaire: Vide sanitaire
abandon: Abandon
observation: Observations'
 where not exists (select from om.om_requete r where r.code = 'cimetiere_fiche_emplacement');

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select 'cimetiere_voie', 'Cimetière : une voie', 'Une voie : son libellé, sa zone, son cimetière, ses emplacements comptés par état.', 'sql',
   $q$select v.voie, v.libelle as voie_libelle, coalesce(vt.libelle, '') as voie_type, z.libelle as zone, ci.libelle as cimetiere,
       count(e.emplacement) as emplacements,
       count(e.emplacement) filter (where e.etat = 'libre') as libres,
       count(e.emplacement) filter (where e.etat = 'occupe') as occupes,
       count(e.emplacement) filter (where e.etat = 'a_terme') as a_terme,
       count(e.emplacement) filter (where e.etat = 'en_reprise') as en_reprise
  from cimetiere.voie v
  join cimetiere.zone z on z.zone = v.zone
  join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
  left join cimetiere.voie_type vt on vt.voie_type = v.voie_type
  left join cimetiere.emplacement e on e.voie = v.voie
 where v.voie = &idx
 group by v.voie, v.libelle, vt.libelle, z.libelle, ci.libelle$q$,
   'voie: Identifiant
voie_libelle: Voie
voie_type: Type de voie
zone: Zone
cimetiere: Cimetière
emplacements: Nombre d’emplacements
libres: Emplacements libres
occupes: Emplacements occupés
a_terme: Emplacements à terme
en_reprise: Emplacements en reprise'
 where not exists (select from om.om_requete r where r.code = 'cimetiere_voie');

-- ---- sous-états --------------------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_total, masque_si_vide, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, v.tableau, 9, 7, v.numerique, v.total, v.masque, v.requete
  from om.om_collectivite c
 cross join (values
  ('cimetiere_emplacement_defunts', 'Cimetière : défunts d’un emplacement', 'Défunts', '40|34|22|24|24|24|22', 190,
   '999|999|999|999|999|999|999', '0|0|0|0|0|0|0', false,
   $q$select d.nom || coalesce(' (née ' || d.nom_naissance || ')', '') as "Nom", coalesce(d.prenom, '') as "Prénom",
       case d.nature when 'cercueil' then 'Cercueil' when 'urne' then 'Urne' when 'reduction' then 'Réduction' else d.nature end as "Nature",
       coalesce(to_char(d.date_naissance, 'DD/MM/YYYY'), '') as "Naissance",
       coalesce(to_char(d.date_deces, 'DD/MM/YYYY'), '') as "Décès",
       coalesce(to_char(d.date_inhumation, 'DD/MM/YYYY'), '') as "Inhumation",
       case when d.exhumation then 'exhumé' || coalesce(' le ' || to_char(d.date_exhumation, 'DD/MM/YYYY'), '')
            when d.reduction then 'réduit' || coalesce(' le ' || to_char(d.date_reduction, 'DD/MM/YYYY'), '') else '' end as "Suite"
  from cimetiere.defunt d
 where d.emplacement = &idx
 order by d.date_inhumation nulls last, d.date_deces nulls last, d.defunt$q$),
  ('cimetiere_emplacement_autorisations', 'Cimetière : concessionnaires et ayants droit d’un emplacement',
   'Concessionnaires et ayants droit', '30|40|30|60|30', 190,
   '999|999|999|999|999', '0|0|0|0|0', false,
   $q$select case a.nature when 'concessionnaire' then 'Concessionnaire' else 'Ayant droit' end as "Qualité",
       a.nom || coalesce(' (née ' || a.nom_naissance || ')', '') || case when a.decede then ' †' else '' end as "Nom",
       coalesce(a.prenom, '') as "Prénom",
       concat_ws(' ', a.adresse1, a.adresse2, a.cp, a.ville) as "Adresse",
       coalesce(a.parente, '') as "Parenté"
  from cimetiere.autorisation a
 where a.emplacement = &idx
 order by a.nature desc, a.nom collate "und-x-icu", a.prenom collate "und-x-icu", a.autorisation$q$),
  ('cimetiere_voie_emplacements', 'Cimetière : emplacements d’une voie', 'Emplacements de la voie', '18|30|44|22|26|26|24', 190,
   '999|999|999|999|999|999|999', '0|0|0|0|0|0|0', false,
   $q$select e.numero || coalesce(' ' || e.complement, '') as "N°",
       case e.nature when 'concession' then 'Concession' when 'colombarium' then 'Colombarium' when 'enfeu' then 'Enfeu'
         when 'ossuaire' then 'Ossuaire' when 'terrain_communal' then 'Terrain communal' when 'depositoire' then 'Dépositoire'
         else e.nature end as "Nature",
       coalesce(e.famille, '') as "Famille",
       case e.etat when 'libre' then 'Libre' when 'occupe' then 'Occupé' when 'a_terme' then 'À terme'
         when 'en_reprise' then 'En reprise' else e.etat end as "État",
       replace(to_char(e.place_occupee, 'FM9990.99'), '.', ',') || ' / ' || replace(to_char(e.nombre_places, 'FM9990.99'), '.', ',') as "Place",
       coalesce(c.numero_acte, '') as "Acte",
       case when c.concession is null then '' when c.date_terme is null then 'perpétuelle' else to_char(c.date_terme, 'DD/MM/YYYY') end as "Terme"
  from cimetiere.emplacement e
  left join cimetiere.concession c on c.emplacement = e.emplacement and c.etat = 'active'
 where e.voie = &idx
 order by e.numero, e.complement nulls first, e.emplacement$q$),
  ('cimetiere_voie_concessions', 'Cimetière : concessions d’une voie', 'Emplacements et concessions de la voie', '16|38|48|44|44', 190,
   '999|999|999|999|999', '0|0|0|0|0', false,
   $q$select e.numero || coalesce(' ' || e.complement, '') as "N°",
       coalesce(c.numero_acte || ' du ' || to_char(c.date_vente, 'DD/MM/YYYY') || ', '
         || case c.duree_type when 'temporaire' then c.duree || ' ans' when 'trentenaire' then '30 ans' when 'cinquantenaire' then '50 ans' else 'perpétuelle' end
         || coalesce(', terme ' || to_char(c.date_terme, 'DD/MM/YYYY'), ''), 'aucune concession en vigueur') as "Acte",
       coalesce(e.famille, '') || coalesce(' — ' || (select string_agg(a.nom || coalesce(' ' || a.prenom, ''), ', ' order by a.nom, a.prenom)
                 from cimetiere.autorisation a where a.emplacement = e.emplacement and a.nature = 'concessionnaire'), '') as "Famille et concessionnaires",
       coalesce((select string_agg(a.nom || coalesce(' ' || a.prenom, '') || coalesce(' (' || a.parente || ')', ''), ', ' order by a.nom, a.prenom)
                 from cimetiere.autorisation a where a.emplacement = e.emplacement and a.nature = 'ayant_droit'), '') as "Ayants droit",
       coalesce((select string_agg(d.nom || coalesce(' ' || d.prenom, '') || coalesce(' †' || to_char(d.date_deces, 'DD/MM/YYYY'), ''), ', '
                   order by d.date_deces nulls last, d.defunt)
                 from cimetiere.defunt d where d.emplacement = e.emplacement), '') as "Défunts"
  from cimetiere.emplacement e
  left join cimetiere.concession c on c.emplacement = e.emplacement and c.etat = 'active'
 where e.voie = &idx
 order by e.numero, e.complement nulls first, e.emplacement$q$)
  ) as v (id, libelle, titre, largeurs, tableau, numerique, total, masque, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- états ------------------------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.objet, 'P', 'A4', 'logo', 10, 10, v.titre, 35, 12, 165, 14, v.corps,
       false, (select r.om_requete from om.om_requete r where r.code = v.source order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('cimetiere_fiche_emplacement', 'Fiche emplacement', 'cimetiere.emplacement', 'cimetiere_fiche_emplacement',
   '<h1 style="text-align: center">Fiche emplacement</h1><p style="text-align: center">[cimetiere] — [adresse]</p>',
   '<p><strong>Emplacement :</strong> [nature], [adresse], zone [zone], [cimetiere]</p>'
   || '<p><strong>Famille :</strong> [famille] — <strong>état :</strong> [etat]</p>'
   || '<p><strong>Acte en vigueur :</strong> [acte] [duree], vendu le [date_vente], terme : [terme]</p>'
   || '<p><strong>Place :</strong> [place_occupee] occupée sur [nombre_places] ; place constatée : [place_constatee] [date_constat]</p>'
   || '<p><strong>Bâti :</strong> [sepulture_type] ; superficie : [superficie] ; monument : [monument] ; semelle : [semelle] ; vide sanitaire : [vide_sanitaire] ; abandon : [abandon]</p>'
   || '<div data-sousetat="cimetiere_emplacement_defunts"></div>'
   || '<div data-sousetat="cimetiere_emplacement_autorisations"></div>'
   || '<p>[observation]</p>'
   || '<p>Fait à &ville, le &aujourdhui.</p>'),
  ('cimetiere_etat_voie', 'État de la voie', 'cimetiere.voie', 'cimetiere_voie',
   '<h1 style="text-align: center">État de la voie</h1><p style="text-align: center">[cimetiere] — zone [zone] — [voie_libelle]</p>',
   '<p><strong>Voie :</strong> [voie_type] [voie_libelle], zone [zone], [cimetiere]</p>'
   || '<p>[emplacements] emplacements : [libres] libres, [occupes] occupés, [a_terme] à terme, [en_reprise] en reprise.</p>'
   || '<div data-sousetat="cimetiere_voie_emplacements"></div>'
   || '<p>Fait à &ville, le &aujourdhui.</p>'),
  ('cimetiere_etat_voie_concessions', 'État de la voie par concession', 'cimetiere.voie', 'cimetiere_voie',
   '<h1 style="text-align: center">État de la voie par concession</h1><p style="text-align: center">[cimetiere] — zone [zone] — [voie_libelle]</p>',
   '<p><strong>Voie :</strong> [voie_type] [voie_libelle], zone [zone], [cimetiere] — [emplacements] emplacements.</p>'
   || '<div data-sousetat="cimetiere_voie_concessions"></div>'
   || '<p>Fait à &ville, le &aujourdhui.</p>')
  ) as v (id, libelle, objet, source, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);
