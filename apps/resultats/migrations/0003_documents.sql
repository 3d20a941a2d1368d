-- Documents de la soirée électorale (issue 12), livrés comme ceux des élections
-- (apps/elections/migrations/0005) : des lignes ordinaires du moteur de documents rattachées à la
-- collectivité de niveau 2, dont les documents actifs servent à toutes les communes tant qu'elles
-- n'ont pas activé leur copie. Jamais insérés deux fois.
-- - procès-verbal de recensement général des votes (état sur election) : en-tête et totaux par une
--   source écrite en code (resultats/proces_verbal : « n bureaux sur N », sièges et élus, qui se
--   calculent), tableaux par des sous-états SQL. Seuls les bureaux VALIDÉS comptent ;
-- - proclamation des résultats (lettre type sur election) : le texte lu par le maire (source
--   resultats/proclamation) ;
-- - résultats d'un bureau (état sur election_bureau).

-- ---- sources de données ------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, classe, merge_fields)
select v.code, v.libelle, v.description, 'objet', v.classe, null
  from (values
  ('resultats_proces_verbal', 'Résultats : procès-verbal de l’élection',
   'Une élection, ses totaux sur les bureaux validés, l’avancement, la répartition des sièges et les élus.', 'resultats/proces_verbal'),
  ('resultats_proclamation', 'Résultats : proclamation',
   'Le texte de la proclamation des résultats d’une élection (élus, ou second tour).', 'resultats/proclamation')
  ) as v (code, libelle, description, classe)
 where not exists (select from om.om_requete r where r.code = v.code);

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select 'resultats_bureau', 'Résultats : résultat d’un bureau', 'Les chiffres d’un bureau de vote pour une élection.', 'sql',
   $q$select eb.election_bureau, b.code as bureau_code, b.libelle as bureau_libelle, coalesce(b.adresse, '') as bureau_adresse,
       e.libelle as election, to_char(e.date_scrutin, 'DD/MM/YYYY') as date_scrutin, e.tour,
       c.libelle as collectivite, eb.inscrits, coalesce(eb.votants, 0) as votants, coalesce(eb.blancs, 0) as blancs,
       coalesce(eb.nuls, 0) as nuls, coalesce(eb.exprimes, 0) as exprimes, greatest(eb.inscrits - coalesce(eb.votants, 0), 0) as abstentions,
       case eb.etat when 'valide' then 'validé le ' || to_char(eb.valide_le at time zone 'Europe/Paris', 'DD/MM/YYYY à HH24:MI') || coalesce(' par ' || eb.valide_par, '')
                    when 'saisi' then 'saisi, non validé : chiffres provisoires'
                    when 'erreur' then 'saisie incohérente, à corriger : chiffres provisoires'
                    else 'non arrivé' end as etat
  from resultats.election_bureau eb
  join resultats.bureau b on b.bureau = eb.bureau
  join resultats.election e on e.election = eb.election
  join om.om_collectivite c on c.om_collectivite = eb.om_collectivite
 where eb.election_bureau = &idx$q$,
   'election_bureau: Identifiant
bureau_code: Code du bureau
bureau_libelle: Libellé du bureau
bureau_adresse: Adresse du bureau
election: Élection
date_scrutin: Date du scrutin
tour: Tour
collectivite: Commune
inscrits: Inscrits
votants: Votants
blancs: Bulletins blancs
nuls: Bulletins nuls
exprimes: Suffrages exprimés
abstentions: Abstentions
etat: État du résultat'
 where not exists (select from om.om_requete r where r.code = 'resultats_bureau');

-- ---- sous-états --------------------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_total, masque_si_vide, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, v.tableau, 9, 7, v.numerique, v.total, v.masque, v.requete
  from om.om_collectivite c
 cross join (values
  ('resultats_pv_bureaux', 'Résultats : chiffres des bureaux validés', 'Résultats par bureau (bureaux validés)', '16|54|20|20|20|20|20', 190,
   '999|999|0|0|0|0|0', '0|0|1|1|1|1|1', false,
   $q$select b.code as "Bureau", b.libelle as "Libellé", eb.inscrits as "Inscrits", eb.votants as "Votants",
       eb.blancs as "Blancs", eb.nuls as "Nuls", eb.exprimes as "Exprimés"
  from resultats.election_bureau eb
  join resultats.bureau b on b.bureau = eb.bureau
 where eb.election = &idx and eb.etat = 'valide'
 order by b.code collate "und-x-icu", b.bureau$q$),
  ('resultats_pv_candidatures', 'Résultats : voix des candidatures', 'Voix obtenues (bureaux validés)', '14|96|20|30|30', 190,
   '0|999|999|0|2', '0|0|0|1|0', false,
   $q$with comptes as (
  select eb.election_bureau, eb.exprimes from resultats.election_bureau eb where eb.election = &idx and eb.etat = 'valide'
), exprimes as (select coalesce(sum(exprimes), 0) as total from comptes)
select ca.ordre as "N°", ca.libelle as "Candidature", coalesce(ca.nuance, '') as "Nuance",
       coalesce(sum(v.nombre), 0) as "Voix",
       round(100.0 * coalesce(sum(v.nombre), 0) / nullif((select total from exprimes), 0), 2) as "% des exprimés"
  from resultats.candidature ca
  left join resultats.voix v on v.candidature = ca.candidature and v.election_bureau in (select election_bureau from comptes)
 where ca.election = &idx
 group by ca.candidature, ca.ordre, ca.libelle, ca.nuance
 order by ca.ordre$q$),
  ('resultats_pv_detail', 'Résultats : voix par bureau', 'Voix par bureau (bureaux validés)', '16|14|100|30|30', 190,
   '999|0|999|0|2', '0|0|0|0|0', false,
   $q$select b.code as "Bureau", ca.ordre as "N°", ca.libelle as "Candidature", coalesce(v.nombre, 0) as "Voix",
       round(100.0 * coalesce(v.nombre, 0) / nullif(eb.exprimes, 0), 2) as "% des exprimés"
  from resultats.election_bureau eb
  join resultats.bureau b on b.bureau = eb.bureau
  join resultats.candidature ca on ca.election = eb.election
  left join resultats.voix v on v.election_bureau = eb.election_bureau and v.candidature = ca.candidature
 where eb.election = &idx and eb.etat = 'valide'
 order by b.code collate "und-x-icu", b.bureau, ca.ordre$q$),
  ('resultats_bureau_voix', 'Résultats : voix d’un bureau', 'Voix obtenues', '14|116|30|30', 190,
   '0|999|0|2', '0|0|1|0', false,
   $q$select ca.ordre as "N°", ca.libelle as "Candidature", coalesce(v.nombre, 0) as "Voix",
       round(100.0 * coalesce(v.nombre, 0) / nullif(eb.exprimes, 0), 2) as "% des exprimés"
  from resultats.election_bureau eb
  join resultats.candidature ca on ca.election = eb.election
  left join resultats.voix v on v.election_bureau = eb.election_bureau and v.candidature = ca.candidature
 where eb.election_bureau = &idx
 order by ca.ordre$q$)
  ) as v (id, libelle, titre, largeurs, tableau, numerique, total, masque, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- états ------------------------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.objet, v.orientation, 'A4', 'logo', 10, 10, v.titre, 35, 12, 165, 14, v.corps,
       false, (select r.om_requete from om.om_requete r where r.code = v.source order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('resultats_proces_verbal', 'Procès-verbal de recensement général des votes', 'resultats.election', 'P', 'resultats_proces_verbal',
   '<h1 style="text-align: center">Procès-verbal de recensement général des votes</h1><p style="text-align: center">[collectivite] — [election]</p>',
   '<p><strong>Scrutin :</strong> [type_libelle] du [date_scrutin], [tour_libelle]</p>'
   || '<p><strong>[avancement]</strong></p>'
   || '<p>Inscrits : [inscrits] — votants : [votants] ([participation] %) — abstentions : [abstentions] — blancs : [blancs] — nuls : [nuls] — exprimés : [exprimes]</p>'
   || '<div data-sousetat="resultats_pv_bureaux"></div>'
   || '<div data-sousetat="resultats_pv_candidatures"></div>'
   || '<h2>[sieges_titre]</h2>'
   || '<p>[sieges_detail]</p>'
   || '<p>[elus]</p>'
   || '<p>[issue]</p>'
   || '<hr class="saut-de-page">'
   || '<div data-sousetat="resultats_pv_detail"></div>'
   || '<p>Fait à &ville, le &aujourdhui.</p>'
   || '<table><tbody><tr><td>Le président du bureau centralisateur</td><td>Le secrétaire</td></tr><tr><td>Nom et signature :<br><br><br><br>&nbsp;</td><td>Nom et signature :<br><br><br><br>&nbsp;</td></tr></tbody></table>'),
  ('resultats_bureau', 'Résultats du bureau', 'resultats.election_bureau', 'P', 'resultats_bureau',
   '<h1 style="text-align: center">Résultats du bureau [bureau_code]</h1><p style="text-align: center">[collectivite] — [election] du [date_scrutin], tour [tour]</p>',
   '<p><strong>Bureau :</strong> [bureau_code] [bureau_libelle] [bureau_adresse]</p>'
   || '<p><strong>État :</strong> [etat]</p>'
   || '<table><tbody><tr><td>Inscrits</td><td>[inscrits]</td></tr><tr><td>Votants</td><td>[votants]</td></tr><tr><td>Abstentions</td><td>[abstentions]</td></tr>'
   || '<tr><td>Bulletins blancs</td><td>[blancs]</td></tr><tr><td>Bulletins nuls</td><td>[nuls]</td></tr><tr><td>Suffrages exprimés</td><td>[exprimes]</td></tr></tbody></table>'
   || '<div data-sousetat="resultats_bureau_voix"></div>'
   || '<p>Fait à &ville, le &aujourdhui.</p>'
   || '<table><tbody><tr><td>Le président du bureau</td><td>Le secrétaire</td></tr><tr><td>Nom et signature :<br><br><br><br>&nbsp;</td><td>Nom et signature :<br><br><br><br>&nbsp;</td></tr></tbody></table>')
  ) as v (id, libelle, objet, orientation, source, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- lettre type ------------------------------------------------------------------------------

insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, 'resultats_proclamation', 'Proclamation des résultats', true, 'resultats.election', 'P', 'A4', 'logo', 10, 10,
   '<h1 style="text-align: center">Proclamation des résultats</h1><p style="text-align: center">[collectivite] — [election]</p>', 35, 12, 165, 14,
   '<p>[type_libelle] du [date_scrutin], [tour_libelle].</p>'
   || '<p><strong>[avancement]</strong></p>'
   || '<p>Inscrits : [inscrits] — votants : [votants] — blancs : [blancs] — nuls : [nuls] — suffrages exprimés : [exprimes].</p>'
   || '<p>[voix_detail]</p>'
   || '<p>[proclamation]</p>'
   || '<p>[elus]</p>'
   || '<p style="text-align: right">Proclamé à &ville, le &aujourdhui.</p>'
   || '<p style="text-align: right">Le maire,</p>',
   (select r.om_requete from om.om_requete r where r.code = 'resultats_proclamation' order by r.om_requete limit 1)
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_lettretype e where e.id = 'resultats_proclamation' and e.om_collectivite = c.om_collectivite);

-- ---- droit -------------------------------------------------------------------------------------

-- La transmission à la préfecture (src/export/) : SUPER UTILISATEUR, qui valide les résultats.
insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values ('resultats.exporter')) as d (droit)
 where libelle = 'SUPER UTILISATEUR'
on conflict do nothing;
