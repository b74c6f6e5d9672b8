/**
 * The read pool's worker, as source text run with `new Worker(source, { eval: true })`.
 *
 * Why a string and not a sibling file: the same code must run from the TypeScript sources under ts-jest and from the
 * compiled dist/ build. A `.ts` worker file cannot be loaded by a plain Worker, a hand-written `.js` file in src/ is
 * not copied to dist/ by tsc, and `fn.toString()` of a compiled function breaks under coverage instrumentation. Text
 * has no such dependence; it only `require`s absolute paths the main thread resolved (see ReadPoolWorkerData).
 *
 * Protocol: readPoolProtocol.ts. One query at a time: the pool posts the next job only after the answer.
 */
export const readPoolWorkerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

function describe(error) {
  const described = { name: 'Error', message: String(error) };
  if (error instanceof Error) {
    described.name = error.name;
    described.message = error.message;
    if (typeof error.code === 'string') described.code = error.code;
  }
  return described;
}

function open() {
  if (workerData.tsNodePath) {
    require(workerData.tsNodePath).register({
      transpileOnly: true,
      projectSearchDir: require('node:path').dirname(workerData.functionsModule),
    });
  }
  const Database = require(workerData.driverPath);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = ' + Number(workerData.busyTimeoutMs));
    if (workerData.functionsModule) {
      const loaded = require(workerData.functionsModule);
      const register = loaded.registerSqliteFunctions || (loaded.default && loaded.default.registerSqliteFunctions);
      if (typeof register !== 'function') {
        throw new TypeError(workerData.functionsModule + ' does not export registerSqliteFunctions(db)');
      }
      register(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

let db;
try {
  db = open();
} catch (error) {
  // No message listener follows, so the thread ends; the pool fails the query it was given with this error.
  parentPort.postMessage({ type: 'fatal', error: describe(error) });
}

if (db) {
  // LRU by Map order: a hit moves the text to the end, the first key is the least recently used.
  const statements = new Map();
  const limit = workerData.statementCacheLimit;
  let prepared = 0;
  const statementFor = (sql) => {
    let statement = statements.get(sql);
    if (statement !== undefined) {
      statements.delete(sql);
    } else {
      statement = db.prepare(sql);
      prepared += 1;
      if (statements.size >= limit) statements.delete(statements.keys().next().value);
    }
    statements.set(sql, statement);
    return statement;
  };
  // Structured clone delivers Buffers as plain Uint8Arrays; view them as Buffers again (no copy).
  const bindable = (value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value;

  parentPort.on('message', (job) => {
    let reply;
    try {
      reply = { type: 'result', id: job.id, ok: true, rows: statementFor(job.sql).all(...job.params.map(bindable)) };
    } catch (error) {
      reply = { type: 'result', id: job.id, ok: false, error: describe(error) };
    }
    reply.cachedStatements = statements.size;
    reply.statementsPrepared = prepared;
    parentPort.postMessage(reply);
  });
  parentPort.postMessage({ type: 'ready' });
}
`;
