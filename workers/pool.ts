// A small comlink worker pool that serves Node (worker_threads, see node-pool.ts) and the
// browser (web workers, see webWorkerFactory): the pool only sees `PoolWorker`s made by an
// injected factory. Tasks queue in submission order; each runs on the first idle worker.
// A worker that dies (crash, process.exit, OOM) fails its task with WorkerDiedError and is
// replaced by a fresh one (set up again), so one bad run never stops the rest.
import { wrap, type Remote } from 'comlink';

export interface PoolWorker<T> {
  remote: Remote<T>;
  /** Resolves (never rejects) when the worker dies, with the reason. */
  exited: Promise<Error>;
  terminate(): unknown;
}

export interface PoolOptions<T> {
  size: number;
  create: () => PoolWorker<T>;
  /** Called once per worker (also for replacements) before its first task, e.g. remote.init(…). */
  setup?: (remote: Remote<T>) => Promise<unknown>;
}

export class WorkerDiedError extends Error {
  constructor(reason: string) {
    super(`worker died: ${reason}`);
    this.name = 'WorkerDiedError';
  }
}

/** A task that ran past its time limit: its worker was stopped and replaced. */
export class TaskTimeoutError extends Error {
  readonly seconds: number;
  constructor(seconds: number) {
    super(`timed out after ${seconds} s; stopped and its worker replaced`);
    this.name = 'TaskTimeoutError';
    this.seconds = seconds;
  }
}

export interface TaskOptions {
  /** Stop the task after this many seconds: its worker is terminated and replaced. */
  timeoutSeconds?: number;
}

export interface Pool<T> {
  readonly size: number;
  /** Workers started to replace dead ones. */
  readonly replaced: number;
  /**
   * Queues a task; it gets an idle worker's remote. Rejects with WorkerDiedError if the worker
   * dies meanwhile, with TaskTimeoutError if it runs past `timeoutSeconds`.
   */
  run<R>(task: (remote: Remote<T>) => Promise<R>, opts?: TaskOptions): Promise<R>;
  /** Workers busy with a task right now. */
  readonly busy: number;
  /** Rejects queued and running tasks and terminates every worker. */
  close(): Promise<void>;
}

interface Slot<T> { worker: PoolWorker<T>; ready: Promise<unknown>; busy: boolean; dead: boolean; job: Job<T> | null }
interface Job<T> { task: (remote: Remote<T>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void; timeoutSeconds?: number }

type Outcome = { kind: 'ok'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'died'; error: Error } | { kind: 'timeout'; seconds: number };

export function createPool<T>(opts: PoolOptions<T>): Pool<T> {
  if (!(opts.size >= 1)) throw new RangeError(`pool size must be at least 1, got ${opts.size}`);
  const queue: Job<T>[] = [];
  const slots: Slot<T>[] = [];
  let closed = false;
  let replaced = 0;

  const start = (): Slot<T> => {
    const worker = opts.create();
    const slot: Slot<T> = { worker, ready: Promise.resolve(), busy: false, dead: false, job: null };
    // Setup errors surface in the first task run on this worker (and kill nothing else).
    slot.ready = opts.setup ? opts.setup(worker.remote) : Promise.resolve();
    slot.ready.catch(() => undefined);
    void worker.exited.then(() => { slot.dead = true; });
    return slot;
  };
  const replace = (i: number) => {
    const old = slots[i];
    try { old.worker.terminate(); } catch { /* already gone */ }
    slots[i] = start();
    replaced++;
  };

  const execute = async (i: number, job: Job<T>) => {
    const slot = slots[i];
    slot.job = job;
    const died = slot.worker.exited.then((error): Outcome => ({ kind: 'died', error }));
    // The time limit counts from the task's start, not from the worker's setup (loading the engine).
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut: (o: Outcome) => void = () => undefined;
    const timeout = new Promise<Outcome>((resolve) => { timedOut = resolve; });
    const attempt = slot.ready.then(() => {
      const seconds = job.timeoutSeconds;
      if (seconds !== undefined) {
        timer = setTimeout(() => timedOut({ kind: 'timeout', seconds }), seconds * 1000);
        // Never the reason a process stays alive (Node timers have unref; browsers' are numbers).
        (timer as { unref?: () => void }).unref?.();
      }
      return job.task(slot.worker.remote);
    }).then((value): Outcome => ({ kind: 'ok', value }), (error): Outcome => ({ kind: 'error', error }));
    const outcome = await Promise.race([attempt, died, timeout]);
    clearTimeout(timer);
    slot.job = null;
    if (outcome.kind === 'ok') job.resolve(outcome.value);
    else if (outcome.kind === 'error') job.reject(outcome.error);
    else if (outcome.kind === 'timeout') job.reject(new TaskTimeoutError(outcome.seconds));
    else job.reject(new WorkerDiedError(outcome.error.message));
    if (closed) return;
    // A timed-out worker may be stuck in a loop: only terminating it stops the computation.
    if (outcome.kind === 'died' || outcome.kind === 'timeout' || slot.dead) replace(i);
    else slot.busy = false;
    pump();
  };

  const pump = () => {
    for (let i = 0; i < slots.length && queue.length && !closed; i++) {
      if (slots[i].busy) continue;
      if (slots[i].dead) replace(i);
      slots[i].busy = true;
      void execute(i, queue.shift()!);
    }
  };

  for (let i = 0; i < opts.size; i++) slots.push(start());

  return {
    size: opts.size,
    get replaced() { return replaced; },
    get busy() { return slots.filter((s) => s.busy).length; },
    run<R>(task: (remote: Remote<T>) => Promise<R>, taskOpts: TaskOptions = {}): Promise<R> {
      if (closed) return Promise.reject(new Error('pool is closed'));
      return new Promise<R>((resolve, reject) => {
        queue.push({ task, resolve: resolve as (v: unknown) => void, reject, timeoutSeconds: taskOpts.timeoutSeconds });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('pool closed'));
      // Running tasks end too (a terminated web worker never reports its own death).
      for (const s of slots) if (s.job) s.job.reject(new Error('pool closed'));
      await Promise.all(slots.map(async (s) => { try { await s.worker.terminate(); } catch { /* gone */ } }));
    },
  };
}

/** Browser factory: `createPool({ size, create: webWorkerFactory(() => new Worker(url, { type: 'module' })) })`. */
export function webWorkerFactory<T>(makeWorker: () => Worker): () => PoolWorker<T> {
  return () => {
    const w = makeWorker();
    const exited = new Promise<Error>((resolve) => {
      w.addEventListener('error', (e) => resolve(new Error((e as ErrorEvent).message || 'worker error')));
    });
    return { remote: wrap<T>(w), exited, terminate: () => w.terminate() };
  };
}
