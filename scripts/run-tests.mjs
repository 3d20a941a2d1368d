// `npm test`: runs every test file with node's test runner (through tsx) and ends with the line
// `N passed, N failed` written by scripts/summary-reporter.mjs. Node 20 expands no globs, so the
// files are found here.
//
//   npm test                                          every test file
//   npm test -- framework/test/migrations.test.ts     one file (any path or part of a path)
//   npm test -- apps/elections --test-name-pattern=bureau
//
// Arguments starting with `-` go to node as they are; the others select test files.
// COMMUN_TEST_CONCURRENCY sets how many files run at once (default 2: each file starts an
// embedded PostgreSQL, which keeps one core busy).
//
// node starts the files in the order given: the longest first, so that the run does not end with
// one long file running alone while the other core idles. How long a file takes comes from
// scripts/test-durations.json (seconds, from a CI run: update it when a file's time changes much);
// a file not listed counts as a browser journey or an ordinary file.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const toPosix = (path) => path.split(sep).join('/');

/** Test files under `dir` (relative to the root, sorted), skipping node_modules. */
function testFiles(dir, pattern) {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true })
    .map((name) => toPosix(join(dir, String(name))))
    .filter((path) => !path.includes('node_modules/') && pattern.test(path));
}

function discover() {
  const files = [...testFiles('framework/test', /\.test\.tsx?$/), ...testFiles('e2e', /\.test\.ts$/)];
  if (existsSync(join(root, 'apps'))) {
    for (const app of readdirSync(join(root, 'apps'))) files.push(...testFiles(`apps/${app}/test`, /\.test\.tsx?$/));
  }
  return [...new Set(files)].sort();
}

/**
 * `files`, the longest expected first (ties in path order). A file not listed: a browser journey
 * counts 60 s, another file 10 s, plus a second per 1,000 characters (more tests, more time).
 */
function longestFirst(files) {
  const known = JSON.parse(readFileSync(join(root, 'scripts/test-durations.json'), 'utf8')).seconds;
  const guess = (file) => (file.startsWith('e2e/') ? 60 : 10) + statSync(join(root, file)).size / 1000;
  const expected = new Map(files.map((file) => [file, known[file] ?? guess(file)]));
  return [...files].sort((a, b) => expected.get(b) - expected.get(a) || a.localeCompare(b));
}


const nodeArgs = [];
const filters = [];
for (const arg of process.argv.slice(2)) (arg.startsWith('-') ? nodeArgs : filters).push(arg);

let files = discover();
if (filters.length > 0) {
  const selected = new Set();
  for (const filter of filters) {
    const wanted = toPosix(relative(root, resolve(filter)));
    const matches = files.filter((file) => file === wanted || file.startsWith(`${wanted}/`) || file.includes(filter));
    // A file given by its path runs even outside the usual folders.
    if (matches.length === 0 && existsSync(join(root, wanted)) && statSync(join(root, wanted)).isFile()) matches.push(wanted);
    if (matches.length === 0) {
      console.error(`Aucun fichier de test ne correspond à « ${filter} ».`);
      process.exit(1);
    }
    for (const file of matches) selected.add(file);
  }
  files = [...selected].sort();
}
if (files.length === 0) {
  console.error('Aucun fichier de test trouvé.');
  process.exit(1);
}
files = longestFirst(files);

const concurrency = process.env.COMMUN_TEST_CONCURRENCY ?? '2';
const env = { ...process.env };
// node's spec reporter colours its output when stderr is a terminal, even if stdout is a file.
if (!process.stdout.isTTY && env.FORCE_COLOR === undefined) env.NO_COLOR = '1';

const child = spawn(
  process.execPath,
  [
    // The embedded database is WebAssembly: V8 compiles it quickly (Liftoff), then again, optimised,
    // in background threads for hot functions. A test process lives too short to repay that second
    // compilation: without it, an embedded test file takes 20 to 30 % less CPU (measured on
    // records, csv-import, maps-geojson). The test files' processes inherit these flags.
    '--liftoff-only',
    '--import', 'tsx',
    ...nodeArgs,
    'scripts/run-test-files.mjs',
    concurrency,
    ...files,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
