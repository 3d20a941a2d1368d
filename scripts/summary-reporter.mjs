// node:test reporter: node's own `spec` output, then one closing line `N passed, N failed`
// (`, N skipped` when some were skipped or marked todo). CI reads that line, so it is always the
// last one: the spec output goes through this reporter instead of a second, concurrent one.
//
// Counted are leaf tests (a test with subtests and a `describe` suite are not counted, their
// subtests are). A test file that fails outside any test (a syntax error, a failing top-level
// hook, a non-zero exit code) is reported by node as a failed test named after the file: it counts
// as one failure, so the line never says `0 failed` when the run fails.
//
// Before that line: the slowest files (node reports each file's whole time as a `test:complete`
// named after the file) and the slowest suites. With COMMUN_TEST_DURATIONS=<path>, the files'
// times are also merged into that JSON file (scripts/test-durations.json orders the next runs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { Readable } from 'node:stream';
import { spec as SpecReporter } from 'node:test/reporters';

export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // Per nesting level: has a subtest finished since that level's last test finished? node
  // reports a test after its subtests, and the tests of one file together, in order.
  // (`data.file` is where a test was declared, not the test file: no use as a key.)
  const hadChildren = [];
  // Top-level tests' and suites' durations, for the list of the slowest (where CI time goes). A
  // suite declared by a helper (describeEachDatabase) carries the helper's file: named by its title.
  const durations = new Map();
  /** Each test file's whole time (its process, set-up included), by path from the root. */
  const files = new Map();

  function count(event) {
    if (event.type === 'test:complete') {
      const { name, nesting, file, details } = event.data;
      if (nesting === 0 && name === file && isAbsolute(name) && typeof details?.duration_ms === 'number') files.set(relative(process.cwd(), name), details.duration_ms);
      return;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') return;
    const { nesting, skip, todo, details, file, name } = event.data;
    if (nesting === 0 && typeof details?.duration_ms === 'number') {
      const where = file && !/\/(test|e2e)\/support\//.test(file) ? file.replace(`${process.cwd()}/`, '') : '';
      const key = where && details.type !== 'suite' ? where : `${name}${where ? ` (${where})` : ''}`;
      durations.set(key, (durations.get(key) ?? 0) + details.duration_ms);
    }
    const isLeaf = !hadChildren[nesting];
    hadChildren.length = nesting;
    if (nesting > 0) hadChildren[nesting - 1] = true;
    if (!isLeaf || details?.type === 'suite') return;
    if (skip !== undefined && skip !== false) counts.skipped++;
    else if (todo !== undefined && todo !== false) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }

  async function* counted() {
    for await (const event of source) {
      count(event);
      yield event;
    }
  }

  yield* Readable.from(counted()).pipe(new SpecReporter());

  const slowestFiles = [...files].sort((a, b) => b[1] - a[1]).slice(0, 20);
  if (slowestFiles.length > 1) {
    yield '\nLes fichiers les plus lents :\n';
    for (const [key, ms] of slowestFiles) yield `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${key}\n`;
  }
  const slowest = [...durations].sort((a, b) => b[1] - a[1]).slice(0, 20);
  if (slowest.length > 1) {
    yield '\nLes plus lents (suites et tests de premier niveau) :\n';
    for (const [key, ms] of slowest) yield `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${key}\n`;
  }
  if (process.env.COMMUN_TEST_DURATIONS && files.size > 0) saveDurations(process.env.COMMUN_TEST_DURATIONS, files);

  let line = `${counts.passed} passed, ${counts.failed} failed`;
  if (counts.skipped > 0) line += `, ${counts.skipped} skipped`;
  if (process.stdout.isTTY && !process.env.NO_COLOR) {
    line = `${counts.failed > 0 ? '\x1b[31m' : '\x1b[32m'}${line}\x1b[0m`;
  }
  yield `\n${line}\n`;
}

/** Merges the files' times (whole seconds) into the JSON file `path` (`{ "seconds": { file: s } }`), sorted by file. */
function saveDurations(path, files) {
  const saved = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const seconds = { ...(saved.seconds ?? {}) };
  for (const [file, ms] of files) seconds[file] = Math.max(1, Math.round(ms / 1000));
  const sorted = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify({ ...saved, seconds: sorted }, null, 2)}\n`);
}
