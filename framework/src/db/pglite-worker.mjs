/**
 * The embedded database's own thread: PGlite's WebAssembly runs here, never on the HTTP event loop.
 * Plain JavaScript on purpose: a worker does not inherit the tsx loader the `commun` command
 * registers, and compiling TypeScript again in the worker would slow every start.
 *
 * Protocol (see pglite-client.ts): the parent sends `{ id, op, sql?, params? }`, the worker answers
 * `{ id, result }` or `{ id, error }`. Values cross by structured clone; dumps as transferred bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

// Dates and timestamps without zone stay strings, numeric stays a string (exact), int8 becomes a
// number: the same JS values as the server's `pg` type parsers (connection.ts).
const DATE = 1082;
const TIMESTAMP = 1114;
const NUMERIC = 1700;
const INT8 = 20;
const identity = (value) => value;

// The fields `records/database-errors.ts` and callers read on a PostgreSQL error.
const ERROR_FIELDS = [
  'severity', 'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where',
  'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine',
];

function describeError(error) {
  const described = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === 'object') {
    for (const field of ERROR_FIELDS) if (typeof error[field] === 'string') described[field] = error[field];
  }
  return described;
}

function plain(result) {
  return { rows: result?.rows ?? [], affectedRows: result?.affectedRows };
}

async function open({ dataDir, postgis, image }) {
  const options = {
    parsers: { [DATE]: identity, [TIMESTAMP]: identity, [NUMERIC]: identity, [INT8]: (value) => Number(value) },
  };
  if (postgis) options.extensions = { postgis: (await import('@electric-sql/pglite-postgis')).postgis };
  if (image) options.loadDataDir = new Blob([image]);
  else options.dataDir = dataDir;
  return PGlite.create(options);
}

const operations = {
  exec: async (pglite, { sql }) => plain((await pglite.exec(sql)).at(-1)),
  query: async (pglite, { sql, params }) => plain(await pglite.query(sql, params)),
  dump: async (pglite, { compression }) => {
    const bytes = await (await pglite.dumpDataDir(compression)).arrayBuffer();
    return { value: bytes, transfer: [bytes] };
  },
  close: async (pglite) => {
    if (!pglite.closed) await pglite.close();
  },
};

let pglite;
try {
  pglite = await open(workerData);
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: describeError(error) });
}

parentPort.on('message', async (request) => {
  try {
    const outcome = await operations[request.op](pglite, request);
    if (outcome && outcome.transfer) parentPort.postMessage({ id: request.id, result: outcome.value }, outcome.transfer);
    else parentPort.postMessage({ id: request.id, result: outcome });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: describeError(error) });
  }
});
