-- Concessions, reprise, tarifs et factures (partie C) : documents livrés comme ceux des autres
-- applications (lignes du moteur de documents rattachées à la collectivité de niveau 2, servant à
-- toutes les communes tant qu’elles n’ont pas activé leur copie ; jamais insérées deux fois) :
-- - la facture (état sur facture), le registre des actes de l’année (état sur concession : tous les
--   actes de l’année de l’acte imprimé, dans l’ordre des numéros) ;
-- - les lettres de la procédure de reprise (procès-verbal de constat d’abandon, notification aux
--   ayants droit, arrêté de reprise : lettres types sur reprise) ;
-- - la lettre « Renouvellement de concession » (lettre type sur courrier : le courrier que le
--   renouvellement enregistre pour le concessionnaire) ;
-- - le paramètre imputation_concessions (compte 70311 des nomenclatures M14/M57) ;
-- - le widget « Concessions à terme » sur les tableaux de bord.

-- ---- sources de données ------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select v.code, v.libelle, v.description, 'sql', v.requete, v.champs
  from (values
  ('cimetiere_facture', 'Cimetière : facture', 'Une facture, son payeur, son emplacement et son acte.',
   $q$select f.facture, f.numero, to_char(f.date_facture, 'DD/MM/YYYY') as date_facture,
       case f.objet when 'vente' then 'Vente de concession' when 'renouvellement' then 'Renouvellement de concession'
                    when 'conversion' then 'Conversion de concession' when 'operation' then 'Opération funéraire' else 'Autre' end as objet,
       f.libelle, translate(to_char(f.montant, 'FM999,999,990.00'), ',.', chr(160) || ',') || chr(160) || '€' as montant,
       f.payeur_nom, coalesce(f.payeur_adresse1, '') as payeur_adresse1, coalesce(f.payeur_adresse2, '') as payeur_adresse2,
       coalesce(f.payeur_cp, '') as payeur_cp, coalesce(f.payeur_ville, '') as payeur_ville,
       ci.libelle || ', ' || z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as emplacement,
       coalesce(c.numero_acte, '') as acte, coalesce(to_char(c.date_terme, 'DD/MM/YYYY'), '') as date_terme,
       case f.etat when 'emise' then 'Émise' when 'titree' then 'Titre n° ' || f.numero_titre || ' du ' || to_char(f.date_titre, 'DD/MM/YYYY')
                   when 'payee' then 'Payée le ' || to_char(f.date_paiement, 'DD/MM/YYYY') else 'Annulée' end as etat,
       col.libelle as collectivite
  from cimetiere.facture f
  join cimetiere.emplacement e on e.emplacement = f.emplacement
  join cimetiere.voie v on v.voie = e.voie
  join cimetiere.zone z on z.zone = v.zone
  join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
  join om.om_collectivite col on col.om_collectivite = f.om_collectivite
  left join cimetiere.concession c on c.concession = f.concession
 where f.facture = &idx$q$,
   'facture: Identifiant
numero: Numéro
date_facture: Date
objet: Objet
libelle: Libellé
montant: Montant (« 1 234,50 € »)
payeur_nom: Payeur
payeur_adresse1: Adresse du payeur
payeur_adresse2: Complément d’adresse
payeur_cp: Code postal
payeur_ville: Ville
emplacement: Emplacement
acte: Numéro d’acte
date_terme: Terme de la concession
etat: État
collectivite: Commune'),
  ('cimetiere_registre', 'Cimetière : registre des actes', 'L’année d’un acte de concession et le nombre d’actes de cette année.',
   $q$select c.concession, split_part(c.numero_acte, '-', 1) as annee,
       (select count(*) from cimetiere.concession a where a.numero_acte like split_part(c.numero_acte, '-', 1) || '-%') as nombre,
       col.libelle as collectivite
  from cimetiere.concession c
  join om.om_collectivite col on col.om_collectivite = c.om_collectivite
 where c.concession = &idx$q$,
   'concession: Identifiant
annee: Année du registre
nombre: Nombre d’actes
collectivite: Commune'),
  ('cimetiere_reprise', 'Cimetière : procédure de reprise', 'Une procédure de reprise, son emplacement, sa concession et ses dates.',
   $q$select r.reprise, ci.libelle || ', ' || z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as emplacement,
       coalesce(e.famille, '') as famille, coalesce(c.numero_acte, '') as acte, coalesce(to_char(c.date_acte, 'DD/MM/YYYY'), '') as date_acte,
       to_char(r.date_premier_constat, 'DD/MM/YYYY') as date_premier_constat,
       coalesce(to_char(r.date_notification, 'DD/MM/YYYY'), '') as date_notification,
       coalesce(to_char(r.date_fin_affichage, 'DD/MM/YYYY'), '') as date_fin_affichage,
       coalesce(to_char(r.date_second_constat, 'DD/MM/YYYY'), '') as date_second_constat,
       coalesce(to_char(r.date_deliberation, 'DD/MM/YYYY'), '') as date_deliberation,
       coalesce(to_char(r.date_arrete, 'DD/MM/YYYY'), '') as date_arrete,
       coalesce((select string_agg(concat_ws(' ', a.nom, a.prenom), ', ' order by a.nature, a.nom) from cimetiere.autorisation a
                  where a.emplacement = r.emplacement and not a.decede), '') as ayants_droit,
       coalesce((select string_agg(concat_ws(' ', d.nom, d.prenom), ', ' order by d.date_inhumation) from cimetiere.defunt d
                  where d.emplacement = r.emplacement and not d.exhumation), '') as defunts,
       col.libelle as collectivite
  from cimetiere.reprise r
  join cimetiere.emplacement e on e.emplacement = r.emplacement
  join cimetiere.voie v on v.voie = e.voie
  join cimetiere.zone z on z.zone = v.zone
  join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
  join om.om_collectivite col on col.om_collectivite = r.om_collectivite
  left join cimetiere.concession c on c.concession = r.concession
 where r.reprise = &idx$q$,
   'reprise: Identifiant
emplacement: Emplacement
famille: Famille
acte: Numéro d’acte
date_acte: Date de l’acte
date_premier_constat: Premier constat
date_notification: Notification
date_fin_affichage: Fin de l’affichage
date_second_constat: Second constat
date_deliberation: Délibération
date_arrete: Arrêté
ayants_droit: Concessionnaires et ayants droit vivants
defunts: Défunts inhumés
collectivite: Commune'),
  ('cimetiere_courrier_renouvellement', 'Cimetière : courrier de renouvellement', 'Un courrier, son destinataire, son emplacement et l’acte en vigueur.',
   $q$select co.courrier, concat_ws(' ', a.nom, a.prenom) as destinataire, coalesce(a.adresse1, '') as adresse1, coalesce(a.adresse2, '') as adresse2,
       coalesce(a.cp, '') as cp, coalesce(a.ville, '') as ville, to_char(co.date_courrier, 'DD/MM/YYYY') as date_courrier,
       ci.libelle || ', ' || z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as emplacement,
       coalesce(c.numero_acte, '') as acte, coalesce(to_char(c.date_terme, 'DD/MM/YYYY'), '') as date_terme, coalesce(co.complement, '') as complement,
       col.libelle as collectivite
  from cimetiere.courrier co
  join cimetiere.emplacement e on e.emplacement = co.emplacement
  join cimetiere.voie v on v.voie = e.voie
  join cimetiere.zone z on z.zone = v.zone
  join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
  join om.om_collectivite col on col.om_collectivite = co.om_collectivite
  left join cimetiere.autorisation a on a.autorisation = co.autorisation
  left join cimetiere.concession c on c.emplacement = co.emplacement and c.etat = 'active'
 where co.courrier = &idx$q$,
   'courrier: Identifiant
destinataire: Destinataire
adresse1: Adresse
adresse2: Complément d’adresse
cp: Code postal
ville: Ville
date_courrier: Date du courrier
emplacement: Emplacement
acte: Acte en vigueur
date_terme: Terme de l’acte en vigueur
complement: Complément
collectivite: Commune')
  ) as v (code, libelle, description, requete, champs)
 where not exists (select from om.om_requete r where r.code = v.code);

-- ---- sous-état du registre ---------------------------------------------------------------------

insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, titreattribut, titretaille, entete_flag, entete_fond,
  cellule_largeur, tableau_largeur, tableau_fontaille, cellule_hauteur, cellule_numerique, cellule_total, masque_si_vide, om_sql)
select c.om_collectivite, 'cimetiere_registre_actes', 'Cimetière : actes du registre de l’année', true, 'Actes de concession', 'B', 11, '1', '1',
   '20|20|35|65|25|25', 190, 8, 7, '999|999|999|999|999|999', '0|0|0|0|0|0', false,
   $q$select a.numero_acte as "Acte", to_char(a.date_acte, 'DD/MM/YYYY') as "Date", coalesce(e.famille, '') as "Famille",
       z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as "Emplacement",
       case a.duree_type when 'temporaire' then 'temporaire ' || a.duree || ' ans' when 'perpetuelle' then 'perpétuelle' else a.duree_type end as "Durée",
       coalesce(translate(to_char(a.montant, 'FM999,999,990.00'), ',.', chr(160) || ',') || chr(160) || '€', '') as "Montant"
  from cimetiere.concession a
  join cimetiere.emplacement e on e.emplacement = a.emplacement
  join cimetiere.voie v on v.voie = e.voie
  join cimetiere.zone z on z.zone = v.zone
 where a.numero_acte like (select split_part(c.numero_acte, '-', 1) from cimetiere.concession c where c.concession = &idx) || '-%'
 order by length(a.numero_acte), a.numero_acte$q$
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_sousetat s where s.id = 'cimetiere_registre_actes' and s.om_collectivite = c.om_collectivite);

-- ---- états ------------------------------------------------------------------------------------

insert into om.om_etat (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, impression_differee, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.objet, 'P', 'A4', 'logo', 10, 10, v.titre, 35, 12, 165, 14, v.corps,
       false, (select r.om_requete from om.om_requete r where r.code = v.source order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('cimetiere_facture', 'Facture', 'cimetiere.facture', 'cimetiere_facture',
   '<h1 style="text-align: center">Facture n° [numero]</h1><p style="text-align: center">[collectivite] — service des cimetières</p>',
   '<p><strong>[payeur_nom]</strong><br>[payeur_adresse1] [payeur_adresse2]<br>[payeur_cp] [payeur_ville]</p>'
   || '<p>Date : [date_facture]</p>'
   || '<p><strong>Objet :</strong> [objet]</p>'
   || '<p><strong>Emplacement :</strong> [emplacement]</p>'
   || '<p><strong>Acte de concession :</strong> n° [acte] (terme : [date_terme])</p>'
   || '<table><tbody><tr><td>[libelle]</td><td>[montant]</td></tr><tr><td><strong>Montant à payer</strong></td><td><strong>[montant]</strong></td></tr></tbody></table>'
   || '<p>État : [etat]. Le paiement se fait auprès de la trésorerie à réception du titre de recette.</p>'
   || '<p>Fait à &ville, le &aujourdhui.</p>'),
  ('cimetiere_registre_concessions', 'Registre des actes de concession de l’année', 'cimetiere.concession', 'cimetiere_registre',
   '<h1 style="text-align: center">Registre des actes de concession [annee]</h1><p style="text-align: center">[collectivite]</p>',
   '<p>[nombre] actes de concession enregistrés en [annee], dans l’ordre de leurs numéros.</p>'
   || '<div data-sousetat="cimetiere_registre_actes"></div>'
   || '<p>Arrêté à &ville, le &aujourdhui.</p>')
  ) as v (id, libelle, objet, source, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_etat e where e.id = v.id and e.om_collectivite = c.om_collectivite);

-- ---- lettres types ----------------------------------------------------------------------------

insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet, orientation, format, logo, logoleft, logotop,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, v.id, v.libelle, true, v.objet, 'P', 'A4', 'logo', 10, 10, v.titre, 35, 12, 165, 14, v.corps,
       (select r.om_requete from om.om_requete r where r.code = v.source order by r.om_requete limit 1)
  from om.om_collectivite c
 cross join (values
  ('cimetiere_reprise_constat', 'Procès-verbal de constat d’abandon', 'cimetiere.reprise', 'cimetiere_reprise',
   '<h1 style="text-align: center">Procès-verbal de constat d’abandon</h1><p style="text-align: center">[collectivite]</p>',
   '<p>Le [date_premier_constat], nous, maire de [collectivite], nous sommes rendu au cimetière, à l’emplacement [emplacement], '
   || 'concédé à la famille [famille] par l’acte n° [acte] du [date_acte].</p>'
   || '<p>Nous avons constaté que la sépulture se trouve en état d’abandon (articles L2223-17 et R2223-12 à R2223-23 du code général des collectivités territoriales).</p>'
   || '<p>Défunts inhumés : [defunts].</p>'
   || '<p>Descendants, successeurs ou personnes chargées de l’entretien connus : [ayants_droit].</p>'
   || '<p>Le présent procès-verbal est affiché pendant un mois à la porte de la mairie et du cimetière et notifié aux intéressés dans les huit jours.</p>'
   || '<p>Fait à &ville, le &aujourdhui.</p><p>Le maire,</p>'),
  ('cimetiere_reprise_notification', 'Notification du constat aux ayants droit', 'cimetiere.reprise', 'cimetiere_reprise',
   '<h1 style="text-align: center">Notification du constat d’abandon</h1><p style="text-align: center">[collectivite]</p>',
   '<p>À l’attention de : [ayants_droit]</p>'
   || '<p>Madame, Monsieur,</p>'
   || '<p>Par procès-verbal du [date_premier_constat], l’état d’abandon de la sépulture de la famille [famille] ([emplacement], acte n° [acte]) a été constaté.</p>'
   || '<p>Si, trois ans après ce constat, la sépulture n’a pas été remise en bon état d’entretien, un nouveau constat sera dressé et le conseil municipal pourra décider la reprise de la concession (article L2223-17 du code général des collectivités territoriales).</p>'
   || '<p>Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>'
   || '<p>Fait à &ville, le &aujourdhui.</p><p>Le maire,</p>'),
  ('cimetiere_reprise_arrete', 'Arrêté de reprise', 'cimetiere.reprise', 'cimetiere_reprise',
   '<h1 style="text-align: center">Arrêté de reprise d’une concession en état d’abandon</h1><p style="text-align: center">[collectivite]</p>',
   '<p>Le maire de [collectivite],</p>'
   || '<p>Vu le code général des collectivités territoriales, notamment ses articles L2223-17, L2223-18 et R2223-12 à R2223-23 ;</p>'
   || '<p>Vu les procès-verbaux de constat d’abandon des [date_premier_constat] et [date_second_constat] ;</p>'
   || '<p>Vu la délibération du conseil municipal du [date_deliberation] ;</p>'
   || '<p><strong>Arrête :</strong></p>'
   || '<p>Article 1 : la concession n° [acte] du [date_acte], emplacement [emplacement], famille [famille], est reprise par la commune.</p>'
   || '<p>Article 2 : la reprise du terrain ne pourra avoir lieu que trente jours après la publication et la notification du présent arrêté. Les restes seront déposés à l’ossuaire.</p>'
   || '<p>Fait à &ville, le [date_arrete].</p><p>Le maire,</p>'),
  ('cimetiere_renouvellement', 'Renouvellement de concession', 'cimetiere.courrier', 'cimetiere_courrier_renouvellement',
   '<h1 style="text-align: center">Renouvellement de concession</h1><p style="text-align: center">[collectivite]</p>',
   '<p><strong>[destinataire]</strong><br>[adresse1] [adresse2]<br>[cp] [ville]</p>'
   || '<p>Madame, Monsieur,</p>'
   || '<p>Nous vous confirmons le renouvellement de la concession de l’emplacement [emplacement] : acte n° [acte], valable jusqu’au [date_terme].</p>'
   || '<p>[complement]</p>'
   || '<p>La facture correspondante vous est adressée séparément ; le titre de recette sera émis par la trésorerie.</p>'
   || '<p>Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>'
   || '<p>Fait à &ville, le [date_courrier].</p>')
  ) as v (id, libelle, objet, source, titre, corps)
 where c.niveau = '2'
   and not exists (select from om.om_lettretype l where l.id = v.id and l.om_collectivite = c.om_collectivite);

-- ---- paramètre ----------------------------------------------------------------------------------

insert into om.om_parametre (libelle, valeur, om_collectivite)
select 'imputation_concessions', '70311', c.om_collectivite
  from om.om_collectivite c
 where c.niveau = '2'
on conflict (libelle, om_collectivite) do nothing;

-- ---- widget « Concessions à terme » -------------------------------------------------------------

insert into om.om_widget (libelle, lien, texte, type)
select 'Cimetière : concessions à terme', 'cimetiere.concessions_a_terme', '', 'file'
 where not exists (select from om.om_widget w where w.lien = 'cimetiere.concessions_a_terme' and w.type = 'file');

insert into om.om_dashboard (om_profil, bloc, position, om_widget)
select p.om_profil, 'C2', 40, w.om_widget
  from om.om_profil p
  join om.om_widget w on w.lien = 'cimetiere.concessions_a_terme' and w.type = 'file'
 where p.libelle in ('ADMINISTRATEUR', 'SUPER UTILISATEUR', 'UTILISATEUR', 'CONSULTATION')
   and not exists (select from om.om_dashboard d where d.om_profil = p.om_profil and d.om_widget = w.om_widget);
