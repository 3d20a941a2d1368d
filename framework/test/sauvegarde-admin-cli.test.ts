/**
 * « Administration › Sauvegardes » (list, start, download, 403 without the right) and
 * `commun backup` against a data folder held by a running instance: the command asks it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/access/actor.ts';
import { hashPassword } from '../src/access/passwords.ts';
import { backupsFolder, listArchives, startBackupService, type BackupService } from '../src/backup/index.ts';
import { writeAs } from '../src/db/tenant-context.ts';
import type { Runtime } from '../src/runtime.ts';
import { createApp } from '../src/web/app.tsx';
import { Browser } from './support/auth.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';
import { ADMIN_PASSWORD, bootOnNewFolder } from './sauvegarde-outils.ts';

const root = resolve(import.meta.dirname, '..', '..');

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...COMMUN_NODE_FLAGS, join(root, 'framework/bin/commun.js'), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('délai dépassé');
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('sauvegardes [embarquée] : page d’administration et commande', () => {
  let folder: string;
  let runtime: Runtime;
  let service: BackupService;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'commun-sauvegarde-'));
    runtime = await bootOnNewFolder(join(folder, 'data'));
    const pwd = await hashPassword('Utilisateur-solide-42');
    await writeAs(runtime.db.kysely, SYSTEM_ACTOR, (trx) =>
      sql`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil) values ('Agent', 'agent@example.org', 'agent', ${pwd}, 1, 3)`.execute(trx),
    );
    service = startBackupService(runtime, { pollMs: 200 });
  });
  after(async () => {
    service?.stop();
    await runtime?.db.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('refuse la page, le lancement et le téléchargement sans le droit « sauvegarde » (403)', async () => {
    const agent = new Browser(createApp(runtime));
    assert.equal((await agent.login('agent', 'Utilisateur-solide-42')).status, 303);
    assert.equal((await agent.get('/administration/sauvegardes')).status, 403);
    const token = await agent.formToken('/');
    assert.equal((await agent.postForm('/administration/sauvegardes', { _csrf: token })).status, 403);
    assert.equal((await agent.get('/administration/sauvegardes/commun-20250101-000000.tar.gz')).status, 403);
    assert.deepEqual(await listArchives(runtime.config.dataDir), []);
  });

  it('lance une sauvegarde (traitement), la liste et la fait télécharger', async () => {
    const admin = new Browser(createApp(runtime));
    assert.equal((await admin.login('admin', ADMIN_PASSWORD)).status, 303);
    const page = await (await admin.get('/administration/sauvegardes')).text();
    assert.match(page, /Aucune sauvegarde pour l’instant\./);
    assert.match(page, /<button type="submit">Faire une sauvegarde maintenant<\/button>/);
    const token = await admin.formToken('/administration/sauvegardes');
    const started = await admin.postForm('/administration/sauvegardes', { _csrf: token });
    assert.equal(started.status, 303);
    assert.equal(started.headers.get('location'), '/administration/sauvegardes');
    const [archive] = await until(async () => {
      const found = await listArchives(runtime.config.dataDir);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(archive);
    const listed = await (await admin.get('/administration/sauvegardes')).text();
    assert.match(listed, /Sauvegarde lancée/);
    assert.ok(listed.includes(`<th scope="row">${archive.name}</th>`));
    assert.ok(listed.includes(`href="/administration/sauvegardes/${archive.name}"`));
    const download = await admin.get(`/administration/sauvegardes/${archive.name}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/gzip');
    const bytes = Buffer.from(await download.arrayBuffer());
    assert.deepEqual(bytes, readFileSync(join(backupsFolder(runtime.config.dataDir), archive.name)));
    assert.equal((await admin.get('/administration/sauvegardes/..%2Fcommun.lock')).status, 404);
    assert.equal((await admin.get('/administration/sauvegardes/commun-20000101-000000.tar.gz')).status, 404);
  });

  it('`commun backup` demande la sauvegarde au serveur qui tient le dossier, puis la restauration la rend entière', async () => {
    const output = join(folder, 'copie.tar.gz');
    const result = await runCli(['backup', '--sortie', output], { COMMUN_DATA_DIR: runtime.config.dataDir, DATABASE_URL: '' });
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.match(result.stdout, new RegExp(`^Le dossier est tenu par le processus ${process.pid} : la sauvegarde lui est demandée…\\n`));
    assert.match(result.stdout, new RegExp(`Sauvegarde faite : ${output.replaceAll('.', '\\.')}\\n  \\d+ lignes, 0 fichiers déposés\\.\\n$`));
    assert.ok(existsSync(output));
    assert.deepEqual((await readdir(join(backupsFolder(runtime.config.dataDir), 'demandes'))).sort(), []);
    const restoredDir = join(folder, 'restauree');
    const restore = await runCli(['restore', output, '--dossier', restoredDir], { DATABASE_URL: '' });
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /Restauration terminée dans « .+restauree » : chaque table a le nombre de lignes du manifeste\./);
    assert.match(restore.stdout, /\n {2}om\.om_utilisateur : 2\n/);
    const again = await runCli(['restore', output, '--dossier', restoredDir], { DATABASE_URL: '' });
    assert.equal(again.code, 1);
    assert.equal(again.stderr.trim(), `Le dossier « ${restoredDir} » n’est pas vide : la restauration se fait dans un dossier vide, pour ne rien écraser.`);
  });
});
