-- A label sheet for the sous-traitants' addresses (the framework's om_etiquette, migration 0015):
-- A4, 3 × 8 labels of 70 × 37 mm, the usual address labels. Delivered like the documents (0003):
-- attached to the niveau-2 collectivité, which every town uses until it activates its own; never
-- inserted twice.
insert into om.om_etiquette (om_collectivite, id, libelle, actif, objet, colonnes, lignes, largeur, hauteur,
  marge_haut, marge_gauche, marge_interieure, police_taille, contenu)
select c.om_collectivite, 'adresses_sous_traitants', 'Adresses des sous-traitants', true, 'registre.sous_traitant',
       3, 8, 70, 37, 0.5, 0, 4, 10, E'[libelle]\n[contact]\n[adresse]'
  from om.om_collectivite c
 where c.niveau = '2'
   and not exists (select from om.om_etiquette e where e.id = 'adresses_sous_traitants' and e.om_collectivite = c.om_collectivite);
