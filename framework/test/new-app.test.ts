/**
 * `commun new <nom>` (issue 9 §2): the skeleton of an application and its place in the instance's
 * commun.config.ts; what it refuses, in French, writing nothing; then the newcomer's path on a
 * crisis-management schema nobody here wrote (string keys, comments): `commun gen --app`, labels
 * from the comments, the menu under the application's heading with its reference table in
 * « Paramétrage », served on both databases.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Application } from '../src/application.ts';
import { addApplication } from '../src/cli/instance-config-edit.ts';
import { newAppCommand } from '../src/cli/new-app.ts';
import { appOptionsFile, indexFile } from '../src/cli/new-app-files.ts';
import { loadApplications } from '../src/config/applications.ts';
import { genCommand } from '../src/generator/command.ts';
import { createApp } from '../src/web/app.tsx';
import { CRISE_SCHEMA } from './support/crise-schema.ts';
import { describeEachDatabase } from './support/databases.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'Cellule-de-Crise-2026';

const temporaryDirs: string[] = [];
after(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commun-new-'));
  temporaryDirs.push(dir);
  return dir;
}

/** Runs `work` with the console's output captured (log and error, in order). */
async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  console.error = console.log;
  try {
    return { result: await work(), output: lines.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

/** Runs `commun new` in `cwd`, its output captured. */
async function communNew(cwd: string, ...argv: string[]): Promise<{ code: number; output: string }> {
  const { result, output } = await quietly(() => newAppCommand(argv, cwd));
  return { code: result, output };
}

const ROOT_CONFIG = readFileSync(join(REPOSITORY, 'commun.config.ts'), 'utf8');

describe('commun new: what it refuses, writing nothing', () => {
  const cases: [string[], RegExp][] = [
    [[], /Donnez le nom de l’application : commun new <nom>\./],
    [['Crise'], /Le nom « Crise » ne convient pas : lettres minuscules sans accent/],
    [['crise-2'], /Le nom « crise-2 » ne convient pas/],
    [['évènement'], /Le nom « évènement » ne convient pas/],
    [['2crise'], /Le nom « 2crise » ne convient pas/],
    [['a'.repeat(41)], /ne convient pas/],
    [['api'], /Le nom « api » est déjà pris par le cadriciel ou par PostgreSQL/],
    [['om'], /Le nom « om » est déjà pris/],
    [['pg_crise'], /Le nom « pg_crise » est déjà pris/],
    [['crise', 'secours'], /Un seul nom d’application à la fois \(reçu : crise, secours\)\./],
    [['crise', '--titre'], /Donnez le titre après --titre/],
    [['crise', '--force'], /Option inconnue : « --force »\./],
  ];
  for (const [argv, message] of cases) {
    test(`commun new ${argv.join(' ') || '(sans nom)'}`, async () => {
      const cwd = emptyFolder();
      const { code, output } = await communNew(cwd, ...argv);
      assert.notEqual(code, 0);
      assert.match(output, message);
      assert.deepEqual(readdirSync(cwd), [], 'nothing written');
    });
  }

  test('an existing folder, a name already served, a configuration of another shape', async () => {
    const cwd = emptyFolder();
    mkdirSync(join(cwd, 'apps', 'crise'), { recursive: true });
    let run = await communNew(cwd, 'crise');
    assert.equal(run.code, 1);
    assert.match(run.output, /Le dossier apps\/crise existe déjà : choisissez un autre nom/);
    assert.deepEqual(readdirSync(join(cwd, 'apps', 'crise')), []);
    assert.equal(existsSync(join(cwd, 'commun.config.ts')), false);

    writeFileSync(join(cwd, 'commun.config.ts'), "import { secours } from './ailleurs/secours.ts';\nexport default { applications: [secours] };\n");
    run = await communNew(cwd, 'secours');
    assert.equal(run.code, 1);
    assert.match(run.output, /commun\.config\.ts nomme déjà « secours » : choisissez un autre nom\./);

    const odd = 'const liste = [];\nexport default { applications: liste };\n';
    writeFileSync(join(cwd, 'commun.config.ts'), odd);
    run = await communNew(cwd, 'alerte');
    assert.equal(run.code, 1);
    assert.match(run.output, /commun\.config\.ts n’a pas la forme attendue[\s\S]*import \{ alerte \} from '\.\/apps\/alerte\/src\/index\.ts';[\s\S]*ajoutez alerte à la liste applications/);
    assert.equal(readFileSync(join(cwd, 'commun.config.ts'), 'utf8'), odd, 'the configuration is untouched');
    assert.equal(existsSync(join(cwd, 'apps', 'alerte')), false, 'no skeleton either');
  });

  test('--help prints the usage', async () => {
    const run = await communNew(emptyFolder(), '--help');
    assert.equal(run.code, 0);
    assert.match(run.output, /^Usage : commun new <nom> \[--titre "Titre de l’application"\]/);
    assert.match(run.output, /docs\/creer-une-application\.md/);
  });
});

describe('commun new: adding to commun.config.ts', () => {
  const line = "import { crise } from './apps/crise/src/index.ts';";

  test('the repository’s configuration: one import after the others, one name at the end of the list', () => {
    const edit = addApplication(ROOT_CONFIG, line, 'crise');
    assert.ok(edit.ok);
    const imports = edit.text.split('\n').filter((text) => text.startsWith('import '));
    assert.equal(imports.at(-1), "import { crise } from './apps/crise/src/index.ts';", 'the new import comes after the others');
    assert.equal(imports.length, ROOT_CONFIG.split('\n').filter((text) => text.startsWith('import ')).length + 1);
    assert.match(edit.text, /applications: \[registre, [a-z_, ]*crise\]/);
  });

  test('an empty list, a list on several lines, a file without import', () => {
    const empty = addApplication("import type { InstanceConfig } from 'x';\n\nexport default { applications: [] } satisfies InstanceConfig;\n", line, 'crise');
    assert.ok(empty.ok);
    assert.match(empty.text, /applications: \[crise\]/);
    const several = addApplication("import { a } from './a.ts';\nimport { b } from './b.ts';\n\nexport default {\n  applications: [\n    a,\n    b\n  ],\n};\n", line, 'crise');
    assert.ok(several.ok);
    assert.match(several.text, /applications: \[\n {4}a,\n {4}b,\n {4}crise,\n {2}\],/);
    assert.match(several.text, /import \{ b \} from '\.\/b\.ts';\nimport \{ crise \}/);
    const bare = addApplication('/** Sans application. */\nexport default { applications: [] };\n', line, 'crise');
    assert.ok(bare.ok);
    assert.equal(bare.text, `/** Sans application. */\n${line}\nexport default { applications: [crise] };\n`);
  });

  test('two lists, or a list that is not made of names: another shape', () => {
    assert.deepEqual(addApplication('export const a = { applications: [] };\nexport default { applications: [] };\n', line, 'crise'), { ok: false, reason: 'shape' });
    assert.deepEqual(addApplication('export default { applications: [...autres] };\n', line, 'crise'), { ok: false, reason: 'shape' });
    assert.deepEqual(addApplication('export default { applications: [crise] };\n', line, 'crise'), { ok: false, reason: 'alreadyListed' });
  });
});

test('a title is written as text: quotes and comment ends do not break the files', () => {
  const skeleton = {
    name: 'crise',
    title: 'Crise */ l’été d\'alerte',
    identifier: 'crise',
    folder: 'apps/crise',
    imports: { options: 'o.ts', application: 'a.ts', override: 'r.ts' },
  };
  const options = appOptionsFile(skeleton);
  assert.match(options, /title: "Crise \*\/ l’été d'alerte",/);
  assert.doesNotMatch(options.split('*/')[0] ?? '', /import/, 'the doc comment is not closed early');
  assert.match(indexFile(skeleton), /« Crise \*\\\/ l’été d'alerte »/);
});

describe('commun new in an empty folder: a new instance', () => {
  let cwd = '';
  let run: { code: number; output: string };
  before(async () => {
    cwd = emptyFolder();
    run = await communNew(cwd, 'crise', '--titre', 'Gestion de crise');
  });

  test('writes the skeleton, an empty gen/, the configuration and says what to do next', () => {
    assert.equal(run.code, 0, run.output);
    for (const path of ['commun.app.ts', 'migrations/0001_crise.sql', 'src/index.ts', 'src/objects/index.ts', 'gen/index.ts', 'gen/permissions.ts', 'gen/menu.ts', 'gen/labels.ts']) {
      assert.ok(existsSync(join(cwd, 'apps', 'crise', path)), path);
    }
    assert.match(readFileSync(join(cwd, 'apps', 'crise', 'commun.app.ts'), 'utf8'), /name: 'crise',\n {2}title: 'Gestion de crise',\n {2}schema: 'crise',/);
    assert.match(readFileSync(join(cwd, 'apps', 'crise', 'migrations', '0001_crise.sql'), 'utf8'), /^create schema crise;$/m);
    assert.match(readFileSync(join(cwd, 'apps', 'crise', 'gen', 'index.ts'), 'utf8'), /export const tables: readonly TableMeta\[\] = \[\];[\s\S]*export const title = 'Gestion de crise';/);
    assert.match(readFileSync(join(cwd, 'commun.config.ts'), 'utf8'), /import \{ crise \} from '\.\/apps\/crise\/src\/index\.ts';\n\nexport default \{ applications: \[crise\] \} satisfies InstanceConfig;/);
    assert.deepEqual(JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')), { private: true, type: 'module' });
    assert.match(run.output, /Application « Gestion de crise » créée dans apps\/crise :/);
    assert.match(run.output, /1\. écrivez vos tables dans apps\/crise\/migrations\/0001_crise\.sql[\s\S]*2\. npx commun gen --app apps\/crise\n {2}3\. npx commun start/);
  });

  test('the instance loads it before any table exists, and the skeleton type-checks', async () => {
    const applications = await loadApplications(cwd);
    assert.deepEqual(applications.map((application) => [application.name, application.title, application.migrations.schema]), [['crise', 'Gestion de crise', 'crise']]);
    writeFileSync(
      join(cwd, 'tsconfig.json'),
      JSON.stringify({
        extends: join(REPOSITORY, 'tsconfig.json'),
        compilerOptions: { typeRoots: [join(REPOSITORY, 'node_modules', '@types')] },
        include: ['commun.config.ts', 'apps/**/*.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [join(REPOSITORY, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', cwd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      assert.fail(`${failed.stdout ?? ''}${failed.stderr ?? String(error)}`);
    } finally {
      rmSync(join(cwd, 'tsconfig.json'));
    }
  });

  test('a second application joins the same configuration; its title defaults to its name', async () => {
    const second = await communNew(cwd, 'main_courante');
    assert.equal(second.code, 0, second.output);
    assert.equal(existsSync(join(cwd, 'package.json')), true);
    assert.doesNotMatch(second.output, /package\.json/, 'package.json exists already');
    assert.match(readFileSync(join(cwd, 'commun.config.ts'), 'utf8'), /import \{ mainCourante \} from '\.\/apps\/main_courante\/src\/index\.ts';\n\nexport default \{ applications: \[crise, mainCourante\] \}/);
    assert.match(readFileSync(join(cwd, 'apps', 'main_courante', 'commun.app.ts'), 'utf8'), /title: 'Main courante',/);
    const { mainCourante } = (await import(pathToFileURL(join(cwd, 'apps', 'main_courante', 'src', 'index.ts')).href)) as { mainCourante: Application };
    assert.deepEqual([mainCourante.name, mainCourante.title], ['main_courante', 'Main courante']);
    rmSync(join(cwd, 'apps', 'main_courante'), { recursive: true });
    writeFileSync(join(cwd, 'commun.config.ts'), readFileSync(join(cwd, 'commun.config.ts'), 'utf8').replace(/import \{ mainCourante \}[^\n]*\n/, '').replace(', mainCourante', ''));
  });
});

/** A new instance with `crise` created, its schema written and generated: the newcomer's path. */
async function newcomerInstance(): Promise<string> {
  const cwd = emptyFolder();
  const created = await communNew(cwd, 'crise', '--titre', 'Gestion de crise');
  assert.equal(created.code, 0, created.output);
  writeFileSync(join(cwd, 'apps', 'crise', 'migrations', '0001_crise.sql'), CRISE_SCHEMA);
  const generated = await quietly(() => genCommand(['--app', join(cwd, 'apps', 'crise')]));
  assert.equal(generated.result, 0, generated.output);
  assert.match(generated.output, /Nouvelles surcharges dans .*src\/objects : elles servent une fois ajoutées à .*src\/objects\/index\.ts/);
  assert.match(generated.output, /Étape suivante : npx commun start/);
  return cwd;
}

/** Created once, by the first suite that needs it (tests run one after the other). */
let newcomer: Promise<{ instance: string; crise: Application }> | undefined;
const newcomerReady = () =>
  (newcomer ??= newcomerInstance().then(async (instance) => ({
    instance,
    crise: (await loadApplications(instance)).find((application) => application.name === 'crise') as Application,
  })));

describe('the generated crisis application: labels from the comments, its menu', () => {
  let instance = '';
  before(async () => {
    ({ instance } = await newcomerReady());
  });

  test('labels: a short comment, the part before « : », the name when the comment is a description', () => {
    const labels = readFileSync(join(instance, 'apps', 'crise', 'gen', 'labels.ts'), 'utf8');
    assert.match(labels, /evenement: 'Évènement de crise',/);
    assert.match(labels, /'evenement\.titre': 'Intitulé',/);
    assert.match(labels, /'evenement\.consignes': 'Consignes',/, 'a long comment is no label');
    assert.match(labels, /'intervention\.vehicule': 'Véhicule attribué',/);
    assert.match(labels, /type_evenement: 'Type d’évènement',/);
  });

  test('the menu: its heading, and its reference table under « Paramétrage »', () => {
    const menu = readFileSync(join(instance, 'apps', 'crise', 'gen', 'menu.ts'), 'utf8');
    assert.match(menu, /rubrique: 'parametrage',\s*category: 'Gestion de crise',\s*label: 'Type d’évènement'/);
    assert.match(menu, /rubrique: 'application',\s*category: 'Gestion de crise',\s*label: 'Véhicule'/, 'a vehicle has more than a label: not a reference table');
    assert.match(menu, /rubrique: 'application',\s*category: 'Gestion de crise',\s*label: 'Évènement de crise'/);
  });

  test('regenerating the unchanged schema changes nothing', async () => {
    const { result, output } = await quietly(() => genCommand(['--app', join(instance, 'apps', 'crise'), '--check']));
    assert.equal(result, 0, output);
  });
});

describeEachDatabase(
  'the generated crisis application, served',
  (database) => {
    let client: TestClient;
    before(async () => {
      const { instance, crise } = await newcomerReady();
      await database().asOwner(CRISE_SCHEMA, 'crise');
      const runtime = await createTestRuntime(database(), { config: { dataDir: emptyFolder() } });
      crise.register(runtime.registry);
      runtime.registry.linkIncomingReferences();
      const { permissions } = (await import(pathToFileURL(join(instance, 'apps', 'crise', 'gen', 'permissions.ts')).href)) as { permissions: string[] };
      await grant(database(), 'ADMINISTRATEUR', permissions);
      await createUsers(database(), [{ login: 'chef-crise', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 1 }]);
      client = new TestClient(createApp(runtime));
      assert.equal((await client.login('chef-crise', PASSWORD)).status, 200);
    });

    test('the menu shows the application’s heading in « Application » and in « Paramétrage »', async () => {
      const html = (await client.request('GET', '/')).text;
      const menu = /<nav class="menu"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
      const application = /<summary>Application<\/summary>([\s\S]*?)<\/details>/.exec(menu)?.[1] ?? '';
      assert.match(application, /<p class="menu-categorie" id="[^"]+">Gestion de crise<\/p><ul class="menu-liens"[^>]*><li><a href="\/crise\/evenement">Évènement de crise<\/a><\/li><li><a href="\/crise\/intervention">Intervention<\/a><\/li><li><a href="\/crise\/vehicule">Véhicule<\/a><\/li><\/ul>/);
      const parametrage = /<summary>Paramétrage<\/summary>([\s\S]*?)<\/details>/.exec(menu)?.[1] ?? '';
      assert.match(parametrage, /Gestion de crise<\/p><ul class="menu-liens"[^>]*><li><a href="\/crise\/type_evenement">Type d’évènement<\/a><\/li><\/ul>/);
    });

    test('a row with a string key is added and listed; the form shows the comments’ labels', async () => {
      const form = (await client.request('GET', '/crise/intervention/new')).text;
      assert.match(form, /<label for="[^"]+">Véhicule attribué<\/label>/);
      const created = await client.request('POST', '/api/v1/crise/evenement', {
        json: { evenement: 'INOND-2026-01', titre: 'Crue de la Garonne', type_evenement: 'INOND', om_collectivite: 1 },
      });
      assert.equal(created.status, 201, created.text);
      const listing = (await client.request('GET', '/crise/evenement')).text;
      assert.match(listing, /INOND-2026-01/);
      assert.match(listing, /Crue de la Garonne/);
      assert.match(listing, /Inondation/);
    });
  },
);
