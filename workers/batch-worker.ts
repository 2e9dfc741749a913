// worker_threads entry of a batch worker (started by node-pool.ts through node-bootstrap.mjs).
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createBatchWorkerApi } from './batch-api.ts';

if (!parentPort) throw new Error('batch-worker.ts must run in a worker thread');
expose(createBatchWorkerApi((code) => process.exit(code)), nodeEndpoint(parentPort));
