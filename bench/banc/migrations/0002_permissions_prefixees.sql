-- Les permissions du banc portent son nom (`banc.inscrit`…) : les droits de 0001 sont renommés.
select om.prefix_permissions('banc', array['commune', 'categorie', 'inscrit']);
