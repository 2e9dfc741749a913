// Node side of the batch pool: worker_threads running batch-worker.ts, spoken to via comlink's
// node adapter. The generic pool (pool.ts) handles queueing, death and replacement.
//
// Workers start from the prebuilt engine bundle (scripts/engine-bundle.mjs: one JavaScript
// file, rebuilt whenever a source it was built from changes), which loads in tens of
// milliseconds instead of the second or so tsx needs to compile the TypeScript engine in each
// thread. SAMENSPEL_ENGINE_BUNDLE=0 runs the TypeScript sources through tsx instead (outputs
// are byte-identical either way; tests/pools checks it); so does a bundle that cannot be built.
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { freshBundle } from '../scripts/engine-bundle.mjs';
import { createPool, type Pool, type PoolWorker } from './pool.ts';
import type { BatchInit, BatchWorkerApi } from './batch-api.ts';

const BOOTSTRAP = new URL('./node-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./batch-worker.ts', import.meta.url).href;

/** What the workers run: the bundle's file URL, or null for the TypeScript sources. */
export interface WorkerCode { bundle: URL | null; note: string }

/** Finds (or builds) a fresh bundle once per pool; `note` says what was chosen and why. */
export function batchWorkerCode(env: NodeJS.ProcessEnv = process.env): WorkerCode {
  if (env.SAMENSPEL_ENGINE_BUNDLE === '0') return { bundle: null, note: 'TypeScript sources (SAMENSPEL_ENGINE_BUNDLE=0)' };
  const found = freshBundle();
  if (found.file === null) return { bundle: null, note: `TypeScript sources: no engine bundle (${found.reason})` };
  return { bundle: pathToFileURL(found.file), note: `engine bundle ${found.key.slice(0, 12)}${found.built ? ' (rebuilt: sources changed)' : ''}` };
}

/**
 * The parent's Node flags without tsx's loader (`node --import tsx …`, as npm scripts start
 * Node): a bundle needs no loader, and inheriting it would cost every worker tsx's start-up
 * and a loader thread of its own.
 */
export function withoutTsxLoader(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--import' || a === '--loader' || a === '--experimental-loader') && /^tsx(\/|$)/.test(argv[i + 1] ?? '')) { i++; continue; }
    if (/^--(import|loader|experimental-loader)=tsx(\/|$)/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** A pool worker plus its thread (for diagnostics such as the bench's event-loop utilisation). */
export function nodeBatchWorker(bundle: URL | null = null): PoolWorker<BatchWorkerApi> & { thread: Worker } {
  const worker = bundle
    ? new Worker(bundle, { execArgv: withoutTsxLoader(process.execArgv) })
    : new Worker(BOOTSTRAP, { workerData: { entry: ENTRY } });
  const exited = new Promise<Error>((resolve) => {
    worker.once('error', (e) => resolve(e instanceof Error ? e : new Error(String(e))));
    worker.once('exit', (code) => resolve(new Error(`exited with code ${code}`)));
  });
  return { remote: wrap<BatchWorkerApi>(nodeEndpoint(worker)), exited, terminate: () => worker.terminate(), thread: worker };
}

/** `code` defaults to batchWorkerCode(); a fallback to the sources is said on stderr (it is slower, not wrong). */
export function createNodeBatchPool(size: number, init: BatchInit, chosen?: WorkerCode): Pool<BatchWorkerApi> {
  const code = chosen ?? batchWorkerCode();
  if (!chosen && code.bundle === null && process.env.SAMENSPEL_ENGINE_BUNDLE !== '0') process.stderr.write(`samenspel: ${code.note}\n`);
  return createPool<BatchWorkerApi>({ size, create: () => nodeBatchWorker(code.bundle), setup: (remote) => remote.init(init) });
}
