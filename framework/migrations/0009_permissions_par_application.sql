-- Permissions per application: an application's permissions are named after it
-- (`registre.service`, `registre.service_modifier`, `registre.<name>`), so that the rights on one
-- application's `service` table never open another's. The framework's own objects and modules keep
-- their openMairie names (`om_utilisateur_tab`, `password`, `traitement_tous`…).
--
-- An application whose database may hold rights under the old, unprefixed names (an earlier version
-- of it, or an openMairie database) renames them once, from one of its own migrations:
--
--   select om.prefix_permissions('registre', array['service', 'traitement'], array['traitement_valider']);
--
-- `tables`: each gives its whole-object name `<table>` and the six `<table>_<operation>`.
-- `others`: other old names, exactly (custom actions' `<table>_<suffix>`, the application's own).
-- A profile that already holds the new name keeps a single row; hand-typed vocabulary rows
-- (om_permission) are renamed the same way. Running it again changes nothing.
create function om.prefix_permissions(application text, tables text[], others text[] default '{}')
  returns integer
  language plpgsql as $$
declare
  old_names text[];
  renamed integer;
begin
  if application is null or application !~ '^[a-z][a-z0-9_]*$' or application = 'om' then
    raise exception 'om.prefix_permissions : nom d''application invalide (%)', application;
  end if;
  select coalesce(array_agg(name), '{}') into old_names from (
    select unnest(tables) as name
    union
    select t || '_' || op
      from unnest(tables) as t, unnest(array['tab', 'consulter', 'ajouter', 'modifier', 'supprimer', 'exporter']) as op
    union
    select unnest(others)
  ) as names;

  update om.om_droit d set libelle = application || '.' || d.libelle
   where d.libelle = any(old_names)
     and not exists (select 1 from om.om_droit n where n.om_profil = d.om_profil and n.libelle = application || '.' || d.libelle);
  get diagnostics renamed = row_count;
  delete from om.om_droit where libelle = any(old_names);

  update om.om_permission p set libelle = application || '.' || p.libelle
   where p.libelle = any(old_names)
     and not exists (select 1 from om.om_permission n where n.libelle = application || '.' || p.libelle);
  delete from om.om_permission where libelle = any(old_names);
  return renamed;
end
$$;
comment on function om.prefix_permissions(text, text[], text[]) is
  'Renomme une fois les droits d''une application nommés à l''ancienne (<table>_<action>) en <application>.<table>_<action>.';
