/**
 * Issue 10 §1: data sources. An administrator's SQL reads only, as `commun_lecture`, under the
 * user's collectivité, with bound parameters and a time limit: every hostile query is refused with
 * a French message and changes nothing. Working sources give their rows and labelled merge fields.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { Registry } from '../src/model/registry.ts';
import { SourceError, guardSql, parseMergeFieldLabels, runSource, runSqlSource, sourceFields, type SourceResult } from '../src/documents/sources/index.ts';
import { testActor } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';

const agent = testActor({ login: 'agent', collectivite: 1, permissions: [] });
const limits = { timeoutMs: 700, maxRows: 50 };

test('the guard binds &name parameters, in code and as a whole string, and leaves other & alone', () => {
  const guarded = guardSql("select 'R&D' as s, a && b, x from t where t.id = '&idx' and n = &nom -- &commentaire\n and m = &nom;", { interruptible: false });
  assert.ok(guarded.ok);
  assert.equal(guarded.sql.text, "select 'R&D' as s, a && b, x from t where t.id = $1 and n = $2 -- &commentaire\n and m = $3");
  assert.deepEqual(guarded.sql.parameters, ['idx', 'nom', 'nom']);
  // A position after a replacement maps back to the author's text (`m` is at 83 there, 76 here).
  assert.equal(guarded.sql.sourcePosition(guarded.sql.text.indexOf('m = $3') + 1), "select 'R&D' as s, a && b, x from t where t.id = '&idx' and n = &nom -- &commentaire\n and m = &nom;".indexOf('m = &nom') + 1);
});

test('merge-field labels: « champ: Libellé » or « [champ] Libellé », a line each', () => {
  assert.deepEqual([...parseMergeFieldLabels('[nom] Nom de famille\nprenom: Prénom\n[date_naissance]: Né le\nsans libellé\n')], [
    ['nom', 'Nom de famille'],
    ['prenom', 'Prénom'],
    ['date_naissance', 'Né le'],
  ]);
});

describeEachDatabase('data sources read only, as the user, within limits', (database) => {
  let registry: Registry;
  let otherParametre: number;
  let sourceId: number;
  const run = (text: string, params: Record<string, string | number | null> = {}, known: string[] = ['idx']) =>
    runSqlSource(database().db, text, { actor: agent, params, known: new Set(known), labels: new Map() }, limits);

  /** Refused with a French message (no English SQL error leaking), and nothing changed. */
  async function refused(text: string, expected: RegExp): Promise<void> {
    const before = await database().ownerQuery<{ n: number; u: number }>('select count(*)::int as n, (select count(*)::int from om.om_utilisateur) as u from om.om_parametre');
    await assert.rejects(run(text), (error: unknown) => {
      assert.ok(error instanceof SourceError, `${text}: ${String(error)}`);
      assert.match(error.message, expected, text);
      return true;
    });
    const after = await database().ownerQuery<{ n: number; u: number }>('select count(*)::int as n, (select count(*)::int from om.om_utilisateur) as u from om.om_parametre');
    assert.deepEqual(after, before, `${text} changed the database`);
    const role = await database().db.kysely.executeQuery<{ role: string }>(sql`select current_user as role`.compile(database().db.kysely));
    assert.equal(role.rows[0]?.role, 'commun_app', 'the connection is back to the application role');
  }

  before(async () => {
    await database().asOwner(`
      insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      insert into om.om_parametre (libelle, valeur, om_collectivite) values ('secret', 'de Autreville', 3), ('maire', 'Jeanne Martin', 1);
      create schema secret_test;
      create table secret_test.coffre (id integer primary key, valeur text);
      insert into secret_test.coffre values (1, 'trésor');
      grant usage on schema secret_test to commun_app;
      grant select on secret_test.coffre to commun_app;
      -- A function that writes with its owner's rights: only the read-only transaction stops it.
      create function public.commun_ecrire() returns integer language sql security definer
        as $f$ insert into om.om_parametre (libelle, valeur, om_collectivite) values ('pirate', 'oui', 1) returning 1 $f$;
      grant execute on function public.commun_ecrire() to public;
      insert into om.om_requete (code, libelle, type, requete, merge_fields, parametres, reqmo) values
        ('parametres', 'Paramètres', 'sql', 'select libelle, valeur as la_valeur from om.om_parametre where (&nom is null or libelle = &nom) order by libelle', 'la_valeur: Valeur du paramètre', 'nom: texte Nom', true),
        ('objet_essai', 'Source en code', 'objet', null, null, null, false);
    `);
    const rows = await database().ownerQuery<{ om_parametre: number }>("select om_parametre from om.om_parametre where libelle = 'secret'");
    otherParametre = rows[0]?.om_parametre ?? 0;
    sourceId = (await database().ownerQuery<{ id: number }>("select om_requete as id from om.om_requete where code = 'parametres'"))[0]?.id ?? 0;
    await database().ownerQuery("update om.om_requete set classe = 'essai/saluer' where code = 'objet_essai'");
    registry = new Registry();
    registry.documentSources.add({
      app: 'essai',
      name: 'saluer',
      label: 'Saluer',
      fields: [{ name: 'salut', label: 'Salutation' }],
      rows: async (context) => [{ salut: `Bonjour ${String(context.params.idx)}` }],
    });
  });

  test('writing statements are refused before reaching the database', async () => {
    await refused("insert into om.om_parametre (libelle, valeur, om_collectivite) values ('x', 'y', 1)", /ne peut que lire.*« insert »/);
    await refused("update om.om_parametre set valeur = 'piraté'", /« update »/);
    await refused('delete from om.om_parametre', /« delete »/);
    await refused('create table om.piege (id int)', /« create »/);
    await refused('drop table om.om_parametre', /« drop »/);
    await refused('truncate om.om_parametre', /« truncate »/);
    await refused('copy om.om_parametre to stdout', /« copy »/);
    await refused("do $$ begin delete from om.om_parametre; end $$", /« do »/);
    await refused('set role postgres', /« set »/);
    await refused('reset role', /« reset »/);
  });

  test('a write hidden in a reading statement is stopped by the database', async () => {
    await refused('with gone as (delete from om.om_parametre returning *) select * from gone', /a échoué|ne peut que lire/);
    await refused('select * from om.om_parametre for update', /« for »/);
    await refused('select * into om.copie from om.om_parametre', /« into »/);
    await refused('select public.commun_ecrire()', /ne peut que lire : cette requête essaie de modifier la base/);
  });

  test('settings, session functions and SQL given as text are refused', async () => {
    await refused("select set_config('role', 'postgres', false)", /« set_config »/);
    await refused('select "set_config"(\'statement_timeout\', \'0\', true)', /« set_config »/);
    await refused("select pg_catalog.set_config('commun.toutes', 'on', true)", /« set_config »/);
    await refused("select query_to_xml('delete from om.om_parametre', true, false, '')", /« query_to_xml »/);
    await refused("select * from ts_stat('select to_tsvector(pwd) from om.om_utilisateur')", /« ts_stat »/);
    await refused('select pg_advisory_lock(1)', /« pg_advisory_lock »/);
    await refused("select pg_read_file('/etc/passwd')", /« pg_read_file »/);
    await refused('select lo_import(\'/etc/passwd\')', /« lo_import »/);
    await refused("select U&\"\\0073et_config\"('role', 'postgres', false)", /Unicode/);
  });

  test('only one statement: a chain, or a way out of the wrapping parentheses, is refused', async () => {
    await refused('select 1; delete from om.om_parametre', /une seule instruction.*position 9/);
    await refused('select 1) as s; delete from om.om_parametre; select (1', /parenthèses/);
    await refused('select $1', /&nom/);
  });

  test('the read role cannot call set_config even if the guard were passed (second barrier)', async () => {
    await assert.rejects(
      database().db.kysely.transaction().execute(async (trx) => {
        await sql`set local role commun_lecture`.execute(trx);
        await sql`select set_config('role', 'postgres', true)`.execute(trx);
      }),
      /permission denied/,
    );
  });

  test('sleeping and endless loops: cut by the time limit on the server, refused on the embedded database', async () => {
    if (database().kind === 'postgres') {
      const started = Date.now();
      await refused('select pg_sleep(600)', /dépassé la durée permise de 1 s/);
      await refused('with recursive sans_fin(n) as (select 1 union all select n + 1 from sans_fin) select count(*) from sans_fin', /dépassé la durée permise/);
      assert.ok(Date.now() - started < 10_000);
    } else {
      await refused('select pg_sleep(600)', /« pg_sleep »/);
      await refused("select pg_sleep_for('10 minutes')", /« pg_sleep_for »/);
      await refused('with recursive sans_fin(n) as (select 1 union all select n + 1 from sans_fin) select count(*) from sans_fin', /récursive.*ne pourrait pas être interrompue/);
    }
  });

  test('secrets of the framework and schemas not granted cannot be read', async () => {
    await refused('select login, pwd from om.om_utilisateur', /ne peut lire que.*om_utilisateur/);
    await refused('select * from om.om_session', /ne peut lire que.*om_session/);
    await refused('select * from om.om_api_token', /ne peut lire que.*om_api_token/);
    await refused('select * from om.om_audit', /ne peut lire que.*om_audit/);
    await refused('select * from secret_test.coffre', /ne peut lire que.*secret_test/);
    // What a template author may read: users without their password.
    const users = await run('select login from om.om_utilisateur order by login');
    assert.ok(users.rows.length >= 0);
  });

  test("another collectivité's rows are out of reach: by row-level security, and with a forged &idx", async () => {
    const all = await run('select libelle, valeur from om.om_parametre order by libelle');
    assert.deepEqual(all.rows.map((row) => row.libelle), ['maire', 'ville']);
    const forged = await run('select valeur from om.om_parametre where om_parametre = &idx', { idx: otherParametre });
    assert.deepEqual(forged.rows, []);
    assert.deepEqual(forged.fields, [{ name: 'valeur', label: 'Valeur' }]);
    const niveau2 = testActor({ login: 'multi', collectivite: 2, niveau: '2', permissions: [] });
    const everywhere = await runSqlSource(database().db, 'select valeur from om.om_parametre where om_parametre = &idx', { actor: niveau2, params: { idx: otherParametre }, known: new Set(['idx']), labels: new Map() }, limits);
    assert.deepEqual(everywhere.rows, [{ valeur: 'de Autreville' }]);
  });

  test('parameters are bound, never pasted: a quote in a value is a value', async () => {
    const result = await run("select valeur from om.om_parametre where libelle = &nom or libelle = '&nom'", { nom: "maire' or '1'='1" }, ['nom']);
    assert.deepEqual(result.rows, []);
    const found = await run("select valeur from om.om_parametre where libelle = '&nom'", { nom: 'maire' }, ['nom']);
    assert.deepEqual(found.rows, [{ valeur: 'Jeanne Martin' }]);
    await assert.rejects(run('select &inconnu as x'), /« &inconnu » n’est pas déclaré.*&idx/);
  });

  test('errors come back in French with the position in the author’s text', async () => {
    await assert.rejects(run('select valeur frm om.om_parametre where libelle = &nom', {}, ['nom']), /près de « om » \(position 19\)/);
    await assert.rejects(run('select nimporte from om.om_parametre'), /colonne « nimporte » n’existe pas/);
    await assert.rejects(run('select &idx is null as vide', { idx: 1 }), /type du paramètre « &idx » ne se déduit pas.*&idx::integer/);
    assert.deepEqual((await run('select &idx::integer is null as vide', { idx: 1 })).rows, [{ vide: false }]);
    // A value that does not fit its type: PostgreSQL's English text said in French.
    await assert.rejects(run('select valeur from om.om_parametre where om_parametre = &idx', { idx: 'abc' }), (error: unknown) => {
      assert.ok(error instanceof SourceError);
      assert.match(error.message, /^La valeur « abc » ne convient pas au type « integer » attendu par la requête/);
      return true;
    });
    await assert.rejects(run('select valeur from om.om_parametre where om_parametre = &idx', { idx: '99999999999' }), /La valeur « 99999999999 » dépasse ce que le type « integer »/);
    await assert.rejects(run('select * from om.absente'), /« om.absente » n’existe pas|« absente »/);
  });

  test('a row cap: more rows than allowed is refused, unless the caller asked for fewer', async () => {
    await assert.rejects(run('select i from generate_series(1, 100) i'), /plus de 50 lignes/);
    const few = await runSqlSource(database().db, 'select i from generate_series(1, 100) i', { actor: agent, params: {}, known: new Set(), labels: new Map(), limit: 3 }, limits);
    assert.deepEqual(few.rows, [{ i: 1 }, { i: 2 }, { i: 3 }]);
  });

  test('runSource: an om_requete by key or code, with its parameters and merge-field labels', async () => {
    const registryResult: SourceResult = await runSource(database().db, registry, sourceId, { actor: agent, params: { nom: 'maire' } }, limits);
    assert.deepEqual(registryResult.rows, [{ libelle: 'maire', la_valeur: 'Jeanne Martin' }]);
    assert.deepEqual(registryResult.fields, [
      { name: 'libelle', label: 'Libelle' },
      { name: 'la_valeur', label: 'Valeur du paramètre' },
    ]);
    const byCode = await runSource(database().db, registry, 'parametres', { actor: agent, params: {} }, limits);
    assert.equal(byCode.rows.length, 2);
    const fields = await sourceFields(database().db, registry, 'parametres', { actor: agent });
    assert.deepEqual(fields.map((field) => field.name), ['libelle', 'la_valeur']);
    await assert.rejects(runSource(database().db, registry, 'absente', { actor: agent, params: {} }), /Source de données introuvable/);
  });

  test('a source declared in code, named by classe', async () => {
    const result = await runSource(database().db, registry, 'objet_essai', { actor: agent, params: { idx: 7 } }, limits);
    assert.deepEqual(result, { fields: [{ name: 'salut', label: 'Salutation' }], rows: [{ salut: 'Bonjour 7' }] });
    assert.deepEqual(await sourceFields(database().db, registry, 'objet_essai', { actor: agent }), [{ name: 'salut', label: 'Salutation' }]);
  });
});
