-- A collectivité's row references only rows of the same collectivité, or rows that belong to none
-- (issue 9 §1.2). PostgreSQL's foreign-key checks bypass row-level security, so without this a row
-- of one town could name another town's row by its id; the other town could then no longer delete
-- its own row (a child it cannot see). The record service checks it for every foreign key; the
-- triggers below are the database's own check, whatever wrote the row.

-- Every foreign key between two collectivité-scoped tables (each has an om_collectivite column);
-- a reference to om_collectivite itself is the row's collectivité, not a reference to another's.
-- Filtered on the referencing table (`enfant`) and/or the referenced one (`parent`) when given.
create or replace function om.cles_entre_collectivites(enfant regclass default null, parent regclass default null)
  returns table (contrainte name, table_enfant regclass, colonnes_enfant name[], table_parent regclass, colonnes_parent name[])
  language sql stable
  set search_path = pg_catalog
as $$
  select c.conname, c.conrelid::regclass,
         array(select a.attname from unnest(c.conkey) with ordinality as k (num, rang)
                 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num order by k.rang),
         c.confrelid::regclass,
         array(select a.attname from unnest(c.confkey) with ordinality as k (num, rang)
                 join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.rang)
    from pg_constraint c
   where c.contype = 'f'
     and c.conparentid = 0
     and ($1 is null or c.conrelid = $1)
     and ($2 is null or c.confrelid = $2)
     and c.confrelid <> 'om.om_collectivite'::regclass
     and exists (select from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'om_collectivite' and not a.attisdropped)
     and exists (select from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'om_collectivite' and not a.attisdropped)
   order by c.conrelid::regclass::text, c.conname
$$;

-- `a.c1 = b.c2 and …` over two column lists of the same length.
create or replace function om.condition_jointure(gauche text, colonnes_gauche name[], droite text, colonnes_droite name[]) returns text
  language sql immutable
  set search_path = pg_catalog
as $$
  select string_agg(format('%I.%I = %I.%I', gauche, colonnes_gauche[i], droite, colonnes_droite[i]), ' and ' order by i)
    from generate_subscripts(colonnes_gauche, 1) as i
$$;

-- The refusal of a reference between collectivités, naming the referencing table, its foreign key
-- and its first column (the record service turns it into a message on that field).
create or replace function om.refuse_reference_collectivite(etat text, texte text, contrainte name, table_enfant regclass, colonne name)
  returns void
  language plpgsql
  set search_path = pg_catalog
as $$
declare
  schema_enfant name;
  nom_enfant name;
begin
  select n.nspname, c.relname into schema_enfant, nom_enfant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = table_enfant;
  raise exception using message = texte, errcode = etat, schema = schema_enfant, table = nom_enfant, column = colonne, constraint = contrainte;
end
$$;

-- On the referencing table, after each insert or update statement: the rows it wrote (only those
-- whose key or collectivité changed, for an update) must have the collectivité of the rows they name.
-- Security definer: the referenced row may be hidden from the session by row-level security.
create or replace function om.verifie_collectivite_enfant() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog
as $$
declare
  k record;
  ecrites text;
  colonnes text;
  enfant integer;
  parent integer;
begin
  for k in select * from om.cles_entre_collectivites(tg_relid, null) loop
    if tg_op = 'INSERT' then
      ecrites := 'nouvelles';
    else
      colonnes := (select string_agg(format('%I', colonne), ', ') from unnest(k.colonnes_enfant) as colonne);
      ecrites := format('(select %s, om_collectivite from nouvelles except select %s, om_collectivite from anciennes)', colonnes, colonnes);
    end if;
    execute format('select e.om_collectivite, p.om_collectivite from %s as e join %s as p on %s where e.om_collectivite <> p.om_collectivite limit 1',
                   ecrites, k.table_parent, om.condition_jointure('p', k.colonnes_parent, 'e', k.colonnes_enfant))
      into enfant, parent;
    -- 23C01 for a session that sees every collectivité (or none: the owner, a script); 23C03 for a
    -- session scoped to one, to which the other collectivité's row is invisible: it is told that the
    -- reference does not exist, not that it belongs to another collectivité.
    if enfant is not null then
      perform om.refuse_reference_collectivite(
        case when om.toutes_collectivites() or om.collectivite_courante() is null then '23C01' else '23C03' end,
        format('Référence entre collectivités : « %s » de %s (collectivité %s) désigne une ligne de %s (collectivité %s).',
               array_to_string(k.colonnes_enfant, ', '), k.table_enfant, enfant, k.table_parent, parent),
        k.contrainte, k.table_enfant, k.colonnes_enfant[1]);
    end if;
  end loop;
  return null;
end
$$;

-- On the referenced table, after each update statement: a row that changes collectivité (or key)
-- must not leave behind rows of its former collectivité that name it. SQLSTATE 23C02.
create or replace function om.verifie_collectivite_parent() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog
as $$
declare
  k record;
  colonnes text;
  enfant integer;
  parent integer;
begin
  for k in select * from om.cles_entre_collectivites(null, tg_relid) loop
    colonnes := (select string_agg(format('%I', colonne), ', ') from unnest(k.colonnes_parent) as colonne);
    execute format('select e.om_collectivite, p.om_collectivite from (select %s, om_collectivite from nouvelles except select %s, om_collectivite from anciennes) as p '
                   'join %s as e on %s where e.om_collectivite <> p.om_collectivite limit 1',
                   colonnes, colonnes, k.table_enfant, om.condition_jointure('e', k.colonnes_enfant, 'p', k.colonnes_parent))
      into enfant, parent;
    if enfant is not null then
      perform om.refuse_reference_collectivite('23C02',
        format('Référence entre collectivités : des lignes de %s (collectivité %s) désignent par « %s » une ligne de %s qui passerait à la collectivité %s.',
               k.table_enfant, enfant, array_to_string(k.colonnes_enfant, ', '), k.table_parent, parent),
        k.contrainte, k.table_enfant, k.colonnes_enfant[1]);
    end if;
  end loop;
  return null;
end
$$;

-- The triggers of one table: on the referencing side when it has such a foreign key, on the
-- referenced side when any table of the database has one pointing at it; removed when no longer
-- needed. Created only when missing, so that securing a schema again takes no lock.
create or replace function om.secure_references(target regclass) returns void
  language plpgsql
  set search_path = pg_catalog
as $$
declare
  enfant boolean := exists (select from om.cles_entre_collectivites(target, null));
  parent boolean := exists (select from om.cles_entre_collectivites(null, target));
  present boolean;
begin
  present := exists (select from pg_trigger where tgrelid = target and tgname = 'commun_collectivite_ajout');
  if enfant and not present then
    execute format('create trigger commun_collectivite_ajout after insert on %s referencing new table as nouvelles '
                   'for each statement execute function om.verifie_collectivite_enfant()', target);
  elsif present and not enfant then
    execute format('drop trigger commun_collectivite_ajout on %s', target);
  end if;
  present := exists (select from pg_trigger where tgrelid = target and tgname = 'commun_collectivite_modif');
  if enfant and not present then
    execute format('create trigger commun_collectivite_modif after update on %s referencing old table as anciennes new table as nouvelles '
                   'for each statement execute function om.verifie_collectivite_enfant()', target);
  elsif present and not enfant then
    execute format('drop trigger commun_collectivite_modif on %s', target);
  end if;
  present := exists (select from pg_trigger where tgrelid = target and tgname = 'commun_collectivite_parent');
  if parent and not present then
    execute format('create trigger commun_collectivite_parent after update on %s referencing old table as anciennes new table as nouvelles '
                   'for each statement execute function om.verifie_collectivite_parent()', target);
  elsif present and not parent then
    execute format('drop trigger commun_collectivite_parent on %s', target);
  end if;
end
$$;

-- As in 0001, plus the triggers above on the schema's collectivité-scoped tables and on the tables
-- of other schemas they reference. Run after each migration batch (idempotent).
create or replace function om.secure_schema(target name) returns void
  language plpgsql as $$
declare
  t record;
begin
  execute format('grant usage on schema %I to commun_app', target);
  execute format('grant select, insert, update, delete on all tables in schema %I to commun_app', target);
  execute format('grant usage, select on all sequences in schema %I to commun_app', target);
  execute format('grant execute on all functions in schema %I to commun_app', target);
  for t in
    select c.oid::regclass as rel, c.relname
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'om_collectivite' and not a.attisdropped
     where n.nspname = target and c.relkind in ('r', 'p')
  loop
    execute format('alter table %s enable row level security', t.rel);
    if not exists (select from pg_policies where schemaname = target and tablename = t.relname
                    and policyname = 'commun_collectivite') then
      execute format(
        'create policy commun_collectivite on %s using ((select om.toutes_collectivites()) '
        'or om_collectivite = (select om.collectivite_courante())) with check ((select om.toutes_collectivites()) '
        'or om_collectivite = (select om.collectivite_courante()))', t.rel);
    end if;
  end loop;
  for t in
    select c.oid::regclass as rel
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'om_collectivite' and not a.attisdropped
     where n.nspname = target and c.relkind in ('r', 'p') and not c.relispartition
       and c.oid <> 'om.om_collectivite'::regclass
    union
    select k.table_parent from om.cles_entre_collectivites() k
      join pg_class c on c.oid = k.table_enfant
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = target
  loop
    perform om.secure_references(t.rel);
  end loop;
end
$$;

-- Lists the rows that break the rule (`commun check`): written before these triggers, or with them
-- disabled. Runs with the caller's rights: under row-level security, a session that sees every
-- collectivité sees every such row.
create or replace function om.references_entre_collectivites()
  returns table (table_enfant text, contrainte name, colonnes text, cle text, collectivite integer, table_parent text, collectivite_parent integer)
  language plpgsql stable
  set search_path = pg_catalog
as $$
declare
  k record;
  cle_primaire text;
begin
  for k in select * from om.cles_entre_collectivites() loop
    select string_agg(format('e.%I::text', a.attname), ' || '', '' || ' order by i.rang) into cle_primaire
      from pg_constraint c
      cross join lateral unnest(c.conkey) with ordinality as i (num, rang)
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = i.num
     where c.conrelid = k.table_enfant and c.contype = 'p';
    return query execute format(
      'select %L::text, %L::name, %L::text, %s, e.om_collectivite::integer, %L::text, p.om_collectivite::integer '
      'from %s as e join %s as p on %s where e.om_collectivite <> p.om_collectivite order by 4',
      k.table_enfant::text, k.contrainte, array_to_string(k.colonnes_enfant, ', '), coalesce(cle_primaire, 'e.ctid::text'),
      k.table_parent::text, k.table_enfant, k.table_parent, om.condition_jointure('p', k.colonnes_parent, 'e', k.colonnes_enfant));
  end loop;
end
$$;
