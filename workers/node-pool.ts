// Node side of the batch pool: worker_threads running batch-worker.ts, spoken to via comlink's
// node adapter. The generic pool (pool.ts) handles queueing, death and replacement.
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createPool, type Pool, type PoolWorker } from './pool.ts';
import type { BatchInit, BatchWorkerApi } from './batch-api.ts';

const BOOTSTRAP = new URL('./node-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./batch-worker.ts', import.meta.url).href;

export function nodeBatchWorker(): PoolWorker<BatchWorkerApi> {
  const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY } });
  const exited = new Promise<Error>((resolve) => {
    worker.once('error', (e) => resolve(e instanceof Error ? e : new Error(String(e))));
    worker.once('exit', (code) => resolve(new Error(`exited with code ${code}`)));
  });
  return { remote: wrap<BatchWorkerApi>(nodeEndpoint(worker)), exited, terminate: () => worker.terminate() };
}

export function createNodeBatchPool(size: number, init: BatchInit): Pool<BatchWorkerApi> {
  return createPool<BatchWorkerApi>({ size, create: nodeBatchWorker, setup: (remote) => remote.init(init) });
}
