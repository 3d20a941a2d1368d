-- Opérations funéraires, courriers et fin de concession (partie B) :
-- - un défunt concerné par une opération traitée garde sa trace quand la fin de concession l’archive
--   (operation_defunt.defunt_archive) : le défunt exhumé est supprimé, l’archive reste ;
-- - les sources des lettres (écrites en code : cimetiere/operation, cimetiere/courrier) ;
-- - les lettres types des opérations, sur l’opération (autorisations, choisies par catégorie) et sur
--   le courrier (autorisations, information du concessionnaire, courrier libre) ;
-- - l’état « État concession » sur la fin de concession, ses sous-états (défunts et concessionnaires
--   archivés).
-- Documents rattachés à la collectivité de niveau 2 (servent à toutes les communes), jamais insérés deux fois.

alter table cimetiere.operation_defunt alter column defunt drop not null;
alter table cimetiere.operation_defunt add column defunt_archive integer references cimetiere.defunt_archive;
alter table cimetiere.operation_defunt add constraint operation_defunt_qui check (defunt is not null or defunt_archive is not null);
comment on column cimetiere.operation_defunt.defunt is 'Défunt (vide une fois le défunt archivé par une fin de concession)';
comment on column cimetiere.operation_defunt.defunt_archive is 'Défunt archivé (fin de concession)';
create index operation_defunt_defunt_archive on cimetiere.operation_defunt (defunt_archive);

-- « retrocession » (12 lettres) n’entrait pas dans le motif d’une fin de concession (varchar(10)).
alter table cimetiere.fin_concession alter column motif type varchar(12);

-- ---- sources de données ------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, classe, merge_fields)
select v.code, v.libelle, v.description, 'objet', v.classe, null
  from (values
  ('cimetiere_operation', 'Cimetière : opération funéraire',
   'Une opération : dossier, catégorie, date, emplacement, entreprise, défunts concernés.', 'cimetiere/operation'),
  ('cimetiere_courrier', 'Cimetière : courrier',
   'Un courrier d’un emplacement : son destinataire, son complément et, s’il en a une, son opération.', 'cimetiere/courrier'),
  ('cimetiere_fin_concession', 'Cimetière : fin de concession',
   'Une fin de concession : l’emplacement, l’acte, la date, l’ossuaire, d’après l’archive.', 'cimetiere/fin_concession')
  ) as v (code, libelle, description, classe)
 where not exists (select from om.om_requete r where r.code = v.code);

-- ---- lettres types ------------------------------------------------------------------------------

with corps (categorie, libelle, phrase) as (values
  ('inhumation', 'Autorisation d’inhumation',
   '<p>Le maire de [collectivite] autorise l’inhumation de [defunts] dans l’emplacement [emplacement] (famille [famille]), le [quand].</p>'),
  ('exhumation', 'Autorisation d’exhumation',
   '<p>Le maire de [collectivite] autorise l’exhumation de [defunts], qui repose dans l’emplacement [emplacement] (famille [famille]), le [quand].</p>'),
  ('reduction', 'Autorisation de réduction de corps',
   '<p>Le maire de [collectivite] autorise la réduction du corps de [defunts], qui repose dans l’emplacement [emplacement] (famille [famille]), le [quand].</p>'),
  ('transfert', 'Autorisation de transfert',
   '<p>Le maire de [collectivite] autorise le transfert de [defunts] de l’emplacement [emplacement] (famille [famille]) vers l’emplacement [emplacement_transfert], le [quand].</p>'),
  ('dispersion', 'Autorisation de dispersion des cendres',
   '<p>Le maire de [collectivite] autorise la dispersion des cendres de [defunts], déposées dans l’emplacement [emplacement] (famille [famille]), au lieu suivant : [lieu_dispersion], le [quand].</p>')
), documents (id, libelle, objet, requete, corps) as (
  select 'cimetiere_operation_' || categorie, libelle, 'cimetiere.operation', 'cimetiere_operation',
         phrase || '<p>[intervenants]</p>'
  from corps
  union all
  select 'cimetiere_autorisation_' || categorie, libelle, 'cimetiere.courrier', 'cimetiere_courrier',
         phrase || '<p>[intervenants]</p><p>[complement]</p>'
  from corps
  union all
  select 'cimetiere_information_concessionnaire', 'Information du concessionnaire', 'cimetiere.courrier', 'cimetiere_courrier',
         '<p>[destinataire]<br>[destinataire_adresse1]<br>[destinataire_adresse2]<br>[destinataire_cp] [destinataire_ville]</p>'
      || '<p>Madame, Monsieur,</p>'
      || '<p>En votre qualité de [destinataire_qualite] de l’emplacement [emplacement] (famille [famille]), nous vous informons de l’opération suivante : [categorie_minuscule] de [defunts], le [quand] (dossier n° [numero]).</p>'
      || '<p>[complement]</p>'
      || '<p>Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>'
  union all
  select 'cimetiere_courrier', 'Courrier au concessionnaire', 'cimetiere.courrier', 'cimetiere_courrier',
         '<p>[destinataire]<br>[destinataire_adresse1]<br>[destinataire_adresse2]<br>[destinataire_cp] [destinataire_ville]</p>'
      || '<p>Objet : emplacement [emplacement] (famille [famille])</p>'
      || '<p>Madame, Monsieur,</p>'
      || '<p>[complement]</p>'
      || '<p>Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>'
)
insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, d.id, d.libelle, true, d.objet, 'P', 'A4', 'logo', 10, 10,
   '<h1 style="text-align: center">' || d.libelle || '</h1><p style="text-align: center">[collectivite] — dossier n° [numero] du [date_operation]</p>',
   35, 12, 165, 14,
   d.corps || '<p style="text-align: right">Fait à &ville, le &aujourdhui.</p><p style="text-align: right">Le maire,</p>',
   (select r.om_requete from om.om_requete r where r.code = d.requete order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join documents d
 where c.niveau = '2'
   and not exists (select from om.om_lettretype e where e.id = d.id and e.om_collectivite = c.om_collectivite);

-- Un courrier sans opération n’a pas de numéro de dossier : son titre dit l’emplacement.
update om.om_lettretype
   set titre_om_htmletat = '<h1 style="text-align: center">' || libelle || '</h1><p style="text-align: center">[collectivite] — [date_courrier]</p>'
 where id in ('cimetiere_courrier', 'cimetiere_information_concessionnaire')
   and titre_om_htmletat like '%dossier n° [numero] du [date_operation]%';

-- ---- état concession (fin de concession) --------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_total, masque_si_vide, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, 190, 9, 7, v.numerique, v.total, false, v.requete
  from om.om_collectivite c
 cross join (values
  ('cimetiere_fin_defunts', 'Cimetière : défunts d’une fin de concession', 'Défunts et destination des restes', '38|28|24|26|74',
   '999|999|999|999|999', '0|0|0|0|0',
   $q$select a.nom || coalesce(' (naissance : ' || a.nom_naissance || ')', '') as "Nom", coalesce(a.prenom, '') as "Prénom",
       coalesce(to_char(a.date_deces, 'DD/MM/YYYY'), '') as "Décès", coalesce(to_char(a.date_inhumation, 'DD/MM/YYYY'), '') as "Inhumation",
       coalesce(a.destination, '') as "Destination des restes"
  from cimetiere.defunt_archive a
 where a.fin_concession = &idx
 order by a.date_inhumation nulls first, a.defunt_archive$q$),
  ('cimetiere_fin_autorisations', 'Cimetière : concessionnaires d’une fin de concession', 'Concessionnaires et ayants droit', '34|40|30|50|36',
   '999|999|999|999|999', '0|0|0|0|0',
   $q$select case a.nature when 'concessionnaire' then 'Concessionnaire' else 'Ayant droit' end as "Qualité",
       a.nom || coalesce(' (naissance : ' || a.nom_naissance || ')', '') as "Nom", coalesce(a.prenom, '') as "Prénom",
       concat_ws(' ', a.adresse1, a.cp, a.ville) as "Adresse",
       case when a.decede then 'décédé(e)' else coalesce(a.parente, '') end as "Parenté"
  from cimetiere.autorisation_archive a
 where a.fin_concession = &idx
 order by a.nature desc, a.autorisation_archive$q$)
  ) as v (id, libelle, titre, largeurs, numerique, total, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, 'cimetiere_etat_concession', 'État concession', true, 'cimetiere.fin_concession', 'P', 'A4', 'logo', 10, 10,
   '<h1 style="text-align: center">État concession n° [numero_acte]</h1><p style="text-align: center">[collectivite] — fin de concession du [date_fin]</p>',
   35, 12, 165, 14,
   '<p><strong>Emplacement :</strong> [emplacement] ([nature])</p>'
   || '<p><strong>Famille :</strong> [famille]</p>'
   || '<p><strong>Acte :</strong> n° [numero_acte] du [date_acte], vendu le [date_vente] — [duree] — terme : [date_terme]</p>'
   || '<p><strong>Motif de la fin :</strong> [motif] — <strong>Ossuaire :</strong> [ossuaire]</p>'
   || '<div data-sousetat="cimetiere_fin_defunts"></div>'
   || '<div data-sousetat="cimetiere_fin_autorisations"></div>'
   || '<p>Pièces du dossier archivées : [pieces]</p>'
   || '<p>Fin de concession enregistrée le [fait_le] par [fait_par].</p>'
   || '<p style="text-align: right">Fait à &ville, le &aujourdhui.</p><p style="text-align: right">Le maire,</p>',
   false, (select r.om_requete from om.om_requete r where r.code = 'cimetiere_fin_concession' order by r.om_requete limit 1)
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = 'cimetiere_etat_concession' and e.om_collectivite = c.om_collectivite);
