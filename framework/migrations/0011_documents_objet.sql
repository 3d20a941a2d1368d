-- The object a document prints a record of: `<application>.<table>` (`registre.traitement`), filled
-- by its author. The record's consult page lists the active documents of its object, and the print
-- route refuses a document attached to another object. Empty: printable by its address only.
alter table om.om_etat add column if not exists objet varchar(100);
alter table om.om_lettretype add column if not exists objet varchar(100);
comment on column om.om_etat.objet is 'Objet imprimé (application.table), par exemple registre.traitement.';
comment on column om.om_lettretype.objet is 'Objet imprimé (application.table), par exemple registre.traitement.';
