-- Data sources written by administrators (om_requete.type = 'sql') run as a role that can only
-- read: commun_lecture. It logs in never; the application role switches to it (`set local role`)
-- inside a read-only transaction, under the user's collectivité (row-level security applies to it
-- as to commun_app: the policies are for every role).

do $$
begin
  if not exists (select from pg_roles where rolname = 'commun_lecture') then
    create role commun_lecture nologin;
  end if;
end
$$;

-- commun_app may switch to it; it has every right commun_lecture has, so inheriting adds nothing.
grant commun_lecture to commun_app;

-- What a template author may read in the framework's schema: the configuration, never secrets
-- (sessions, tokens, password resets, login attempts, the audit trail, files, treatments' results,
-- the migrations' ledger) nor a user's password hash. Application schemas are readable whole
-- (om.secure_lecture, called after each migration batch by the migrations runner).
create or replace function om.secure_lecture(target name) returns void
  language plpgsql as $$
declare
  t record;
begin
  execute format('grant usage on schema %I to commun_lecture', target);
  if target <> 'om' then
    execute format('grant select on all tables in schema %I to commun_lecture', target);
    return;
  end if;
  for t in
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'om' and c.relkind in ('r', 'v', 'p')
       and c.relname in ('om_collectivite', 'om_parametre', 'om_profil', 'om_droit', 'om_permission',
                         'om_widget', 'om_dashboard', 'om_logo', 'om_requete', 'om_etat',
                         'om_lettretype', 'om_sousetat')
  loop
    execute format('grant select on om.%I to commun_lecture', t.relname);
  end loop;
  revoke all on om.om_utilisateur from commun_lecture;
  grant select (om_utilisateur, nom, email, login, om_collectivite, om_type, om_profil) on om.om_utilisateur to commun_lecture;
end
$$;

-- A second barrier behind the source guard (framework/src/documents/sources/guard.ts): functions
-- that change a setting (set_config can switch the role to the session's user), read the server's
-- files or hold session locks are not for PUBLIC. The application role keeps what it uses. Only a
-- superuser may change the rights of pg_catalog's functions; otherwise the guard stands alone.
do $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    revoke execute on function pg_catalog.set_config(text, text, boolean) from public;
    grant execute on function pg_catalog.set_config(text, text, boolean) to commun_app;
    revoke execute on function pg_catalog.pg_advisory_lock(bigint) from public;
    grant execute on function pg_catalog.pg_advisory_lock(bigint) to commun_app;
    revoke execute on function pg_catalog.pg_advisory_lock(integer, integer) from public;
    grant execute on function pg_catalog.pg_advisory_lock(integer, integer) to commun_app;
    revoke execute on function pg_catalog.pg_advisory_lock_shared(bigint) from public;
    grant execute on function pg_catalog.pg_advisory_lock_shared(bigint) to commun_app;
    revoke execute on function pg_catalog.pg_try_advisory_lock(bigint) from public;
    grant execute on function pg_catalog.pg_try_advisory_lock(bigint) to commun_app;
  else
    execute format('grant commun_lecture to %I', current_user);
    raise notice 'Commun : rôle non superutilisateur, les sources de données ne sont gardées que par leur analyse.';
  end if;
end
$$;

-- Stored queries written by an administrator: shown in « Requêtes mémorisées » when `reqmo` is
-- true, with the parameters declared in `parametres` (one a line: `nom: type Libellé`).
alter table om.om_requete add column if not exists reqmo boolean not null default false;
alter table om.om_requete add column if not exists parametres text;
comment on column om.om_requete.reqmo is 'Proposée dans « Requêtes mémorisées ».';
comment on column om.om_requete.parametres is 'Paramètres de la requête, un par ligne : nom: type Libellé.';
