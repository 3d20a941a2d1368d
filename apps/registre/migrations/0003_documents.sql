-- Documents du registre (issue 10 §9, §10), livrés comme des documents ordinaires que chaque
-- collectivité peut copier et modifier : ils appartiennent à la collectivité de niveau 2, dont les
-- documents actifs servent à toutes les collectivités qui n'ont pas le leur.
-- - état « fiche_traitement » : la fiche d'une activité de traitement et toutes ses sous-tables ;
-- - état « registre » : le registre de la collectivité (article 30 du RGPD), imprimé depuis la
--   fiche de n'importe lequel de ses traitements (un DPO consulte les traitements, pas les
--   collectivités, réservées aux administrateurs) ;
-- - lettre type « garanties_sous_traitant » : la demande de garanties à un sous-traitant (article 28).
-- Les dates de création et de mise à jour de chaque fiche, que le modèle de registre de la CNIL
-- demande, sont tenues par la base.

alter table registre.traitement add column if not exists date_creation date not null default current_date;
alter table registre.traitement add column if not exists date_maj date not null default current_date;
comment on column registre.traitement.date_creation is 'Date de création de la fiche.';
comment on column registre.traitement.date_maj is 'Date de dernière mise à jour de la fiche.';

create or replace function registre.traitement_dates() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    new.date_creation := current_date;
  else
    new.date_creation := old.date_creation;
  end if;
  new.date_maj := current_date;
  return new;
end
$$;

drop trigger if exists traitement_dates on registre.traitement;
create trigger traitement_dates before insert or update on registre.traitement
  for each row execute function registre.traitement_dates();

-- ---- sources de données (communes à toutes les collectivités) ---------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select v.code, v.libelle, v.description, 'sql', v.requete, v.merge_fields
  from (values
  ('registre_traitement', 'Registre : fiche d’un traitement', 'Les rubriques d’une activité de traitement, pour sa fiche.',
   'select t.traitement, t.libelle, t.finalite, b.code as base_legale_code, b.libelle as base_legale,
       s.libelle as service, t.responsable,
       case t.statut when ''brouillon'' then ''Brouillon'' when ''valide'' then ''Validé'' else ''Archivé'' end as statut,
       t.donnees_sensibles, t.date_aipd, t.date_revue_dpo, t.observations, t.date_creation, t.date_maj,
       c.libelle as collectivite, c.dpo_nom, c.dpo_contact
  from registre.traitement t
  join registre.base_legale b on b.base_legale = t.base_legale
  left join registre.service s on s.service = t.service
  join om.om_collectivite c on c.om_collectivite = t.om_collectivite
 where t.traitement = &idx',
   'traitement: Numéro de la fiche
libelle: Nom du traitement
finalite: Finalité
base_legale_code: Article de la base légale
base_legale: Base légale
service: Service responsable
responsable: Responsable dans le service
statut: Statut
donnees_sensibles: Données sensibles (Oui, Non)
date_aipd: Date de l’AIPD
date_revue_dpo: Prochaine revue DPO
observations: Observations
date_creation: Date de création de la fiche
date_maj: Date de mise à jour de la fiche
collectivite: Collectivité
dpo_nom: Nom du DPO
dpo_contact: Contact du DPO'),
  ('registre_collectivite', 'Registre : responsable de traitement et DPO', 'La collectivité du traitement : coordonnées du responsable de traitement et de son DPO.',
   'select c.libelle as collectivite, c.adresse, c.telephone, c.email, c.siret, c.dpo_nom, c.dpo_contact
  from om.om_collectivite c
 where c.om_collectivite = (select t.om_collectivite from registre.traitement t where t.traitement = &idx)',
   'collectivite: Collectivité (responsable de traitement)
adresse: Adresse postale
telephone: Téléphone
email: Courriel
siret: SIRET
dpo_nom: Nom du DPO
dpo_contact: Contact du DPO'),
  ('registre_sous_traitant', 'Registre : sous-traitant', 'Un sous-traitant, ses traitements et la collectivité qui lui écrit.',
   'select st.libelle, st.adresse, st.contact, st.contrat_debut, st.contrat_fin,
       (select string_agg(t.libelle, '', '' order by t.libelle)
          from registre.traitement_sous_traitant ts join registre.traitement t on t.traitement = ts.traitement
         where ts.sous_traitant = st.sous_traitant) as traitements,
       c.libelle as collectivite, c.adresse as collectivite_adresse, c.telephone as collectivite_telephone,
       c.email as collectivite_email, c.dpo_nom, c.dpo_contact
  from registre.sous_traitant st
  join om.om_collectivite c on c.om_collectivite = st.om_collectivite
 where st.sous_traitant = &idx',
   'libelle: Raison sociale du sous-traitant
adresse: Adresse du sous-traitant
contact: Contact chez le sous-traitant
contrat_debut: Début du contrat
contrat_fin: Fin du contrat
traitements: Traitements confiés
collectivite: Collectivité
collectivite_adresse: Adresse de la collectivité
collectivite_telephone: Téléphone de la collectivité
collectivite_email: Courriel de la collectivité
dpo_nom: Nom du DPO
dpo_contact: Contact du DPO')
  ) as v (code, libelle, description, requete, merge_fields)
 where not exists (select from om.om_requete r where r.code = v.code);

-- ---- sous-états -------------------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.titre, 'B', 11, '1', '1', v.largeurs, 190, 9, v.requete
  from om.om_collectivite c
 cross join (values
  ('registre_categories_personnes', 'Registre : catégories de personnes', 'Catégories de personnes concernées', '70|120',
   'select p.libelle as "Catégorie de personnes", coalesce(p.description, '''') as "Précisions"
  from registre.traitement_categorie_personnes tp
  join registre.categorie_personnes p on p.categorie_personnes = tp.categorie_personnes
 where tp.traitement = &idx
 order by p.libelle collate "und-x-icu"'),
  ('registre_categories_donnees', 'Registre : catégories de données', 'Catégories de données personnelles', '60|105|25',
   'select d.libelle as "Catégorie de données", coalesce(d.description, '''') as "Précisions",
       case when d.sensible then ''Oui'' else ''Non'' end as "Sensible"
  from registre.traitement_categorie_donnees td
  join registre.categorie_donnees d on d.categorie_donnees = td.categorie_donnees
 where td.traitement = &idx
 order by d.libelle collate "und-x-icu"'),
  ('registre_destinataires', 'Registre : destinataires', 'Destinataires des données', '70|25|95',
   'select d.libelle as "Destinataire", case when d.interne then ''Interne'' else ''Externe'' end as "Origine",
       coalesce(d.description, '''') as "Précisions"
  from registre.traitement_destinataire td
  join registre.destinataire d on d.destinataire = td.destinataire
 where td.traitement = &idx
 order by d.libelle collate "und-x-icu"'),
  ('registre_sous_traitants', 'Registre : sous-traitants', 'Sous-traitants (article 28 du RGPD)', '60|80|25|25',
   'select l."Sous-traitant", l."Contact", l."Début du contrat", l."Fin du contrat" from (
  select st.libelle as "Sous-traitant", coalesce(st.contact, '''') as "Contact",
         coalesce(to_char(st.contrat_debut, ''DD/MM/YYYY''), '''') as "Début du contrat",
         coalesce(to_char(st.contrat_fin, ''DD/MM/YYYY''), '''') as "Fin du contrat", 0 as rang
    from registre.traitement_sous_traitant ts
    join registre.sous_traitant st on st.sous_traitant = ts.sous_traitant
   where ts.traitement = &idx
  union all
  select ''Aucun sous-traitant'', '''', '''', '''', 1
   where not exists (select from registre.traitement_sous_traitant ts where ts.traitement = &idx)
) l
 order by l.rang, l."Sous-traitant" collate "und-x-icu"'),
  ('registre_mesures', 'Registre : mesures de sécurité', 'Mesures de sécurité (article 32 du RGPD)', '70|120',
   'select m.libelle as "Mesure de sécurité", coalesce(m.description, '''') as "Description"
  from registre.traitement_mesure_securite tm
  join registre.mesure_securite m on m.mesure_securite = tm.mesure_securite
 where tm.traitement = &idx
 order by m.libelle collate "und-x-icu"'),
  ('registre_transferts', 'Registre : transferts hors UE', 'Transferts hors de l’Union européenne', '50|140',
   'select l."Pays", l."Garanties" from (
  select x.pays as "Pays", x.garanties as "Garanties", 0 as rang
    from registre.transfert_hors_ue x
   where x.traitement = &idx
  union all
  select ''Aucun transfert'', ''Les données restent dans l’Union européenne.'', 1
   where not exists (select from registre.transfert_hors_ue x where x.traitement = &idx)
) l
 order by l.rang, l."Pays" collate "und-x-icu"'),
  ('registre_durees', 'Registre : durées de conservation', 'Durées de conservation', '70|40|80',
   'select coalesce(d.libelle, ''Toutes les données'') as "Données", c.duree as "Durée", c.point_depart as "Point de départ"
  from registre.duree_conservation c
  left join registre.categorie_donnees d on d.categorie_donnees = c.categorie_donnees
 where c.traitement = &idx
 order by d.libelle collate "und-x-icu" nulls first, c.duree_conservation'),
  ('registre_activites', 'Registre : activités de traitement', '', '55|135',
   'select r.rubrique as "Rubrique", coalesce(r.contenu, '''') as "Contenu"
  from (select t.*, row_number() over (order by t.libelle collate "und-x-icu", t.traitement) as numero
          from registre.traitement t
         where t.om_collectivite = (select c.om_collectivite from registre.traitement c where c.traitement = &idx)) t
  join registre.base_legale b on b.base_legale = t.base_legale
  left join registre.service s on s.service = t.service
 cross join lateral (values
   (1, ''Activité n° '' || t.numero, upper(t.libelle)),
   (2, ''Finalité'', t.finalite),
   (3, ''Base légale'', b.libelle || '' (article '' || b.code || '' du RGPD)''),
   (4, ''Service, responsable'', concat_ws('' — '', s.libelle, t.responsable)),
   (5, ''Catégories de personnes'', (select string_agg(p.libelle, '', '' order by p.libelle collate "und-x-icu")
        from registre.traitement_categorie_personnes tp join registre.categorie_personnes p on p.categorie_personnes = tp.categorie_personnes
       where tp.traitement = t.traitement)),
   (6, ''Catégories de données'', (select string_agg(d.libelle, '', '' order by d.libelle collate "und-x-icu")
        from registre.traitement_categorie_donnees td join registre.categorie_donnees d on d.categorie_donnees = td.categorie_donnees
       where td.traitement = t.traitement)),
   (7, ''Données sensibles'', case when t.donnees_sensibles
        then ''Oui'' || coalesce('', analyse d’impact du '' || to_char(t.date_aipd, ''DD/MM/YYYY''), '''') else ''Non'' end),
   (8, ''Destinataires'', (select string_agg(d.libelle, '', '' order by d.libelle collate "und-x-icu")
        from registre.traitement_destinataire td join registre.destinataire d on d.destinataire = td.destinataire
       where td.traitement = t.traitement)),
   (9, ''Sous-traitants'', coalesce((select string_agg(st.libelle, '', '' order by st.libelle collate "und-x-icu")
        from registre.traitement_sous_traitant ts join registre.sous_traitant st on st.sous_traitant = ts.sous_traitant
       where ts.traitement = t.traitement), ''Aucun'')),
   (10, ''Transferts hors UE'', coalesce((select string_agg(x.pays || '' : '' || x.garanties, '' ; '' order by x.pays collate "und-x-icu")
        from registre.transfert_hors_ue x where x.traitement = t.traitement), ''Aucun'')),
   (11, ''Durées de conservation'', (select string_agg(coalesce(d.libelle, ''Toutes les données'') || '' : '' || c.duree || '', à compter de '' || c.point_depart,
          '' ; '' order by d.libelle collate "und-x-icu" nulls first, c.duree_conservation)
        from registre.duree_conservation c left join registre.categorie_donnees d on d.categorie_donnees = c.categorie_donnees
       where c.traitement = t.traitement)),
   (12, ''Mesures de sécurité'', (select string_agg(m.libelle, '', '' order by m.libelle collate "und-x-icu")
        from registre.traitement_mesure_securite tm join registre.mesure_securite m on m.mesure_securite = tm.mesure_securite
       where tm.traitement = t.traitement)),
   (13, ''Statut'', case t.statut when ''brouillon'' then ''Brouillon'' when ''valide'' then ''Validé'' else ''Archivé'' end),
   (14, ''Fiche créée, mise à jour'', ''Créée le '' || to_char(t.date_creation, ''DD/MM/YYYY'') || '', mise à jour le '' || to_char(t.date_maj, ''DD/MM/YYYY''))
 ) as r (ordre, rubrique, contenu)
 order by t.numero, r.ordre')
  ) as v (id, libelle, titre, largeurs, requete)
 where c.niveau = '2'
   and not exists (select from om.om_sousetat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- états et lettre type ---------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, v.id, v.libelle, true, 'registre.traitement', 'logo', 10, 10, v.titre, 35, 12, 165, 14, v.corps,
       (select r.om_requete from om.om_requete r where r.code = v.source order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('fiche_traitement', 'Fiche du traitement', 'registre_traitement',
   '<h1 style="text-align: center">Fiche de traitement n° [traitement]</h1><p style="text-align: center"><strong>[libelle]</strong></p>',
   '<p><strong>Responsable de traitement :</strong> [collectivite] — <strong>DPO :</strong> [dpo_nom] ([dpo_contact])</p>'
   || '<h2>Description</h2>'
   || '<p><strong>Finalité :</strong> [finalite]</p>'
   || '<p><strong>Base légale :</strong> [base_legale] (article [base_legale_code] du RGPD)</p>'
   || '<p><strong>Service :</strong> [service] — <strong>responsable :</strong> [responsable]</p>'
   || '<p><strong>Statut :</strong> [statut] — <strong>données sensibles :</strong> [donnees_sensibles] — <strong>AIPD :</strong> [date_aipd]</p>'
   || '<p><strong>Fiche créée le</strong> [date_creation], <strong>mise à jour le</strong> [date_maj] ; <strong>prochaine revue DPO :</strong> [date_revue_dpo]</p>'
   || '<h2>Personnes et données</h2>'
   || '<div data-sousetat="registre_categories_personnes"></div>'
   || '<div data-sousetat="registre_categories_donnees"></div>'
   || '<div data-sousetat="registre_durees"></div>'
   || '<h2>Destinataires et sous-traitants</h2>'
   || '<div data-sousetat="registre_destinataires"></div>'
   || '<div data-sousetat="registre_sous_traitants"></div>'
   || '<div data-sousetat="registre_transferts"></div>'
   || '<h2>Sécurité</h2>'
   || '<div data-sousetat="registre_mesures"></div>'
   || '<p><strong>Observations :</strong> [observations]</p>'
   || '<p style="text-align: right"><em>Édité le &aujourdhui</em></p>'),
  ('registre', 'Registre des activités de traitement (article 30)', 'registre_collectivite',
   '<h1 style="text-align: center">Registre des activités de traitement</h1><p style="text-align: center">[collectivite] — article 30 du RGPD</p>',
   '<h2>Responsable de traitement</h2>'
   || '<p><strong>[collectivite]</strong></p>'
   || '<p>Adresse : [adresse]</p>'
   || '<p>Téléphone : [telephone] — courriel : [email]</p>'
   || '<p>SIRET : [siret]</p>'
   || '<h2>Délégué à la protection des données</h2>'
   || '<p><strong>[dpo_nom]</strong></p>'
   || '<p>Contact : [dpo_contact]</p>'
   || '<p><em>Registre arrêté le &aujourdhui.</em></p>'
   || '<hr class="saut-de-page">'
   || '<h2>Activités de traitement</h2>'
   || '<div data-sousetat="registre_activites"></div>')
  ) as v (id, libelle, source, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, 'garanties_sous_traitant', 'Demande de garanties RGPD au sous-traitant', true, 'registre.sous_traitant',
       'logo', 10, 10,
       '<p><strong>[collectivite]</strong></p><p>[collectivite_adresse]</p><p>[collectivite_telephone] — [collectivite_email]</p>',
       35, 10, 110, 20,
       '<p style="text-align: right"><strong>[libelle]</strong></p>'
       || '<p style="text-align: right">À l’attention de : [contact]</p>'
       || '<p style="text-align: right">[adresse]</p>'
       || '<p style="text-align: right">Le &aujourdhui</p>'
       || '<p><strong>Objet : garanties de protection des données personnelles (article 28 du RGPD)</strong></p>'
       || '<p>Madame, Monsieur,</p>'
       || '<p>Votre société traite pour le compte de [collectivite] des données personnelles dans le cadre des traitements suivants : [traitements]. Le contrat qui nous lie court du [contrat_debut] au [contrat_fin].</p>'
       || '<p>En application de l’article 28 du règlement général sur la protection des données, nous vous remercions de nous faire parvenir sous un mois :</p>'
       || '<ul><li>les mesures techniques et organisationnelles de sécurité que vous mettez en œuvre ;</li>'
       || '<li>la liste de vos propres sous-traitants ultérieurs et le lieu d’hébergement des données ;</li>'
       || '<li>le cas échéant, les garanties encadrant un transfert hors de l’Union européenne ;</li>'
       || '<li>les coordonnées de votre délégué à la protection des données.</li></ul>'
       || '<p>Notre délégué à la protection des données, [dpo_nom], se tient à votre disposition : [dpo_contact].</p>'
       || '<p>Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>'
       || '<p style="text-align: right">Pour [collectivite]</p>',
       (select r.om_requete from om.om_requete r where r.code = 'registre_sous_traitant' order by r.om_requete limit 1)
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_lettretype e where e.id = 'garanties_sous_traitant' and e.om_collectivite = c.om_collectivite);
