/**
 * `commun --help`; `commun migrate` and `commun user` on each database kind, run in a folder
 * without commun.config.ts on a database that starts empty: the framework alone, whose commands
 * open fastest (the first migration of the repository's six-application instance is
 * apps/registre/test/instance.test.ts's subject).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { commun, emptyServerDatabase, type EmptyServerDatabase } from './support/commun-process.ts';
import { databaseKinds } from './support/databases.ts';

test('commun --help lists the commands; an unknown command fails', async () => {
  const [help, newHelp, unknown] = await Promise.all([commun(['--help']), commun(['new', '--help']), commun(['danser'])]);
  assert.equal(help.code, 0);
  for (const word of ['start', 'migrate', 'user add', 'user password', 'gen', 'commun new <nom>']) assert.ok(help.out.includes(word), word);
  assert.equal(newHelp.code, 0);
  assert.match(newHelp.out, /^Usage : commun new <nom>/);
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /Commande inconnue/);
});

test('a wrong option is refused in French, with the usage, before any database or application loads', async () => {
  const [userOption, userValue, importOption, importValue] = await Promise.all([
    commun(['user', '--bogus']),
    commun(['user', 'add', 'marie', '--nom']),
    commun(['import', '--bogus']),
    commun(['import', 'registre.service', 'services.csv', '--mode']),
  ]);
  for (const [run, message, usage] of [
    [userOption, /Option inconnue : « --bogus »\./, /commun user/],
    [userValue, /L’option « --nom » attend une valeur\./, /commun user/],
    [importOption, /Option inconnue : « --bogus »\./, /Usage : commun import/],
    [importValue, /L’option « --mode » attend une valeur\./, /Usage : commun import/],
  ] as const) {
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, message);
    assert.match(run.out, usage);
    assert.doesNotMatch(run.out, /Unknown option|argument missing|\n\s+at /);
  }
});

const kinds = await databaseKinds();

// The two kinds side by side; on each, the commands follow one another.
describe('commun migrate and user, on each database kind', { concurrency: true }, () => {
  for (const kind of kinds) {
    describe(`commun migrate and user [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, { concurrency: false }, () => {
      const folder = mkdtempSync(join(tmpdir(), 'commun-cli-'));
      const cwd = mkdtempSync(join(tmpdir(), 'commun-cli-instance-'));
      let database: EmptyServerDatabase | undefined;
      const run = async (args: string[]) => {
        if (kind === 'pglite') return commun(args, { cwd, env: { COMMUN_DATA_DIR: folder } });
        database ??= await emptyServerDatabase('cli');
        return commun(args, { cwd, env: { DATABASE_URL: database.url } });
      };
      after(async () => {
        rmSync(folder, { recursive: true, force: true });
        rmSync(cwd, { recursive: true, force: true });
        await database?.drop();
      });

      test('migrate creates the database, with the framework alone without ./commun.config.ts, and prints the admin password once', async () => {
        const first = await run(['migrate']);
        assert.equal(first.code, 0, first.out);
        assert.match(first.out, /mot de passe « [^»]{12,} »/);
        assert.match(first.out, /om\/0001_framework\.sql/);
        // Only the framework's own migrations (`om/…`): no application's.
        assert.doesNotMatch(first.out, /^ {2}(?!om\/)\S+\/\d{4}_/m);
        const second = await run(['migrate']);
        assert.equal(second.code, 0, second.out);
        assert.match(second.out, /La base est à jour/);
        assert.doesNotMatch(second.out, /mot de passe/);
      });

      test('user add checks the input; user password generates a strong password', async () => {
        const weak = await run(['user', 'add', 'marie', '--nom', 'Marie', '--email', 'marie@libreville.fr', '--password', 'court']);
        assert.equal(weak.code, 1);
        assert.match(weak.out, /au moins 12 caractères/);
        const added = await run(['user', 'add', 'marie', '--nom', 'Marie Curie', '--email', 'marie@libreville.fr', '--profil', 'CONSULTATION', '--password', 'Radium-Polonium-1898']);
        assert.equal(added.code, 0, added.out);
        const again = await run(['user', 'add', 'marie', '--nom', 'Marie', '--email', 'marie@libreville.fr', '--password', 'Radium-Polonium-1898']);
        assert.equal(again.code, 1);
        assert.match(again.out, /existe déjà/);
        const changed = await run(['user', 'password', 'marie']);
        assert.equal(changed.code, 0, changed.out);
        assert.match(changed.out, /Nouveau mot de passe : \S{12,}/);
        const missing = await run(['user', 'password', 'personne']);
        assert.equal(missing.code, 1);
        assert.match(missing.out, /Aucun utilisateur/);
      });
    });
  }
});
