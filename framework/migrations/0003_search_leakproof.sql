-- Under row-level security PostgreSQL evaluates a user's condition before the policy (for example
-- as an index condition) only when every function in it is LEAKPROOF. Without this, the
-- accent-insensitive search can use no index and scans whole tables (3 s on a million rows instead
-- of 0.2 s). These functions can only fail because of the search pattern itself, never reveal a
-- row's value. Marking them needs a superuser; otherwise the search still works, only slower.
do $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    alter function pg_catalog.textlike(text, text) leakproof;
    alter function pg_catalog.lower(text) leakproof;
    alter function pg_catalog.translate(text, text, text) leakproof;
    alter function pg_catalog.replace(text, text, text) leakproof;
  else
    raise notice 'Commun : rôle non superutilisateur, la recherche sans accents ne pourra pas utiliser d''index sous RLS.';
  end if;
end
$$;
