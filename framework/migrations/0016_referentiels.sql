-- Référentiels des applications (les communes de France…) : trop gros ou trop extérieurs pour une
-- migration, ils sont chargés par le code de l'application (Application.referentials) après les
-- migrations. Une ligne par référentiel chargé : sa version, pour ne le recharger que si elle change.
create table om.om_referentiel (
  application varchar(63) not null,
  nom varchar(100) not null,
  version varchar(200) not null,
  lignes integer not null check (lignes >= 0),
  charge_le timestamptz not null default now(),
  primary key (application, nom)
);
comment on table om.om_referentiel is 'Référentiel chargé par une application : sa version et son nombre de lignes.';
comment on column om.om_referentiel.application is 'Application';
comment on column om.om_referentiel.nom is 'Nom du référentiel';
comment on column om.om_referentiel.version is 'Version chargée : une autre version déclarée par l''application le fait recharger.';
comment on column om.om_referentiel.lignes is 'Lignes écrites';
comment on column om.om_referentiel.charge_le is 'Chargé le';
