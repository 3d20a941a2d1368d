-- Paramètres de « Cimetière » (référence cimetiere.md §2.11) : les valeurs par défaut de la
-- collectivité de niveau 2, reprises par chaque commune qui n’en définit pas (settingsOf). Une
-- valeur déjà là n’est pas remplacée. Les tables de référence (titres, types de zone…) sont propres
-- à chaque collectivité : la démonstration les remplit, pas la migration.

insert into om.om_parametre (libelle, valeur, om_collectivite)
select v.libelle, v.valeur, c.om_collectivite
  from om.om_collectivite c
 cross join (values
    ('taille_cercueil', '1'),
    ('taille_urne', '0.1'),
    ('taille_reduction', '0.5'),
    ('temps_reduction', '5'),
    ('duree_terraincommunal', '5'),
    ('superficie_terraincommunal', '2'),
    ('adm_cimetiere', 'Conservation des cimetières'),
    ('adm_mairie', 'Mairie'),
    ('adm_adresse', 'Place de la Mairie'),
    ('maire', 'Le Maire')) as v (libelle, valeur)
 where c.niveau = '2'
on conflict (libelle, om_collectivite) do nothing;

-- Les paramètres de taille et de durée d’une collectivité (les siens, à défaut ceux du niveau 2),
-- lisibles dans la transaction d’un traitement : la sécurité au niveau des lignes cache à un
-- utilisateur de commune les lignes du niveau 2. Seuls ces noms-là sont lus (rien de sensible).
create function cimetiere.parametres_lus(collectivite integer)
  returns table (libelle text, valeur text)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select distinct on (p.libelle) p.libelle::text, p.valeur
    from om.om_parametre p
    join om.om_collectivite c on c.om_collectivite = p.om_collectivite
   where p.libelle in ('taille_cercueil', 'taille_urne', 'taille_reduction', 'temps_reduction',
                       'duree_terraincommunal', 'superficie_terraincommunal')
     and (p.om_collectivite = collectivite or c.niveau = '2')
   order by p.libelle, (p.om_collectivite = collectivite) desc
$$;
comment on function cimetiere.parametres_lus(integer) is 'Paramètres de taille et de durée des cimetières d’une collectivité (les siens, sinon ceux du niveau 2).';

-- Les widgets du tableau de bord (src/tableau-de-bord/widgets.ts) : la recherche globale et la
-- supervision des emplacements, pour les profils qui travaillent au cimetière.
insert into om.om_widget (libelle, lien, texte, type) values
  ('Cimetière : recherche globale', 'cimetiere.recherche', '', 'file'),
  ('Cimetière : supervision des emplacements', 'cimetiere.supervision', '', 'file');

insert into om.om_dashboard (om_profil, bloc, position, om_widget)
  select p.om_profil, w.bloc, w.position, om_widget.om_widget
    from om.om_profil p
    cross join (values ('cimetiere.recherche', 'C1', 40), ('cimetiere.supervision', 'C2', 40)) as w (lien, bloc, position)
    join om.om_widget on om_widget.lien = w.lien and om_widget.type = 'file'
   where p.libelle in ('ADMINISTRATEUR', 'SUPER UTILISATEUR', 'UTILISATEUR', 'CONSULTATION');

-- La recherche globale (src/recherche/) compare les noms repliés (om.fold : sans accents ni
-- majuscules) par leur début : ces index la servent quand le cimetière compte des dizaines de
-- milliers de défunts.
create index defunt_nom_plie on cimetiere.defunt (om.fold(nom) text_pattern_ops);
create index defunt_nom_naissance_plie on cimetiere.defunt (om.fold(nom_naissance) text_pattern_ops);
create index autorisation_nom_plie on cimetiere.autorisation (om.fold(nom) text_pattern_ops);
create index autorisation_nom_naissance_plie on cimetiere.autorisation (om.fold(nom_naissance) text_pattern_ops);
create index emplacement_famille_plie on cimetiere.emplacement (om.fold(famille) text_pattern_ops);
