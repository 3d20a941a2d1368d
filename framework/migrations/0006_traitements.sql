-- Background jobs (« traitements ») are rows: they survive a restart, and one that was running when
-- its process died says how far it got (« interrompu »). The job writes its own progress as the
-- application role; users reach rows only through the runner, which lets the owner, or an
-- administrator (`traitement_tous`) of the row's collectivité, read or cancel a job.
-- No foreign key to om_utilisateur: the table is technical and must not block deleting a user
-- (as om_soumission); a deleted collectivité takes its jobs with it.
create table om.om_traitement (
  om_traitement uuid primary key,
  -- What the job does (`import`…): the pages of that kind read it.
  type varchar(63) not null,
  om_utilisateur integer not null,
  om_collectivite integer not null references om.om_collectivite on delete cascade,
  etat varchar(20) not null default 'en_attente'
    check (etat in ('en_attente', 'en_cours', 'termine', 'echoue', 'interrompu', 'annule')),
  avancement bigint not null default 0,
  total bigint,
  cree_le timestamptz not null default now(),
  debute_le timestamptz,
  termine_le timestamptz,
  signe_de_vie timestamptz,
  fichier_nom varchar(255),
  -- What the pages show while it runs (the import's application, table, label, mode…).
  contexte jsonb not null default '{}',
  -- The running summary the job saves with each batch it commits (« lignes 2 à 5001 écrites »).
  bilan jsonb,
  -- What the work returned, once it is over.
  resultat jsonb,
  -- Names of the result files in the job's folder (<data dir>/traitements/<id>/).
  fichiers text[] not null default '{}',
  fichiers_supprimes_le timestamptz,
  erreur text,
  -- Set by a cancel from another process: the running process reads it back and stops the job.
  annulation_demandee boolean not null default false,
  -- The process that runs it: a job of a dead process does not stay « en cours ».
  hote varchar(255),
  pid integer
);
comment on table om.om_traitement is 'Traitement en arrière-plan (import…) : état, avancement, bilan et fichiers résultats.';
create index om_traitement_utilisateur on om.om_traitement (om_utilisateur, cree_le desc);
create index om_traitement_collectivite on om.om_traitement (om_collectivite, cree_le desc);
create index om_traitement_actifs on om.om_traitement (etat) where etat in ('en_attente', 'en_cours');
create index om_traitement_a_purger on om.om_traitement (termine_le) where fichiers_supprimes_le is null;

-- The permission that shows an administrator every job of their collectivité (not a generated one:
-- typed by hand so that the vocabulary sync keeps it).
insert into om.om_permission (libelle, type)
select 'traitement_tous', 'traitement'
 where not exists (select 1 from om.om_permission where libelle = 'traitement_tous');
insert into om.om_droit (libelle, om_profil)
select 'traitement_tous', om_profil from om.om_profil where libelle = 'ADMINISTRATEUR'
  and not exists (select 1 from om.om_droit d join om.om_profil p using (om_profil) where d.libelle = 'traitement_tous' and p.libelle = 'ADMINISTRATEUR');
