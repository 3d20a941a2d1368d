-- La lettre de refus d’une demande :
-- - les voies de recours depuis le REU : d’abord un recours administratif préalable obligatoire
--   devant la commission de contrôle, dans les cinq jours de la notification (article L18, III),
--   puis le tribunal judiciaire dans les sept jours de la décision de la commission (article L20) ;
--   la version de 0003 renvoyait directement au tribunal ;
-- - l’adresse électronique du demandeur dans sa source, pour « Envoyer par courriel ».
-- Seuls les textes encore tels que 0003 les a écrits sont changés (un document retouché par
-- l’administrateur reste le sien).
update om.om_lettretype
   set corps_om_htmletatex = replace(corps_om_htmletatex,
         '<p>Vous pouvez contester cette décision devant le tribunal judiciaire dans un délai de sept jours à compter de sa notification (article L20 du code électoral).</p>',
         '<p>Vous pouvez contester cette décision par un recours administratif préalable obligatoire auprès de la commission de contrôle, dans un délai de cinq jours à compter de sa notification (article L18, III, du code électoral). La décision de la commission peut ensuite être contestée devant le tribunal judiciaire dans un délai de sept jours à compter de sa notification (article L20).</p>')
 where id = 'refus_mouvement';

update om.om_requete
   set requete = replace(requete, 'm.motif_refus, c.libelle as collectivite', 'm.motif_refus, m.courriel, c.libelle as collectivite'),
       merge_fields = merge_fields || E'\ncourriel: Adresse électronique du demandeur'
 where code = 'elections_mouvement' and requete like '%m.motif_refus, c.libelle as collectivite%';
