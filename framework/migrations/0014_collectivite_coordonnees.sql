-- What the register of processing activities (GDPR article 30) prints about the controller and its
-- data protection officer: the collectivité's contact details, its SIRET and its DPO. Nullable:
-- existing collectivités fill them in when they need them. The comments are the form's labels.
alter table om.om_collectivite add column if not exists adresse varchar(250);
alter table om.om_collectivite add column if not exists telephone varchar(30);
alter table om.om_collectivite add column if not exists email varchar(100);
alter table om.om_collectivite add column if not exists siret varchar(14);
alter table om.om_collectivite add column if not exists dpo_nom varchar(100);
alter table om.om_collectivite add column if not exists dpo_contact varchar(250);
comment on column om.om_collectivite.adresse is 'Adresse postale.';
comment on column om.om_collectivite.telephone is 'Téléphone.';
comment on column om.om_collectivite.email is 'Courriel.';
comment on column om.om_collectivite.siret is 'SIRET : 14 chiffres.';
comment on column om.om_collectivite.dpo_nom is 'Nom du DPO : le délégué à la protection des données.';
comment on column om.om_collectivite.dpo_contact is 'Contact du DPO : courriel, téléphone ou adresse.';
