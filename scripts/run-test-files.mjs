// The test files' runner, started by scripts/run-tests.mjs with node's flags (tsx, the test
// options given to `npm test`), which the files' processes inherit. node's `run()` starts the
// files in the order given (`node --test` sorts them by name): the longest first.
//
//   node --import tsx scripts/run-test-files.mjs <concurrency> <file>…
import { setMaxListeners } from 'node:events';
import { resolve } from 'node:path';
import { run } from 'node:test';
import summaryReporter from './summary-reporter.mjs';

const [concurrency, ...files] = process.argv.slice(2);
const stop = new AbortController();
// Each test file's process listens to it: more than the default ten is expected, not a leak.
setMaxListeners(0, stop.signal);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop.abort());

let failed = false;
/** The events as they are, noting a failure (a test marked todo may fail without failing the run). */
async function* watched(events) {
  for await (const event of events) {
    if (event.type === 'test:fail' && (event.data.todo === undefined || event.data.todo === false)) failed = true;
    yield event;
  }
}

const events = run({ files: files.map((file) => resolve(file)), concurrency: Number(concurrency), signal: stop.signal });
for await (const chunk of summaryReporter(watched(events))) process.stdout.write(chunk);
process.exitCode = failed || stop.signal.aborted ? 1 : 0;
