-- Récapitulatif quotidien du travail en attente (issue 16 §5) : chaque agent reçoit, au plus une fois
-- par jour, un courriel listant ce que les applications lui signalent (tâches du courrier à traiter,
-- mouvements à instruire, concessions arrivant à terme…), avec un lien vers chaque élément. Chacun
-- peut s’en désabonner (page « Mes notifications » ou lien du courriel) ; un administrateur le voit
-- et le change sur la fiche de l’utilisateur.

alter table om.om_utilisateur add column if not exists notification_quotidienne boolean not null default true;
comment on column om.om_utilisateur.notification_quotidienne is 'Récapitulatif quotidien. Reçoit chaque jour par courriel le récapitulatif de son travail en attente, quand il y en a.';

-- Un courriel par agent et par jour, même si l’entretien passe deux fois ou si deux serveurs
-- tournent : la ligne est écrite dans la transaction qui met le courriel en file d’attente, et la
-- clé primaire refuse la seconde. Table technique, écrite seulement par le cadriciel
-- (framework/src/notifications), jamais par le service générique.
create table if not exists om.om_notification_envoi (
  om_utilisateur integer not null references om.om_utilisateur on delete cascade,
  jour date not null,
  envoye_le timestamptz not null default now(),
  elements integer not null check (elements > 0),
  primary key (om_utilisateur, jour)
);
comment on table om.om_notification_envoi is 'Récapitulatif quotidien mis en file d’attente pour un agent, un jour donné.';
comment on column om.om_notification_envoi.om_utilisateur is 'Destinataire.';
comment on column om.om_notification_envoi.jour is 'Jour du récapitulatif (heure de Paris).';
comment on column om.om_notification_envoi.envoye_le is 'Mis en file d’attente le.';
comment on column om.om_notification_envoi.elements is 'Nombre d’éléments en attente signalés.';

-- La version HTML d’un courriel (le texte brut reste la version de référence), échappée à
-- l’écriture par le cadriciel.
alter table om.om_courriel add column if not exists html text;
comment on column om.om_courriel.html is 'Version HTML du message (facultative), à côté du texte brut.';

-- La clé qui signe les liens de désabonnement des courriels (HMAC-SHA256), tirée au hasard une fois
-- par instance. Jamais lisible par le rôle des sources de données (om.secure_lecture ne l’accorde pas).
create table if not exists om.om_notification_cle (
  unique_ligne boolean primary key default true check (unique_ligne),
  cle varchar(64) not null
);
comment on table om.om_notification_cle is 'Clé de signature des liens de désabonnement (une seule ligne).';
comment on column om.om_notification_cle.cle is 'Clé secrète (hexadécimal).';
insert into om.om_notification_cle (cle)
  select encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex')
  on conflict do nothing;
