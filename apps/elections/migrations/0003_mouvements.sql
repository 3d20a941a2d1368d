-- L’instruction des mouvements (issue 11, points 3 à 5) : la date de transmission, les index de
-- la recherche des doublons, les droits des actions du circuit (à instruire → en attente →
-- accepté ou refusé → transmis → archivé ; fiche électeur : demander une modification, radier) et
-- la lettre de refus, livrée comme un document ordinaire de la collectivité de niveau 2.

alter table elections.mouvement add column if not exists date_transmission date;
comment on column elections.mouvement.date_transmission is 'Date de transmission : le jour où la décision a été transmise (à l’INSEE, au demandeur).';

-- Les doublons se cherchent par la clé du nom de naissance sans espaces (src/rules/doublons.ts,
-- NAME_KEY_SQL), que l’index (…, nom_recherche, …) ne sert pas.
create index if not exists electeur_doublon on elections.electeur (om_collectivite, liste, (replace(nom_recherche, ' ', '')));
create index if not exists mouvement_doublon on elections.mouvement (om_collectivite, liste, (replace(nom_recherche, ' ', '')));

-- ---- Droits des actions (ADMINISTRATEUR reçoit tout à l’installation) ---------------------------

-- UTILISATEUR instruit les mouvements (elections.mouvement les couvre déjà ; les droits sont
-- nommés pour qu’un profil créé plus tard puisse n’en recevoir que certains).
insert into om.om_droit (libelle, om_profil)
select droit, om_profil from om.om_profil cross join (values
    ('elections.mouvement_mettre_en_attente'), ('elections.mouvement_accepter'), ('elections.mouvement_refuser'),
    ('elections.mouvement_transmettre'), ('elections.mouvement_archiver'),
    ('elections.electeur_demander_modification'), ('elections.electeur_radier')
  ) as d (droit)
 where libelle = 'UTILISATEUR'
on conflict do nothing;

-- ---- La lettre de refus ---------------------------------------------------------------------------

insert into om.om_requete (code, libelle, description, type, requete, merge_fields)
select v.code, v.libelle, v.description, 'sql', v.requete, v.merge_fields
  from (values
  ('elections_mouvement', 'Élections : un mouvement et son demandeur',
   'Le demandeur d’un mouvement (état civil et adresse copiés sur le mouvement), le type, la décision et la collectivité.',
   'select m.mouvement, m.civilite, m.nom, m.nom_usage, m.prenoms,
       to_char(m.date_naissance, ''DD/MM/YYYY'') as date_naissance,
       trim(both '' '' from concat_ws('' '', nullif(m.numero, 0)::text, m.complement_numero, v.libelle)) as adresse,
       m.complement, v.code_postal, v.ville,
       t.libelle as type_mouvement, t.categorie, l.libelle as liste,
       to_char(m.date_demande, ''DD/MM/YYYY'') as date_demande,
       to_char(m.date_decision, ''DD/MM/YYYY'') as date_decision,
       m.motif_refus, c.libelle as collectivite
  from elections.mouvement m
  join elections.type_mouvement t on t.type_mouvement = m.type_mouvement
  join elections.liste l on l.liste = m.liste
  left join elections.voie v on v.voie = m.voie
  join om.om_collectivite c on c.om_collectivite = m.om_collectivite
 where m.mouvement = &idx',
   'mouvement: Numéro du mouvement
civilite: Civilité
nom: Nom de naissance
nom_usage: Nom d’usage
prenoms: Prénoms
date_naissance: Date de naissance
adresse: Numéro et voie
complement: Complément d’adresse
code_postal: Code postal
ville: Ville de l’adresse
type_mouvement: Type de mouvement
categorie: Catégorie (inscription, modification, radiation)
liste: Liste électorale
date_demande: Date de la demande
date_decision: Date de la décision
motif_refus: Motif du refus
collectivite: Collectivité')
  ) as v (code, libelle, description, requete, merge_fields)
 where not exists (select from om.om_requete r where r.code = v.code);

insert into om.om_lettretype (om_collectivite, id, libelle, actif, objet,
  titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur, corps_om_htmletatex, om_sql)
select c.om_collectivite, 'refus_mouvement', 'Notification du refus d’une demande', true, 'elections.mouvement',
       '<p><strong>Mairie de [collectivite]</strong></p><p>Service des élections</p>',
       10, 10, 110, 20,
       '<p style="text-align: right">[civilite] [prenoms] [nom]</p>'
       || '<p style="text-align: right">[adresse] [complement]</p>'
       || '<p style="text-align: right">[code_postal] [ville]</p>'
       || '<p style="text-align: right">[collectivite], le &aujourdhui</p>'
       || '<p><strong>Objet : refus de votre demande (mouvement n° [mouvement])</strong></p>'
       || '<p>[civilite] [nom],</p>'
       || '<p>Votre demande « [type_mouvement] » sur la [liste], déposée le [date_demande], a été examinée le [date_decision]. J’ai le regret de vous informer qu’elle ne peut être acceptée pour le motif suivant :</p>'
       || '<p><strong>[motif_refus]</strong></p>'
       || '<p>Vous pouvez contester cette décision devant le tribunal judiciaire dans un délai de sept jours à compter de sa notification (article L20 du code électoral).</p>'
       || '<p>Veuillez agréer, [civilite] [nom], l’expression de mes salutations distinguées.</p>'
       || '<p style="text-align: right">Pour le maire de [collectivite]</p>',
       (select r.om_requete from om.om_requete r where r.code = 'elections_mouvement' order by r.om_requete limit 1)
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_lettretype e where e.id = 'refus_mouvement' and e.om_collectivite = c.om_collectivite);
