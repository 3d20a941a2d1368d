-- One-time tokens of the add forms: a second submit of the same rendered form (double click, back
-- button) finds its token used and is sent to the record the first one created, instead of
-- creating a second row. No foreign key: the table is technical and must not appear among the
-- rows that block deleting a user.
create table om.om_soumission (
  jeton varchar(64) primary key,
  om_utilisateur integer not null,
  objet varchar(200) not null,
  -- Key of the created record, once the form has been saved.
  cle text,
  -- Set while a submit of the form is being treated (a concurrent one waits for it).
  en_cours_depuis timestamptz,
  expire_le timestamptz not null
);
create index om_soumission_expire on om.om_soumission (expire_le);
comment on table om.om_soumission is 'Jetons à usage unique des formulaires d''ajout (double soumission).';

create index om_fichier_temporaire on om.om_fichier (cree_le) where temporaire;

-- Files of rows shared by every collectivité (no tenant column) have no collectivité: every user
-- may read their metadata; who may download them is decided by the record that holds them.
alter table om.om_fichier enable row level security;
drop policy if exists commun_collectivite on om.om_fichier;
create policy commun_collectivite on om.om_fichier
  using ((select om.toutes_collectivites()) or om_collectivite is null or om_collectivite = (select om.collectivite_courante()))
  with check ((select om.toutes_collectivites()) or om_collectivite is null or om_collectivite = (select om.collectivite_courante()));
