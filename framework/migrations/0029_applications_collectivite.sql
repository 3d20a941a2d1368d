-- Applications par collectivité (issue 16 §3) : un administrateur de la collectivité de niveau 2
-- active ou désactive une application de l’instance pour chaque collectivité (« Administration ›
-- Applications »). Sans ligne, l’application est activée : une application ajoutée à l’instance
-- est offerte à toutes les collectivités, comme avant. Une application désactivée disparaît des
-- menus, de la recherche, des tableaux de bord et de l’API de la collectivité ; ses données restent.
-- Les objets du cadriciel (application « om ») ne se désactivent jamais. Table technique, écrite
-- seulement par le cadriciel (framework/src/access/applications), jamais par le service générique ;
-- chaque changement est inscrit au journal (om_audit).

create table if not exists om.om_application_collectivite (
  application varchar(40) not null check (application ~ '^[a-z][a-z0-9_]*$' and application <> 'om'),
  om_collectivite integer not null references om.om_collectivite on delete cascade,
  active boolean not null,
  modifiee_par varchar(30),
  modifiee_le timestamptz,
  primary key (application, om_collectivite)
);
comment on table om.om_application_collectivite is 'Application de l’instance activée ou désactivée pour une collectivité (sans ligne : activée).';
comment on column om.om_application_collectivite.application is 'Nom de l’application (elections, cimetiere…).';
comment on column om.om_application_collectivite.om_collectivite is 'Collectivité.';
comment on column om.om_application_collectivite.active is 'Activée : l’application est proposée aux agents de la collectivité.';
comment on column om.om_application_collectivite.modifiee_par is 'Identifiant de l’administrateur qui a fait le dernier changement.';
comment on column om.om_application_collectivite.modifiee_le is 'Date du dernier changement.';
create index if not exists om_application_collectivite_collectivite on om.om_application_collectivite (om_collectivite);
