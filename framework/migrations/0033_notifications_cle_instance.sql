-- Les liens de désabonnement du récapitulatif quotidien (migration 0031) sont désormais signés avec
-- une clé dérivée de la clé de l’instance (COMMUN_CLE_INSTANCE ou <COMMUN_DATA_DIR>/cle-instance),
-- qui n’est jamais dans la base : une copie de la base, ou une sauvegarde, ne permet plus de
-- fabriquer un lien. Ils portent leur jour d’émission et expirent au bout de 60 jours ; les liens
-- signés avec l’ancienne clé ne sont plus valables. La clé gardée dans la base ne sert plus.
drop table if exists om.om_notification_cle;
