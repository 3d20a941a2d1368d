-- Les permissions du registre portent son nom (`registre.traitement_tab`, `registre.service`…) : un
-- droit sur la table `service` du registre n'ouvre plus celle d'une autre application. Les droits
-- accordés sous les anciens noms (par 0001 ou par un administrateur) sont renommés, une fois.

select om.prefix_permissions(
  'registre',
  array[
    'base_legale', 'service', 'traitement', 'categorie_donnees', 'categorie_personnes', 'destinataire',
    'sous_traitant', 'mesure_securite', 'transfert_hors_ue', 'duree_conservation',
    'traitement_categorie_donnees', 'traitement_categorie_personnes', 'traitement_destinataire',
    'traitement_sous_traitant', 'traitement_mesure_securite'
  ],
  -- les actions particulières du cycle de vie (src/workflow.ts)
  array['traitement_valider', 'traitement_archiver']
);
